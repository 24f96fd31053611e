/** An ExcelJS workbook seen as the core's WorkbookCells (tests and the bench build workbooks with ExcelJS). */
import type ExcelJS from "exceljs";
import { parseAreaAddress, type Area } from "../core/layout/a1";
import type { UnitInfo } from "../core/model";
import { parseNameReference, readWorkbookCells, type WorkbookReading } from "../core/read-workbook";
import type { NamedArea, SheetCells, WorkbookCells } from "../core/workbook-cells";
import { plainValue } from "./cell-values";

export type { WorkbookReading };

function sheetCells(sheet: ExcelJS.Worksheet): SheetCells {
  const merges = ((sheet.model as { merges?: string[] }).merges ?? []).map((m) => parseAreaAddress(m)).filter((a): a is Area => a !== null);
  const hiddenColumns = new Set<number>();
  for (let c = 1; c <= sheet.columnCount; c++) if (sheet.getColumn(c).hidden) hiddenColumns.add(c - 1);
  return {
    name: sheet.name,
    hidden: sheet.state !== "visible",
    rowCount: sheet.rowCount,
    colCount: sheet.columnCount,
    merges,
    hiddenColumns,
    // ExcelJS repeats a merged area's value in every cell of it; a file (and every host) holds it in the first cell only.
    value: (row, col) => {
      const cell = sheet.findCell(row + 1, col + 1);
      return cell && (!cell.isMerged || cell.master === cell) ? plainValue(cell.value) : null;
    },
  };
}

export function excelJsCells(workbook: ExcelJS.Workbook): WorkbookCells {
  const names = new Map<string, NamedArea>();
  for (const { name, ranges } of workbook.definedNames.model as { name: string; ranges: string[] }[]) {
    const parsed = ranges.length > 0 ? parseNameReference(ranges[0]) : null;
    if (parsed) names.set(name, parsed);
  }
  return { sheets: workbook.worksheets.map(sheetCells), names };
}

export function readWorkbook(workbook: ExcelJS.Workbook, unitDefaults: Partial<UnitInfo> = {}, options: { packId?: string } = {}): WorkbookReading {
  return readWorkbookCells(excelJsCells(workbook), unitDefaults, options);
}
