/** Validation of one .xlsx file: read through the defined names, then the core's rule engine. */
import type ExcelJS from "exceljs";
import type { UnitInfo } from "../core/model";
import { unreadableReport, validate, validationInputOf } from "../core/validation/engine";
import type { ValidationReport } from "../core/validation/types";
import { readWorkbook, type WorkbookReading } from "./xlsx-reader";

export interface WorkbookValidation {
  reading: WorkbookReading;
  report: ValidationReport;
}

export function validateWorkbook(workbook: ExcelJS.Workbook, unitDefaults: Partial<UnitInfo> = {}): WorkbookValidation {
  const reading = readWorkbook(workbook, unitDefaults);
  const unitTypeKnown = unitDefaults.type !== undefined || reading.unitInfo?.type !== undefined;
  const input = reading.disclosure && validationInputOf(reading, reading.disclosure.unit, unitTypeKnown);
  return { reading, report: input ? validate(input) : unreadableReport(reading) };
}
