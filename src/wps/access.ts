/**
 * Reading the ET object model safely. Some WPS builds expose a property as a zero-argument method
 * (Address, Count, Value2…): `get` accepts both. Values come back as COM gives them: one cell as a
 * bare value, error cells as numeric codes; `valueGrid` and `cellValue` turn them into what core reads.
 */
import type { CellValue } from "../core/amount";
import type { EtRange } from "./et";

type Getter<T> = T extends (...args: never[]) => infer R ? R : T;

export function get<T extends object, K extends keyof T>(target: T, key: K): Getter<T[K]> {
  const member = target[key];
  return (typeof member === "function" ? (member as () => unknown).call(target) : member) as Getter<T[K]>;
}

/** COM error values (CVErr) as some builds return them, with the text Excel shows. */
const COM_ERRORS = new Map<number, string>([
  [-2146826281, "#DIV/0!"],
  [-2146826246, "#N/A"],
  [-2146826259, "#NAME?"],
  [-2146826288, "#NULL!"],
  [-2146826252, "#NUM!"],
  [-2146826265, "#REF!"],
  [-2146826273, "#VALUE!"],
]);

/** One cell's value as core reads it: blanks are null, error codes their text. */
export function cellValue(value: unknown): CellValue {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value === "number") return COM_ERRORS.get(value) ?? value;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

/** A range's Value2 or Formula as rows × columns, whatever shape the host returned (a bare value for one cell). */
function shaped(raw: unknown, rows: number, cols: number): unknown[][] {
  return Array.from({ length: Math.max(rows, 1) }, (_, r) => {
    const row: unknown = Array.isArray(raw) ? raw[r] : r === 0 ? raw : null;
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
