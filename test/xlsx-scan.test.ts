/**
 * The .xlsx scan (src/io/xlsx-package.ts) reads the same cells as SheetJS: every value, merge, hidden flag,
 * name and note, on workbooks written by SheetJS and by ExcelJS (our generator, a real template's thousands
 * of styled empty rows), with strings that need unescaping, in the pane's way (fflate, a decoded string)
 * and the command line's (Node's zlib, bytes searched).
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readWorkbookBytes } from "../src/io/workbook-file";
import { nativeZipParts } from "../src/cli/zip-native";
import { markupOfBuffer } from "../src/cli/markup-buffer";
import { zipParts } from "../src/io/zip-parts";
import { scannedWorkbook } from "../src/io/xlsx-package";
import type { WorkbookCells } from "../src/core/workbook-cells";
import { readDataFile } from "../src/core/data-format";
import { readFileSync } from "node:fs";
import { plainSheets, workbookFile, textSheet } from "./support/foreign-workbooks";

const dump = (book: WorkbookCells) => ({
  names: [...book.names],
  problems: book.problems ?? [],
  settings: book.documentSettings ? [...book.documentSettings] : null,
  sheets: book.sheets.map((s) => ({
    name: s.name,
    hidden: s.hidden,
    rowCount: s.rowCount,
    colCount: s.colCount,
    merges: s.merges,
    values: Array.from({ length: s.rowCount }, (_, r) => Array.from({ length: s.colCount }, (_, c) => s.value(r, c))),
  })),
});

async function expectSameReading(bytes: Uint8Array): Promise<void> {
  const sheetjs = dump(await readWorkbookBytes(bytes, "x.xlsx", { reader: "sheetjs" }));
  expect(dump(await readWorkbookBytes(bytes, "x.xlsx"))).toEqual(sheetjs);
  expect(dump(await readWorkbookBytes(bytes, "x.xlsx", { unzip: nativeZipParts, markupOf: markupOfBuffer }))).toEqual(sheetjs);
  // The scan itself read it (it hands nothing it cannot read to SheetJS silently in these files).
  expect(scannedWorkbook(zipParts(bytes)!, 20_000)).not.toBeNull();
}

const shanghai = () => {
  const data = readDataFile(JSON.parse(readFileSync("examples/shanghai-synthetic-2026.json", "utf8")));
  if (!data.ok) throw new Error("example");
  return data.disclosure;
};

describe("the .xlsx scan reads what SheetJS reads", () => {
  it("a SheetJS-written disclosure, sheets hidden", async () => {
    const sheets = plainSheets(shanghai());
    sheets[2] = { ...sheets[2], hidden: true };
    await expectSameReading(workbookFile(sheets, "xlsx"));
  });

  it("an ExcelJS-written real-template shape: thousands of styled empty rows, rich and inline text, errors, booleans, a formula without its result", async () => {
    const workbook = new ExcelJS.Workbook();
    for (const sheet of plainSheets(shanghai()).slice(0, 3)) {
      const ws = workbook.addWorksheet(sheet.name);
      sheet.rows.forEach((row, r) => row.forEach((v, c) => {
        if (typeof v === "string" || typeof v === "number") ws.getCell(r + 1, c + 1).value = v;
      }));
      for (const m of sheet.merges) ws.mergeCells(m.firstRow + 1, m.firstCol + 1, m.lastRow + 1, m.lastCol + 1);
      for (let r = sheet.bodyRows[1] + 2; r <= 3_400; r++) for (let c = 1; c <= 8; c++) ws.getCell(r, c).border = { top: { style: "thin" } };
    }
    const extra = workbook.addWorksheet("说明 & <其他>");
    extra.getCell("A1").value = { richText: [{ text: "一、", font: { color: { argb: "FFFF0000" } } }, { text: "收入 & 支出 <合计>" }] };
    extra.getCell("A2").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
    extra.getCell("A3").value = true;
    extra.getCell("A4").value = { formula: "1+1" } as ExcelJS.CellFormulaValue;
    extra.getCell("A5").value = "第一行\r\n第二行 _x000D_";
    extra.state = "veryHidden";
    workbook.definedNames.add("'说明 & <其他>'!$A$1:$A$3", "YS_TEST");
    await expectSameReading(new Uint8Array(await workbook.xlsx.writeBuffer()));
  });

  it("any text and number a cell may hold", async () => {
    const cell = fc.oneof(fc.string({ unit: fc.constantFrom("a", "&", "<", ">", '"', "'", "_x000D_", "中", " ", "\n", "#", "1") }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.constant(null));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), async (rows) => {
        await expectSameReading(workbookFile([textSheet("表", rows)], "xlsx"));
      }),
      { numRuns: 40 },
    );
  });

  it("leaves to SheetJS what it does not read the same way: a sheet declared beyond the row cap", async () => {
    const rows = Array.from({ length: 20_001 }, (_, i) => [i]);
    const bytes = workbookFile([textSheet("大表", rows)], "xlsx");
    expect(scannedWorkbook(zipParts(bytes)!, 20_000)).toBeNull();
    const book = await readWorkbookBytes(bytes, "x.xlsx");
    expect(book.problems?.[0]?.message).toContain("超过");
  });
});
