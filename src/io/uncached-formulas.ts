/**
 * Formulas saved without their results, per sheet of an .xlsx. Excel, WPS and LibreOffice always
 * save a formula's result (<v>); a program may write the formula alone, and a file reader then
 * sees a blank where Excel and WPS would calculate a figure. SheetJS drops such a cell unless it
 * reads stubs and formulas, which costs about 40% more on a real template's styled empty cells,
 * so the sheet XML is first looked at for a formula element that closes its cell.
 */
import * as XLSX from "@e965/xlsx";
import { cellAddress } from "../core/layout/a1";
import type { ReadProblem } from "../core/read-tables";
import { MAX_SHEET_ROWS, uncachedFormulaProblem } from "../core/workbook-cells";
import type { WorkbookParts } from "./workbook-parts";
import { latin1 } from "./text-of-bytes";

/** `<f>…</f></c>` or `<f …/></c>`, with or without a namespace prefix: a formula and no value. */
const FORMULA_WITHOUT_VALUE = /<(?:\w+:)?f\b[^>]*(?:\/>|>[^<]*<\/(?:\w+:)?f>)\s*<\/(?:\w+:)?c>/;

/** Whether a sheet part of the file (as SheetJS unzipped it with bookFiles) holds a formula without a value. */
export function hasFormulaWithoutValue(files: WorkbookParts | undefined): boolean {
  for (const [path, file] of Object.entries(files ?? {}))
    if (/worksheets\/[^/]+\.xml$/i.test(path) && file.content && FORMULA_WITHOUT_VALUE.test(latin1(file.content))) return true;
  return false;
}

/**
 * One note per sheet with formulas saved without results (the file is read again, with formulas and
 * stubs). A sheet SheetJS cannot read that way (a shared formula whose first cell has no result)
 * leaves one note for the workbook instead.
 */
export function uncachedFormulaProblems(bytes: Uint8Array): ReadProblem[] {
  let workbook: XLSX.WorkBook | null = null;
  try {
    workbook = XLSX.read(bytes, { type: "array", dense: true, sheetRows: MAX_SHEET_ROWS, cellFormula: true, sheetStubs: true, cellHTML: false, cellText: false });
  } catch {
    // The values were read already; only the count is lost.
  }
  const problems: ReadProblem[] = [];
  const unread = !workbook || workbook.SheetNames.some((name) => !workbook.Sheets[name]);
  for (const name of workbook?.SheetNames ?? []) {
    if (!workbook!.Sheets[name]) continue;
    const rows = ((workbook!.Sheets[name] as { "!data"?: ({ t: string; f?: string }[] | undefined)[] })["!data"] ?? []) as ({ t: string; f?: string } | undefined)[][];
    let count = 0;
    let first = "";
    rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (!cell || cell.t !== "z" || cell.f === undefined) return;
        if (count++ === 0) first = cellAddress(r, c);
      }),
    );
    if (count > 0) problems.push(uncachedFormulaProblem(name, count, first));
  }
  if (unread && problems.length === 0) problems.push(uncachedFormulaProblem("", 0, ""));
  return problems;
}
