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

/**
 * A new sheet after the last one, named as asked. Some builds refuse `undefined` for the missing Before (then
 * null is tried), or put the sheet elsewhere: its Index is checked, and it is moved after the last one.
 */
export function addSheetAtEnd(workbook: EtWorkbook, name: string): EtWorksheet {
  const sheets = workbook.Worksheets;
  const count = get(sheets, "Count");
  let sheet: EtWorksheet;
  if (count === 0) sheet = sheets.Add();
  else {
    const last = sheets.Item(count);
    try {
      sheet = sheets.Add(undefined, last);
    } catch {
      sheet = sheets.Add(null as unknown as undefined, last);
      noteFallback("Worksheets.Add", "null");
    }
    const index = readIndex(sheet);
    if (index !== undefined && index !== count + 1 && typeof sheet.Move === "function") {
      sheet.Move(undefined, last);
      noteFallback("Worksheets.Add", "Move");
    }
  }
  sheet.Name = name;
  return sheet;
}

function readIndex(sheet: EtWorksheet): number | undefined {
  try {
    const index = get(sheet, "Index");
    return typeof index === "number" ? index : undefined;
  } catch {
    return undefined;
  }
}

/** Which fallback each WPS call needed on this machine (the self-test reports it): call → branch taken. */
export const WPS_FALLBACKS = new Map<string, string>();
export const noteFallback = (call: string, branch: string): void => void WPS_FALLBACKS.set(call, branch);

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
