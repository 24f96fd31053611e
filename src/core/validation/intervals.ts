/**
 * Rounding-aware sums (after XBRL Calculations 1.1): a figure shown with d
 * decimals stands for [v − ½·10^−d, v + ½·10^−d]. A sum is consistent when the
 * total's interval overlaps the sum of the parts' intervals. Amounts are in 分.
 *
 * A stored amount that is itself a whole number of display steps (typed as printed,
 * 7.88 万元) is taken as a rounded figure; a finer one (1.4440 万元) as exact.
 */
import { formatAmount, roundToStep } from "../fixed";

export interface Interval {
  low: number;
  high: number;
}

export type SumStatus = "ok" | "rounding" | "error";

/** An empty cell (or 0) is exactly nothing, not a rounded figure. */
export function storedInterval(fen: number, step: number): Interval {
  return fen !== 0 && fen % step === 0 ? { low: fen - step / 2, high: fen + step / 2 } : { low: fen, high: fen };
}

export function shownInterval(fen: number, step: number): Interval {
  if (fen === 0) return { low: 0, high: 0 };
  const shown = roundToStep(fen, step);
  return { low: shown - step / 2, high: shown + step / 2 };
}


export const addIntervals = (intervals: readonly Interval[]): Interval =>
  intervals.reduce((acc, i) => ({ low: acc.low + i.low, high: acc.high + i.high }), { low: 0, high: 0 });

export const overlaps = (a: Interval, b: Interval): boolean => a.low <= b.high && b.low <= a.high;

export interface SumCheck {
  status: SumStatus;
  total: number;
  sum: number;
  /** The figures as printed: the total, and the sum of the parts (of the printed parts, where the stored ones tie). */
  shownTotal: number;
  shownSum: number;
  /** Intervals of the total and of the parts' sum, as shown. */
  totalInterval: Interval;
  sumInterval: Interval;
}

/**
 * The common case, without building arrays: the parts' sum and printed sum, accumulated by the
 * caller, agree exactly with the total. Only when this is false is checkSum needed.
 */
export function agreesExactly(total: number, sum: number, shownSum: number, step: number): boolean {
  return total === sum && roundToStep(total, step) === shownSum;
}

/** total = Σ parts, rounding-aware. `step` is the display step in 分 (万元 with 2 decimals: 10,000). */
export function checkSum(total: number, parts: readonly number[], step: number): SumCheck {
  let sum = 0;
  let shownSum = 0;
  for (let i = 0; i < parts.length; i++) {
    sum += parts[i];
    shownSum += roundToStep(parts[i], step);
  }
  const shownTotal = roundToStep(total, step);
  if (total === sum && shownTotal === shownSum) {
    return { status: "ok", total, sum, shownTotal, shownSum, totalInterval: shownInterval(total, step), sumInterval: { low: shownSum, high: shownSum } };
  }
  // The parts' intervals added in one pass (this runs for every rounding difference of a large table).
  const sumInterval: Interval = { low: 0, high: 0 };
  const stored = total !== sum;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p === 0) continue;
    const centre = stored ? p : roundToStep(p, step);
    const half = stored && p % step !== 0 ? 0 : step / 2;
    sumInterval.low += centre - half;
    sumInterval.high += centre + half;
  }
  if (stored) {
    const totalInterval = storedInterval(total, step);
    return { status: overlaps(totalInterval, sumInterval) ? "rounding" : "error", total, sum, shownTotal, shownSum: roundToStep(sum, step), totalInterval, sumInterval };
  }
  return { status: "rounding", total, sum, shownTotal, shownSum, totalInterval: shownInterval(total, step), sumInterval };
}

/** left ≤ right, rounding-aware. */
export function checkAtMost(left: number, right: number, step: number): SumStatus {
  if (left <= right) return "ok";
  return storedInterval(left, step).low <= storedInterval(right, step).high ? "rounding" : "error";
}

/** How a figure is shown: 7.88, with the unit's decimals. */
export function shown(fen: number, fenPerUnit: number, decimals: number): string {
  return formatAmount(roundToStep(fen, fenPerUnit / 10 ** decimals) / fenPerUnit, decimals, true);
}

/** [7.875, 7.885]: bounds with one decimal more than shown, where it is needed. */
export function intervalText(interval: Interval, fenPerUnit: number, decimals: number): string {
  const bound = (fen: number) => {
    const text = formatAmount(fen / fenPerUnit, decimals + 1);
    return text.includes(".") && text.endsWith("0") ? text.slice(0, -1).replace(/\.$/, "") : text;
  };
  return `[${bound(interval.low)}, ${bound(interval.high)}]`;
}
