/**
 * Exact arithmetic on amounts. Floats are never compared or accumulated:
 * amounts become integers of a fixed fraction of their unit first.
 *
 * In the model, amounts are integers of 分 (fen, 0.01 元). A table shown in 万元
 * stores its amounts as 万元 with up to 6 decimals, which is again the 分.
 */

/** 分 per display unit. */
export const FEN_PER_UNIT = { 元: 100, 万元: 1_000_000 } as const;
export type AmountUnit = keyof typeof FEN_PER_UNIT;

/** Six decimals: custom functions that do not know the unit sum exactly to 0.000001 (the 分 of 万元). */
export const MICRO_SCALE = 1_000_000;

/** Largest magnitude accepted before integer arithmetic could lose precision. */
export const MAX_ABS_AMOUNT = 1e9;

export function toScaled(value: number, scale: number): number {
  return Math.round(value * scale);
}

export function fromScaled(units: number, scale: number): number {
  return units / scale;
}

export function toFen(value: number, unit: AmountUnit): number {
  return toScaled(value, FEN_PER_UNIT[unit]);
}

/** Rounds an integer amount half away from zero to a whole number of steps (万元 with 2 decimals: steps of 10,000 分). */
export function roundToStep(units: number, step: number): number {
  const sign = units < 0 ? -1 : 1;
  return sign * Math.round(Math.abs(units) / step) * step;
}

/** Formats an amount for Chinese text: 164.06, 1,000,000 (with grouping when asked). */
export function formatAmount(value: number, decimals: number, grouping = false): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const dot = fixed.indexOf(".");
  const intPart = dot < 0 ? fixed : fixed.slice(0, dot);
  let grouped = intPart;
  if (grouping && intPart.length > 3) {
    // 1234567 → 1,234,567 (this runs for every figure of every finding: no regular expression).
    const head = intPart.length % 3 || 3;
    grouped = intPart.slice(0, head);
    for (let i = head; i < intPart.length; i += 3) grouped += "," + intPart.slice(i, i + 3);
  }
  const sign = value < 0 && /[1-9]/.test(fixed) ? "-" : "";
  return sign + grouped + (dot < 0 ? "" : fixed.slice(dot));
}

/** A number as a cell holds it, without trailing zeros (up to 6 decimals, no grouping, no locale): 1.444 → "1.444", 1.45 → "1.45". */
export function plainDecimal(value: number, decimals = 6): string {
  return value.toFixed(decimals).replace(/0+$/, "").replace(/\.$/, "");
}
