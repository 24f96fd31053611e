/** Sheets and names of a WPS workbook: 1-based collections walked once, deletions without WPS's prompts. */
import { parseNameReference, type NamedArea } from "../core/read-workbook";
import { get } from "./access";
import type { EtApplication, EtName, EtWorkbook, EtWorksheet } from "./et";

export function sheetList(workbook: EtWorkbook): EtWorksheet[] {
  const sheets = workbook.Worksheets;
  const count = get(sheets, "Count");
  return Array.from({ length: count }, (_, i) => sheets.Item(i + 1));
}

/** Every sheet by its name, for work that looks up many (one walk of the collection). */
export function sheetsByName(workbook: EtWorkbook): Map<string, EtWorksheet> {
  return new Map(sheetList(workbook).map((s) => [get(s, "Name"), s]));
}

export function findSheet(workbook: EtWorkbook, name: string): EtWorksheet | null {
  return sheetList(workbook).find((s) => get(s, "Name") === name) ?? null;
}

export function nameList(workbook: EtWorkbook): EtName[] {
  const names = workbook.Names;
  const count = get(names, "Count");
  return Array.from({ length: count }, (_, i) => names.Item(i + 1));
}

/** Workbook names that point at a range (a name whose sheet was deleted reads #REF! and is left out). */
export function namedAreas(workbook: EtWorkbook, accept: (name: string) => boolean): Map<string, NamedArea> {
  const areas = new Map<string, NamedArea>();
  for (const item of nameList(workbook)) {
    const name = get(item, "Name");
    if (!accept(name)) continue;
    const refersTo = get(item, "RefersTo");
    if (typeof refersTo !== "string" || refersTo.includes("#REF!")) continue;
    const parsed = parseNameReference(refersTo);
    if (parsed) areas.set(name, parsed);
  }
  return areas;
}

/** A new sheet after the last one, named as asked. */
export function addSheetAtEnd(workbook: EtWorkbook, name: string): EtWorksheet {
  const sheets = workbook.Worksheets;
  const count = get(sheets, "Count");
  const sheet = count > 0 ? sheets.Add(undefined, sheets.Item(count)) : sheets.Add();
  sheet.Name = name;
  return sheet;
}

/** Runs `work`, which may add sheets (WPS shows each new one), and shows again the sheet the accountant was on. */
export function keepingActiveSheet<T>(app: EtApplication, work: () => T): T {
  const active = app.ActiveSheet;
  try {
    return work();
  } finally {
    active?.Activate();
  }
}

/** Runs `work` with an application switch set, restoring it even when the work fails. */
function withSwitch<T>(app: EtApplication, key: "DisplayAlerts" | "ScreenUpdating", value: boolean, work: () => T): T {
  const before = app[key];
  app[key] = value;
  try {
    return work();
  } finally {
    app[key] = before;
  }
}

/** Deleting a sheet asks for confirmation otherwise. */
export const withoutPrompts = <T>(app: EtApplication, work: () => T): T => withSwitch(app, "DisplayAlerts", false, work);

/** Large writes with screen updating off. */
export const withoutRedraw = <T>(app: EtApplication, work: () => T): T => withSwitch(app, "ScreenUpdating", false, work);
