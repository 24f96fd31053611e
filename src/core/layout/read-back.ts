/** The figures of rendered layouts as the model (totals included), read the way a workbook is read. */
import type { Disclosure } from "../model";
import { readDisclosure, type NamedArea } from "../read-workbook";
import type { CellValue } from "../amount";
import type { SheetLayout } from "./types";

export function readBackLayouts(layouts: readonly SheetLayout[], unit: Disclosure["unit"]): Disclosure | null {
  const values = new Map(layouts.map((l) => [l.sheetName, new Map(l.cells.map((c) => [`${c.row}:${c.col}`, (c.formula ? c.result : c.value) as CellValue]))]));
  const names = new Map<string, NamedArea>(layouts.flatMap((l) => l.names.map((n) => [n.name, { sheetName: l.sheetName, area: n.area }] as const)));
  const reading = readDisclosure(
    names,
    (sheetName) => {
      const sheet = values.get(sheetName);
      return sheet ? { name: sheetName, value: (r, c) => sheet.get(`${r}:${c}`) ?? null } : undefined;
    },
    unit,
  );
  return reading.disclosure;
}
