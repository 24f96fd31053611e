/**
 * 打印设置: how each sheet holding a disclosure table prints, as the tables are published — A4, one
 * page wide, centred, the table's header rows repeated on every page, landscape where the pack prints
 * the table so. Only sheets with a table read: the 校验报告, the narrative and the YS_ sheets keep their own.
 */
import type { Area } from "./layout/a1";
import type { WorkbookReading } from "./read-workbook";

export interface SheetPrint {
  sheetName: string;
  /** The table printed on the sheet (the first, where a sheet holds more than one). */
  tableId: string;
  landscape: boolean;
  /** Header rows repeated on every page (0-based, inclusive); none where the header is not known. */
  repeatRows?: { first: number; last: number };
}

export function printPlan(reading: WorkbookReading): SheetPrint[] {
  const pack = reading.pack;
  if (!pack) return [];
  const plans = new Map<string, SheetPrint>();
  for (const table of pack.tables) {
    const place = reading.places[table.id];
    if (!place || plans.has(place.sheetName)) continue;
    plans.set(place.sheetName, { sheetName: place.sheetName, tableId: table.id, landscape: table.landscape === true, ...(place.header ? { repeatRows: headerRows(place.header) } : {}) });
  }
  return [...plans.values()];
}

const headerRows = (header: Area) => ({ first: header.firstRow, last: header.lastRow });

/** "$5:$6": rows as Excel and WPS name the rows repeated on every page (1-based). */
export const printTitleRows = (rows: { first: number; last: number }): string => `$${rows.first + 1}:$${rows.last + 1}`;
