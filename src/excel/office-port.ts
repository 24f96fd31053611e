/** The WorkbookPort of a real Excel workbook, through Office.js. */
import type { UnitInfo } from "../core/model";
import type { WorkbookReading } from "../core/read-workbook";
import type { ValidationReport } from "../core/validation/types";
import { readWorkbookTables, selectCell } from "./read-workbook";
import { writeReportSheet } from "./write-report";
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

  readTables(unitDefaults: Partial<UnitInfo>): Promise<WorkbookReading> {
    return Excel.run((context) => readWorkbookTables(context, unitDefaults));
  }

  selectCell(sheetName: string, address: string): Promise<void> {
    return Excel.run((context) => selectCell(context, sheetName, address));
  }

  writeReport(report: ValidationReport): Promise<string> {
    return Excel.run((context) => writeReportSheet(context, report));
  }
}
