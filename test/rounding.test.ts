/** 尾差调整: printed 万元 figures that tie exactly, each within 0.01 of the truth. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { layoutCellValues, readLayoutValues } from "../src/core/layout/read-back";
import { planInsertion } from "../src/core/layout/workbook";
import type { Disclosure } from "../src/core/model";
import { findPack } from "../src/core/packs";
import { adjustRounding } from "../src/core/rounding/adjust";
import { validate, validationInputOf } from "../src/core/validation/engine";
import { loadExample } from "./support/reference";
import { randomDisclosure } from "./support/random-disclosure";
import { randomShanghaiDisclosure } from "./support/random-shanghai";
import type { TableSpec, TemplatePack } from "../src/core/packs/types";
import { amount, fig, label } from "../src/core/packs/declare";
import { roundingChanges } from "../src/core/rounding/changes";
import { readWorkbookCells } from "../src/core/read-workbook";
import { cellsOf, plainSheets, shiftRight } from "./support/foreign-workbooks";

function validateDisclosure(d: Disclosure) {
  const pack = findPack(d.packId)!;
  const layouts = planInsertion(pack, d.unit, pack.tables.map((t) => t.id), [], d.tables).layouts;
  const reading = readLayoutValues(layouts, new Map(layouts.map((l) => [l.sheetName, layoutCellValues(l)])), d.unit);
  return validate(validationInputOf(reading, d.unit, true)!);
}

describe("尾差调整 of the reference", () => {
  const example = loadExample();
  it("validates with no error, no warning and no rounding information", () => {
    expect(validateDisclosure(example).counts).toEqual({ error: 0, warning: 0, info: 10 });
    const adjusted = adjustRounding(findPack(example.packId)!, example);
    expect(adjusted.residuals).toEqual([]);
    const report = validateDisclosure(adjusted.disclosure);
    expect(report.findings).toEqual([]);
    expect(adjusted.moved.length).toBeGreaterThan(0);
    for (const m of adjusted.moved) expect(Math.abs(m.adjusted - m.exact)).toBeLessThan(10_000);
  });
});

/** Exact values of every amount cell (分) of a disclosure's rendered tables: leaves and totals alike. */
function exactCells(d: Disclosure): Map<string, number> {
  const pack = findPack(d.packId)!;
  const out = new Map<string, number>();
  for (const layout of planInsertion(pack, d.unit, pack.tables.map((t) => t.id), [], d.tables).layouts)
    for (const c of layout.cells) {
      const v = c.formula ? c.result : c.value;
      if ((c.style === "amount" || c.style === "totalAmount") && typeof v === "number") out.set(`${layout.sheetName}!${c.row}:${c.col}`, Math.round(v * (layout.amountUnit === "元" ? 100 : 1_000_000)));
    }
  return out;
}

describe("尾差调整 of random consistent disclosures (fast-check)", () => {
  it("keeps every printed figure within 0.01, ties every identity, and moves no typed figure by more than 0.01", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 40, max: 260 }), fc.boolean(), (seed, leaves, shanghai) => {
        const d = shanghai ? randomShanghaiDisclosure(seed, leaves) : randomDisclosure(seed, leaves);
        const step = (sheet: string) => (shanghai && !sheet.includes("三公") ? 100 : 10_000); // 元 tables round to 1 元, 万元 ones to 0.01 万元
        const adjusted = adjustRounding(findPack(d.packId)!, d);
        const before = exactCells(d);
        const after = exactCells(adjusted.disclosure);
        for (const [place, exact] of before) {
          const printed = after.get(place)!;
          expect(printed % step(place), place).toBe(0);
          expect(Math.abs(printed - exact), place).toBeLessThan(step(place));
        }
        expect(adjusted.residuals).toEqual([]);
        const report = validateDisclosure(adjusted.disclosure);
        expect(report.findings.filter((f) => f.ruleId !== "subject-list")).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});

describe("a disclosure where no rounding ties everything", () => {
  // Three one-row tables whose cells are tied around a triangle: a + b, b + c and c + a, each leaf 0.005 万元.
  const row = (id: string): TableSpec => ({
    id,
    sheetName: id,
    title: `{year}年${id}表`,
    landscape: false,
    columns: [label("item", 10), amount("a"), amount("b"), amount("total")],
    header: [["项目", "甲", "乙", "合计"]],
    sides: [{ id: "rows", columns: ["item", "a", "b", "total"], labelColumn: "item", body: { kind: "fixed", rows: [{ id: "r", label: "金额" }] }, rowSums: [{ target: "total", sources: ["a", "b"] }] }],
  });
  const pack: TemplatePack = {
    id: "triangle",
    version: 1,
    name: "三角",
    region: "测试",
    amountUnit: "万元",
    decimals: 2,
    unitLine: "单位名称：{unit}",
    amountUnitLine: "单位：万元",
    tables: [row("P"), row("Q"), row("R")],
    ties: [
      { id: "PQ", kind: "figure", relation: "eq", left: fig("P", "rows", "r", "b"), right: fig("Q", "rows", "r", "a"), description: "P乙 = Q甲" },
      { id: "QR", kind: "figure", relation: "eq", left: fig("Q", "rows", "r", "b"), right: fig("R", "rows", "r", "a"), description: "Q乙 = R甲" },
      { id: "RP", kind: "figure", relation: "eq", left: fig("R", "rows", "r", "b"), right: fig("P", "rows", "r", "a"), description: "R乙 = P甲" },
    ],
  };
  const half = { a: 5_000, b: 5_000 }; // 0.005 万元 each, in 分
  const d: Disclosure = { packId: "triangle", unit: { name: "测试单位", year: 2025, type: "事业单位", department: "" }, tables: Object.fromEntries(["P", "Q", "R"].map((t) => [t, { rows: [{ id: "r", amounts: { ...half } }] }])) };

  it("gives the fewest residuals (one), each naming its cells", () => {
    const adjusted = adjustRounding(pack, d);
    expect(adjusted.residuals).toHaveLength(1);
    expect(adjusted.residuals[0].places.length).toBeGreaterThan(0);
    for (const p of adjusted.residuals[0].places) expect(p.cell).toMatch(/^[A-Z]+\d+$/);
    for (const m of adjusted.moved) expect(Math.abs(m.adjusted - m.exact)).toBeLessThan(10_000);
  });
});

describe("尾差调整 of a workbook as read", () => {
  it("names the real cells of a recognised table (a blank column on the left)", () => {
    const example = loadExample();
    const sheets = plainSheets(example).map((s) => (s.tableId === "T3" ? shiftRight(s, 1) : s));
    const reading = readWorkbookCells(cellsOf(sheets), { type: example.unit.type });
    const changes = roundingChanges(reading, adjustRounding(reading.pack!, reading.disclosure!));
    expect(changes).toContainEqual({ sheetName: "表三 支出总表", cell: "E11", exact: 1.444, after: 1.45 });
    expect(changes.every((c) => Math.abs(c.after - c.exact) < 0.01)).toBe(true);
  });
});
