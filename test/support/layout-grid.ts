/**
 * A workbook held as rendered layouts with their computed values: the core reads it
 * back through the same grid interface as the Office.js and ExcelJS faces.
 */
import type { CellValue } from "../../src/core/amount";
import { cellAddress } from "../../src/core/layout/a1";
import { planInsertion } from "../../src/core/layout/workbook";
import type { SheetLayout } from "../../src/core/layout/types";
import type { Disclosure } from "../../src/core/model";
import { findPack } from "../../src/core/packs";
import { layoutCellValues, readLayoutValues } from "../../src/core/layout/read-back";
import type { ValidationInput } from "../../src/core/validation/types";
import { validationInputOf } from "../../src/core/validation/engine";

export interface MemoryWorkbook {
  layouts: SheetLayout[];
  /** Sheet name → "row:col" → value. */
  values: Map<string, Map<string, CellValue>>;
}

export function memoryWorkbook(disclosure: Disclosure): MemoryWorkbook {
  const pack = findPack(disclosure.packId)!;
  const layouts = planInsertion(pack, disclosure.unit, pack.tables.map((t) => t.id), [], disclosure.tables).layouts;
  return { layouts, values: new Map(layouts.map((l) => [l.sheetName, layoutCellValues(l)])) };
}

export function validationInput(book: MemoryWorkbook, disclosure: Disclosure): ValidationInput {
  const reading = readLayoutValues(book.layouts, book.values, disclosure.unit);
  return validationInputOf(reading, disclosure.unit, true)!;
}

export function amountCells(book: MemoryWorkbook): { sheet: string; row: number; col: number; address: string }[] {
  return book.layouts.flatMap((l) =>
    l.cells.filter((c) => (c.style === "amount" || c.style === "totalAmount") && l.rows.some((r) => r.row === c.row && r.role !== "blank")).map((c) => ({ sheet: l.sheetName, row: c.row, col: c.col, address: cellAddress(c.row, c.col) })),
  );
}
