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
import { readTableRows, type ReadProblem, type SheetGrid } from "../../src/core/read-tables";
import type { TableTexts, ValidationInput } from "../../src/core/validation/types";
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
  const pack = findPack(disclosure.packId)!;
  const tables: Disclosure["tables"] = {};
  const texts: Record<string, TableTexts> = {};
  const problems: ReadProblem[] = [];
  for (const layout of book.layouts) {
    const sheetValues = book.values.get(layout.sheetName)!;
    const grid: SheetGrid = { name: layout.sheetName, value: (r, c) => sheetValues.get(`${r}:${c}`) ?? null };
    const table = pack.tables.find((t) => t.id === layout.tableId)!;
    const read = readTableRows(pack, table, grid, layout.bodyArea);
    tables[table.id] = read.data;
    problems.push(...read.problems);
    const text = (name: string) => {
      const n = layout.names.find((x) => x.name.endsWith(name));
      const v = n ? grid.value(n.area.firstRow, n.area.firstCol) : null;
      return typeof v === "string" ? v : undefined;
    };
    texts[table.id] = { sheetName: layout.sheetName, title: text("_TITLE"), unitLine: text("_UNIT"), note: text("_NOTE") };
  }
  return { pack, unit: disclosure.unit, tables, texts, problems, subjects: PARTIAL_SUBJECTS };
}

export function amountCells(book: MemoryWorkbook): { sheet: string; row: number; col: number; address: string }[] {
  return book.layouts.flatMap((l) =>
    l.cells.filter((c) => (c.style === "amount" || c.style === "totalAmount") && l.rows.some((r) => r.row === c.row && r.role !== "blank")).map((c) => ({ sheet: l.sheetName, row: c.row, col: c.col, address: cellAddress(c.row, c.col) })),
  );
}
