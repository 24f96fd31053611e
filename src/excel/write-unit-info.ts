/**
 * 单位信息 written into the workbook itself (the very hidden YS_INFO sheet that `generate`
 * writes), so that the command line and a finance bureau's batch know the 单位类型 and
 * 主管部门 of a workbook made in Excel. Two syncs: look, then write.
 */
import { renderUnitInfoSheet, unitInfoValues, UNIT_INFO_SHEET } from "../core/layout/unit-info-sheet";
import type { UnitInfo } from "../core/model";
import { DEFAULT_PACK_ID, findPack } from "../core/packs";
import { writeLayout } from "./write-layouts";

export async function writeUnitInfoSheet(context: Excel.RequestContext, unit: UnitInfo): Promise<void> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(UNIT_INFO_SHEET);
  const names = context.workbook.names;
  names.load("items/name");
  await context.sync();
  if (sheet.isNullObject) writeLayout(context, renderUnitInfoSheet(findPack(DEFAULT_PACK_ID)!, unit), new Set(names.items.map((n) => n.name)));
  // The sheet is ours: only its four values change.
  else sheet.getRange("A1:B4").values = unitInfoValues(unit);
  await context.sync();
}
