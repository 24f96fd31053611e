/**
 * Reads the disclosure tables of the active WPS workbook (read-only): through our names, one range
 * per sheet that carries them; or, in a workbook without them, every visible sheet's used range for
 * recognition. The same core readers as the Excel face, so the reading is the same.
 */
import { areaAddress, parseAreaAddress, type Area } from "../core/layout/a1";
import { NAME_PREFIX } from "../core/layout/names";
import type { UnitInfo } from "../core/model";
import { packOfNames, readWorkbookCells, type NamedArea, type WorkbookReading } from "../core/read-workbook";
import type { RecognitionOptions } from "../core/recognize/recognize";
import type { SheetCells } from "../core/workbook-cells";
import { get, readRange, valueGrid } from "./access";
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
  const names = namedAreas(workbook, (name) => name.startsWith(NAME_PREFIX));
  const sheets = sheetList(workbook);
  const found = packOfNames(names);
  // None of our names (or the accountant is correcting the recognition): read every visible sheet and recognise.
  if ("problem" in found || options.choices) {
    const visible = sheets.filter(isVisible);
    return readWorkbookCells({ sheets: visible.map(usedCells), names: new Map() }, unitDefaults, options);
  }
  return readWorkbookCells({ sheets: namedCells(sheets, names), names }, unitDefaults, options);
}

/** The cells under our names, one read per sheet (the rectangle around that sheet's names). */
function namedCells(sheets: readonly EtWorksheet[], names: ReadonlyMap<string, NamedArea>): SheetCells[] {
  const bySheet = new Map<string, Area>();
  for (const { sheetName, area } of names.values()) {
    const box = bySheet.get(sheetName);
    bySheet.set(
      sheetName,
      box
        ? { firstRow: Math.min(box.firstRow, area.firstRow), lastRow: Math.max(box.lastRow, area.lastRow), firstCol: Math.min(box.firstCol, area.firstCol), lastCol: Math.max(box.lastCol, area.lastCol) }
        : { ...area },
    );
  }
  return sheets.flatMap((sheet) => {
    const name = get(sheet, "Name");
    const box = bySheet.get(name);
    if (!box) return [];
    const rows = box.lastRow - box.firstRow + 1;
    const cols = box.lastCol - box.firstCol + 1;
    const grid = valueGrid(get(sheet.Range(areaAddress(box)), "Value2"), rows, cols);
    return [
      {
        name,
        hidden: !isVisible(sheet),
        rowCount: box.lastRow + 1,
        colCount: box.lastCol + 1,
        merges: [],
        value: (row: number, col: number) => grid[row - box.firstRow]?.[col - box.firstCol] ?? null,
      },
    ];
  });
}

/** A visible sheet's used range and the merged areas among its first rows. */
function usedCells(sheet: EtWorksheet): SheetCells {
  const name = get(sheet, "Name");
  const { top, left, rows, cols, values: grid } = readRange(sheet.UsedRange);
  // An empty sheet's used range is its A1: as empty as Excel's null used range.
  if (rows === 1 && cols === 1 && grid[0][0] === null) return { name, hidden: false, rowCount: 0, colCount: 0, merges: [], value: () => null };
  return {
    name,
    hidden: false,
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
