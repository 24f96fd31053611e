/**
 * Opens a spreadsheet file for reading with SheetJS (.xlsx, .xlsm, .xls, .ods) into the
 * core's WorkbookCells. Refuses what it cannot read with one Chinese line, never a stack
 * trace, and bounds what it reads so that no file can exhaust memory.
 */
import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import * as XLSX from "@e965/xlsx";
import { parseNameReference } from "../core/read-workbook";
import type { CellValue } from "../core/amount";
import type { ReadProblem } from "../core/read-tables";
import type { Area } from "../core/layout/a1";
import { MAX_SHEET_ROWS, rowLimitProblem, type NamedArea, type SheetCells, type WorkbookCells } from "../core/workbook-cells";
import { normalizeCell, UNKNOWN_ERROR } from "../core/cell-value";
import { InputError } from "./input-error";
import { fileKind } from "./file-kind";
import { odsHiddenSheets } from "./ods-hidden";
import { hasFormulaWithoutValue, uncachedFormulaProblems } from "./uncached-formulas";
import { officeSettingsOfFile } from "./office-settings-file";
import { partsOf } from "./workbook-parts";

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

function refusal(path: string, error: unknown, isOle: boolean): InputError {
  const message = String((error as Error)?.message ?? error);
  if (/password|encrypt/i.test(message)) return new InputError(`${path}：文件设了密码，无法读取；请在 Excel 或 WPS 中取消密码（“文件 > 信息 > 保护工作簿”）另存一份后再试。`);
  if (isOle) return new InputError(`${path}：无法读取这个旧格式文件（${message.split("\n")[0].slice(0, 80)}）；请在 Excel 或 WPS 中另存为 .xlsx 后再试。`);
  return new InputError(`${path}：文件已损坏或不完整，无法读取（${message.split("\n")[0].slice(0, 80)}）。`);
}

type SheetJSCell = { t: string; v?: unknown; w?: string };

/** SheetJS keeps an error cell (type "e") as its BIFF code: 0x17 is #REF!, Excel's 2023 less 2000. */
const BIFF_ERROR_OFFSET = 2000;

function cellValue(cell: SheetJSCell | undefined): CellValue {
  if (!cell || cell.t === "z") return null; // "z": a stub (formatted but empty)
  // An error SheetJS has no code for (#SPILL!, #CALC! …) keeps neither code nor text: an error all the same.
  if (cell.t === "e") return normalizeCell(cell.w ?? (typeof cell.v === "number" ? cell.v + BIFF_ERROR_OFFSET : UNKNOWN_ERROR), { isError: true });
  return normalizeCell(cell.v);
}

function sheetCells(name: string, sheet: XLSX.WorkSheet, hidden: boolean): SheetCells {
  const data = ((sheet as { "!data"?: SheetJSCell[][] })["!data"] ?? []) as (SheetJSCell[] | undefined)[];
  const range = sheet["!ref"] ? XLSX.utils.decode_range(sheet["!ref"]) : { e: { r: -1, c: -1 } };
  const merges: Area[] = (sheet["!merges"] ?? []).map((m) => ({ firstRow: m.s.r, lastRow: m.e.r, firstCol: m.s.c, lastCol: m.e.c }));
  return { name, hidden, rowCount: range.e.r + 1, colCount: range.e.c + 1, merges, value: (row, col) => cellValue(data[row]?.[col]) };
}

/** Reads a workbook file into cells (values as last calculated, merges, hidden flags, defined names, the add-in's document settings). */
export async function loadWorkbook(path: string): Promise<WorkbookCells> {
  return readWorkbookBytes(await checkedBytes(path), path);
}

/** Reads a workbook's bytes into cells, as loadWorkbook reads a file (`path` names it in a refusal and tells .ods). */
export function readWorkbookBytes(bytes: Buffer, path: string): WorkbookCells {
  const isOle = fileKind(bytes) === "ole";
  let workbook: XLSX.WorkBook;
  try {
    // No styles: recognition needs none, and a template's <col max="16384"> style is cloned once per column when they are read.
    workbook = XLSX.read(bytes, { type: "buffer", dense: true, sheetRows: MAX_SHEET_ROWS, cellHTML: false, cellFormula: false, cellText: false, cellStyles: false, bookFiles: !isOle });
  } catch (error) {
    throw refusal(path, error, isOle);
  }
  const problems: ReadProblem[] = [];
  const parts = partsOf(workbook);
  if (hasFormulaWithoutValue(parts)) problems.push(...uncachedFormulaProblems(bytes));
  const odsHidden = isOle ? new Set<string>() : odsHiddenSheets(bytes, extname(path).toLowerCase());
  const sheets = workbook.SheetNames.map((name, i) => {
    const sheet = workbook.Sheets[name];
    const full = (sheet as { "!fullref"?: string })["!fullref"];
    const cut = full ? rowLimitProblem(name, XLSX.utils.decode_range(full).e.r + 1) : null;
    if (cut) problems.push(cut);
    return sheetCells(name, sheet, (workbook.Workbook?.Sheets?.[i]?.Hidden ?? 0) > 0 || odsHidden.has(name));
  });
  const names = new Map<string, NamedArea>();
  for (const n of workbook.Workbook?.Names ?? []) {
    if (n.Sheet !== undefined) continue; // sheet-scoped names are not ours
    const place = parseNameReference(n.Ref);
    if (place) names.set(n.Name, place);
  }
  const documentSettings = officeSettingsOfFile(parts);
  return { sheets, names, problems, ...(documentSettings ? { documentSettings } : {}) };
}
