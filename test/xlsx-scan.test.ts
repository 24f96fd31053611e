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
import { strToU8, zipSync } from "fflate";
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

/** An .xlsx package of one sheet named 表 whose part is `sheetXml`, as a program that writes it by hand would zip it. */
function oneSheetPackage(sheetXml: string): Uint8Array {
  const files = {
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    "xl/worksheets/sheet1.xml": sheetXml,
  };
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));
}

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

  it("finds every kind of filled cell between thousands of empty styled ones, with or without a namespace prefix", async () => {
    // Each kind of content a filled cell may hold; the scan jumps to the marks of these children (v>, is>, f>, "f t=").
    const kinds: ((prefix: string, address: string, index: number) => string)[] = [
      (p: string, r: string) => `<${p}c r="${r}" s="1"><${p}v>12.5</${p}v></${p}c>`,
      (p: string, r: string) => `<${p}c r="${r}" t="inlineStr"><${p}is><${p}t>合计</${p}t></${p}is></${p}c>`,
      // Text that holds the marks themselves.
      (p: string, r: string) => `<${p}c r="${r}" t="inlineStr"><${p}is><${p}t xml:space="preserve"> 合计 v&gt; f t=</${p}t></${p}is></${p}c>`,
      (p: string, r: string) => `<${p}c r="${r}"><${p}f>SUM(A1:A2)</${p}f></${p}c>`,
      // A shared formula's master and the cell that shares it (only "f t=" marks it), both saved without results.
      (p: string, r: string, k: number) => `<${p}c r="${r}"><${p}f t="shared" ref="${r}:${r.replace("B", "C")}" si="${k}">A1*2</${p}f></${p}c><${p}c r="${r.replace("B", "C")}"><${p}f t="shared" si="${k}"/></${p}c>`,
      (p: string, r: string) => `<${p}c r="${r}" t="e"><${p}v>#N/A</${p}v></${p}c>`,
      (p: string, r: string) => `<${p}c r="${r}" t="str"><${p}f>"a"&amp;"b"</${p}f><${p}v>ab</${p}v></${p}c>`,
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("", "x:"), fc.array(fc.tuple(fc.integer({ min: 0, max: kinds.length - 1 }), fc.integer({ min: 1, max: 400 })), { minLength: 1, maxLength: 12 }), async (p, cells) => {
        let row = 1;
        const rows: string[] = [];
        // SheetJS does not count the sharing cell of a prefixed shared formula saved without results (the scan does): left out there.
        if (p !== "") cells = cells.filter(([kind]) => kind !== 4);
        if (cells.length === 0) return;
        for (const [kind, emptyRows] of cells) {
          // Empty styled rows, as a template declares them, then a row whose B cell is filled.
          for (let i = 0; i < emptyRows; i++, row++) rows.push(`<${p}row r="${row}" spans="1:3" customHeight="1"><${p}c r="A${row}" s="1"/><${p}c r="B${row}" s="2"/></${p}row>`);
          rows.push(`<${p}row r="${row}"><${p}c r="A${row}" s="1"/>${kinds[kind](p, `B${row}`, rows.length)}</${p}row>`);
          row++;
        }
        const ns = p ? ` xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"` : ` xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`;
        const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${p}worksheet${ns}><${p}dimension ref="A1:C${row - 1}"/><${p}sheetData>${rows.join("")}</${p}sheetData></${p}worksheet>`;
        const bytes = oneSheetPackage(sheet);
        const read = dump(await readWorkbookBytes(bytes, "x.xlsx", { unzip: nativeZipParts, markupOf: markupOfBuffer }));
        await expectSameReading(bytes);
        // Every filled cell was read: a value, or a formula saved without its result that the reading notes.
        const filled = read.sheets[0].values.flat().filter((v) => v !== null).length;
        const withoutResult = cells.reduce((n, [kind]) => n + (kind === 3 ? 1 : kind === 4 ? 2 : 0), 0);
        expect(filled).toBe(cells.filter(([kind]) => kind !== 3 && kind !== 4).length);
        expect(read.problems.map((x) => x.message).join("")).toContain(withoutResult > 0 ? `${withoutResult} 个` : "");
      }),
      { numRuns: 30 },
    );
  });

  it("every error literal a cell may hold: the ones SheetJS knows as themselves, any other as an unknown error", async () => {
    const literals = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#WAITING!", "#WTF?", "#SPILL!", "#CALC!", "#BUSY!", "#FOO!"];
    const rows = literals.map((literal, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="e"><v>${literal}</v></c></row>`).join("");
    const bytes = oneSheetPackage(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`);
    await expectSameReading(bytes);
    const read = dump(await readWorkbookBytes(bytes, "x.xlsx", { unzip: nativeZipParts, markupOf: markupOfBuffer }));
    expect(read.sheets[0].values.flat().filter((v) => JSON.stringify(v) === '{"error":"#UNKNOWN!"}')).toHaveLength(6);
  });

  it("leaves to SheetJS what it does not read the same way: a sheet declared beyond the row cap", async () => {
    const rows = Array.from({ length: 20_001 }, (_, i) => [i]);
    const bytes = workbookFile([textSheet("大表", rows)], "xlsx");
    expect(scannedWorkbook(zipParts(bytes)!, 20_000)).toBeNull();
    const book = await readWorkbookBytes(bytes, "x.xlsx");
    expect(book.problems?.[0]?.message).toContain("超过");
  });
});
