/** Any workbook file (.xls, .ods, and an .xlsx the scan leaves) read by SheetJS into the core's cells. */
import * as XLSX from "@e965/xlsx";
import { parseNameReference } from "../core/read-workbook";
import type { CellValue } from "../core/amount";
import type { ReadProblem } from "../core/read-tables";
import type { Area } from "../core/layout/a1";
import { extentOf, MAX_SHEET_ROWS, rowLimitProblem, type NamedArea, type SheetCells, type WorkbookCells } from "../core/workbook-cells";
import { normalizeCell, UNKNOWN_ERROR } from "../core/cell-value";
import { InputError } from "./input-error";
import { odsHiddenSheets } from "./ods-hidden";
import { hasFormulaWithoutValue, uncachedFormulaProblems } from "./uncached-formulas";
import { documentSettingsField } from "./office-settings-file";
import { unescapeXml } from "./xml-text";
import { partsOf } from "./workbook-parts";

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
  const merges: Area[] = (sheet["!merges"] ?? []).map((m) => ({ firstRow: m.s.r, lastRow: m.e.r, firstCol: m.s.c, lastCol: m.e.c }));
  const { rowCount, colCount } = extentOf((row, col) => cellValue(data[row]?.[col]), data);
  return { name, hidden, rowCount, colCount, merges, value: (row, col) => cellValue(data[row]?.[col]) };
}

/** Reads a workbook with SheetJS (`path` names it in a refusal and tells .ods). */
export function sheetJsCells(bytes: Uint8Array, path: string, isOle: boolean): WorkbookCells {
  let workbook: XLSX.WorkBook;
  try {
    // No styles: recognition needs none, and a template's <col max="16384"> style is cloned once per column when they are read.
    workbook = XLSX.read(bytes, { type: "array", dense: true, sheetRows: MAX_SHEET_ROWS, cellHTML: false, cellFormula: false, cellText: false, cellStyles: false, bookFiles: !isOle });
  } catch (error) {
    throw refusal(path, error, isOle);
  }
  const problems: ReadProblem[] = [];
  const parts = partsOf(workbook);
  if (hasFormulaWithoutValue(parts)) problems.push(...uncachedFormulaProblems(bytes));
  const odsHidden = isOle ? new Set<string>() : odsHiddenSheets(bytes, extensionOf(path));
  const sheets = workbook.SheetNames.map((name, i) => {
    const sheet = workbook.Sheets[name];
    const full = (sheet as { "!fullref"?: string })["!fullref"];
    const cut = full ? rowLimitProblem(name, XLSX.utils.decode_range(full).e.r + 1) : null;
    if (cut) problems.push(cut);
    return sheetCells(name, sheet, (workbook.Workbook?.Sheets?.[i]?.Hidden ?? 0) > 0 || odsHidden.has(name));
  });
  const names = new Map<string, NamedArea>();
  // SheetJS hands an .ods name's reference on as the XML has it: a quoted sheet name comes with &apos; still in it.
  const isOds = !isOle && extensionOf(path) === ".ods";
  for (const n of workbook.Workbook?.Names ?? []) {
    if (n.Sheet !== undefined) continue; // sheet-scoped names are not ours
    const place = parseNameReference(isOds ? unescapeXml(n.Ref) : n.Ref);
    if (place) names.set(n.Name, place);
  }
  return { sheets, names, problems, ...documentSettingsField(parts) };
}

/** ".ods" of "D:/上年/公开.ODS". */
const extensionOf = (path: string): string => /\.[^./\\]+$/.exec(path)?.[0].toLowerCase() ?? "";
