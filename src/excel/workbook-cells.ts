/**
 * The cells of every sheet of the open workbook, as the core reads them from a file: visible and
 * hidden sheets, each sheet's used values up to MAX_SHEET_ROWS, errors told from text by
 * valueTypes, merged areas where ExcelApi 1.13 is there (the caller says). Queued for one sync, whatever the
 * number of sheets.
 */
import { parseAreaAddress, type Area } from "../core/layout/a1";
import { normalizeCell } from "../core/cell-value";
import type { ReadProblem } from "../core/read-tables";
import { emptySheet, MAX_SHEET_ROWS, rowLimitProblem, type SheetCells } from "../core/workbook-cells";

/** Queues the reads for `sheets` (already loaded with name and visibility); call after one more sync. `merges`: ExcelApi 1.13 is there. */
export function queueSheetCells(sheets: Excel.WorksheetCollection, merges: boolean): () => { sheets: SheetCells[]; problems: ReadProblem[] } {
  const queued = sheets.items.map((sheet) => {
    // The rows read, bounded as the command line bounds them; the whole used range only for its size.
    const used = sheet.getRange(`1:${MAX_SHEET_ROWS}`).getUsedRangeOrNullObject(true);
    used.load("values,valueTypes,rowIndex,columnIndex,rowCount,columnCount");
    const whole = sheet.getUsedRangeOrNullObject(true);
    whole.load("rowIndex,rowCount");
    const merged = merges ? sheet.getRange().getMergedAreasOrNullObject() : null;
    merged?.load("address");
    return { name: sheet.name, hidden: sheet.visibility !== "Visible", used, whole, merged };
  });
  return () => {
    const problems: ReadProblem[] = [];
    const cells = queued.map(({ name, hidden, used, whole, merged }): SheetCells => {
      const cut = whole.isNullObject ? null : rowLimitProblem(name, whole.rowIndex + whole.rowCount);
      if (cut) problems.push(cut);
      if (used.isNullObject) return emptySheet(name, hidden);
      const top = used.rowIndex;
      const left = used.columnIndex;
      const values = used.values.map((row, r) => row.map((v, c) => normalizeCell(v, { isError: used.valueTypes[r]?.[c] === "Error" })));
      const areas: Area[] =
        merged && !merged.isNullObject
          ? merged.address
              .split(",")
              .map((a) => parseAreaAddress(a.slice(a.lastIndexOf("!") + 1).replace(/\$/g, "")))
              .filter((a): a is Area => a !== null)
          : [];
      return { name, hidden, rowCount: top + used.rowCount, colCount: left + used.columnCount, merges: areas, value: (row, col) => values[row - top]?.[col - left] ?? null };
    });
    return { sheets: cells, problems };
  };
}
