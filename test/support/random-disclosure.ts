/**
 * Random but consistent disclosures for the Shanxi pack, from a seed: subject rows
 * of 类/款/项 with amounts in 分 (元 precision), used where the reference's data is
 * one case among many.
 */
import { ancestorCodes } from "../../src/core/codes";
import type { Disclosure, RowData } from "../../src/core/model";
import { FUNCTION_CLASSES } from "../../src/core/subjects/function-classes";

/** mulberry32: a small deterministic PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomDisclosure(seed: number, leafCount = 12): Disclosure {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const yuan = () => Math.round(rand() * 5_000_000) * 100 + (rand() < 0.5 ? Math.round(rand() * 99) : 0); // 分
  const leaves = new Map<string, { basic: number; project: number }>();
  while (leaves.size < leafCount) {
    const cls = pick(FUNCTION_CLASSES).code;
    const code = `${cls}${String(1 + Math.floor(rand() * 20)).padStart(2, "0")}${String(1 + Math.floor(rand() * 99)).padStart(2, "0")}`;
    leaves.set(code, { basic: yuan(), project: rand() < 0.4 ? yuan() : 0 });
  }
  const rowsByCode = new Map<string, { basic: number; project: number }>();
  for (const [code, a] of leaves) {
    for (const c of [...ancestorCodes(code), code]) {
      const acc = rowsByCode.get(c) ?? { basic: 0, project: 0 };
      if (c !== code) {
        acc.basic += a.basic;
        acc.project += a.project;
      } else Object.assign(acc, a);
      rowsByCode.set(c, acc);
    }
  }
  const codes = [...rowsByCode.keys()].sort();
  const subjectRows = (make: (a: { basic: number; project: number }) => RowData["amounts"]): RowData[] =>
    codes.map((code) => ({ code, name: `科目${code}`, amounts: make(rowsByCode.get(code)!) }));
  const t3 = subjectRows((a) => ({ total: a.basic + a.project, basic: a.basic, project: a.project }));
  const t2 = subjectRows((a) => ({ total: a.basic + a.project, general: a.basic + a.project }));
  const classAmount = (c: string) => rowsByCode.get(c)!.basic + rowsByCode.get(c)!.project;
  const classes = codes.filter((c) => c.length === 3);
  const grand = classes.reduce((sum, c) => sum + classAmount(c), 0);
  const basicTotal = classes.reduce((sum, c) => sum + rowsByCode.get(c)!.basic, 0);
  const projectTotal = classes.reduce((sum, c) => sum + rowsByCode.get(c)!.project, 0);
  // 表六: basic expenditure by economic class, adding up to the basic total exactly.
  const salary = Math.round(basicTotal * 0.6);
  const pay = Math.round(salary * 0.7);
  const goods = basicTotal - salary;
  const office = Math.round(goods / 3);
  const t6: RowData[] = [
    { code: "301", name: "工资福利支出", amounts: { total: salary, personnel: salary } },
    { code: "30101", name: "基本工资", amounts: { total: pay, personnel: pay }, texts: { govName: "工资福利支出" } },
    { code: "30102", name: "津贴补贴", amounts: { total: salary - pay, personnel: salary - pay }, texts: { govName: "工资福利支出" } },
    { code: "302", name: "商品和服务支出", amounts: { total: goods, publicExpense: goods } },
    { code: "30201", name: "办公费", amounts: { total: office, publicExpense: office }, texts: { govName: "商品和服务支出" } },
    { code: "30299", name: "其他商品和服务支出", amounts: { total: goods - office, publicExpense: goods - office }, texts: { govName: "商品和服务支出" } },
  ];
  const projectA = Math.round(projectTotal / 3);
  return {
    packId: "shanxi-unit-13",
    unit: { name: `随机单位${seed}`, year: 2025, type: "行政单位", department: "测试主管部门" },
    tables: {
      T1: { income: [{ id: "general", amounts: { incomeAmount: grand } }], expenditure: classes.map((c) => ({ id: c, amounts: { current: classAmount(c) } })) },
      T2: { rows: t2 },
      T3: { rows: t3 },
      T4: { income: [{ id: "general", amounts: { incomeAmount: grand } }], expenditure: classes.map((c) => ({ id: c, amounts: { general: classAmount(c) } })) },
      T5: { rows: t3 },
      T6: { rows: t6 },
      T10: { rows: [{ id: "travelAbroad", amounts: { general: yuan() } }, { id: "vehicleOperation", amounts: { general: yuan(), fund: yuan() } }, { id: "reception", amounts: { general: yuan() } }] },
      T11: { rows: [{ name: `随机单位${seed}`, amounts: { general: yuan() } }] },
      T12: { rows: projectTotal > 0 ? [{ name: "项目甲", amounts: { general: projectA } }, { name: "项目乙", amounts: { general: projectTotal - projectA } }] : [] },
    },
  };
}
