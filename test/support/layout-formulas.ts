/**
 * The formulas our layouts write, computed as a spreadsheet would, for the fake hosts (fake-et.ts,
 * fake-excel.ts): SUM, SUMIFS with "?" patterns, &, the empty-note IF, and single references.
 * Pure TypeScript: the browser tests run it too.
 */
import { parseAreaAddress, type Area } from "../../src/core/layout/a1";
import { matchesPattern } from "../../src/core/layout/evaluate";

export type Scalar = string | number | boolean | null;

/** Every cell of an area, row by row, as [row, col] (0-based). */
export function cellsOf(a: Area): [number, number][] {
  const list: [number, number][] = [];
  for (let r = a.firstRow; r <= a.lastRow; r++) for (let c = a.firstCol; c <= a.lastCol; c++) list.push([r, c]);
  return list;
}

/** "A1:B2,C3" (with or without $) as areas; a bad reference throws. */
export function parseAreas(address: string): Area[] {
  const areas = address.split(",").map((part) => parseAreaAddress(part.trim().replace(/\$/g, "")));
  if (areas.length === 0 || areas.some((a) => a === null)) throw new Error(`无效的区域引用：${address}`);
  return areas as Area[];
}

/** A formula's result (its text without "="), reading other cells through `valueAt`; undefined for a formula of another kind. */
export function evaluateLayoutFormula(text: string, valueAt: (row: number, col: number) => Scalar): Scalar | undefined {
  const numbersIn = (area: Area) => cellsOf(area).map(([r, c]) => valueAt(r, c));
  const sum = /^SUM\((.*)\)$/.exec(text);
  if (sum) return sum[1].split(",").flatMap((a) => numbersIn(parseAreas(a)[0])).reduce<number>((t, v) => t + (typeof v === "number" ? v : 0), 0);
  const sumIfs = /^SUMIFS\(([^,]+),([^,]+),"([^"]*)"\)$/.exec(text);
  if (sumIfs) {
    const [target, criteria] = [parseAreas(sumIfs[1])[0], parseAreas(sumIfs[2])[0]];
    let total = 0;
    for (let r = criteria.firstRow; r <= criteria.lastRow; r++) {
      const code = valueAt(r, criteria.firstCol);
      if (typeof code !== "string" || !matchesPattern(code, sumIfs[3])) continue;
      const value = valueAt(target.firstRow + r - criteria.firstRow, target.firstCol);
      if (typeof value === "number") total += value;
    }
    return total;
  }
  const note = /^IF\((.*)=0,"([^"]*)",""\)$/.exec(text);
  if (note) {
    const areas = [...note[1].matchAll(/ISNUMBER\(([^)]+)\)/g)].map((m) => parseAreas(m[1])[0]);
    const nonZero = areas.flatMap(numbersIn).filter((v) => typeof v === "number" && v !== 0).length;
    return nonZero === 0 ? note[2] : "";
  }
  if (/^[A-Z]+\d+(&[A-Z]+\d+)+$/.test(text)) return text.split("&").map((a) => valueAt(parseAreas(a)[0].firstRow, parseAreas(a)[0].firstCol) ?? "").join("");
  if (/^\$?[A-Z]+\$?\d+$/.test(text)) {
    const [a] = parseAreas(text);
    return valueAt(a.firstRow, a.firstCol);
  }
  return undefined;
}
