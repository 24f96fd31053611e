/**
 * The add-in's document settings in WPS: WPS keeps none with the file (PluginStorage is not saved),
 * so they live in the very hidden YS_设置 sheet, read and rewritten whole (two calls each way).
 */
import { decodeSettings, encodeSettings, SETTINGS_SHEET } from "../core/settings-sheet";
import { get, valueGrid } from "./access";
import { SHEET_VERY_HIDDEN, type EtWorkbook, type EtWorksheet } from "./et";
import { addSheetAtEnd, findSheet } from "./workbook";

const COLUMNS = 3;

function readSheet(sheet: EtWorksheet | null): Map<string, unknown> {
  if (!sheet) return new Map();
  const used = sheet.UsedRange;
  const rows = get(used.Rows, "Count");
  const cols = get(used.Columns, "Count");
  if (get(used, "Row") !== 1 || get(used, "Column") !== 1) return new Map();
  return decodeSettings(valueGrid(get(used, "Value2"), rows, Math.max(cols, COLUMNS)));
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
