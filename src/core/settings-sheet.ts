/**
 * Document settings kept in the workbook itself, for hosts that persist none (WPS 表格: its
 * PluginStorage is not saved with the file). One very hidden sheet; each setting is a key and its
 * JSON text, split over rows because a cell holds at most 32,767 characters.
 */
export const SETTINGS_SHEET = "YS_设置";
/** Characters of JSON per cell, under the cell limit. */
export const SETTINGS_CHUNK = 30_000;

export type SettingRow = [key: string, part: number, json: string];

/** The rows that hold `settings`, in key order (undefined values are left out). */
export function encodeSettings(settings: ReadonlyMap<string, unknown>): SettingRow[] {
  const rows: SettingRow[] = [];
  for (const key of [...settings.keys()].sort()) {
    const value = settings.get(key);
    if (value === undefined) continue;
    const json = JSON.stringify(value);
    for (let part = 0, at = 0; at < json.length || part === 0; part++, at += SETTINGS_CHUNK) rows.push([key, part, json.slice(at, at + SETTINGS_CHUNK)]);
  }
  return rows;
}

/**
 * Reads the settings back from the sheet's values (any shape: a damaged or hand-edited row is
 * skipped, a setting whose JSON no longer parses is left out rather than half-read).
 */
export function decodeSettings(values: readonly (readonly unknown[])[]): Map<string, unknown> {
  const parts = new Map<string, string[]>();
  for (const row of values) {
    const [key, partCell, json] = row;
    // The part number as written, or as text where a host kept the cell's text format.
    const part = typeof partCell === "string" && /^\d+$/.test(partCell.trim()) ? Number(partCell) : partCell;
    if (typeof key !== "string" || !key || typeof part !== "number" || !Number.isInteger(part) || part < 0) continue;
    const list = parts.get(key) ?? [];
    list[part] = typeof json === "string" ? json : json === null || json === undefined ? "" : String(json);
    parts.set(key, list);
  }
  const settings = new Map<string, unknown>();
  for (const [key, list] of parts) {
    try {
      settings.set(key, JSON.parse(Array.from(list, (p) => p ?? "").join("")));
    } catch {
      // A cut or edited value: not trusted.
    }
  }
  return settings;
}

/** The settings a workbook keeps in its YS_设置 sheet (written by the WPS add-in), as any reader sees the sheet; null without one. */
export function settingsOfCells(sheets: readonly { name: string; rowCount: number; value(row: number, col: number): unknown }[]): Map<string, unknown> | null {
  const sheet = sheets.find((s) => s.name === SETTINGS_SHEET);
  if (!sheet) return null;
  return decodeSettings(Array.from({ length: sheet.rowCount }, (_, r) => [0, 1, 2].map((c) => sheet.value(r, c))));
}
