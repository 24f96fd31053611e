/**
 * Plain sheets written as a unit would print them (ExcelJS): every table ruled from its header to its last
 * row, columns wide enough for what they hold, amounts with two decimals (whole 元 without) and held as
 * printed, one page wide.
 * LibreOffice then prints the file to PDF as a published disclosure would be printed.
 */
import ExcelJS from "exceljs";
import type { CellValue } from "../../src/core/amount";
import type { PlainSheet } from "./foreign-workbooks";

const THIN: Partial<ExcelJS.Border> = { style: "thin" };
/** A character's print width in Excel's column units: a Chinese character takes two. */
const widthOf = (value: CellValue): number => [...String(value ?? "")].reduce((sum, ch) => sum + (/[\u2E80-\uFFFF]/.test(ch) ? 2.1 : 1.1), 0);

/** The body's number format: whole 元 without decimals (a table whose unit line says 元 and whose figures are whole), else two decimals. */
function amountFormat(sheet: PlainSheet, col: number): string {
  const [first, last] = sheet.bodyRows;
  const numbers = sheet.rows.slice(first, last + 1).map((r) => r[col]).filter((v): v is number => typeof v === "number");
  const inYuan = sheet.rows.slice(0, first).some((r) => r.some((v) => typeof v === "string" && /单位[:：]\s*元/.test(v)));
  // A code column stored as numbers (2080505) prints as it is: its header says 编码 (or 类, 款, 项).
  const header = sheet.rows.slice(sheet.headerRows[0], sheet.headerRows[1] + 1).map((r) => String(r[col] ?? ""));
  if (header.some((h) => /编码|代码|^[类款项]$/.test(h))) return "0";
  return inYuan && numbers.every(Number.isInteger) ? "#,##0" : "#,##0.00";
}

/** The sheet's figures as it prints them (two decimals, or whole 元): what an accountant typing the printed tables would hold. */
export function asPrinted(sheet: PlainSheet): PlainSheet {
  const [first, last] = sheet.bodyRows;
  return {
    ...sheet,
    rows: sheet.rows.map((row, r) =>
      r < first || r > last
        ? row
        : row.map((value, c) => {
            if (typeof value !== "number") return value;
            const decimals = amountFormat(sheet, c).endsWith(".00") ? 2 : 0;
            return Math.round(value * 10 ** decimals) / 10 ** decimals;
          }),
    ),
  };
}

export async function printableWorkbook(sheets: readonly PlainSheet[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const s of sheets.map(asPrinted)) {
    const ws = book.addWorksheet(s.name, { pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    const width = Math.max(1, ...s.rows.map((r) => r.length));
    const merged = (r: number, c: number) => s.merges.some((m) => m.firstRow <= r && r <= m.lastRow && m.firstCol <= c && c <= m.lastCol && m.firstCol !== m.lastCol);
    s.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === null || value === undefined || typeof value === "object") return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = value;
        if (typeof value === "number" && r >= s.bodyRows[0] && r <= s.bodyRows[1]) cell.numFmt = amountFormat(s, c);
      }),
    );
    for (const m of s.merges) ws.mergeCells(m.firstRow + 1, m.firstCol + 1, m.lastRow + 1, m.lastCol + 1);
    const isTable = s.tableId !== "";
    for (let c = 0; c < width; c++) {
      // Wide enough for the column's own cells (a table's title and text spanning columns aside), as a template is set up:
      // nothing is cut at a cell's edge or at the edge of the print area.
      const own = s.rows.map((row, r) => ((isTable && r === s.titleRow) || merged(r, c) ? 0 : widthOf(row[c] ?? null)));
      ws.getColumn(c + 1).width = Math.min(Math.max(8, ...own) + 2, 80);
      if (s.hiddenColumns.includes(c)) ws.getColumn(c + 1).hidden = true;
    }
    // A merged cell's text (the 单位名称 line over two columns) fits its area too: its last column widened where it would not.
    for (const m of s.merges) {
      if (isTable && m.firstRow === s.titleRow) continue;
      const columns = Array.from({ length: m.lastCol - m.firstCol + 1 }, (_, k) => ws.getColumn(m.firstCol + k + 1));
      const short = widthOf(s.rows[m.firstRow]?.[m.firstCol] ?? null) + 2 - columns.reduce((sum, column) => sum + (column.width ?? 8), 0);
      if (short > 0) columns[columns.length - 1].width = (columns[columns.length - 1].width ?? 8) + short;
    }
    if (!isTable) continue;
    // The rules of the table: its header and body, every cell, as far as the table is wide.
    const tableRows = s.rows.slice(s.headerRows[0], s.bodyRows[1] + 1);
    const filled = (v: CellValue | undefined) => v !== null && v !== undefined;
    const tableWidth = Math.max(...tableRows.map((row) => row.reduce<number>((w, v, c) => (filled(v) ? c + 1 : w), 0)), ...s.merges.filter((m) => m.firstRow >= s.headerRows[0]).map((m) => m.lastCol + 1));
    const firstCol = Math.min(...tableRows.map((row) => row.findIndex(filled)).filter((i) => i >= 0));
    for (let r = s.headerRows[0]; r <= s.bodyRows[1]; r++) for (let c = firstCol; c < tableWidth; c++) ws.getCell(r + 1, c + 1).border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
