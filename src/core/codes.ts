/**
 * Budget classification codes (政府收支分类科目编码).
 * 支出功能分类 (functional): 类 3 digits, 款 5, 项 7.
 * 部门预算支出经济分类 (economic): 类 3 digits, 款 5.
 * 政府预算支出经济分类 (government-economic): 类 3 digits (501…), 款 5.
 * A child's code starts with its parent's code.
 */
import { safeText, toHalfWidth, trimAll } from "./text";

/** Which 科目 list a table's codes belong to: 支出功能分类, 部门预算支出经济分类 or 政府预算支出经济分类. */
export type Classification = "function" | "economic" | "government-economic";

/** Code lengths of each level: 类, 款, 项. */
export const LEVEL_LENGTHS: Record<Classification, readonly number[]> = {
  function: [3, 5, 7],
  economic: [3, 5],
  "government-economic": [3, 5],
};

export const ALL_CODE_LENGTHS: readonly number[] = [3, 5, 7];


const PLAIN_CODE = /^\d{3,7}$/;

export type CodeReading =
  | { kind: "code"; code: string }
  | { kind: "blank" }
  | { kind: "invalid"; text: string; reason: string };

/**
 * Reads a code cell: text or number (a code stored as a number, 2080199, is read
 * as the same code), full-width digits, spaces.
 */
export function readCode(value: unknown, lengths: readonly number[] = ALL_CODE_LENGTHS): CodeReading {
  if (value === null || value === undefined) return { kind: "blank" };
  let text: string;
  if (typeof value === "number") {
    if (!Number.isInteger(value) || value < 0) return { kind: "invalid", text: safeText(value), reason: "不是科目编码" };
    text = String(value);
  } else if (typeof value === "string") {
    // Fast path: a plain code as typed (most cells); full-width digits and spaces take the long way.
    text = PLAIN_CODE.test(value) ? value : trimAll(toHalfWidth(value)).replace(/\s+/g, "");
    if (text === "") return { kind: "blank" };
  } else {
    return { kind: "invalid", text: safeText(value), reason: "不是科目编码" };
  }
  if (!/^\d+$/.test(text)) return { kind: "invalid", text, reason: "含有非数字字符" };
  if (!lengths.includes(text.length)) {
    return { kind: "invalid", text, reason: `位数为${text.length}，应为${lengths.join("/")}位` };
  }
  return { kind: "code", code: text };
}

/** The code one level up (2080505 → 20805 → 208 → null). */
export function parentCode(code: string): string | null {
  const index = ALL_CODE_LENGTHS.indexOf(code.length);
  return index > 0 ? code.slice(0, ALL_CODE_LENGTHS[index - 1]) : null;
}

/** The codes of all levels above (2080505 → 208, 20805). */
export function ancestorCodes(code: string): string[] {
  if (code.length === 7) return [code.slice(0, 3), code.slice(0, 5)];
  if (code.length === 5) return [code.slice(0, 3)];
  return [];
}

