/**
 * Computes every formula of a layout exactly (in 分) from its typed amounts, so
 * the command line can write each formula's result beside it. The formulas are
 * evaluated from their structure, not parsed from text; the LibreOffice test
 * checks that the formula text computes the same.
 */
import { FEN_PER_UNIT, toFen } from "../fixed";
import type { Area } from "./a1";
import type { Formula, LayoutCell, SheetLayout } from "./types";

type Grid = Map<number, LayoutCell>;
const key = (row: number, col: number): number => row * 4096 + col;

/** Matches a SUMIFS pattern of digits and "?" (exactly one character each). */
export function matchesPattern(text: string, pattern: string): boolean {
  if (text.length !== pattern.length) return false;
  for (let i = 0; i < pattern.length; i++) if (pattern[i] !== "?" && pattern[i] !== text[i]) return false;
  return true;
}

function* cellsOf(area: Area): Generator<[number, number]> {
  for (let r = area.firstRow; r <= area.lastRow; r++) for (let c = area.firstCol; c <= area.lastCol; c++) yield [r, c];
}

export function evaluateLayout(layout: SheetLayout): void {
  const grid: Grid = new Map(layout.cells.map((cell) => [key(cell.row, cell.col), cell]));
  const factor = FEN_PER_UNIT[layout.amountUnit];
  const memo = new Map<number, number | string>();
  const visiting = new Set<number>();

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
        for (let r = formula.criteria.firstRow; r <= formula.criteria.lastRow; r++) {
          const criterion = valueAt(r, formula.criteria.firstCol);
          if (typeof criterion === "string" && matchesPattern(criterion, formula.pattern)) total += fenAt(r, formula.sum.firstCol);
        }
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
