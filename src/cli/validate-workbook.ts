/** Validation of one .xlsx file: read through the defined names, then the core's rule engine. */
import type ExcelJS from "exceljs";
import type { UnitInfo } from "../core/model";
import { PARTIAL_SUBJECTS } from "../core/subjects/subject-list";
import { validate } from "../core/validation/engine";
import type { ValidationReport } from "../core/validation/types";
import { readWorkbook, type WorkbookReading } from "./xlsx-reader";

export interface WorkbookValidation {
  reading: WorkbookReading;
  report: ValidationReport;
}

export function validateWorkbook(workbook: ExcelJS.Workbook, unitDefaults: Partial<UnitInfo> = {}): WorkbookValidation {
  const reading = readWorkbook(workbook, unitDefaults);
  if (!reading.pack || !reading.disclosure) {
    const findings = reading.problems.map((p) => ({ ruleId: "workbook-unreadable", severity: "error" as const, message: p.message }));
    return { reading, report: { valid: false, counts: { error: findings.length, warning: 0, info: 0 }, findings } };
  }
  const report = validate({
    pack: reading.pack,
    unit: reading.disclosure.unit,
    tables: reading.disclosure.tables,
    texts: reading.texts,
    problems: reading.problems,
    narrative: reading.narrative,
    performanceForms: reading.performanceForms,
    subjects: PARTIAL_SUBJECTS,
    unitTypeKnown: unitDefaults.type !== undefined,
  });
  return { reading, report };
}
