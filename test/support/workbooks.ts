/** Workbooks built in memory the way the CLI writes them, and read back the way it reads them. */
import ExcelJS from "exceljs";
import { planInsertion } from "../../src/core/layout/workbook";
import type { Disclosure } from "../../src/core/model";
import { findPack } from "../../src/core/packs";
import { buildWorkbook } from "../../src/cli/xlsx-writer";

export async function roundTripWorkbook(disclosure: Disclosure, mutate?: (wb: ExcelJS.Workbook) => void): Promise<ExcelJS.Workbook> {
  const pack = findPack(disclosure.packId)!;
  const layouts = planInsertion(pack, disclosure.unit, pack.tables.map((t) => t.id), [], disclosure.tables).layouts;
  const written = buildWorkbook(layouts);
  mutate?.(written);
  const buffer = await written.xlsx.writeBuffer();
  const read = new ExcelJS.Workbook();
  await read.xlsx.load(buffer as ArrayBuffer);
  return read;
}
