/** Reads an ExcelJS workbook into the data model through the core's workbook reader. */
import type ExcelJS from "exceljs";
import type { UnitInfo } from "../core/model";
import { parseNameReference, readDisclosure, type NamedArea, type WorkbookReading } from "../core/read-workbook";
import type { SheetGrid } from "../core/read-tables";
import { plainValue } from "./cell-values";

export type { WorkbookReading };

/** A worksheet seen through the core's grid interface. */
export function sheetGrid(sheet: ExcelJS.Worksheet): SheetGrid {
  return { name: sheet.name, value: (row, col) => plainValue(sheet.getCell(row + 1, col + 1).value) };
}

export function readWorkbook(workbook: ExcelJS.Workbook, unitDefaults: Partial<UnitInfo> = {}): WorkbookReading {
  const names = new Map<string, NamedArea>();
  for (const { name, ranges } of workbook.definedNames.model as { name: string; ranges: string[] }[]) {
    const parsed = ranges.length > 0 ? parseNameReference(ranges[0]) : null;
    if (parsed) names.set(name, parsed);
  }
  return readDisclosure(
    names,
    (sheetName) => {
      const sheet = workbook.getWorksheet(sheetName);
      return sheet ? sheetGrid(sheet) : undefined;
    },
    unitDefaults,
  );
}
