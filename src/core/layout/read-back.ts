/** Rendered layouts read the way a workbook is read: cell values (formula results included) through the core's reader. */
import type { CellValue } from "../amount";
import type { Disclosure } from "../model";
import { readDisclosure, type NamedArea, type WorkbookReading } from "../read-workbook";
import type { SheetLayout } from "./types";

/** Key of a cell in a sheet's value map. */
export const cellKey = (row: number, col: number): string => `${row}:${col}`;

/** What a spreadsheet shows in each cell of a layout: the value, or the formula's computed result. */
export function layoutCellValues(layout: SheetLayout): Map<string, CellValue> {
  return new Map(layout.cells.map((c) => [cellKey(c.row, c.col), (c.formula ? c.result : c.value) as CellValue]));
}

/** Reads sheets laid out as `layouts` whose current cell values are `values` (sheet name → cell key → value). */
export function readLayoutValues(layouts: readonly SheetLayout[], values: ReadonlyMap<string, ReadonlyMap<string, CellValue>>, unit: Partial<Disclosure["unit"]>): WorkbookReading {
  const names = new Map<string, NamedArea>(layouts.flatMap((l) => l.names.map((n) => [n.name, { sheetName: l.sheetName, area: n.area }] as const)));
  return readDisclosure(
    names,
    (sheetName) => {
      const sheet = values.get(sheetName);
      return sheet ? { name: sheetName, value: (r, c) => sheet.get(cellKey(r, c)) ?? null } : undefined;
    },
    unit,
  );
}

export function readBackLayouts(layouts: readonly SheetLayout[], unit: Disclosure["unit"]): Disclosure | null {
  return readLayoutValues(layouts, new Map(layouts.map((l) => [l.sheetName, layoutCellValues(l)])), unit).disclosure;
}
