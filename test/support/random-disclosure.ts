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
  const classTotals = codes.filter((c) => c.length === 3).map((c) => ({ id: c, amounts: { total: rowsByCode.get(c)!.basic + rowsByCode.get(c)!.project, current: rowsByCode.get(c)!.basic + rowsByCode.get(c)!.project } }));
  const grand = classTotals.reduce((s, r) => s + r.amounts.total, 0);
  return {
    packId: "shanxi-unit-13",
    unit: { name: `随机单位${seed}`, year: 2025, type: "行政单位", department: "测试主管部门" },
    tables: {
      T1: { income: [{ id: "general", amounts: { incomeAmount: grand } }, { id: "carryover", amounts: { incomeAmount: seed % 3 === 0 ? yuan() : null } }], expenditure: classTotals },
      T2: { rows: t2 },
      T3: { rows: t3 },
      T5: { rows: t3 },
      T10: { rows: [{ id: "travelAbroad", amounts: { general: yuan() } }, { id: "vehicleOperation", amounts: { general: yuan(), fund: yuan() } }, { id: "reception", amounts: { general: yuan() } }] },
      T12: { rows: [{ name: "项目甲", amounts: { general: yuan(), unitFunds: yuan() } }, { name: "项目乙", amounts: { specialAccount: yuan() } }] },
    },
  };
}
