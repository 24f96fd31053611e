/** Opens an .xlsx file for reading, refusing what is not one with a Chinese reason, never a stack trace. */
import ExcelJS from "exceljs";
import { open, stat } from "node:fs/promises";

/** Files above this size are refused before they are read (a unit's disclosure is well under 1 MB). */
export const MAX_WORKBOOK_BYTES = 50 * 1024 * 1024;

export class InputError extends Error {}

export async function openWorkbook(path: string): Promise<ExcelJS.Workbook> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new InputError(`${path}：是文件夹，不是 .xlsx 文件。`);
    size = info.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${path}：文件不存在或无法读取。`);
  }
  if (size > MAX_WORKBOOK_BYTES) throw new InputError(`${path}：文件有 ${(size / 1048576).toFixed(1)} MB，超过 ${MAX_WORKBOOK_BYTES / 1048576} MB 的上限，未读取。`);
  const handle = await open(path, "r");
  const head = Buffer.alloc(8);
  await handle.read(head, 0, 8, 0);
  await handle.close();
  if (head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw new InputError(`${path}：文件已设密码保护，或是旧版 .xls 格式；请在 Excel 中取消密码或另存为 .xlsx 后再试。`);
  }
  if (!head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) throw new InputError(`${path}：不是 .xlsx 文件。`);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw new InputError(`${path}：文件已损坏或不完整，无法读取（${String((error as Error).message).split("\n")[0].slice(0, 80)}）。`);
  }
  return workbook;
}
