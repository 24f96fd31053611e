/**
 * Reads the disclosure tables of the active WPS workbook (read-only): every sheet's used range,
 * visible or hidden, with its merged areas and the workbook's names, handed to the core's
 * readWorkbookCells, the one path every host and the command line share.
 */
import { areaAddress, parseAreaAddress, type Area } from "../core/layout/a1";
import type { UnitInfo } from "../core/model";
import { readWorkbookCells, type WorkbookReading } from "../core/read-workbook";
import type { RecognitionOptions } from "../core/recognize/recognize";
import type { ReadProblem } from "../core/read-tables";
import { emptySheet, MAX_SHEET_ROWS, rowLimitProblem, type SheetCells, type WorkbookCells } from "../core/workbook-cells";
import { get, readRange } from "./access";
import { SHEET_VISIBLE, type EtRange, type EtWorkbook, type EtWorksheet } from "./et";
import { namedAreas, sheetList } from "./workbook";

/** xlSheetVisible is -1 (COM's true); some builds give a boolean. */
const isVisible = (sheet: EtWorksheet): boolean => {
  const visible: unknown = get(sheet, "Visible");
  return visible === SHEET_VISIBLE || visible === true;
};

export function readWorkbookTables(workbook: EtWorkbook, unitDefaults: Partial<UnitInfo>, options: RecognitionOptions = {}): WorkbookReading {
  return readWorkbookCells(workbookCells(workbook), unitDefaults, options);
}

/** The workbook as the core sees it: every sheet's cells and merges, and the workbook's names. */
export function workbookCells(workbook: EtWorkbook): WorkbookCells {
  const names = namedAreas(workbook, () => true);
  const problems: ReadProblem[] = [];
  const sheets = sheetList(workbook).map((sheet) => usedCells(sheet, problems));
  return { sheets, names, problems };
}

/** A sheet's used range up to MAX_SHEET_ROWS, and its merged areas. */
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
  // WPS's used range takes in formatted empty cells, Excel's (values only) does not: the cells in use are those with values.
  const filled = (v: unknown) => v !== null && v !== "";
  let usedRows = 0;
  let usedCols = 0;
  grid.forEach((row, r) =>
    row.forEach((v, c) => {
      if (!filled(v)) return;
      usedRows = Math.max(usedRows, r + 1);
      usedCols = Math.max(usedCols, c + 1);
    }),
  );
  if (usedRows === 0) return emptySheet(name, hidden);
  return {
    name,
    hidden,
    rowCount: top + usedRows,
    colCount: left + usedCols,
    merges: mergedAreas(sheet, top, left, rows, cols),
    value: (row, col) => grid[row - top]?.[col - left] ?? null,
  };
}

/**
 * Every merged area of the rows read. ET has no call that lists them. MergeCells of a block of rows is
 * false where nothing in it is merged, so blocks are halved down to the rows that hold merges (a few
 * calls for a sheet whose merges are in its header), and only those rows' cells are looked at.
 */
function mergedAreas(sheet: EtWorksheet, top: number, left: number, rows: number, cols: number): Area[] {
  const merges: Area[] = [];
  const covered = (r: number, c: number) => merges.some((m) => r >= m.firstRow && r <= m.lastRow && c >= m.firstCol && c <= m.lastCol);
  const rowsWithMerges: number[] = [];
  const look = (first: number, last: number): void => {
    if (get(sheet.Range(areaAddress({ firstRow: first, lastRow: last, firstCol: left, lastCol: left + cols - 1 })), "MergeCells") === false) return;
    if (first === last) rowsWithMerges.push(first);
    else {
      const middle = Math.floor((first + last) / 2);
      look(first, middle);
      look(middle + 1, last);
    }
  };
  if (rows > 0 && cols > 0) look(top, top + rows - 1);
  for (const r of rowsWithMerges) {
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
