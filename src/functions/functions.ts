/*
 * Custom functions of 预算公开助手 (namespace YS). Thin wrappers over src/core:
 * the metadata plugin reads the JSDoc below to write functions.json and appends
 * the CustomFunctions.associate calls at build time, so this file stays importable
 * by unit tests without an Office runtime.
 */
import { budgetRollup, sharePct } from "../core/budget-functions";
import type { Failure, Outcome } from "../core/result";

/* global CustomFunctions */

const ERROR_CODES: Record<Failure["failure"], () => CustomFunctions.ErrorCode> = {
  value: () => CustomFunctions.ErrorCode.invalidValue,
  div0: () => CustomFunctions.ErrorCode.divisionByZero,
  na: () => CustomFunctions.ErrorCode.notAvailable,
  num: () => CustomFunctions.ErrorCode.invalidNumber,
};

/** A matrix result, or the error Excel shows in the cell (with its message in the error flag). */
type CellResult = any[][];

function toCell(outcome: Outcome<number | any[][]>): CellResult {
  if (!outcome.ok) return new CustomFunctions.Error(ERROR_CODES[outcome.failure](), outcome.message) as unknown as CellResult;
  return typeof outcome.value === "number" ? [[outcome.value]] : outcome.value;
}

/**
 * Rolls amounts up the subject-code hierarchy (类 3 digits, 款 5, 项 7). Sums only the deepest rows under a code, so subtotal rows in the range are not counted twice. Adds the figures exactly as given: 万元 figures rounded one by one may differ from a printed total by 0.01.
 * @customfunction BUDGETROLLUP
 * @param codes Column of subject codes (text or numbers); blank and 合计 rows are skipped.
 * @param amounts Column of amounts, the same size as codes.
 * @param [code] Subject code to total. Omit it to get one rolled-up total per row.
 * @returns The subject's total, or a column of totals aligned with codes.
 */
export function budgetRollupFunction(codes: any[][], amounts: any[][], code?: any): any[][] {
  return toCell(budgetRollup(codes, amounts, code));
}

/**
 * Percentage shares for disclosure text, in percent (94.94 means 94.94%). For a range of parts, the shares add up to exactly 100 (largest-remainder rounding).
 * @customfunction SHAREPCT
 * @param parts One amount, or a range of amounts.
 * @param [total] Total to divide by. Default: the sum of the parts.
 * @param [decimals] Decimal places of the percentage (0 to 6). Default: 2.
 * @returns The share, or shares in the shape of parts.
 */
export function sharePctFunction(parts: any[][], total?: any, decimals?: any): any[][] {
  return toCell(sharePct(parts, total, decimals));
}
