/**
 * Reads the disclosure tables of the active WPS workbook (read-only): every sheet's used range,
 * visible or hidden, with the merged areas of its header rows and the workbook's names, handed to
 * the core's readWorkbookCells, the one path every host and the command line share.
 */
import { areaAddress, parseAreaAddress, type Area } from "../core/layout/a1";
import type { UnitInfo } from "../core/model";
import { readWorkbookCells, type WorkbookReading } from "../core/read-workbook";
import type { RecognitionOptions } from "../core/recognize/recognize";
import type { ReadProblem } from "../core/read-tables";
import { emptySheet, MAX_SHEET_ROWS, rowLimitProblem, type SheetCells } from "../core/workbook-cells";
import { get, readRange } from "./access";
import { SHEET_VISIBLE, type EtRange, type EtWorkbook, type EtWorksheet } from "./et";
import { namedAreas, sheetList } from "./workbook";

/** xlSheetVisible is -1 (COM's true); some builds give a boolean. */
const isVisible = (sheet: EtWorksheet): boolean => {
  const visible: unknown = get(sheet, "Visible");
  return visible === SHEET_VISIBLE || visible === true;
};

/** Header rows searched for merged areas: merges are looked for only where titles and headers are. */
export const MERGE_SCAN_ROWS = 12;

export function readWorkbookTables(workbook: EtWorkbook, unitDefaults: Partial<UnitInfo>, options: RecognitionOptions = {}): WorkbookReading {
  const names = namedAreas(workbook, () => true);
  const problems: ReadProblem[] = [];
  const sheets = sheetList(workbook).map((sheet) => usedCells(sheet, problems));
  return readWorkbookCells({ sheets, names, problems }, unitDefaults, options);
}

/** A sheet's used range up to MAX_SHEET_ROWS and the merged areas among its first rows. */
function usedCells(sheet: EtWorksheet, problems: ReadProblem[]): SheetCells {
  const name = get(sheet, "Name");
  const hidden = !isVisible(sheet);
  const usedRange = sheet.UsedRange;
  const top = get(usedRange, "Row") - 1;
  const rowsInUse = get(usedRange.Rows, "Count");
  const cut = rowLimitProblem(name, top + rowsInUse);
  if (cut) problems.push(cut);
  const usedLeft = get(usedRange, "Column") - 1;
  const range = cut ? sheet.Range(areaAddress({ firstRow: top, lastRow: MAX_SHEET_ROWS - 1, firstCol: usedLeft, lastCol: usedLeft + get(usedRange.Columns, "Count") - 1 })) : usedRange;
  const { left, rows, cols, values: grid } = readRange(range);
  // An empty sheet's used range is its A1: as empty as Excel's null used range.
  if (rows <= 0 || (rows === 1 && cols === 1 && grid[0][0] === null)) return emptySheet(name, hidden);
  return {
    name,
    hidden,
    rowCount: top + rows,
    colCount: left + cols,
    merges: headerMerges(sheet, top, left, Math.min(rows, MERGE_SCAN_ROWS), cols),
    value: (row, col) => grid[row - top]?.[col - left] ?? null,
  };
}

/**
 * Merged areas in the header rows. ET has no call that lists them, so a row is asked first
 * (MergeCells is false where nothing is merged) and only the cells of rows with merges are looked at.
 */
function headerMerges(sheet: EtWorksheet, top: number, left: number, rows: number, cols: number): Area[] {
  const merges: Area[] = [];
  const covered = (r: number, c: number) => merges.some((m) => r >= m.firstRow && r <= m.lastRow && c >= m.firstCol && c <= m.lastCol);
  for (let r = top; r < top + rows; r++) {
    if (get(sheet.Range(areaAddress({ firstRow: r, lastRow: r, firstCol: left, lastCol: left + cols - 1 })), "MergeCells") === false) continue;
    for (let c = left; c < left + cols; c++) {
      if (covered(r, c)) continue;
      const cell = sheet.Range(areaAddress({ firstRow: r, lastRow: r, firstCol: c, lastCol: c }));
      if (get(cell, "MergeCells") !== true) continue;
      const area = parseAreaAddress(addressOf(cell.MergeArea));
      if (area) merges.push(area);
    }
  }
  return merges;
}

/** A range's address without "$" (Address is a method in the declarations, a property in some builds). */
function addressOf(range: EtRange): string {
  return String(get(range, "Address")).replace(/\$/g, "");
}
