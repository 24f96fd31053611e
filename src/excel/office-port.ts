/** The WorkbookPort of a real Excel workbook, through Office.js. */
import type { UnitInfo } from "../core/model";
import type { InsertReport, InsertRequest, WorkbookPort } from "./port";
import { loadUnitInfo, saveUnitInfo } from "./unit-settings";
import { insertTables } from "./write-layouts";

export class ExcelWorkbookPort implements WorkbookPort {
  async loadUnitInfo(): Promise<UnitInfo | null> {
    return loadUnitInfo(Office.context.document.settings);
  }

  saveUnitInfo(info: UnitInfo): Promise<void> {
    return saveUnitInfo(Office.context.document.settings, info);
  }

  insertTables(request: InsertRequest): Promise<InsertReport> {
    return Excel.run((context) => insertTables(context, request));
  }
}
