/**
 * One representation of a cell's value, whatever read it (SheetJS, ExcelJS, Office.js, WPS ET):
 * blanks are null, errors are { error: "#REF!" }, dates are Excel serial numbers, rich text is its
 * plain text. Every reader hands its raw values through here, so the recogniser and the rules
 * see the same grid in every host.
 */
import type { CellValue } from "./amount";

/** Excel's error literals (错误值) with their cell error codes (xlErrDiv0 = 2007 …). */
const ERROR_CODES: ReadonlyMap<number, string> = new Map([
  [2000, "#NULL!"],
  [2007, "#DIV/0!"],
  [2015, "#VALUE!"],
  [2023, "#REF!"],
  [2029, "#NAME?"],
  [2036, "#NUM!"],
  [2042, "#N/A"],
  [2043, "#GETTING_DATA"],
  [2045, "#SPILL!"],
  [2046, "#CONNECT!"],
  [2047, "#BLOCKED!"],
  [2048, "#UNKNOWN!"],
  [2049, "#FIELD!"],
  [2050, "#CALC!"],
  [2051, "#BUSY!"],
]);

export const ERROR_LITERALS: readonly string[] = [...ERROR_CODES.values()];

/** An error whose kind the reader could not tell (Excel's own literal for it). */
export const UNKNOWN_ERROR = "#UNKNOWN!";

/** COM returns an error cell as the HRESULT 0x800A0000 + its code (CVErr): #DIV/0! is −2146826281. */
const COM_ERROR_BASE = -2146828288;
const COM_ERROR_CODES = { first: 2000, last: 2099 };

/** The error literal of a COM error value, or null for an ordinary number. */
export function comErrorText(value: number): string | null {
  const code = value - COM_ERROR_BASE;
  if (!Number.isInteger(code) || code < COM_ERROR_CODES.first || code > COM_ERROR_CODES.last) return null;
  return ERROR_CODES.get(code) ?? UNKNOWN_ERROR;
}

/** Milliseconds from Excel's day 0 (1899-12-30, counting 1900's phantom 29 February) to 1970-01-01. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** A date as Excel's serial number (what SheetJS, Office.js and WPS Value2 give). */
export function dateSerial(date: Date): number {
  return (date.getTime() - EXCEL_EPOCH_MS) / DAY_MS;
}

export interface RawCellOptions {
  /** The host says this cell holds an error (Office.js valueTypes "Error", SheetJS type "e"). */
  isError?: boolean;
  /** Numbers in COM's error range are error values (WPS Value2). */
  comErrors?: boolean;
  /** Text that is exactly an error literal is an error (hosts that return errors as their text and cannot say which). */
  errorText?: boolean;
}

/** A raw value as any reader gets it, in the one representation the core reads. */
export function normalizeCell(raw: unknown, options: RawCellOptions = {}): CellValue {
  if (raw === undefined || raw === null || raw === "") return null;
  if (options.isError) return { error: typeof raw === "string" && raw.startsWith("#") ? raw : typeof raw === "number" ? (ERROR_CODES.get(raw) ?? comErrorText(raw) ?? UNKNOWN_ERROR) : UNKNOWN_ERROR };
  if (typeof raw === "number") {
    const error = options.comErrors ? comErrorText(raw) : null;
    return error ? { error } : raw;
  }
  if (typeof raw === "string") return options.errorText && ERROR_LITERALS.includes(raw.trim().toUpperCase()) ? { error: raw.trim().toUpperCase() } : raw;
  if (typeof raw === "boolean") return raw;
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : dateSerial(raw);
  if (typeof raw === "object") {
    const record = raw as { error?: unknown; richText?: unknown; result?: unknown; formula?: unknown; sharedFormula?: unknown; text?: unknown };
    if (typeof record.error === "string") return { error: record.error };
    if (Array.isArray(record.richText)) return normalizeCell(record.richText.map((run: { text?: unknown }) => String(run?.text ?? "")).join(""));
    if ("formula" in record || "sharedFormula" in record) return normalizeCell(record.result);
    if ("text" in record) return normalizeCell(String(record.text));
  }
  return String(raw);
}
