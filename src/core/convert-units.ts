/** 元 typed where the table is in 万元: the numbers to write back, all decimals kept (14,440 元 → 1.444 万元). */
import { readAmount, type CellValue } from "./amount";
import { isFormulaText } from "./layout/formula-text";

export const YUAN_PER_WAN = 10_000;

/**
 * For each cell of a selection: the new value, or undefined to leave it alone
 * (formulas, blanks, text that is not a number). Exact to the 分 (values rounded to 6 decimals of 万元).
 */
export function yuanToWan(values: readonly (readonly CellValue[])[], formulas: readonly (readonly unknown[])[]): (number | undefined)[][] {
  return values.map((row, r) =>
    row.map((value, c) => {
      const formula = formulas[r]?.[c];
      if (isFormulaText(formula)) return undefined;
      const reading = readAmount(value);
      if (reading.kind !== "number") return undefined;
      return Math.round((reading.value / YUAN_PER_WAN) * 1e6) / 1e6;
    }),
  );
}
