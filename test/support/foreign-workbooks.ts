/**
 * Workbooks that our generator did not write, built in the tests from the packs' layouts and
 * the reference descriptions: values typed over formulas, no defined names, and the variants
 * real users send (sheets renamed and reordered, a 封面 and 目录 in front, blank columns on the
 * left, other titles, 单位 lines and amount units, headers repeated over merges, codes as
 * numbers, 合计 last, rows in another order, hidden columns, .xls).
 */
import * as XLSX from "@e965/xlsx";
import type { CellValue } from "../../src/core/amount";
import type { Area } from "../../src/core/layout/a1";
import { cellKey, layoutCellValues } from "../../src/core/layout/read-back";
import type { SheetLayout } from "../../src/core/layout/types";
import { planInsertion } from "../../src/core/layout/workbook";
import type { Disclosure } from "../../src/core/model";
import { findPack } from "../../src/core/packs";
import type { SheetCells, WorkbookCells } from "../../src/core/workbook-cells";

export interface PlainSheet {
  name: string;
  rows: CellValue[][];
  merges: Area[];
  hiddenColumns: number[];
  hidden?: boolean;
  /** Where the table's pieces are (0-based rows), as our layout put them. */
  titleRow: number;
  headerRows: [number, number];
  bodyRows: [number, number];
  tableId: string;
}

/** The tables of a disclosure as plain sheets of values: what a user would have typed, no names, no formulas. */
export function plainSheets(disclosure: Disclosure): PlainSheet[] {
  const pack = findPack(disclosure.packId)!;
  const layouts = planInsertion(pack, disclosure.unit, pack.tables.map((t) => t.id), [], disclosure.tables).layouts;
  return layouts.map(plainSheet);
}

export function plainSheet(layout: SheetLayout): PlainSheet {
  const values = layoutCellValues(layout);
  const width = layout.columns.length;
  const rows: CellValue[][] = Array.from({ length: layout.rowCount }, (_, r) => Array.from({ length: width }, (_, c) => values.get(cellKey(r, c)) ?? null));
  return {
    name: layout.sheetName,
    rows,
    merges: layout.merges.map((m) => ({ ...m })),
    hiddenColumns: layout.columns.flatMap((c, i) => (c.hidden ? [i] : [])),
    titleRow: 1,
    headerRows: [layout.headerArea.firstRow, layout.headerArea.lastRow],
    bodyRows: [layout.bodyArea.firstRow, layout.bodyArea.lastRow],
    tableId: layout.tableId,
  };
}

/** Blank columns inserted on the left. */
export function shiftRight(sheet: PlainSheet, n: number): PlainSheet {
  return {
    ...sheet,
    rows: sheet.rows.map((r) => [...Array.from({ length: n }, () => null), ...r]),
    merges: sheet.merges.map((m) => ({ ...m, firstCol: m.firstCol + n, lastCol: m.lastCol + n })),
    hiddenColumns: sheet.hiddenColumns.map((c) => c + n),
  };
}

/** Blank rows inserted above (a 封面 line, a number line): the table and its parts move down. */
export function shiftDown(sheet: PlainSheet, n: number): PlainSheet {
  return {
    ...sheet,
    rows: [...Array.from({ length: n }, () => []), ...sheet.rows],
    merges: sheet.merges.map((m) => ({ ...m, firstRow: m.firstRow + n, lastRow: m.lastRow + n })),
    titleRow: sheet.titleRow + n,
    headerRows: [sheet.headerRows[0] + n, sheet.headerRows[1] + n],
    bodyRows: [sheet.bodyRows[0] + n, sheet.bodyRows[1] + n],
  };
}

/** Header merges undone, the text repeated in every cell the merge covered (or kept in its first cell only). */
export function unmergeHeader(sheet: PlainSheet, mode: "repeat" | "firstOnly"): PlainSheet {
  const [first, last] = sheet.headerRows;
  const rows = sheet.rows.map((r) => [...r]);
  const merges: Area[] = [];
  for (const m of sheet.merges) {
    if (m.firstRow < first || m.lastRow > last) {
      merges.push(m);
      continue;
    }
    if (mode === "repeat") for (let r = m.firstRow; r <= m.lastRow; r++) for (let c = m.firstCol; c <= m.lastCol; c++) rows[r][c] = rows[m.firstRow][m.firstCol];
  }
  return { ...sheet, rows, merges };
}

/** A cell's text changed (title, 单位 line, a label). */
export function setCell(sheet: PlainSheet, row: number, col: number, value: CellValue): PlainSheet {
  const rows = sheet.rows.map((r) => [...r]);
  while (rows[row].length <= col) rows[row].push(null);
  rows[row][col] = value;
  return { ...sheet, rows };
}

/** Every amount from 万元 to 元 (×10,000, as the budget system exports), with the unit line changed. */
export function toYuan(sheet: PlainSheet, amountCols: readonly number[], unitLineCell: { row: number; col: number }): PlainSheet {
  const [first, last] = sheet.bodyRows;
  const rows = sheet.rows.map((r, i) => (i < first || i > last ? [...r] : r.map((v, c) => (amountCols.includes(c) && typeof v === "number" ? Math.round(v * 1_000_000) / 100 : v))));
  rows[unitLineCell.row][unitLineCell.col] = "单位：元";
  return { ...sheet, rows };
}

/** Body rows moved: the first body row (合计) to the end, or the rows shuffled by a permutation. */
export function reorderBody(sheet: PlainSheet, order: (rows: CellValue[][]) => CellValue[][]): PlainSheet {
  const [first, last] = sheet.bodyRows;
  const body = order(sheet.rows.slice(first, last + 1));
  return { ...sheet, rows: [...sheet.rows.slice(0, first), ...body, ...sheet.rows.slice(last + 1)] };
}

/** Codes stored as numbers (2080501 rather than "2080501"). */
export function codesAsNumbers(sheet: PlainSheet, codeCols: readonly number[]): PlainSheet {
  const [first, last] = sheet.bodyRows;
  return { ...sheet, rows: sheet.rows.map((r, i) => (i < first || i > last ? r : r.map((v, c) => (codeCols.includes(c) && typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v)))) };
}

/** A sheet of text lines (封面, 目录, a payroll). */
export function textSheet(name: string, lines: readonly (readonly CellValue[])[]): PlainSheet {
  return { name, rows: lines.map((l) => [...l]), merges: [], hiddenColumns: [], titleRow: 0, headerRows: [0, 0], bodyRows: [0, 0], tableId: "" };
}

/** The cells as the core sees them, without going through a file. */
export function cellsOf(sheets: readonly PlainSheet[]): WorkbookCells {
  return {
    names: new Map(),
    sheets: sheets.map(
      (s): SheetCells => ({
        name: s.name,
        hidden: s.hidden ?? false,
        rowCount: s.rows.length,
        colCount: Math.max(0, ...s.rows.map((r) => r.length)),
        merges: s.merges,
        value: (r, c) => s.rows[r]?.[c] ?? null,
      }),
    ),
  };
}

const ERROR_CODES: Record<string, number> = { "#NULL!": 0x00, "#DIV/0!": 0x07, "#VALUE!": 0x0f, "#REF!": 0x17, "#NAME?": 0x1d, "#NUM!": 0x24, "#N/A": 0x2a };
const isError = (v: CellValue): v is { error: string } => typeof v === "object" && v !== null && typeof (v as { error?: unknown }).error === "string";

/** The sheets as a file (.xlsx or .xls), written by SheetJS: values only, merges and hidden columns kept. */
export function workbookFile(sheets: readonly PlainSheet[], bookType: "xlsx" | "xls" | "ods"): Buffer {
  const book = XLSX.utils.book_new();
  for (const s of sheets) {
    const sheet = XLSX.utils.aoa_to_sheet(s.rows.map((r) => r.map((v) => (v === undefined || isError(v) ? null : v))) as unknown[][]);
    // Error values (#REF! …) as Excel stores them.
    s.rows.forEach((r, row) => r.forEach((v, col) => {
      if (isError(v)) sheet[XLSX.utils.encode_cell({ r: row, c: col })] = { t: "e", v: ERROR_CODES[v.error] ?? 0x2a };
    }));
    sheet["!merges"] = s.merges.map((m) => ({ s: { r: m.firstRow, c: m.firstCol }, e: { r: m.lastRow, c: m.lastCol } }));
    if (s.hiddenColumns.length > 0) sheet["!cols"] = Array.from({ length: Math.max(...s.hiddenColumns) + 1 }, (_, i) => ({ hidden: s.hiddenColumns.includes(i) }));
    XLSX.utils.book_append_sheet(book, sheet, s.name);
  }
  return XLSX.write(book, { type: "buffer", bookType }) as Buffer;
}

/** A joined code column split into 类 | 款 | 项 (a Shanxi table typed the Shanghai way), with a header row for the parts. */
export function splitCodes(sheet: PlainSheet, codeCol: number): PlainSheet {
  const flat = unmergeHeader(sheet, "repeat");
  const [h0, h1] = flat.headerRows;
  const [b0, b1] = flat.bodyRows;
  const rows: CellValue[][] = [];
  flat.rows.forEach((row, r) => {
    const before = row.slice(0, codeCol);
    const after = row.slice(codeCol + 1);
    const code = row[codeCol];
    let parts: CellValue[];
    if (r >= h0 && r <= h1) parts = [code, code, code];
    else if (r >= b0 && r <= b1 && typeof code === "string" && /^\d{3,7}$/.test(code)) parts = [code.slice(0, 3), code.slice(3, 5) || null, code.slice(5, 7) || null];
    else parts = [code, null, null];
    rows.push([...before, ...parts, ...after]);
    // Under the last header row: 类 | 款 | 项, the other columns continuing their header.
    if (r === h1) rows.push([...before, "类", "款", "项", ...after]);
  });
  const shift = (row: number) => (row > h1 ? row + 1 : row);
  return { ...flat, rows, merges: flat.merges.map((m) => ({ ...m, firstRow: shift(m.firstRow), lastRow: shift(m.lastRow), firstCol: m.firstCol > codeCol ? m.firstCol + 2 : m.firstCol, lastCol: m.lastCol >= codeCol ? m.lastCol + 2 : m.lastCol })), headerRows: [h0, h1 + 1], bodyRows: [b0 + 1, b1 + 1], hiddenColumns: [] };
}

/** 类 | 款 | 项 columns joined into one code column (a Shanghai table typed the Shanxi way); the parts' header row dropped. */
export function joinCodes(sheet: PlainSheet, partCols: readonly number[]): PlainSheet {
  // Our hidden helper column (类 & 款 & 项 by formula) is not in a workbook typed this way.
  const helpers = new Set(sheet.hiddenColumns);
  const flat = unmergeHeader({ ...sheet, rows: sheet.rows.map((r) => r.filter((_, c) => !helpers.has(c))), hiddenColumns: [] }, "repeat");
  const [h0, h1] = flat.headerRows;
  const [b0, b1] = flat.bodyRows;
  const first = partCols[0];
  const last = partCols[partCols.length - 1];
  const rows = flat.rows
    .map((row, r): CellValue[] => {
      const parts = partCols.map((c) => row[c]);
      let joined: CellValue = parts[0];
      if (r >= b0 && r <= b1 && typeof parts[0] === "string" && /^\d{3}$/.test(parts[0])) joined = parts.filter((p) => typeof p === "string" && p !== "").join("");
      return [...row.slice(0, first), joined, ...row.slice(last + 1)];
    })
    .filter((_, r) => r !== h1);
  return { ...flat, rows, merges: [], headerRows: [h0, h1 - 1], bodyRows: [b0 - 1, b1 - 1], hiddenColumns: [] };
}
