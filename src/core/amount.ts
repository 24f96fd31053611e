/**
 * Reading amounts (金额) from cells: numbers, numbers held as text ("1,234.50",
 * full-width "１２３", surrounding spaces), blanks, and spreadsheet error values.
 */
import { safeText, toHalfWidth, trimAll } from "./text";
import { ERROR_LITERALS } from "./cell-value";

/** Anything a cell can hand us: Office.js and ExcelJS values, plus error objects. */
export type CellValue = string | number | boolean | null | undefined | { error: string } | object;

export type AmountReading =
  | { kind: "number"; value: number }
  | { kind: "blank" }
  | { kind: "invalid"; reason: string; text: string }
  | { kind: "error"; errorValue: string };

export function errorLiteralOf(value: CellValue): string | null {
  if (typeof value === "string") {
    const t = trimAll(value).toUpperCase();
    return ERROR_LITERALS.includes(t) ? t : null;
  }
  if (value && typeof value === "object") {
    // ExcelJS gives { error: "#REF!" }; a custom-function error object carries { code: "#REF!" }.
    const candidate = (value as { error?: unknown; code?: unknown }).error ?? (value as { code?: unknown }).code;
    if (typeof candidate === "string" && candidate.startsWith("#")) return candidate;
  }
  return null;
}

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/** Reads one amount cell. Never throws. */
export function readAmount(value: CellValue): AmountReading {
  if (value === null || value === undefined) return { kind: "blank" };
  if (typeof value === "number") {
    return Number.isFinite(value) ? { kind: "number", value } : { kind: "invalid", reason: "不是有限数值", text: safeText(value) };
  }
  const errorValue = errorLiteralOf(value);
  if (errorValue) return { kind: "error", errorValue };
  if (typeof value === "boolean") return { kind: "invalid", reason: "是逻辑值，不是金额", text: safeText(value) };
  if (typeof value !== "string") return { kind: "invalid", reason: "不是金额", text: safeText(value) };
  const text = trimAll(toHalfWidth(value)).replace(/\s+/g, "");
  if (text === "") return { kind: "blank" };
  if (PLAIN_NUMBER.test(text) || GROUPED_NUMBER.test(text)) {
    return { kind: "number", value: Number(text.replace(/,/g, "")) };
  }
  return { kind: "invalid", reason: "不是数字", text: value };
}

/** Amount readings as a Chinese phrase for messages: “一百”不是数字. */
export function describeBadAmount(reading: AmountReading): string {
  if (reading.kind === "invalid") return `“${reading.text}”${reading.reason}`;
  if (reading.kind === "error") return `是错误值 ${reading.errorValue}`;
  return "";
}
