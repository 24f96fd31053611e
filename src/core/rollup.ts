/**
 * Subject roll-up (科目汇总): the total of a code is the sum of the deepest rows
 * (末级科目) under it, so a range that already holds 类/款 subtotal rows is not
 * counted twice. Linear in the number of rows.
 */
import { ancestorCodes } from "./codes";

export interface CodedAmount {
  code: string;
  /** An integer amount (分, or any fixed scale the caller chose). */
  amount: number;
}

export interface Rollup {
  /** Codes that have at least one descendant row. */
  parents: Set<string>;
  /** code → sum of the leaf amounts at or under it. */
  totals: Map<string, number>;
  /** Sum of all leaf amounts. */
  grandTotal: number;
}

export function isLeaf(rollup: Rollup, code: string): boolean {
  return !rollup.parents.has(code);
}

export function rollupByCode(rows: readonly CodedAmount[]): Rollup {
  const parents = new Set<string>();
  for (const row of rows) for (const ancestor of ancestorCodes(row.code)) parents.add(ancestor);

  const totals = new Map<string, number>();
  let grandTotal = 0;
  for (const row of rows) {
    if (parents.has(row.code)) continue;
    grandTotal += row.amount;
    totals.set(row.code, (totals.get(row.code) ?? 0) + row.amount);
    for (const ancestor of ancestorCodes(row.code)) totals.set(ancestor, (totals.get(ancestor) ?? 0) + row.amount);
  }
  for (const row of rows) if (!totals.has(row.code)) totals.set(row.code, 0);
  return { parents, totals, grandTotal };
}

/** Total of one code (0 when no row lies under it). */
export function totalOf(rollup: Rollup, code: string): number {
  return rollup.totals.get(code) ?? 0;
}
