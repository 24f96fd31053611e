/** ExcelJS cell values as the plain values the core reads (formula results, rich text, errors), through the core's one normalisation. */
import type ExcelJS from "exceljs";
import type { CellValue } from "../core/amount";
import { normalizeCell } from "../core/cell-value";

export function plainValue(value: ExcelJS.CellValue): CellValue {
  return normalizeCell(value);
}
