/** Validation of one workbook: read (through our names, or by recognising the tables), then the core's rule engine. */
import type { UnitInfo } from "../core/model";
import { readWorkbookCells, type WorkbookReading } from "../core/read-workbook";
import { unreadableReport, validate, validationInputOf } from "../core/validation/engine";
import type { ValidationReport } from "../core/validation/types";
import type { WorkbookCells } from "../core/workbook-cells";
import { parseSubjectCsv, type SubjectList } from "../core/subjects/subject-list";
import { takeYearFromNarrative } from "../core/pdf/reading";
import { settingsOfCells } from "../core/settings-sheet";
import { withKeptPack } from "./pack-files";
import { keptSettings, NARRATIVE_FACTS_SETTING, SUBJECTS_SETTING } from "../core/document-settings";
import type { NarrativeFacts } from "../core/narrative/facts";

export interface WorkbookValidation {
  reading: WorkbookReading;
  report: ValidationReport;
}

export interface ValidateOptions {
  /** Forces the pack recognition tries (--pack). */
  packId?: string;
  subjects?: SubjectList;
  /** A year's complete subject list as CSV text (kind,code,name …), from --subjects; sent to workers as text. */
  subjectsCsv?: string;
  /** The narrative from a file given with --narrative, checked instead of any in the workbook. */
  narrative?: WorkbookReading["narrative"];
}

export function validateCells(book: WorkbookCells, unitDefaults: Partial<UnitInfo> = {}, options: ValidateOptions = {}): WorkbookValidation {
  // What the add-in kept in the workbook (Excel's document settings, WPS's YS_设置 sheet): a template pack to read it with, its subject list when none is given, and the facts under 说明.
  const settings = keptSettings(book.documentSettings, settingsOfCells(book.sheets));
  const reading = withKeptPack(settings, () => readWorkbookCells(book, unitDefaults, { packId: options.packId }));
  if (options.narrative) reading.narrative = options.narrative;
  takeYearFromNarrative(reading);
  const unitTypeKnown = unitDefaults.type !== undefined || reading.unitInfo?.type !== undefined;
  const storedSubjects = settings?.get(SUBJECTS_SETTING);
  const subjectsCsv = options.subjectsCsv ?? (typeof storedSubjects === "string" ? storedSubjects : undefined);
  const subjects = options.subjects ?? (subjectsCsv !== undefined ? parseSubjectCsv(subjectsCsv, true) : undefined);
  const input = reading.disclosure && validationInputOf(reading, reading.disclosure.unit, unitTypeKnown, subjects);
  const facts = settings?.get(NARRATIVE_FACTS_SETTING);
  if (input && facts && typeof facts === "object") input.facts = facts as NarrativeFacts;
  return { reading, report: input ? validate(input) : unreadableReport(reading) };
}
