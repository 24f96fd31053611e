/**
 * Fuzzing the workbook reader and the validator (fast-check, 10,000 cases): random values of every
 * type in body cells, merges across the body, deleted rows and columns, error values, names that
 * point to deleted sheets. Never a crash; every finding about a cell names a sheet and a cell.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CellValue } from "../src/core/amount";
import type { NamedArea } from "../src/core/workbook-cells";
import { readWorkbookCells } from "../src/core/read-workbook";
import { planInsertion } from "../src/core/layout/workbook";
import { findPack } from "../src/core/packs";
import { unreadableReport, validate, validationInputOf } from "../src/core/validation/engine";
import { cellsOf, plainSheet, type PlainSheet } from "./support/foreign-workbooks";
import { loadExample } from "./support/reference";

const example = loadExample();
const pack = findPack(example.packId)!;
const layouts = planInsertion(pack, example.unit, pack.tables.map((t) => t.id), [], example.tables).layouts;
const base = layouts.map(plainSheet);
const names = new Map<string, NamedArea>(layouts.flatMap((l) => l.names.map((n) => [n.name, { sheetName: l.sheetName, area: n.area }] as const)));

const anyValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.double({ noNaN: false }),
  fc.integer(),
  fc.string(),
  fc.constantFrom("一百", "1,234.50", "１２３", " 7.88 ", "#REF!", "合计", "2080505", "…", "", "注：本表无数据"),
  fc.constantFrom({ error: "#REF!" }, { error: "#DIV/0!" }, true, null, undefined, Object.create(null) as object),
);

type Mutation =
  | { kind: "value"; row: number; col: number; value: CellValue }
  | { kind: "merge"; row: number; col: number; rows: number; cols: number }
  | { kind: "deleteRow"; row: number }
  | { kind: "deleteCol"; col: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("value" as const), row: fc.nat(40), col: fc.nat(9), value: anyValue }),
  fc.record({ kind: fc.constant("merge" as const), row: fc.nat(40), col: fc.nat(8), rows: fc.nat(4), cols: fc.nat(3) }),
  fc.record({ kind: fc.constant("deleteRow" as const), row: fc.nat(40) }),
  fc.record({ kind: fc.constant("deleteCol" as const), col: fc.nat(9) }),
);

function mutate(sheet: PlainSheet, changes: Mutation[]): PlainSheet {
  let rows = sheet.rows.map((r) => [...r]);
  const merges = [...sheet.merges];
  for (const m of changes) {
    if (m.kind === "value") {
      while (rows.length <= m.row) rows.push([]);
      rows[m.row][m.col] = m.value;
    } else if (m.kind === "merge") merges.push({ firstRow: m.row, lastRow: m.row + m.rows, firstCol: m.col, lastCol: m.col + m.cols });
    else if (m.kind === "deleteRow") rows = rows.filter((_, i) => i !== m.row);
    else rows = rows.map((r) => r.filter((_, c) => c !== m.col));
  }
  return { ...sheet, rows, merges };
}

describe("the reader and validator under random damage", () => {
  it("never crash, and every finding about a cell names its sheet", () => {
    fc.assert(
      fc.property(fc.nat(base.length - 1), fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.boolean(), fc.nat(base.length - 1), (target, changes, withNames, deleted) => {
        const sheets = base.map((s, i) => (i === target ? mutate(s, changes) : s)).filter((_, i) => !(withNames && i === deleted && i !== target));
        const book = { ...cellsOf(sheets), names: withNames ? names : new Map<string, NamedArea>() };
        const reading = readWorkbookCells(book, { type: "事业单位" });
        const input = reading.disclosure && validationInputOf(reading, reading.disclosure.unit, true);
        const report = input ? validate(input) : unreadableReport(reading);
        for (const f of report.findings) {
          // A rule that threw is reported as “校验规则…无法完成”: that is a crash.
          expect(f.message.startsWith("校验规则"), f.message).toBe(false);
          if (f.cell) expect(f.sheet, f.message).toBeTruthy();
        }
        for (const p of reading.problems) if (p.cell) expect(p.sheet).toBeTruthy();
      }),
      // 1,000 cases in everyday runs; FUZZ_RUNS=10000 (as CI sets it) for the full sweep.
      { numRuns: Number(process.env.FUZZ_RUNS ?? 1_000) },
    );
  }, 300_000);
});
