/**
 * The add-in's document settings in WPS: WPS keeps none with the file (PluginStorage is not saved),
 * so they live in the very hidden YS_设置 sheet, read and rewritten whole (two calls each way).
 */
import { decodeSettings, encodeSettings, SETTINGS_SHEET } from "../core/settings-sheet";
import { readRange } from "./access";
import { SHEET_VERY_HIDDEN, type EtWorkbook, type EtWorksheet } from "./et";
import { addSheetAtEnd, findSheet } from "./workbook";

function readSheet(sheet: EtWorksheet | null): Map<string, unknown> {
  if (!sheet) return new Map();
  const { top, left, values } = readRange(sheet.UsedRange);
  return top === 0 && left === 0 ? decodeSettings(values) : new Map();
}

export function loadSettings(workbook: EtWorkbook): Map<string, unknown> {
  return readSheet(findSheet(workbook, SETTINGS_SHEET));
}

/** Sets one setting (others kept), creating the very hidden sheet the first time. */
export function saveSetting(workbook: EtWorkbook, key: string, value: unknown): void {
  let sheet = findSheet(workbook, SETTINGS_SHEET);
  const settings = readSheet(sheet);
  settings.set(key, value);
  if (sheet) sheet.UsedRange.ClearContents();
  else {
    sheet = addSheetAtEnd(workbook, SETTINGS_SHEET);
    sheet.Visible = SHEET_VERY_HIDDEN;
  }
  const rows = encodeSettings(settings);
  const range = sheet.Range(`A1:C${rows.length}`);
  // Text, so that JSON such as "2024" or "1e5" is kept as written.
  range.NumberFormat = "@";
  range.Value2 = rows;
}
