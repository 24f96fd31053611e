/**
 * The generated workbooks, recalculated by LibreOffice (a real spreadsheet engine),
 * give every formula the value the core computed, and the reference's figures.
 * Formula results are left out of the files, so the values can only come from LibreOffice.
 */
import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import { mkdtempSync, readFileSync } from "node:fs";
import { readDataFile } from "../src/core/data-format";
import { findPack } from "../src/core/packs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { displayText } from "../src/core/layout/display";
import { fillPattern } from "../src/core/layout/render";
import type { SheetLayout } from "../src/core/layout/types";
import { planInsertion } from "../src/core/layout/workbook";
import type { Disclosure } from "../src/core/model";
import { SHANXI_UNIT_13 } from "../src/core/packs/shanxi-unit-13";
import { plainValue } from "../src/cli/cell-values";
import { buildWorkbook } from "../src/cli/xlsx-writer";
import { recalculate } from "./support/libreoffice";
import { adjustRounding } from "../src/core/rounding/adjust";
import { cellAddress } from "../src/core/layout/a1";
import { randomDisclosure } from "./support/random-disclosure";
import { loadExample, normalizeCell, referenceGrid } from "./support/reference";

const dir = mkdtempSync(join(tmpdir(), "recalc-"));
function example(file: string): Disclosure {
  const read = readDataFile(JSON.parse(readFileSync(file, "utf8")));
  if (!read.ok) throw new Error(`${file} unreadable`);
  return read.disclosure;
}

const cases: { label: string; disclosure: Disclosure; layouts: SheetLayout[]; file: string; recalculated?: ExcelJS.Workbook; cached?: XLSX.WorkBook }[] = [
  { label: "reference", disclosure: loadExample() },
  ...[11, 22, 33].map((seed) => ({ label: `random seed ${seed}`, disclosure: randomDisclosure(seed, 15) })),
  { label: "Shanghai synthetic unit", disclosure: example("examples/shanghai-synthetic-2026.json") },
  // Grouped rows, three column groups in one table, and nested 政府采购 rows summed by SUMIFS(…,"<>").
  { label: "Jiangsu example department", disclosure: example("examples/jiangsu-example-2019.json") },
  { label: "reference after 尾差调整", disclosure: adjustRounding(findPack(loadExample().packId)!, loadExample()).disclosure },
].map((c, i) => {
  const pack = findPack(c.disclosure.packId)!;
  const layouts = planInsertion(pack, c.disclosure.unit, pack.tables.map((t) => t.id), [], c.disclosure.tables).layouts;
  return { ...c, layouts, file: join(dir, `case-${i}.xlsx`) };
});

beforeAll(async () => {
  for (const c of cases) await buildWorkbook(c.layouts, { withoutResults: true }).xlsx.writeFile(c.file);
  const outputs = recalculate(cases.map((c) => c.file));
  for (const [i, c] of cases.entries()) {
    c.recalculated = new ExcelJS.Workbook();
    await c.recalculated.xlsx.readFile(outputs[i]);
    // SheetJS keeps a cached result of 0 apart from no cached result, which ExcelJS reads alike.
    c.cached = XLSX.read(readFileSync(outputs[i]), { cellFormula: true });
  }
}, 300_000);

describe.each(cases.map((c) => [c.label, c] as const))("%s, recalculated by LibreOffice", (_label, c) => {
  it("gives every formula the value the core computed", () => {
    let checked = 0;
    for (const layout of c.layouts) {
      const sheet = c.recalculated!.getWorksheet(layout.sheetName);
      expect(sheet, layout.sheetName).toBeDefined();
      for (const cell of layout.cells) {
        if (!cell.formula) continue;
        const where = `${layout.sheetName} R${cell.row + 1}C${cell.col + 1}`;
        // Every formula has a result LibreOffice wrote: a cached 0 is a result, none is a failure.
        const cached = c.cached!.Sheets[layout.sheetName]?.[cellAddress(cell.row, cell.col)] as XLSX.CellObject | undefined;
        expect(cached?.f, `${where} keeps its formula`).toBeTruthy();
        expect(cached?.v, `${where} has a cached result`).toBeDefined();
        const raw = plainValue(sheet!.getCell(cell.row + 1, cell.col + 1).value);
        // ExcelJS reads a cached 0 (or "") as no result; SheetJS above has shown there is one.
        const value = raw ?? (typeof cell.result === "number" ? cached?.v : "");
        if (typeof cell.result === "number") {
          expect(typeof value, `${where} is a number`).toBe("number");
          expect(Math.abs((value as number) - cell.result), where).toBeLessThan(1e-6);
        } else {
          expect(value ?? "", where).toBe(cell.result);
        }
        checked++;
      }
    }
    // Every case has live totals: the smallest, the Jiangsu department's 12 tables, has 50.
    expect(checked).toBeGreaterThan(40);
  });
});

describe("the reference after 尾差调整, recalculated by LibreOffice", () => {
  it("prints every figure within 0.01 of the exact one, and every total as its ordinary rounding", () => {
    const adjusted = cases.find((c) => c.label === "reference after 尾差调整")!;
    const exact = cases.find((c) => c.label === "reference")!;
    let checked = 0;
    let offOrdinary = 0;
    for (const layout of exact.layouts) {
      const sheet = adjusted.recalculated!.getWorksheet(layout.sheetName)!;
      for (const cell of layout.cells) {
        const truth = cell.formula ? cell.result : cell.value;
        if ((cell.style !== "amount" && cell.style !== "totalAmount") || typeof truth !== "number") continue;
        const raw = sheet.getCell(cell.row + 1, cell.col + 1).value;
        const shown = typeof raw === "number" ? raw : typeof raw === "object" && raw !== null && "result" in raw ? Number((raw as { result?: number }).result ?? 0) : 0;
        const where = `${layout.sheetName}!${cellAddress(cell.row, cell.col)}`;
        expect(Math.abs(shown - truth), where).toBeLessThan(0.01);
        expect(Math.round(shown * 100), where).toBe(Math.round(shown * 100 + 1e-9)); // on the 0.01 grid
        // A total is its ordinary rounding, unless it is one moved figure shown again (a row with one typed amount).
        if (cell.formula && shown.toFixed(2) !== (Math.round(truth * 100 + 1e-9) / 100).toFixed(2)) {
          const typedInRow = layout.cells.filter((c) => c.row === cell.row && !c.formula && typeof c.value === "number" && c.value !== 0);
          expect(typedInRow.length, `${where}: a total off its ordinary rounding`).toBe(1);
          offOrdinary++;
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(150);
    expect(offOrdinary).toBeLessThanOrEqual(5);
  });
});

describe("the reference workbook after LibreOffice's recalculation", () => {
  it("reproduces every figure of the reference's 13 tables", () => {
    const c = cases[0];
    for (const layout of c.layouts) {
      const sheet = c.recalculated!.getWorksheet(layout.sheetName)!;
      const shown: string[][] = [];
      for (let r = layout.headerArea.firstRow; r <= layout.bodyArea.lastRow; r++) {
        const row: string[] = [];
        layout.columns.forEach((column, col) => {
          if (column.hidden) return;
          const cell = layout.cells.find((x) => x.row === r && x.col === col);
          const target = sheet.getCell(r + 1, col + 1);
          // ExcelJS repeats a merged cell's value in every cell it covers; a spreadsheet shows it once.
          const value = target.isMerged && target.master.address !== target.address ? null : plainValue(target.value);
          const asLayoutCell = cell ? { ...cell, formula: undefined, value: (value ?? undefined) as string | number | undefined } : undefined;
          row.push(normalizeCell(displayText(asLayoutCell, layout)));
        });
        if (row.some((x) => x !== "")) shown.push(row);
      }
      const table = SHANXI_UNIT_13.tables.find((t) => t.id === layout.tableId)!;
      const printed = referenceGrid(fillPattern(table.title, c.disclosure.unit)).filter((row) => row.some((x) => x !== ""));
      expect(shown, layout.tableId).toEqual(printed);
    }
  });
});
