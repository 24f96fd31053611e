/**
 * Writes a rendered layout into WPS 表格 through the ET object model. Calls are synchronous, so
 * every write covers a whole range: the grid of formulas and values in one call, each number format
 * and each value of each look property once per table (cells stacked into rectangles), never cell by cell.
 */
import { printTitleRows } from "../core/print-plan";
import { areaAddress, cellAddress, columnLetter, quoteSheetName, type Area } from "../core/layout/a1";
import { addressLists, cellGrids, lookAreas, numberFormatAreas } from "../core/layout/cell-grids";
import { TITLE_ROW_HEIGHT } from "../core/layout/styles";
import type { SheetLayout } from "../core/layout/types";
import { addSheetAtEnd, noteFallback, withoutPrompts } from "./workbook";
import { get } from "./access";
import {
  ALIGN_CENTER,
  ALIGN_LEFT,
  ALIGN_RIGHT,
  BORDER_THIN,
  LANDSCAPE,
  LINE_CONTINUOUS,
  PAPER_A4,
  PORTRAIT,
  SHEET_VERY_HIDDEN,
  type EtApplication,
  type EtRange,
  type EtWorkbook,
  type EtWorksheet,
} from "./et";

const ALIGNMENTS = { Left: ALIGN_LEFT, Center: ALIGN_CENTER, Right: ALIGN_RIGHT } as const;

/** Each comma-joined list of areas as one range (a reference is at most 255 characters). */
function eachRange(sheet: EtWorksheet, areas: readonly Area[], write: (range: EtRange) => void): void {
  for (const list of addressLists(areas.map((a) => areaAddress(a)))) write(sheet.Range(list));
}

export type GridWrite = "block" | "rows" | "cells";

const isFormula = (v: string | number): boolean => typeof v === "string" && v.startsWith("=");

/** Whether a cell reads back as written: a formula as a formula, a value as the same text or number. */
function readsBack(sheet: EtWorksheet, row: number, col: number, written: string | number): boolean {
  try {
    const read = get(sheet.Range(cellAddress(row, col)), "Formula");
    if (isFormula(written)) return typeof read === "string" && read.startsWith("=");
    return String(read) === String(written) || (read !== "" && Number(read) === Number(written));
  } catch {
    return false;
  }
}

/**
 * The whole grid of formulas and values in one call where the build takes a 2-D array for Formula (WPS 12.1
 * does), checked by reading back one formula cell and one value cell; else row by row, else cell by cell.
 * Never undefined or null inside an array: "".
 */
export function writeGrid(sheet: EtWorksheet, grid: readonly (readonly (string | number | null | undefined)[])[], width: number): GridWrite {
  const rows = grid.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ""));
  const probes: [number, number][] = [];
  const cells = rows.flatMap((row, r) => row.map((v, c) => [r, c, v] as const));
  const formula = cells.find(([, , v]) => isFormula(v));
  const value = cells.find(([, , v]) => v !== "" && !isFormula(v));
  if (formula) probes.push([formula[0], formula[1]]);
  if (value) probes.push([value[0], value[1]]);
  const holds = () => probes.every(([r, c]) => readsBack(sheet, r, c, rows[r][c]));
  const attempt = (write: () => void): boolean => {
    try {
      write();
      return holds();
    } catch {
      return false;
    }
  };
  if (attempt(() => (sheet.Range(areaAddress({ firstRow: 0, lastRow: rows.length - 1, firstCol: 0, lastCol: width - 1 })).Formula = rows))) return "block";
  if (attempt(() => rows.forEach((row, r) => (sheet.Range(areaAddress({ firstRow: r, lastRow: r, firstCol: 0, lastCol: width - 1 })).Formula = [row]))))
    return noteFallback("Range.Formula", "rows"), "rows";
  rows.forEach((row, r) => row.forEach((v, c) => v !== "" && (sheet.Range(cellAddress(r, c)).Formula = v)));
  noteFallback("Range.Formula", "cells");
  return "cells";
}

/** Looks that must never fail a table already written: each is tried, and what could not be applied is named. */
function bestEffort(unapplied: string[] | undefined, what: string, apply: () => void): void {
  try {
    apply();
  } catch {
    unapplied?.push(what);
  }
}

/**
 * Adds the layout's sheet after the last one; `takenNames` are workbook names not to define again. The cells,
 * formats and names are the table; the looks (alignment, fonts, borders, merges, widths, page setup, frozen
 * header) are best-effort, and each that fails is added to `unapplied` as “工作表：什么”.
 */
export function writeLayout(app: EtApplication, workbook: EtWorkbook, layout: SheetLayout, takenNames: ReadonlySet<string> = new Set(), unapplied?: string[]): EtWorksheet {
  const sheet = addSheetAtEnd(workbook, layout.sheetName);
  const width = layout.columns.length;
  const { formulas } = cellGrids(layout);
  // Formats first: codes typed as text must not become numbers.
  for (const [format, areas] of numberFormatAreas(layout)) eachRange(sheet, areas, (range) => (range.NumberFormat = format));
  writeGrid(sheet, formulas, width);
  const grid = sheet.Range(areaAddress({ firstRow: 0, lastRow: layout.rowCount - 1, firstCol: 0, lastCol: width - 1 }));
  const missed = (what: string) => `${layout.sheetName}：${what}`;
  for (const name of layout.names) {
    if (takenNames.has(name.name)) continue;
    workbook.Names.Add(name.name, `=${quoteSheetName(layout.sheetName)}!${areaAddress(name.area, true)}`);
  }

  bestEffort(unapplied, missed("对齐"), () => (grid.VerticalAlignment = ALIGN_CENTER));
  bestEffort(unapplied, missed("字体和对齐"), () => {
    for (const { property, value, areas } of lookAreas(layout))
    eachRange(sheet, areas, (range) => {
      if (property === "font") range.Font.Name = value;
      else if (property === "size") range.Font.Size = value;
      else if (property === "bold") range.Font.Bold = value;
      else if (property === "horizontal") range.HorizontalAlignment = ALIGNMENTS[value as keyof typeof ALIGNMENTS];
      else range.WrapText = value;
    });
  });
  if (!layout.text)
    bestEffort(unapplied, missed("表格线"), () => {
      const table = sheet.Range(areaAddress({ firstRow: layout.headerArea.firstRow, lastRow: layout.bodyArea.lastRow, firstCol: 0, lastCol: width - 1 }));
      // The Borders collection as a whole: every edge and every inside line.
      table.Borders.LineStyle = LINE_CONTINUOUS;
      table.Borders.Weight = BORDER_THIN;
    });
  // Merging cells that hold text makes WPS ask; with alerts off it keeps the top-left text without asking.
  bestEffort(unapplied, missed("合并单元格"), () => withoutPrompts(app, () => layout.merges.forEach((merge) => sheet.Range(areaAddress(merge)).Merge())));
  bestEffort(unapplied, missed("列宽和行高"), () => {
    layout.columns.forEach((column, c) => {
      // ET widths are in characters, as the layout's are.
      const cell = sheet.Range(`${columnLetter(c)}1`);
      cell.ColumnWidth = column.width;
      if (column.hidden) cell.EntireColumn.Hidden = true;
    });
    if (!layout.text) sheet.Range("A2").RowHeight = TITLE_ROW_HEIGHT;
    for (const { row, height } of layout.rowHeights ?? []) sheet.Range(cellAddress(row, 0)).RowHeight = height;
  });
  bestEffort(unapplied, missed("页面设置"), () => setPageSetup(sheet, layout.print.orientation === "landscape", layout.print.repeatRows));
  if (layout.hidden) sheet.Visible = SHEET_VERY_HIDDEN;
  else if (!layout.text) bestEffort(unapplied, missed("冻结表头"), () => freezeHeader(app, sheet, layout.headerArea.lastRow + 1));
  return sheet;
}

/** A4, one page wide, centred, header rows repeated (打印设置 uses it too). */
export function setPageSetup(sheet: EtWorksheet, landscape: boolean, repeatRows?: { first: number; last: number }): void {
  const page = sheet.PageSetup;
  page.Orientation = landscape ? LANDSCAPE : PORTRAIT;
  page.PaperSize = PAPER_A4;
  page.CenterHorizontally = true;
  page.Zoom = false;
  page.FitToPagesWide = 1;
  page.FitToPagesTall = false;
  if (repeatRows) page.PrintTitleRows = printTitleRows(repeatRows);
}


/** Freezes the rows above the body: panes belong to the window, so the sheet is shown first. */
function freezeHeader(app: EtApplication, sheet: EtWorksheet, rows: number): void {
  sheet.Activate();
  const window = app.ActiveWindow;
  window.FreezePanes = false;
  window.SplitColumn = 0;
  window.SplitRow = rows;
  window.FreezePanes = true;
}
