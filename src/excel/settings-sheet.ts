/**
 * The settings a WPS user's add-in kept in the workbook's very hidden YS_设置 sheet, read in Excel
 * where its own document settings have none (a workbook made in WPS, then opened in Excel). One sync.
 */
import { decodeSettings, SETTINGS_SHEET } from "../core/settings-sheet";

export async function sheetSettings(context: Excel.RequestContext): Promise<Map<string, unknown> | null> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("values");
  await context.sync();
  if (sheet.isNullObject || used.isNullObject) return null;
  return decodeSettings(used.values);
}
