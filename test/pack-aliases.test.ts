/**
 * Every alias a pack declares is read: each header alias, title alias and fixed-row alias, printed in place of
 * the canonical text in its pack's example, gives the same recognition and the same figures. A pack that lost
 * an alias fails here.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readDataFile } from "../src/core/data-format";
import type { Disclosure } from "../src/core/model";
import { findPack } from "../src/core/packs";
import { readWorkbookCells } from "../src/core/read-workbook";
import { cellsOf, plainSheets, type PlainSheet } from "./support/foreign-workbooks";

const EXAMPLES = { "shanxi-unit-13": "examples/xinzhou-2024.json", "shanghai-unit-9": "examples/shanghai-synthetic-2026.json", "jiangsu-dept-12": "examples/jiangsu-example-2019.json" } as const;

function example(path: string): Disclosure {
  const read = readDataFile(JSON.parse(readFileSync(path, "utf8")));
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return read.disclosure;
}

const compact = (v: unknown) => (typeof v === "string" ? v.replace(/\s+/g, "") : v);

describe.each(Object.entries(EXAMPLES))("the aliases of %s", (packId, path) => {
  const pack = findPack(packId)!;
  const disclosure = example(path);
  const sheets = plainSheets(disclosure);
  const defaults = { type: disclosure.unit.type, department: disclosure.unit.department };
  const read = (book: readonly PlainSheet[]) => readWorkbookCells(cellsOf(book), defaults, { packId });
  const expected = read(sheets);
  const placement = (reading: ReturnType<typeof read>, tableId: string) => reading.recognition!.placements.find((p) => p.tableId === tableId);
  /** Sheets with every cell of `rows` (header, title or body rows) that prints `from` printing `to` instead; undefined where none does. */
  const respelled = (tableIds: readonly string[], rowsOf: (s: PlainSheet) => number[], from: string, to: string) => {
    let changed = 0;
    const out = sheets.map((s) => {
      if (!tableIds.includes(s.tableId)) return s;
      const rows = new Set(rowsOf(s));
      return { ...s, rows: s.rows.map((r, i) => (rows.has(i) ? r.map((v) => (compact(v) === compact(from) ? (changed++, to) : v)) : r)) };
    });
    return changed > 0 ? out : undefined;
  };
  const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

  it("has every table of its example recognised to begin with", () => {
    expect(expected.recognition!.placements.map((p) => p.tableId).sort()).toEqual(pack.tables.filter((t) => sheets.some((s) => s.tableId === t.id)).map((t) => t.id).sort());
  });

  const headerCases = Object.entries(pack.headerAliases ?? {}).flatMap(([canonical, aliases]) => aliases.map((alias) => [canonical, alias] as const));
  it.each(headerCases.length ? headerCases : [["", ""] as const])("reads a header printed %s → %s as its column", (canonical, alias) => {
    if (!canonical) return;
    const ids = pack.tables.map((t) => t.id);
    const book = respelled(ids, (s) => range(s.headerRows[0], s.headerRows[1]), canonical.replace("{year}", String(disclosure.unit.year)), alias.replace("{year}", String(disclosure.unit.year)));
    // A header alias of a text no table of the example prints (another edition's) is tested where the edition is.
    if (!book) return;
    const reading = read(book);
    for (const s of sheets) expect(placement(reading, s.tableId)?.columns, `${s.tableId} ${canonical} → ${alias}`).toEqual(placement(expected, s.tableId)?.columns);
    expect(reading.disclosure!.tables).toEqual(expected.disclosure!.tables);
  });

  const titleCases = pack.tables.flatMap((t) => (t.titleAliases ?? []).map((alias) => [t.id, alias] as const));
  it.each(titleCases.length ? titleCases : [["", ""] as const])("recognises %s under its title alias “%s”", (tableId, alias) => {
    if (!tableId) return;
    const table = pack.tables.find((t) => t.id === tableId)!;
    const year = String(disclosure.unit.year);
    const book = respelled([tableId], (s) => range(0, s.headerRows[0] - 1), table.title.replace("{year}", year), alias.replace("{year}", year));
    expect(book, `${tableId}: the example prints its title`).toBeDefined();
    const reading = read(book!);
    expect(placement(reading, tableId)?.sheetName).toBe(placement(expected, tableId)?.sheetName);
    expect(reading.disclosure!.tables[tableId]).toEqual(expected.disclosure!.tables[tableId]);
  });

  const rowCases = pack.tables.flatMap((t) =>
    t.sides.flatMap((side) => [...(side.body.kind === "fixed" ? side.body.rows : []), ...(side.footer ?? [])].flatMap((row) => (row.aliases ?? []).map((alias) => [t.id, row.label, alias] as const))),
  );
  it.each(rowCases.length ? rowCases : [["", "", ""] as const])("reads %s's row “%s” printed “%s” as that row", (tableId, label, alias) => {
    if (!tableId) return;
    const book = respelled([tableId], (s) => range(s.bodyRows[0], s.rows.length - 1), label, alias);
    expect(book, `${tableId}: the example prints “${label}”`).toBeDefined();
    const reading = read(book!);
    // The same rows with the same figures; a row keeps the label it was printed with.
    const figures = (table: Disclosure["tables"][string]) => Object.fromEntries(Object.entries(table).map(([side, rows]) => [side, rows.map(({ name: _printed, ...row }) => row)]));
    expect(figures(reading.disclosure!.tables[tableId])).toEqual(figures(expected.disclosure!.tables[tableId]));
  });
});
