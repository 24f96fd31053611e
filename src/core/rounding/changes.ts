/**
 * 尾差调整 in a workbook: the cells whose typed figures change, found by comparing the
 * disclosure as read with its adjusted copy, each named by its real sheet and cell.
 */
import { FEN_PER_UNIT } from "../fixed";
import { cellAddress } from "../layout/a1";
import { tableUnit } from "../layout/render";
import type { WorkbookReading } from "../read-workbook";
import type { RoundingAdjustment } from "./adjust";

export interface RoundingChange {
  sheetName: string;
  /** A1 address. */
  cell: string;
  /** The exact value the cell holds now (kept in YS_精确值) and the value to write, in the table's own unit. */
  exact: number;
  after: number;
}

/** The sheet that keeps the exact values a 尾差调整 replaced, so that 恢复精确值 can put them back. */
export const EXACT_COPY_SHEET = "YS_精确值";
export const EXACT_COPY_HEADER = ["工作表", "单元格", "精确值", "调整后"] as const;

export function roundingChanges(reading: WorkbookReading, adjustment: RoundingAdjustment): RoundingChange[] {
  const pack = reading.pack;
  if (!pack || !reading.disclosure) return [];
  const changes: RoundingChange[] = [];
  for (const table of pack.tables) {
    const texts = reading.texts[table.id];
    const before = reading.disclosure.tables[table.id];
    const after = adjustment.disclosure.tables[table.id];
    if (!texts || !before || !after) continue;
    const perUnit = FEN_PER_UNIT[texts.amountUnit ?? tableUnit(pack, table).unit];
    for (const [side, rows] of Object.entries(before))
      rows.forEach((row, i) => {
        const adjusted = after[side]?.[i];
        if (!adjusted || !row.place) return;
        for (const [key, fen] of Object.entries(row.amounts)) {
          const next = adjusted.amounts[key];
          if (fen === null || fen === undefined || next === null || next === undefined || next === fen) continue;
          const col = texts.columns?.[key] ?? table.columns.findIndex((c) => c.key === key);
          changes.push({ sheetName: texts.sheetName, cell: cellAddress(row.place.row, col), exact: fen / perUnit, after: next / perUnit });
        }
      });
  }
  return changes;
}
