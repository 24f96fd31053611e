/**
 * Last year's figures, imported: the accountant picks last year's disclosure (a workbook, or the PDF it was
 * published as), it is read in the pane the way the command line reads a file, recognised as the same set, and the figures the text compares
 * with are taken from its tables. Nothing leaves the computer; the file is only read.
 */
import type { NarrativeFacts } from "../core/narrative/facts";
import { priorYearFromDisclosure } from "../core/narrative/plan";
import type { TemplatePack } from "../core/packs/types";
import { readWorkbookCells, type WorkbookReading } from "../core/read-workbook";
import { fileBytes } from "./file-bytes";
import { readPdfFile } from "./pdf-check";

export type PriorYear = NarrativeFacts["priorYear"];

export type LastYearImport = { ok: true; prior: PriorYear; year: number } | { ok: false; message: string };

/** Last year's disclosure read as any input: a workbook's cells, or a published PDF's tables and text. */
async function readLastYear(file: File): Promise<WorkbookReading | { message: string }> {
  if (/\.pdf$/i.test(file.name)) {
    const read = await readPdfFile(file, null);
    return "message" in read ? read : read.reading;
  }
  const bytes = await fileBytes(file);
  // The file reader loads only when a file is picked.
  const { readWorkbookBytes } = await import(/* webpackChunkName: "workbook-file" */ "../io/workbook-file");
  try {
    return readWorkbookCells(await readWorkbookBytes(bytes, file.name), {});
  } catch (error) {
    return { message: error instanceof Error ? error.message : String(error) };
  }
}

export async function importLastYear(file: File, pack: TemplatePack, year: number): Promise<LastYearImport> {
  const reading = await readLastYear(file);
  if ("message" in reading) return { ok: false, message: reading.message };
  const last = reading.disclosure;
  if (!last || !reading.pack) return { ok: false, message: `“${file.name}”中没有找到预算公开表格：${reading.problems.map((p) => p.message).join("；")}` };
  if (reading.pack.narrative !== pack.narrative) return { ok: false, message: `“${file.name}”是“${reading.pack.name}”的表格，与本工作簿的“${pack.name}”不是同一套，上年数无法对应。` };
  if (last.unit.year > 0 && last.unit.year !== year - 1) return { ok: false, message: `“${file.name}”是${last.unit.year}年的公开文件，上年应为${year - 1}年。` };
  return { ok: true, prior: priorYearFromDisclosure(pack, last), year: last.unit.year };
}
