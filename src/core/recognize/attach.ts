/**
 * Our defined names for tables the accountant confirmed (识别结果确认): the same names an inserted
 * template carries, plus one name per column (YS_T3_COL_total) and the amount-unit cell, so that a
 * recognised table is read again in its own layout after rows or columns are inserted. No cell changes.
 */
import type { DefinedName } from "../layout/types";
import { definedNamePrefix, packMarkerName } from "../layout/names";
import type { TemplatePack } from "../packs/types";
import type { TablePlacement } from "./recognize";

export const COLUMN_NAME_PART = "COL_";
export const AMOUNT_UNIT_NAME_PART = "AMOUNTUNIT";
export const VARIANT_NAME_PART = "VARIANT_";

export function namesForPlacement(pack: TemplatePack, placement: TablePlacement): DefinedName[] {
  const prefix = definedNamePrefix(placement.tableId);
  const cell = (at: { row: number; col: number }) => ({ firstRow: at.row, lastRow: at.row, firstCol: at.col, lastCol: at.col });
  const names: DefinedName[] = [
    { name: packMarkerName(pack, placement.tableId), area: cell(placement.title) },
    { name: `${prefix}TITLE`, area: cell(placement.title) },
    { name: `${prefix}HEADER`, area: placement.header },
    { name: `${prefix}BODY`, area: placement.body },
    // The note's cell, or where a note would go: the first cell under the body.
    { name: `${prefix}NOTE`, area: cell(placement.note ?? { row: placement.body.lastRow + 1, col: placement.body.firstCol }) },
  ];
  if (placement.unitLine) names.push({ name: `${prefix}UNIT`, area: cell(placement.unitLine) });
  if (placement.amountUnitCell) names.push({ name: `${prefix}${AMOUNT_UNIT_NAME_PART}`, area: cell(placement.amountUnitCell) });
  if (placement.variant) names.push({ name: `${prefix}${VARIANT_NAME_PART}${placement.variant}`, area: cell(placement.title) });
  for (const [key, col] of Object.entries(placement.columns)) names.push({ name: `${prefix}${COLUMN_NAME_PART}${key}`, area: cell({ row: placement.header.lastRow, col }) });
  return names;
}
