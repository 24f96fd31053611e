/**
 * Reads the disclosure tables of the open workbook for validation, in two syncs
 * whatever the number of tables: one for the defined names and sheet names, one
 * for the values of every table (or, in a workbook without our names, of every
 * visible sheet, for recognition). Reads only; changes nothing.
 */
import { areaAddress } from "../core/layout/a1";
import { missingSheetMessage } from "../core/layout/sheet-names";
import type { UnitInfo } from "../core/model";
import { packOfNames, parseNameReference, readDisclosure, readWorkbookCells, tableNames, type NamedArea, type WorkbookReading } from "../core/read-workbook";
import type { RecognitionOptions } from "../core/recognize/recognize";
import { queueSheetCells } from "./workbook-cells";
import type { CellValue } from "../core/amount";
import type { SheetGrid } from "../core/read-tables";
import { NAME_PREFIX } from "../core/layout/names";
import { PERFORMANCE_NAME } from "../core/forms/performance";

export async function readWorkbookTables(context: Excel.RequestContext, unitDefaults: Partial<UnitInfo>, options: RecognitionOptions = {}): Promise<WorkbookReading> {
  const names = context.workbook.names;
  names.load("items/name,items/type,items/formula");
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  await context.sync();

  const areas = new Map<string, NamedArea>();
  for (const item of names.items) {
    // A name whose sheet was deleted has type Error (#REF!): reading it would fail the whole batch.
    if (!item.name.startsWith(NAME_PREFIX) || item.type !== "Range") continue;
    const parsed = parseNameReference(item.formula);
    if (parsed) areas.set(item.name, parsed);
  }
  const found = packOfNames(areas);
  // None of our names (or the accountant is correcting the recognition): read every visible sheet and recognise.
  if ("problem" in found || options.choices) {
    const cellsOf = queueSheetCells(sheets);
    await context.sync();
    return readWorkbookCells({ sheets: cellsOf(), names: new Map() }, unitDefaults, options);
  }

  const existing = new Set(sheets.items.map((s) => s.name));
  const loaded: { place: NamedArea; range: Excel.Range }[] = [];
  const formNames = [...areas.keys()].filter((n) => PERFORMANCE_NAME.test(n));
  for (const name of [...tableNames(found.pack), ...formNames]) {
    const place = areas.get(name);
    if (!place || !existing.has(place.sheetName)) continue;
    const range = sheets.getItem(place.sheetName).getRange(areaAddress(place.area));
    range.load("values");
    loaded.push({ place, range });
  }
  await context.sync();

  const grids = new Map<string, SheetGrid>();
  for (const sheetName of existing) {
    const onSheet = loaded.filter((l) => l.place.sheetName === sheetName);
    grids.set(sheetName, {
      name: sheetName,
      value(row: number, col: number): CellValue {
        for (const { place, range } of onSheet) {
          const a = place.area;
          if (row >= a.firstRow && row <= a.lastRow && col >= a.firstCol && col <= a.lastCol) {
            const v = range.values[row - a.firstRow]?.[col - a.firstCol];
            return v === "" ? null : (v as CellValue);
          }
        }
        return null;
      },
    });
  }
  return readDisclosure(areas, (sheetName) => grids.get(sheetName), unitDefaults);
}

/** Selects a cell, activating its sheet (a finding clicked in the task pane). */
export async function selectCell(context: Excel.RequestContext, sheetName: string, address: string): Promise<void> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
  await context.sync();
  if (sheet.isNullObject) throw new Error(missingSheetMessage(sheetName));
  sheet.activate();
  sheet.getRange(address || "A1").select();
  await context.sync();
}
