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

      it("keeps its totals as live formulas", () => {
        const formulas = layout.cells.filter((c) => c.formula && c.formula.op !== "emptyNote");
        expect(formulas.length).toBeGreaterThan(0);
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
