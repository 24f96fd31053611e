/**
 * Reading the ET object model safely. Some WPS builds expose a property as a zero-argument method
 * (Address, Count, Value2…): `get` accepts both. Values come back as COM gives them: one cell as a
 * bare value, error cells as numeric codes; `valueGrid` and `cellValue` turn them into what core reads.
 */
import type { CellValue } from "../core/amount";
import { normalizeCell } from "../core/cell-value";
import type { EtRange } from "./et";

type Getter<T> = T extends (...args: never[]) => infer R ? R : T;

export function get<T extends object, K extends keyof T>(target: T, key: K): Getter<T[K]> {
  const member = target[key];
  return (typeof member === "function" ? (member as () => unknown).call(target) : member) as Getter<T[K]>;
}

/**
 * One cell's value as core reads it. Errors come as COM error numbers (CVErr) from some builds and
 * as their text from others, and ET cannot tell typed text from an error: both read as errors.
 */
export function cellValue(value: unknown): CellValue {
  return normalizeCell(value, { comErrors: true, errorText: true });
}

/** A range's Value2 or Formula as rows × columns, whatever shape the host returned (a bare value for one cell). */
function shaped(raw: unknown, rows: number, cols: number): unknown[][] {
  // Some builds return a one-row range as a flat array of its cells rather than one row of them.
  const flatRow = rows <= 1 && Array.isArray(raw) && !raw.some(Array.isArray);
  return Array.from({ length: Math.max(rows, 1) }, (_, r) => {
    const row: unknown = flatRow ? (r === 0 ? raw : null) : Array.isArray(raw) ? raw[r] : r === 0 ? raw : null;
    return Array.from({ length: cols }, (_, c) => (Array.isArray(row) ? row[c] : c === 0 ? row : null));
  });
}

/** A range's values as rows × columns, as core reads them. */
export function valueGrid(value: unknown, rows: number, cols: number): CellValue[][] {
  return shaped(value, rows, cols).map((row) => row.map(cellValue));
}

/** A range's top-left corner (0-based), size and values, and its formulas when asked (text with "=", the value otherwise). */
export function readRange(range: EtRange, withFormulas = false): { top: number; left: number; rows: number; cols: number; values: CellValue[][]; formulas: unknown[][] } {
  const rows = get(range.Rows, "Count");
  const cols = get(range.Columns, "Count");
  return {
    top: get(range, "Row") - 1,
    left: get(range, "Column") - 1,
    rows,
    cols,
    values: valueGrid(get(range, "Value2"), rows, cols),
    formulas: withFormulas ? shaped(get(range, "Formula"), rows, cols) : [],
  };
}

/** A synchronous ET call as a settled promise: a thrown error becomes a rejection, never an escape. */
export function settle<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(`WPS 表格操作失败：${String(error)}`));
  }
}
