/**
 * Subject roll-up (科目汇总): the total of a code is the sum of the deepest rows
 * (末级科目) under it, so a range that already holds 类/款 subtotal rows is not
 * counted twice. Linear in the number of rows: codes become integer keys
 * (length and digits), and a code's ancestors are found by integer division.
 */

export interface CodedAmount {
  code: string;
  /** An integer amount (分, or any fixed scale the caller chose). */
  amount: number;
}

export interface Rollup {
  /** True when the code has at least one descendant row. */
  isParent(code: string): boolean;
  /** Sum of the leaf amounts at or under the code (0 when none). */
  total(code: string): number;
  /** Sum of all leaf amounts. */
  grandTotal: number;
}

/** Integer key of a code: its length and its digits (leading zeros kept apart by the length). */
const keyOf = (code: string): number => code.length * 1e8 + Number(code);
/** Keys of the levels above: 7 digits → 5 and 3; 5 → 3. */
function parentKey(key: number): number | null {
  const length = Math.floor(key / 1e8);
  const digits = key - length * 1e8;
  if (length === 7) return 5e8 + Math.floor(digits / 100);
  if (length === 5) return 3e8 + Math.floor(digits / 100);
  return null;
}

export function rollupByCode(rows: readonly CodedAmount[]): Rollup {
  const keys = new Float64Array(rows.length);
  const parents = new Set<number>();
  for (let i = 0; i < rows.length; i++) {
    const key = keyOf(rows[i].code);
    keys[i] = key;
    for (let p = parentKey(key); p !== null; p = parentKey(p)) parents.add(p);
  }
  const totals = new Map<number, number>();
  let grandTotal = 0;
  for (let i = 0; i < rows.length; i++) {
    const key = keys[i];
    if (parents.has(key)) continue;
    const amount = rows[i].amount;
    grandTotal += amount;
    for (let k: number | null = key; k !== null; k = parentKey(k)) totals.set(k, (totals.get(k) ?? 0) + amount);
  }
  return {
    isParent: (code) => parents.has(keyOf(code)),
    total: (code) => totals.get(keyOf(code)) ?? 0,
    grandTotal,
  };
}
