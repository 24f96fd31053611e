/** Property tests of the validation engine (fast-check). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellAddress } from "../src/core/layout/a1";
import { parseCellAddress } from "../src/core/layout/a1";
import { validate } from "../src/core/validation/engine";
import { cellKey } from "../src/core/layout/read-back";
import { amountCells, memoryWorkbook, validationInput } from "./support/layout-grid";
import { randomDisclosure } from "./support/random-disclosure";
import { loadExample } from "./support/reference";

describe("validation properties", () => {
  it("a generated consistent workbook has no error", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const disclosure = randomDisclosure(seed, 10);
        const report = validate(validationInput(memoryWorkbook(disclosure), disclosure));
        expect(report.findings.filter((f) => f.severity === "error")).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it("changing any one amount cell by at least 0.02 gives an error naming that cell or a total in its row or column", () => {
    const reference = loadExample();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.nat(),
        fc.integer({ min: 2, max: 100_000 }),
        fc.boolean(),
        (seed, pick, hundredths, negative) => {
          const disclosure = seed === 0 ? reference : randomDisclosure(seed, 8);
          const book = memoryWorkbook(disclosure);
          const cells = amountCells(book);
          const target = cells[pick % cells.length];
          const sheet = book.values.get(target.sheet)!;
          const before = sheet.get(cellKey(target.row, target.col));
          const delta = ((negative ? -1 : 1) * hundredths) / 100; // 万元, at least 0.02
          sheet.set(cellKey(target.row, target.col), (typeof before === "number" ? before : 0) + delta);
          const report = validate(validationInput(book, disclosure));
          const errors = report.findings.filter((f) => f.severity === "error");
          const related = errors.filter((f) => {
            if (f.sheet !== target.sheet || !f.cell) return false;
            const at = parseCellAddress(f.cell)!;
            return at.row === target.row || at.col === target.col;
          });
          expect(related.length, `${target.sheet}!${cellAddress(target.row, target.col)} ${delta}: ${JSON.stringify(errors)}`).toBeGreaterThan(0);
        },
      ),
      // A 合计 row with no rows under it, changed (表七, a found regression): must be an error at that cell.
      { numRuns: 500, examples: [[243499, 876311938, 2, false]] },
    );
  });

  it("no input, however malformed, makes reading or validation throw", () => {
    const disclosure = loadExample();
    const cellValue = fc.oneof(
      fc.constant(null),
      fc.string(),
      fc.double({ noNaN: false }),
      fc.integer(),
      fc.boolean(),
      fc.constantFrom("#REF!", "#DIV/0!", "１２３", "1,234.50", "一百", "合计", "208", "2080199", " 20805 "),
      fc.record({ error: fc.constantFrom("#REF!", "#N/A") }),
      fc.record({ code: fc.string() }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat({ max: 10 }), fc.nat({ max: 60 }), cellValue), { maxLength: 60 }), (edits) => {
        const book = memoryWorkbook(disclosure);
        for (const [layoutIndex, col, row, value] of edits) {
          const layout = book.layouts[layoutIndex % book.layouts.length];
          book.values.get(layout.sheetName)!.set(cellKey(row, col), value as never);
        }
        // The engine turns a rule that throws into a finding, so a crash shows as that finding, not as an exception.
        const report = validate(validationInput(book, disclosure));
        expect(report.findings.filter((f) => f.message.includes("无法完成"))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
