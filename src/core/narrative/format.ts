/**
 * How figures are written in the 情况说明 (one convention, documented in docs/narrative.md):
 * - amounts in 万元 with 2 decimals, a whole number without decimals (164.06万元, 100万元, 0万元, 0.20万元);
 * - percentages with 2 decimals, zero as 0% (94.94%, 100.00%, 0%);
 * - shares and growth are computed from the figures as printed (2 decimals), so a reader can check them.
 */
import { FEN_PER_UNIT, roundToStep } from "../fixed";
import { largestRemainderShares } from "../shares";

/** The printed step: 0.01 万元 = 100 元 = 10,000 分. */
const PRINT_STEP = 10_000;

/** The printed figure in 万元 hundredths (integer): 1,640,580 元 → 16406. */
export function printedHundredths(fen: number): number {
  return roundToStep(fen, PRINT_STEP) / PRINT_STEP;
}

export function wan(fen: number): string {
  return hundredthsWan(printedHundredths(fen));
}

/** Hundredths of 万元 written as `wan` writes them: 2376 → "23.76", 10000 → "100". */
export function hundredthsWan(h: number): string {
  const abs = Math.abs(h);
  const text = abs % 100 === 0 ? String(abs / 100) : `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
  return (h < 0 ? "-" : "") + text;
}

/** Hundredths of 万元 as written with 2 decimals, as the Shanghai documents write every amount: 1200 → "12.00". */
export function hundredthsText(h: number): string {
  return `${h < 0 ? "-" : ""}${Math.floor(Math.abs(h) / 100)}.${String(Math.abs(h) % 100).padStart(2, "0")}`;
}

/** An amount in 分 as printed with 2 decimals: 120,000 分 → "0.12"; 1,200,000 → "1.20". */
export const wanFixed = (fen: number): string => hundredthsText(printedHundredths(fen));

/** An amount as written, in 分, and half of its last written digit: it stands for [fen − half, fen + half]. */
export interface Written {
  fen: number;
  half: number;
}

/**
 * An amount written in a text, at the precision it was written: in 分, and half of its last written digit
 * in 分 (the rounding interval). "17,192" 万元 stands for [17,191.5, 17,192.5] 万元; "87.70" for [87.695, 87.705].
 */
export function writtenFen(text: string, fenPerUnit: number): Written {
  const [whole, fraction = ""] = text.replace(/,/g, "").split(".");
  const decimals = Math.min(fraction.length, Math.round(Math.log10(fenPerUnit)));
  const scale = fenPerUnit / 10 ** decimals;
  const digits = Number(`${whole || "0"}${fraction.slice(0, decimals)}`);
  return { fen: digits * scale, half: scale / 2 };
}

/** Whether an amount in 分 prints as the text written, at the text's precision. */
export const writtenMatches = (text: string, fen: number, fenPerUnit: number): boolean => {
  const written = writtenFen(text, fenPerUnit);
  return Math.abs(fen - written.fen) <= written.half;
};

/** A figure the narrative writes in 万元 (its unit throughout), at its written precision. */
export const writtenWan = (text: string): Written => writtenFen(text, FEN_PER_UNIT["万元"]);

/** Whether an amount in 分 prints as the 万元 figure written: "17,192" is any figure that rounds to it, "87.70" to the hundredth. */
export const writtenWanMatches = (text: string, fen: number): boolean => writtenMatches(text, fen, FEN_PER_UNIT["万元"]);

/** An amount written in a text ("1,212.12") in hundredths of 万元. */
export const writtenHundredths = (text: string): number => Math.round(Number(text.replace(/,/g, "")) * 100);

export function percentText(hundredthsOfPercent: number): string {
  if (hundredthsOfPercent === 0) return "0";
  return `${Math.floor(hundredthsOfPercent / 100)}.${String(hundredthsOfPercent % 100).padStart(2, "0")}`;
}

/** Shares of the printed parts in the printed total, adding to 100.00 when the parts add to the total (hundredths of a percent). */
export function printedShares(partsFen: readonly number[], totalFen: number): number[] {
  const total = printedHundredths(totalFen);
  if (total <= 0) return partsFen.map(() => 0);
  return largestRemainderShares({ parts: partsFen.map(printedHundredths), total, decimals: 2 }).map((p) => Math.round(p * 100));
}

/** Growth in percent of the prior year, from printed figures, rounded half up (hundredths of a percent). */
export function printedGrowth(currentFen: number, priorFen: number): number | null {
  const prior = printedHundredths(priorFen);
  if (prior === 0) return null;
  return percentHundredths(Math.abs(printedHundredths(currentFen) - prior), prior);
}

/** `part / whole` in hundredths of a percent, rounded half up, in integers (both non-negative, whole > 0). */
export const percentHundredths = (part: number, whole: number): number => Math.floor((part * 10000 * 2 + whole) / (2 * whole));

/** A ratio of two amounts in 分, `num / den`; a denominator of 0 or less stands for no bound. */
export interface Ratio {
  num: number;
  den: number;
}

/** The lowest and highest ratio the printed figures allow. */
export interface RatioRange {
  low: Ratio;
  high: Ratio;
}


/**
 * The ratios a part may have of its whole (a share), from the printed figures' intervals: it grows with the
 * part and shrinks with the whole.
 */
export const shareRange = (part: Written, whole: Written): RatioRange => ({
  low: { num: part.fen - part.half, den: whole.fen + whole.half },
  high: { num: part.fen + part.half, den: whole.fen - whole.half },
});

/** The rates a change D written beside the year's figure C may have against last year's, C ∓ D: D / (C ∓ D) grows with D and shrinks with C. */
export function statedChangeRange(current: Written, change: Written, rising: boolean): RatioRange {
  const [cLow, cHigh, dLow, dHigh] = [current.fen - current.half, current.fen + current.half, change.fen - change.half, change.fen + change.half];
  return rising ? { low: { num: dLow, den: cHigh - dLow }, high: { num: dHigh, den: cLow - dHigh } } : { low: { num: dLow, den: cHigh + dLow }, high: { num: dHigh, den: cLow + dHigh } };
}

/** The rates of change from last year's figure P to the year's C, both as printed: (C − P) / P when rising, (P − C) / P when falling. */
export function changeBetweenRange(current: Written, prior: Written, rising: boolean): RatioRange {
  const [cLow, cHigh, pLow, pHigh] = [current.fen - current.half, current.fen + current.half, prior.fen - prior.half, prior.fen + prior.half];
  return rising ? { low: { num: cLow - pHigh, den: pHigh }, high: { num: cHigh - pLow, den: pLow } } : { low: { num: pLow - cHigh, den: pLow }, high: { num: pHigh - cLow, den: pHigh } };
}

/**
 * Whether a percentage as written ("23.08", "17") could be a ratio between `low` and `high`: the written
 * figure stands for half a unit of its last digit either way, and so does every amount the ratio is made of
 * (4,225 元 → 5,200 元 is 23.08%, printed 0.42 → 0.52 万元; both 23.08% and 23.81% are right). Integers only.
 */
export function writtenPercentWithin(written: string, low: Ratio, high: Ratio): boolean {
  const [whole, fraction = ""] = written.split(".");
  if (!/^\d+$/.test(whole) || !/^\d{0,4}$/.test(fraction)) return false;
  const twiceUnits = 2n * BigInt(whole + fraction);
  // ratio × 100 × 10^decimals, doubled: the written units ± ½ become twice the units ± 1.
  const scale = 200n * 10n ** BigInt(fraction.length);
  const big = (n: number) => BigInt(Math.round(n));
  const reachesUp = high.den <= 0 || big(high.num) * scale >= (twiceUnits - 1n) * big(high.den);
  const reachesDown = low.den > 0 && big(low.num) * scale <= (twiceUnits + 1n) * big(low.den);
  return reachesUp && reachesDown;
}

/** What the printed figures allow a rate to be, as the reviewer reads it: "在22.09%至25.61%之间", or "约为16.08%" (for the message only, never for a decision). */
export function ratioRangeText(low: Ratio, high: Ratio): string {
  const percent = (r: Ratio) => (r.den > 0 ? `${((r.num / r.den) * 100).toFixed(2)}%` : "无上限");
  return percent(low) === percent(high) ? `约为${percent(low)}` : `在${percent(low)}至${percent(high)}之间`;
}

