/** Validation as the task pane runs it: read through the port, check with the core's rule engine. */
import type { UnitInfo } from "../core/model";
import type { WorkbookReading } from "../core/read-workbook";
import type { RecognitionOptions } from "../core/recognize/recognize";
import { unreadableReport, validate, validationInputOf } from "../core/validation/engine";
import type { ValidationReport } from "../core/validation/types";
import type { WorkbookPort } from "../host/workbook-port";
import { documentLines } from "../core/narrative/find-text";
import { parseSubjectCsv } from "../core/subjects/subject-list";

/** A narrative pasted or picked in the pane, checked instead of any in the workbook. */
export interface PastedNarrative {
  name: string;
  paragraphs: readonly string[];
}

export async function runValidation(port: WorkbookPort, unit: UnitInfo | null, options?: RecognitionOptions, pasted?: PastedNarrative | null): Promise<{ report: ValidationReport; reading: WorkbookReading }> {
  const reading = await port.readTables(unit ? { type: unit.type, department: unit.department } : {}, options);
  if (!reading.disclosure) return { reading, report: unreadableReport(reading) };
  if (pasted && pasted.paragraphs.some((p) => p.trim() !== "")) reading.narrative = { sheetName: pasted.name, lines: documentLines(pasted.paragraphs) };
  // A complete subject list loaded for this workbook replaces the partial one.
  const csv = await port.loadSubjects();
  const subjects = csv ? parseSubjectCsv(csv, true) : undefined;
  // 单位信息 from the task pane is the reference for titles and 单位名称; the workbook's own for anything missing.
  const input = validationInputOf(reading, unit ? { ...reading.disclosure.unit, ...unit } : reading.disclosure.unit, unit !== null, subjects);
  // The prior-year figures the accountant entered under 说明: the changes the text states are checked against them.
  const facts = await port.loadFacts().catch(() => null);
  if (input && facts) input.facts = facts;
  return { reading, report: input ? validate(input) : unreadableReport(reading) };
}
