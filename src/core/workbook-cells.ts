/**
 * A workbook as the core sees it, whatever read it (SheetJS for .xlsx/.xls/.ods,
 * ExcelJS, Office.js): sheets of cell values with their merges and hidden flags,
 * and the workbook's defined names.
 */
import type { Area } from "./layout/a1";
import type { ReadProblem, SheetGrid } from "./read-tables";
import { formatAmount } from "./fixed";

/** Rows read per sheet, in every host: a department's disclosure has a few thousand; a sheet with more is read up to here and reported. */
export const MAX_SHEET_ROWS = 20_000;

/** The note for a sheet cut at MAX_SHEET_ROWS, or null when it fits. */
export function rowLimitProblem(sheetName: string, rows: number): ReadProblem | null {
  if (rows <= MAX_SHEET_ROWS) return null;
  const limit = formatAmount(MAX_SHEET_ROWS, 0, true);
  return { sheet: sheetName, cell: "", message: `工作表“${sheetName}”有 ${formatAmount(rows, 0, true)} 行，超过 ${limit} 行的上限，只读取了前 ${limit} 行。` };
}

/**
 * The note for formulas saved without their results (a file written by a program, never opened and
 * saved in Excel, WPS or LibreOffice): a file reader sees them as blank, where Excel and WPS would
 * calculate them.
 */
export function uncachedFormulaProblem(sheetName: string, count: number, firstCell: string): ReadProblem {
  const advice = "按空白读取；请在 Excel 或 WPS 中打开、保存后再校验。";
  // Where the sheets could not be counted (sheetName ""), the note is the workbook's.
  if (sheetName === "") return { sheet: "", cell: "", message: `工作簿中有公式没有保存计算结果，${advice}` };
  return { sheet: sheetName, cell: firstCell, message: `工作表“${sheetName}”有 ${formatAmount(count, 0, true)} 个公式没有保存计算结果（如 ${firstCell}），${advice}` };
}

/** A sheet with no cells in use. */
export function emptySheet(name: string, hidden: boolean): SheetCells {
  return { name, hidden, rowCount: 0, colCount: 0, merges: [], value: () => null };
}

export interface NamedArea {
  sheetName: string;
  area: Area;
}

export interface SheetCells extends SheetGrid {
  /** Hidden or very hidden (the YS_INFO sheet). */
  hidden: boolean;
  /** Rows and columns in use: every non-empty cell has row < rowCount and col < colCount. */
  rowCount: number;
  colCount: number;
  merges: readonly Area[];
}

export interface WorkbookCells {
  sheets: readonly SheetCells[];
  /** Defined names that refer to a range. */
  names: ReadonlyMap<string, NamedArea>;
  /** What the file reader could not read (a sheet left out for its size …). */
  problems?: readonly ReadProblem[];
  /** Our settings as Excel keeps them in the file (the add-in's document settings), where the reader can see them. */
  documentSettings?: ReadonlyMap<string, unknown>;
}

/**
 * Rows and columns in use as a file reader gives them: up to the last filled cell, whatever area the
 * file declares. A real template styles thousands of empty rows below its tables; they are not in use.
 * `data` holds the reader's rows, each of which may hold cells.
 */
export function extentOf(value: SheetGrid["value"], data: readonly (readonly unknown[] | undefined)[]): { rowCount: number; colCount: number } {
  let rowCount = 0;
  let colCount = 0;
  for (let row = 0; row < data.length; row++) {
    const cells = data[row];
    if (!cells) continue;
    for (let col = cells.length - 1; col >= 0; col--) {
      if (value(row, col) === null) continue;
      rowCount = row + 1;
      colCount = Math.max(colCount, col + 1);
      break;
    }
  }
  return { rowCount, colCount };
}

/** The value shown in a cell, the top-left value for any cell inside a merged area (where the grid knows its merges). */
export function mergedValue(sheet: Pick<SheetGrid, "value" | "merges">, row: number, col: number): ReturnType<SheetGrid["value"]> {
  const value = sheet.value(row, col);
  if (value !== null && value !== undefined && value !== "") return value;
  for (const m of sheet.merges ?? []) if (row >= m.firstRow && row <= m.lastRow && col >= m.firstCol && col <= m.lastCol) return sheet.value(m.firstRow, m.firstCol);
  return value;
}
