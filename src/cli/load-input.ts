/**
 * Any input a command takes as a disclosure: a workbook (.xlsx, .xlsm, .xls, .ods) or the published PDF,
 * both as the same cell grid. A PDF also brings its narrative and the page of every table row.
 */
import { extname } from "node:path";
import { pdfInput } from "../core/pdf/document";
import type { WorkbookReading } from "../core/read-workbook";
import type { WorkbookCells } from "../core/workbook-cells";
import { InputError } from "../io/input-error";
import { loadWorkbook } from "./load-workbook";
import { loadPdfPages } from "./pdf-pages";

export interface LoadedInput {
  book: WorkbookCells;
  /** The text of a PDF outside its tables. */
  narrative?: WorkbookReading["narrative"];
  /** PDF table sheets: the page of each row. */
  rowPages?: ReadonlyMap<string, readonly number[]>;
}

export const isPdfPath = (path: string): boolean => extname(path).toLowerCase() === ".pdf";

export async function loadInput(path: string): Promise<LoadedInput> {
  if (!isPdfPath(path)) return { book: await loadWorkbook(path) };
  const input = pdfInput(await loadPdfPages(path));
  if ("refusal" in input) throw new InputError(`${path}：${input.refusal}`);
  return input;
}
