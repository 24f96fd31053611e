/** A PDF read as a disclosure: its grid recognised like any workbook, with its own narrative and the year its text states. */
import type { UnitInfo } from "../model";
import { yearOfNarrative } from "../narrative/find-text";
import { readWorkbookCells, type WorkbookReading } from "../read-workbook";
import type { RecognitionOptions } from "../recognize/recognize";
import type { PdfInput } from "./document";

export function readPdfInput(input: PdfInput, unitDefaults: Partial<UnitInfo> = {}, options: RecognitionOptions = {}): WorkbookReading {
  const reading = readWorkbookCells(input.book, unitDefaults, options);
  if (input.narrative) reading.narrative = input.narrative;
  takeYearFromNarrative(reading);
  return reading;
}

/** Tables that print no year (a PDF's, a workbook's without titles): the narrative's heading says it (2019年部门预算). */
export function takeYearFromNarrative(reading: WorkbookReading): void {
  if (reading.disclosure && !reading.disclosure.unit.year) reading.disclosure.unit.year = yearOfNarrative(reading.narrative?.lines ?? []) ?? 0;
}
