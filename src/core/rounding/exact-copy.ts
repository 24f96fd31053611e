/**
 * The YS_精确值 copy kept by 调整尾差: one row per adjusted cell (工作表, 单元格, 精确值, 调整后), under a
 * header. What to add and what to put back, from the copy's values as the host reads them.
 */
import { EXACT_COPY_HEADER, type RoundingChange } from "./changes";

type CopyRow = [sheetName: string, cell: string, exact: number, after: number];

/** Rows to append: a cell adjusted twice keeps its first exact value, so the copy is only added to. */
export function exactCopyAdditions(copyValues: readonly (readonly unknown[])[], changes: readonly RoundingChange[]): CopyRow[] {
  const kept = new Set(copyValues.slice(1).map((r) => `${r[0]}!${r[1]}`));
  const rows: CopyRow[] = [];
  for (const c of changes) {
    const key = `${c.sheetName}!${c.cell}`;
    if (kept.has(key)) continue;
    kept.add(key);
    rows.push([c.sheetName, c.cell, c.exact, c.after]);
  }
  return rows;
}

/** The header row, written when the copy is new. */
export const exactCopyHeader = (): string[] => [...EXACT_COPY_HEADER];

/** The kept exact values to put back (well-formed rows only: a damaged row is not trusted). */
export function exactCopyRestores(copyValues: readonly (readonly unknown[])[]): { sheetName: string; cell: string; exact: number }[] {
  return copyValues
    .slice(1)
    .filter((r) => typeof r[0] === "string" && typeof r[1] === "string" && typeof r[2] === "number")
    .map((r) => ({ sheetName: r[0] as string, cell: r[1] as string, exact: r[2] as number }));
}
