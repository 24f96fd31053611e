/**
 * A side's amounts column by column (分 as numbers, blank as 0), and rounded to the table's
 * display step, built once per validation: the sum rules add arrays instead of looking up each
 * row's amounts by key again and again.
 */
import { roundToStep } from "../fixed";
import type { RowData } from "../model";
import type { RuleContext } from "./types";

export interface AmountColumns {
  /** Amounts of `key`, by row index. */
  values(key: string): Float64Array;
  /** Whether the column holds nothing but zeros and blanks (most 政府性基金, 国有资本经营 … columns): nothing to add up. */
  empty(key: string): boolean;
  /** The same, each rounded to the display step (what the printed table shows). */
  shown(key: string): Float64Array;
}

/** Built once per validation run: rows are not changed while the rules run, but may be between runs. */
export function amountColumnsOf(context: RuleContext, rows: readonly RowData[], step: number): AmountColumns {
  const cache = context.once("amountColumns", () => new WeakMap<readonly RowData[], Map<number, AmountColumns>>());
  let bySteps = cache.get(rows);
  if (!bySteps) cache.set(rows, (bySteps = new Map()));
  const known = bySteps.get(step);
  if (known) return known;
  const values = new Map<string, Float64Array>();
  const shown = new Map<string, Float64Array>();
  const emptiness = new Map<string, boolean>();
  const columns: AmountColumns = {
    empty(key) {
      let known = emptiness.get(key);
      if (known === undefined) {
        known = columns.values(key).every((v) => v === 0);
        emptiness.set(key, known);
      }
      return known;
    },
    values(key) {
      let column = values.get(key);
      if (!column) {
        column = new Float64Array(rows.length);
        for (let i = 0; i < rows.length; i++) column[i] = rows[i].amounts[key] ?? 0;
        values.set(key, column);
      }
      return column;
    },
    shown(key) {
      let column = shown.get(key);
      if (!column) {
        const raw = columns.values(key);
        column = new Float64Array(raw.length);
        for (let i = 0; i < raw.length; i++) column[i] = roundToStep(raw[i], step);
        shown.set(key, column);
      }
      return column;
    },
  };
  bySteps.set(step, columns);
  return columns;
}
