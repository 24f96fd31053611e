/** Validation as the task pane runs it: read through the port, check with the core's rule engine. */
import type { UnitInfo } from "../core/model";
import { PARTIAL_SUBJECTS } from "../core/subjects/subject-list";
import { validate } from "../core/validation/engine";
import type { ValidationReport } from "../core/validation/types";
import type { WorkbookPort } from "../excel/port";

export async function runValidation(port: WorkbookPort, unit: UnitInfo | null): Promise<ValidationReport> {
  const reading = await port.readTables(unit ? { type: unit.type, department: unit.department } : {});
  if (!reading.pack || !reading.disclosure) {
    const findings = reading.problems.map((p) => ({ ruleId: "workbook-unreadable", severity: "error" as const, message: p.message }));
    return { valid: false, counts: { error: findings.length, warning: 0, info: 0 }, findings };
  }
  // 单位信息 from the task pane is the reference for titles and 单位名称; the workbook's own for anything missing.
  const unitInfo = unit ? { ...reading.disclosure.unit, ...unit } : reading.disclosure.unit;
  return validate({
    pack: reading.pack,
    unit: unitInfo,
    tables: reading.disclosure.tables,
    texts: reading.texts,
    problems: reading.problems,
    narrative: reading.narrative,
    performanceForms: reading.performanceForms,
    subjects: PARTIAL_SUBJECTS,
    unitTypeKnown: unit !== null,
  });
}
