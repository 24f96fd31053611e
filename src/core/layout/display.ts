/** The text a spreadsheet shows for a layout cell (number formats applied), for previews and golden tests. */
import { formatAmount } from "../fixed";
import type { LayoutCell, SheetLayout } from "./types";

export function displayText(cell: LayoutCell | undefined, layout: Pick<SheetLayout, "decimals">): string {
  if (!cell) return "";
  const v = cell.formula ? cell.result : cell.value;
  if (v === undefined || v === null) return "";
  if (typeof v === "string") return v;
  if (cell.style === "amount" || cell.style === "totalAmount") {
    const text = formatAmount(v, layout.decimals, true);
    return Number(text.replace(/,/g, "")) === 0 ? "" : text;
  }
  return String(v);
}

/** The shown grid of rows first..last, hidden columns left out. */
export function displayGrid(layout: SheetLayout, firstRow: number, lastRow: number): string[][] {
  const byPosition = new Map(layout.cells.map((c) => [`${c.row}:${c.col}`, c]));
  const grid: string[][] = [];
  for (let r = firstRow; r <= lastRow; r++) {
    const row: string[] = [];
    layout.columns.forEach((column, c) => {
      if (!column.hidden) row.push(displayText(byPosition.get(`${r}:${c}`), layout));
    });
    grid.push(row);
  }
  return grid;
}
