/**
 * Last year's figures, imported: the accountant picks last year's disclosure (a workbook), it is read in the
 * pane the way the command line reads a file, recognised as the same set, and the figures the text compares
 * with are taken from its tables. Nothing leaves the computer; the file is only read.
 */
import type { NarrativeFacts } from "../core/narrative/facts";
import { priorYearFromDisclosure } from "../core/narrative/plan";
import type { TemplatePack } from "../core/packs/types";
import { readWorkbookCells } from "../core/read-workbook";
import { fileBytes } from "./file-bytes";

export type PriorYear = NarrativeFacts["priorYear"];

export type LastYearImport = { ok: true; prior: PriorYear; year: number } | { ok: false; message: string };

export async function importLastYear(file: File, pack: TemplatePack, year: number): Promise<LastYearImport> {
  const bytes = await fileBytes(file);
  // The file reader loads only when a file is picked.
  const { readWorkbookBytes } = await import(/* webpackChunkName: "workbook-file" */ "../io/workbook-file");
  let reading;
  try {
    reading = readWorkbookCells(await readWorkbookBytes(bytes, file.name), {});
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const last = reading.disclosure;
  if (!last || !reading.pack) return { ok: false, message: `“${file.name}”中没有找到预算公开表格：${reading.problems.map((p) => p.message).join("；")}` };
  if (reading.pack.narrative !== pack.narrative) return { ok: false, message: `“${file.name}”是“${reading.pack.name}”的表格，与本工作簿的“${pack.name}”不是同一套，上年数无法对应。` };
  if (last.unit.year > 0 && last.unit.year !== year - 1) return { ok: false, message: `“${file.name}”是${last.unit.year}年的公开文件，上年应为${year - 1}年。` };
  return { ok: true, prior: priorYearFromDisclosure(pack, last), year: last.unit.year };
}
