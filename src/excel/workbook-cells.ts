/**
 * The cells of every visible sheet of the open workbook, for recognising tables that carry none
 * of our names: one sync for all sheets' used ranges and merged areas, whatever their number.
 */
import { parseAreaAddress, type Area } from "../core/layout/a1";
import type { CellValue } from "../core/amount";
import type { SheetCells } from "../core/workbook-cells";

/** Merged areas need ExcelApi 1.13; without it a header's text is still read from its first cell. */
const canReadMerges = (): boolean => typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported?.("ExcelApi", "1.13") === true;

/** Queues the reads for `sheets` (already loaded with name and visibility); call after one more sync. */
export function queueSheetCells(sheets: Excel.WorksheetCollection): () => SheetCells[] {
  const merges = canReadMerges();
  const queued = sheets.items
    .filter((s) => s.visibility === "Visible")
    .map((sheet) => {
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load("values,rowIndex,columnIndex,rowCount,columnCount");
      const merged = merges ? sheet.getRange().getMergedAreasOrNullObject() : null;
      merged?.load("address");
      return { name: sheet.name, used, merged };
    });
  return () =>
    queued.map(({ name, used, merged }): SheetCells => {
      if (used.isNullObject) return { name, hidden: false, rowCount: 0, colCount: 0, merges: [], value: () => null };
      const top = used.rowIndex;
      const left = used.columnIndex;
      const values = used.values;
      const areas: Area[] =
        merged && !merged.isNullObject
          ? merged.address
              .split(",")
              .map((a) => parseAreaAddress(a.slice(a.lastIndexOf("!") + 1).replace(/\$/g, "")))
              .filter((a): a is Area => a !== null)
          : [];
      return {
        name,
        hidden: false,
        rowCount: top + used.rowCount,
        colCount: left + used.columnCount,
        merges: areas,
        value: (row, col) => {
          const v = values[row - top]?.[col - left];
          return v === "" || v === undefined ? null : (v as CellValue);
        },
      };
    });
}
