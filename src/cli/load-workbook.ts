/**
 * Opens a spreadsheet file for reading with SheetJS (.xlsx, .xlsm, .xls, .ods) into the
 * core's WorkbookCells. Refuses what it cannot read with one Chinese line, never a stack
 * trace, and bounds what it reads so that no file can exhaust memory.
 */
import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import { MAX_SHEET_ROWS, type WorkbookCells } from "../core/workbook-cells";
import { InputError } from "../io/input-error";
import { fileKind } from "../io/file-kind";
import { readWorkbookBytes, type XlsxReader } from "../io/workbook-file";
import { nativeZipParts } from "./zip-native";
import { markupOfBuffer } from "./markup-buffer";

export { InputError };

/** Files above this size are refused before they are read (a unit's disclosure is well under 1 MB). */
export const MAX_WORKBOOK_BYTES = 50 * 1024 * 1024;
export { MAX_SHEET_ROWS };

async function checkedBytes(path: string): Promise<Buffer> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new InputError(`${path}：是文件夹，不是工作簿文件。`);
    size = info.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${path}：文件不存在或无法读取。`);
  }
  const extension = extname(path).toLowerCase();
  if (extension === ".et" || extension === ".ett") throw new InputError(`${path}：这是 WPS 表格的 .et 文件，无法直接读取；请在 WPS 中“文件 > 另存为”选择 .xlsx 格式后再试。`);
  if (size > MAX_WORKBOOK_BYTES) throw new InputError(`${path}：文件有 ${(size / 1048576).toFixed(1)} MB，超过 ${MAX_WORKBOOK_BYTES / 1048576} MB 的上限，未读取。`);
  // Read once (the size is bounded above); the first bytes say whether it is a zip (.xlsx, .ods) or an OLE file (.xls).
  const bytes = await readFile(path);
  if (fileKind(bytes) === "other") throw new InputError(`${path}：不是 Excel 工作簿（.xlsx、.xls）或 .ods 文件。`);
  return bytes;
}

/**
 * Which reader takes an .xlsx: the scan by default; YS_XLSX_READER=sheetjs reads every file with SheetJS
 * (the tests run the reading tests both ways; a user who doubts a reading can compare).
 */
const xlsxReader = (): XlsxReader => (process.env.YS_XLSX_READER === "sheetjs" ? "sheetjs" : "scan");

/** A workbook file's bytes read as the command line reads them (Node's zlib, the reader chosen above). */
export const readWorkbookFileBytes = (bytes: Uint8Array, path: string): Promise<WorkbookCells> => readWorkbookBytes(bytes, path, { reader: xlsxReader(), unzip: nativeZipParts, markupOf: markupOfBuffer });

/** Reads a workbook file into cells (values as last calculated, merges, hidden flags, defined names, the add-in's document settings). */
export async function loadWorkbook(path: string): Promise<WorkbookCells> {
  return readWorkbookFileBytes(await checkedBytes(path), path);
}

