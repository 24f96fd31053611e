/**
 * Reads the disclosure tables of the open workbook for validation, in two syncs whatever the
 * number of tables: one for the defined names and sheets, one for the cells of every sheet.
 * The cells go to the core's readWorkbookCells, the one path every host and the command line
 * share: our names where the workbook has them, recognition otherwise, and the narrative on any
 * sheet. Reads only; changes nothing.
 */
import { missingSheetMessage } from "../core/layout/sheet-names";
import type { UnitInfo } from "../core/model";
import { parseNameReference, readWorkbookCells, type NamedArea, type WorkbookReading } from "../core/read-workbook";
import type { RecognitionOptions } from "../core/recognize/recognize";
import type { WorkbookCells } from "../core/workbook-cells";
import { queueSheetCells } from "./workbook-cells";
import { OFFICE_JS } from "./office-host";

export async function readWorkbookTables(context: Excel.RequestContext, unitDefaults: Partial<UnitInfo>, options: RecognitionOptions = {}, mergesApi = OFFICE_JS.supports("ExcelApi", "1.13")): Promise<WorkbookReading> {
  return readWorkbookCells(await workbookCells(context, mergesApi), unitDefaults, options);
}

/**
 * The workbook as the core sees it (two syncs): every sheet's cells, and the workbook's names. Merged areas
 * need ExcelApi 1.13 (`mergesApi`); without it a header's text is still read from its first cell.
 */
export async function workbookCells(context: Excel.RequestContext, mergesApi = OFFICE_JS.supports("ExcelApi", "1.13")): Promise<WorkbookCells> {
  const names = context.workbook.names;
  names.load("items/name,items/type,items/formula");
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  await context.sync();

  const areas = new Map<string, NamedArea>();
  for (const item of names.items) {
    // A name whose sheet was deleted has type Error (#REF!) and names no area.
    if (item.type !== "Range") continue;
    const parsed = parseNameReference(item.formula);
    if (parsed) areas.set(item.name, parsed);
  }
  const cellsOf = queueSheetCells(sheets, mergesApi);
  await context.sync();
  const { sheets: cells, problems } = cellsOf();
  return { sheets: cells, names: areas, problems };
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
