/** Renders the chosen tables of a pack for insertion, under free sheet names. */
import type { Disclosure, UnitInfo } from "../model";
import type { TemplatePack } from "../packs/types";
import { renderTable } from "./render";
import { PERFORMANCE_FORM_ID, PERFORMANCE_NAME, renderPerformanceForm } from "../forms/performance";
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
  /** The workbook's defined names, so that a new 绩效目标表 takes a number not in use. */
  existingNames: readonly string[] = [],
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
  if (pack.performanceForm && tableIds.includes(PERFORMANCE_FORM_ID)) {
    const used = new Set(existingNames.map((n) => PERFORMANCE_NAME.exec(n)?.[1]).filter(Boolean).map(Number));
    let index = 1;
    while (used.has(index)) index++;
    const wanted = "绩效目标表";
    const sheetName = freeSheetName(wanted, taken);
    if (sheetName !== wanted) renamed.push({ tableId: PERFORMANCE_FORM_ID, wanted, actual: sheetName });
    layouts.push(renderPerformanceForm(pack, unit, null, sheetName, index));
  }
  return { layouts, renamed };
}
