/**
 * Computes every formula of a layout exactly (in 分) from its typed amounts, so
 * the command line can write each formula's result beside it. The formulas are
 * evaluated from their structure, not parsed from text; the LibreOffice test
 * checks that the formula text computes the same.
 */
import { FEN_PER_UNIT, toFen } from "../fixed";
import type { Area } from "./a1";
import { NON_BLANK, type Formula, type LayoutCell, type SheetLayout } from "./types";

type Grid = Map<number, LayoutCell>;
const key = (row: number, col: number): number => row * 4096 + col;

/** Matches a SUMIFS pattern of digits and "?" (exactly one character each); NON_BLANK is handled by criteriaMatcher. */
export function matchesPattern(text: string, pattern: string): boolean {
  if (text.length !== pattern.length) return false;
  for (let i = 0; i < pattern.length; i++) if (pattern[i] !== "?" && pattern[i] !== text[i]) return false;
  return true;
}

/**
 * Rows of a SUMIFS criteria column whose text matches a pattern, through an index built once per
 * column (codes by length, sorted): a 5,000-row table's roll-ups no longer scan every row per formula.
 */
export function criteriaMatcher(textAt: (row: number, col: number) => string | undefined): (criteria: Area, pattern: string) => number[] {
  const indexes = new Map<string, Map<number, { code: string; row: number }[]>>();
  return (criteria, pattern) => {
    if (pattern === NON_BLANK) {
      const rows: number[] = [];
      for (let r = criteria.firstRow; r <= criteria.lastRow; r++) if ((textAt(r, criteria.firstCol) ?? "") !== "") rows.push(r);
      return rows;
    }
    const key = `${criteria.firstRow}:${criteria.lastRow}:${criteria.firstCol}`;
    let byLength = indexes.get(key);
    if (!byLength) {
      byLength = new Map();
      for (let r = criteria.firstRow; r <= criteria.lastRow; r++) {
        const code = textAt(r, criteria.firstCol);
        if (code === undefined) continue;
        const list = byLength.get(code.length) ?? [];
        list.push({ code, row: r });
        byLength.set(code.length, list);
      }
      for (const list of byLength.values()) list.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.row - b.row));
      indexes.set(key, byLength);
    }
    const list = byLength.get(pattern.length) ?? [];
    const wild = pattern.indexOf("?");
    const prefix = wild < 0 ? pattern : pattern.slice(0, wild);
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].code < prefix) lo = mid + 1;
      else hi = mid;
    }
    const rows: number[] = [];
    for (let i = lo; i < list.length && list[i].code.startsWith(prefix); i++) if (matchesPattern(list[i].code, pattern)) rows.push(list[i].row);
    return rows.sort((a, b) => a - b);
  };
}

function* cellsOf(area: Area): Generator<[number, number]> {
  for (let r = area.firstRow; r <= area.lastRow; r++) for (let c = area.firstCol; c <= area.lastCol; c++) yield [r, c];
}

export function evaluateLayout(layout: SheetLayout): void {
  const grid: Grid = new Map(layout.cells.map((cell) => [key(cell.row, cell.col), cell]));
  const factor = FEN_PER_UNIT[layout.amountUnit];
  const memo = new Map<number, number | string>();
  const visiting = new Set<number>();
  const matching = criteriaMatcher((row, col) => {
    const v = valueAt(row, col);
    return typeof v === "string" ? v : undefined;
  });

  const fenAt = (row: number, col: number): number => {
    const v = valueAt(row, col);
    return typeof v === "number" ? v : 0;
  };

  /** Numbers in 分; text as text. */
  function valueAt(row: number, col: number): number | string | undefined {
    const cell = grid.get(key(row, col));
    if (!cell) return undefined;
    if (!cell.formula) return typeof cell.value === "number" ? toFen(cell.value, layout.amountUnit) : cell.value;
    const k = key(row, col);
    if (memo.has(k)) return memo.get(k);
    if (visiting.has(k)) throw new Error(`circular formula at ${layout.sheetName} row ${row + 1} col ${col + 1}`);
    visiting.add(k);
    const result = evaluate(cell.formula);
    visiting.delete(k);
    memo.set(k, result);
    return result;
  }

  function evaluate(formula: Formula): number | string {
    switch (formula.op) {
      case "sum": {
        let total = 0;
        for (const area of formula.areas) for (const [r, c] of cellsOf(area)) total += fenAt(r, c);
        return total;
      }
      case "sumIfs": {
        let total = 0;
        for (const r of matching(formula.criteria, formula.pattern)) total += fenAt(r, formula.sum.firstCol);
        return total;
      }
      case "concat": {
        let text = "";
        for (const area of formula.areas) for (const [r, c] of cellsOf(area)) {
          const v = valueAt(r, c);
          if (v !== undefined) text += typeof v === "number" ? String(v / factor) : v;
        }
        return text;
      }
      case "emptyNote": {
        for (const area of formula.areas) for (const [r, c] of cellsOf(area)) if (fenAt(r, c) !== 0) return "";
        return formula.text;
      }
    }
  }

  for (const cell of layout.cells) {
    if (!cell.formula) continue;
    const result = valueAt(cell.row, cell.col)!;
    cell.result = typeof result === "number" ? result / factor : result;
  }
}
