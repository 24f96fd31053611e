/**
 * 定稿: the cells whose formulas call the add-in's custom functions (YS.…), to be
 * replaced by their values so the file shows no #NAME? where the add-in is absent.
 * Native formulas (SUM, SUMIFS …) stay.
 */
import { isFormulaText } from "./layout/formula-text";

export const FUNCTION_NAMESPACE = "YS";

export function callsCustomFunction(formula: unknown, namespace = FUNCTION_NAMESPACE): boolean {
  if (!isFormulaText(formula)) return false;
  // Outside string literals, a call like YS.BUDGETROLLUP( or _xldudf_YS_… (how some files store it).
  const code = formula.replace(/"[^"]*"/g, '""');
  return new RegExp(`(^|[^A-Za-z0-9_.])(${namespace}\\.[A-Za-z]|_xldudf_${namespace}_)`, "i").test(code);
}

/** Positions (row, column within the grid) of the cells to turn into values. */
export function customFunctionCells(formulas: readonly (readonly unknown[])[], namespace = FUNCTION_NAMESPACE): [number, number][] {
  const cells: [number, number][] = [];
  formulas.forEach((row, r) => row.forEach((f, c) => callsCustomFunction(f, namespace) && cells.push([r, c])));
  return cells;
}
