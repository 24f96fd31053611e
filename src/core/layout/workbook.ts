/** Renders the chosen tables of a pack for insertion, under free sheet names. */
import type { Disclosure, UnitInfo } from "../model";
import type { TemplatePack } from "../packs/types";
import { renderTable } from "./render";
import { freeSheetName } from "./sheet-names";
import type { SheetLayout } from "./types";

export interface InsertionPlan {
  layouts: SheetLayout[];
  /** Tables whose usual sheet name was taken: inserted under another name. */
  renamed: { tableId: string; wanted: string; actual: string }[];
}

export function planInsertion(
  pack: TemplatePack,
  unit: UnitInfo,
  tableIds: readonly string[],
  existingSheetNames: readonly string[],
  data?: Disclosure["tables"],
): InsertionPlan {
  const taken = [...existingSheetNames];
  const layouts: SheetLayout[] = [];
  const renamed: InsertionPlan["renamed"] = [];
  for (const table of pack.tables) {
    if (!tableIds.includes(table.id)) continue;
    const sheetName = freeSheetName(table.sheetName, taken);
    taken.push(sheetName);
    if (sheetName !== table.sheetName) renamed.push({ tableId: table.id, wanted: table.sheetName, actual: sheetName });
    layouts.push(renderTable({ pack, table, unit, data: data ? (data[table.id] ?? {}) : undefined, sheetName }));
  }
  return { layouts, renamed };
}
