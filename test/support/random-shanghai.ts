/**
 * Random but consistent disclosures for the Shanghai 9-table pack, amounts in 分 (so the 元 tables have
 * cents to round): subject rows of 类/款/项 split into 人员经费, 公用经费 and 项目支出, all 一般公共预算.
 */
import { ancestorCodes } from "../../src/core/codes";
import type { Disclosure, RowData } from "../../src/core/model";
import { FUNCTION_CLASSES } from "../../src/core/subjects/function-classes";
import { prng } from "./random-disclosure";

type Split = { personnel: number; publicExpense: number; project: number };

export function randomShanghaiDisclosure(seed: number, leafCount = 12): Disclosure {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const fen = () => Math.round(rand() * 50_000_000) + (rand() < 0.7 ? Math.round(rand() * 99) : 0);
  const leaves = new Map<string, Split>();
  while (leaves.size < leafCount) {
    const cls = pick(FUNCTION_CLASSES).code;
    const code = `${cls}${String(1 + Math.floor(rand() * 20)).padStart(2, "0")}${String(1 + Math.floor(rand() * 99)).padStart(2, "0")}`;
    leaves.set(code, { personnel: fen(), publicExpense: rand() < 0.7 ? fen() : 0, project: rand() < 0.4 ? fen() : 0 });
  }
  const byCode = new Map<string, Split>();
  for (const [code, a] of leaves)
    for (const c of [...ancestorCodes(code), code]) {
      const acc = byCode.get(c) ?? { personnel: 0, publicExpense: 0, project: 0 };
      acc.personnel += a.personnel;
      acc.publicExpense += a.publicExpense;
      acc.project += a.project;
      byCode.set(c, acc);
    }
  const codes = [...byCode.keys()].sort();
  const total = (s: Split) => s.personnel + s.publicExpense + s.project;
  const basic = (s: Split) => s.personnel + s.publicExpense;
  const classes = codes.filter((c) => c.length === 3);
  const grand = classes.reduce((sum, c) => sum + total(byCode.get(c)!), 0);
  const personnel = classes.reduce((sum, c) => sum + byCode.get(c)!.personnel, 0);
  const publicExpense = classes.reduce((sum, c) => sum + byCode.get(c)!.publicExpense, 0);
  const subjectRows = (amounts: (s: Split) => RowData["amounts"]): RowData[] => codes.map((code) => ({ code, name: `科目${code}`, amounts: amounts(byCode.get(code)!) }));
  // 表8: 人员经费 in 301 (两款), 公用经费 in 302 (两款), adding up to the 基本支出 of 表5.
  const pay = Math.round(personnel * 0.7);
  const office = Math.round(publicExpense * 0.4);
  const t8: RowData[] = [
    { code: "301", name: "工资福利支出", amounts: { personnel } },
    { code: "30101", name: "基本工资", amounts: { personnel: pay } },
    { code: "30102", name: "津贴补贴", amounts: { personnel: personnel - pay } },
    { code: "302", name: "商品和服务支出", amounts: { publicExpense } },
    { code: "30201", name: "办公费", amounts: { publicExpense: office } },
    { code: "30299", name: "其他商品和服务支出", amounts: { publicExpense: publicExpense - office } },
  ];
  const t3 = subjectRows((s) => ({ basic: basic(s), project: s.project }));
  return {
    packId: "shanghai-unit-9",
    unit: { name: `随机区级单位${seed}`, year: 2026, type: "事业单位", department: "测试区主管部门" },
    tables: {
      T1: {
        income: [{ id: "general", amounts: { incomeAmount: grand } }],
        expenditure: classes.map((c) => ({ id: c, amounts: { personnel: byCode.get(c)!.personnel, publicExpense: byCode.get(c)!.publicExpense, project: byCode.get(c)!.project } })),
      },
      T2: { rows: subjectRows((s) => ({ appropriation: total(s) })) },
      T3: { rows: t3 },
      T4: { income: [{ id: "general", amounts: { incomeAmount: grand } }], expenditure: classes.map((c) => ({ id: c, amounts: { general: total(byCode.get(c)!) } })) },
      T5: { rows: subjectRows((s) => ({ basic: basic(s), project: s.project })) },
      T8: { rows: t8 },
      T9: { rows: [{ id: "amounts", amounts: { reception: fen() * 100, vehicleOperation: fen() * 100, travelAbroad: 0, vehiclePurchase: 0 } }] },
    },
  };
}
