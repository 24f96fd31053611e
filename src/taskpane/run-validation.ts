/** Validation as the task pane runs it: read through the port, check with the core's rule engine. */
import type { UnitInfo } from "../core/model";
import { unreadableReport, validate, validationInputOf } from "../core/validation/engine";
import type { ValidationReport } from "../core/validation/types";
import type { WorkbookPort } from "../excel/port";

export async function runValidation(port: WorkbookPort, unit: UnitInfo | null): Promise<ValidationReport> {
  const reading = await port.readTables(unit ? { type: unit.type, department: unit.department } : {});
  if (!reading.disclosure) return unreadableReport(reading);
  // 单位信息 from the task pane is the reference for titles and 单位名称; the workbook's own for anything missing.
  const input = validationInputOf(reading, unit ? { ...reading.disclosure.unit, ...unit } : reading.disclosure.unit, unit !== null);
  return input ? validate(input) : unreadableReport(reading);
}
