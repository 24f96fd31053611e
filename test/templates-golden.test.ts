import { describe, expect, it } from "vitest";
import { displayGrid } from "../src/core/layout/display";
import { renderTable, fillPattern } from "../src/core/layout/render";
import { SHANXI_UNIT_13 } from "../src/core/packs/shanxi-unit-13";
import { loadExample, referenceGrid, referenceLinesAfter, referenceNoteAfter, normalizeCell } from "./support/reference";

const example = loadExample();
const nonEmpty = (grid: string[][]) => grid.filter((row) => row.some((c) => c !== "")).map((row) => row.map(normalizeCell));

describe("the Shanxi pack reproduces every table of the reference", () => {
  it("has the 13 tables in the reference's order", () => {
    expect(SHANXI_UNIT_13.tables.map((t) => t.id)).toEqual(["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11", "T12", "T13"]);
  });

  for (const table of SHANXI_UNIT_13.tables) {
    const title = fillPattern(table.title, example.unit);
    describe(`${table.id} ${title}`, () => {
      const layout = renderTable({ pack: SHANXI_UNIT_13, table, unit: example.unit, data: example.tables[table.id] });

      it("prints the title, 单位名称 and 单位 lines as the reference", () => {
        const titleCell = layout.cells.find((c) => c.style === "title");
        expect(titleCell?.value).toBe(title);
        const [unitLine, amountUnitLine] = referenceLinesAfter(title, 2);
        expect(layout.cells.find((c) => c.style === "unitLine")?.value).toBe(unitLine);
        expect(layout.cells.find((c) => c.style === "amountUnitLine")?.value).toBe(amountUnitLine);
      });

      it("prints header rows, row labels and every figure as the reference (2 decimals)", () => {
        const shown = nonEmpty(displayGrid(layout, layout.headerArea.firstRow, layout.bodyArea.lastRow));
        const printed = nonEmpty(referenceGrid(title));
        expect(shown).toEqual(printed);
      });

      it("keeps its totals as live formulas: every amount of a 合计 row, of a fixed row that sums others, and of a row-sum column", () => {
        const formulaAt = (row: number, key: string) => {
          const col = table.columns.findIndex((c) => c.key === key);
          return layout.cells.find((c) => c.row === row && c.col === col)?.formula;
        };
        // An empty table prints its 合计 row blank, as the reference does.
        const hasData = Object.values(example.tables[table.id] ?? {}).some((rows) => rows.length > 0);
        if (!hasData) return;
        let expected = 0;
        for (const row of layout.rows) {
          const side = table.sides.find((s) => s.id === row.side);
          if (!side) continue;
          const amounts = side.columns.filter((k) => table.columns.find((c) => c.key === k)?.kind === "amount");
          const fixed = [...(side.body.kind === "fixed" ? side.body.rows : []), ...(side.footer ?? [])].find((f) => f.id === row.key);
          const sumsRows = row.role === "total" || (fixed?.sumOf?.length ?? 0) > 0;
          const keys = sumsRows ? amounts : row.role === "blank" ? [] : (side.rowSums ?? []).map((r) => r.target);
          for (const key of keys) {
            expected++;
            expect(formulaAt(row.row, key), `${table.id} row ${row.row + 1} ${key}`).toBeDefined();
          }
        }
        expect(expected).toBeGreaterThan(0);
      });

      it("shows the empty-table note exactly where the reference prints it", () => {
        const note = layout.cells.find((c) => c.style === "note");
        expect(note?.formula?.op).toBe("emptyNote");
        expect(note?.result || null).toBe(referenceNoteAfter(title));
      });
    });
  }
});

describe("blank templates", () => {
  it("render every table without data, with rows left for typing and the empty note showing", () => {
    for (const table of SHANXI_UNIT_13.tables) {
      const layout = renderTable({ pack: SHANXI_UNIT_13, table, unit: example.unit });
      expect(layout.cells.find((c) => c.style === "note")?.result).toBe("注：本表无数据");
      expect(layout.bodyArea.lastRow).toBeGreaterThan(layout.bodyArea.firstRow);
    }
  });
});

describe("the example data (a reconstruction at 元 precision)", () => {
  const amount = (table: string, side: string, key: string, column: string) =>
    example.tables[table][side].find((r) => r.code === key || r.id === key)!.amounts[column];

  it("holds an amount that appears in several tables as the same figure everywhere", () => {
    const same: [string, [string, string, string, string][]][] = [
      ["2080505 机关事业单位基本养老保险缴费", [["T2", "rows", "2080505", "general"], ["T3", "rows", "2080505", "basic"], ["T5", "rows", "2080505", "basic"], ["T6", "rows", "30108", "total"]]],
      ["2080502 事业单位离退休 / 退休费", [["T2", "rows", "2080502", "general"], ["T3", "rows", "2080502", "basic"], ["T5", "rows", "2080502", "basic"], ["T6", "rows", "30302", "total"]]],
      ["2101102 事业单位医疗 / 职工基本医疗保险缴费", [["T2", "rows", "2101102", "general"], ["T3", "rows", "2101102", "basic"], ["T6", "rows", "30110", "total"]]],
      ["2210201 住房公积金", [["T2", "rows", "2210201", "general"], ["T3", "rows", "2210201", "basic"], ["T6", "rows", "30113", "total"]]],
      ["2100799 / 其他对个人和家庭的补助", [["T3", "rows", "2100799", "basic"], ["T6", "rows", "30399", "total"]]],
      ["一般公共预算收入", [["T1", "income", "general", "incomeAmount"], ["T2", "rows", "total", "general"], ["T4", "income", "general", "incomeAmount"], ["T3", "rows", "total", "total"]]],
      ["基本支出", [["T3", "rows", "total", "basic"], ["T5", "rows", "total", "basic"], ["T6", "rows", "total", "total"]]],
      ["项目支出", [["T3", "rows", "total", "project"], ["T12", "rows", "total", "general"]]],
    ];
    for (const [label, refs] of same) {
      const values = refs.map(([t, s, k, c]) => amount(t, s, k, c));
      expect(new Set(values).size, `${label}: ${values.join(", ")}`).toBe(1);
      expect(values[0]).toBeGreaterThan(0);
    }
  });

  it("holds 元 amounts that are not all whole hundreds (so they round one by one, as the reference did)", () => {
    expect(amount("T3", "rows", "2080502", "basic")! / 100).toBe(14_440);
    expect(amount("T3", "rows", "2080505", "basic")! / 100).toBe(64_340);
    expect(amount("T3", "rows", "20805", "basic")! / 100).toBe(78_780);
  });
});
