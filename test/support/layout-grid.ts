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
import { readDisclosure, type NamedArea } from "../../src/core/read-workbook";
import type { ValidationInput } from "../../src/core/validation/types";
import { PARTIAL_SUBJECTS } from "../../src/core/subjects/subject-list";

export interface MemoryWorkbook {
  layouts: SheetLayout[];
  /** Sheet name → "row:col" → value. */
  values: Map<string, Map<string, CellValue>>;
}

export function memoryWorkbook(disclosure: Disclosure): MemoryWorkbook {
  const pack = findPack(disclosure.packId)!;
  const layouts = planInsertion(pack, disclosure.unit, pack.tables.map((t) => t.id), [], disclosure.tables).layouts;
  const values = new Map(layouts.map((l) => [l.sheetName, new Map(l.cells.map((c) => [`${c.row}:${c.col}`, (c.formula ? c.result : c.value) as CellValue]))]));
  return { layouts, values };
}

export function validationInput(book: MemoryWorkbook, disclosure: Disclosure): ValidationInput {
  const names = new Map<string, NamedArea>(book.layouts.flatMap((l) => l.names.map((n) => [n.name, { sheetName: l.sheetName, area: n.area }] as const)));
  const reading = readDisclosure(
    names,
    (sheetName) => {
      const values = book.values.get(sheetName);
      return values ? { name: sheetName, value: (r, c) => values.get(`${r}:${c}`) ?? null } : undefined;
    },
    disclosure.unit,
  );
  return { pack: reading.pack!, unit: disclosure.unit, tables: reading.disclosure!.tables, texts: reading.texts, problems: reading.problems, subjects: PARTIAL_SUBJECTS };
}

export function amountCells(book: MemoryWorkbook): { sheet: string; row: number; col: number; address: string }[] {
  return book.layouts.flatMap((l) =>
    l.cells.filter((c) => (c.style === "amount" || c.style === "totalAmount") && l.rows.some((r) => r.row === c.row && r.role !== "blank")).map((c) => ({ sheet: l.sheetName, row: c.row, col: c.col, address: cellAddress(c.row, c.col) })),
  );
}
