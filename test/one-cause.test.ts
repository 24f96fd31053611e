/**
 * One cause, one finding: a subject code typed wrong (a 类 typed “7” for 210, a digit dropped, a letter for a
 * digit) is one error at its cell that says which code the row is, where its name and the rows around it say so;
 * the row is then checked as that code, so the typo does not also give wrong totals, missing parents and broken
 * ties on other sheets. Generated over every subject row of every subject table of both packs' examples.
 */
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateCells } from "../src/cli/validate-workbook";
import { readDataFile } from "../src/core/data-format";
import { cellAddress } from "../src/core/layout/a1";
import type { Disclosure } from "../src/core/model";
import { findPack } from "../src/core/packs";
import { classCodeOfLabel } from "../src/core/read-tables";
import { PARTIAL_SUBJECTS } from "../src/core/subjects/subject-list";
import { cellsOf, plainSheets, type PlainSheet } from "./support/foreign-workbooks";
import { loadExample } from "./support/reference";

const shanghai = (() => {
  const read = readDataFile(JSON.parse(readFileSync("examples/shanghai-synthetic-2026.json", "utf8")));
  if (!read.ok) throw new Error("example");
  return read.disclosure;
})();

const errors = (sheets: PlainSheet[]) =>
  validateCells(cellsOf(sheets))
    .report.findings.filter((f) => f.severity === "error")
    .map((f) => `${f.ruleId} ${f.sheet}!${f.cell} ${f.message}`);

/** The code cells of subject rows whose name identifies their code (as the reader infers it), by sheet. */
function subjectRows(d: Disclosure) {
  const pack = findPack(d.packId)!;
  const sheets = plainSheets(d);
  return sheets.flatMap((sheet, s) => {
    const table = pack.tables.find((t) => t.id === sheet.tableId)!;
    const side = table.sides.find((x) => x.body.kind === "subjects");
    if (!side || side.body.kind !== "subjects" || side.body.classification !== "function") return [];
    const body = side.body;
    // The column typed: the code, or the 类 part where codes are printed split.
    const keyCol = table.columns.findIndex((c) => c.key === (body.codeParts?.[0] ?? body.codeColumn));
    const nameCol = table.columns.findIndex((c) => c.key === body.nameColumn);
    const rows: { s: number; r: number; col: number; code: string }[] = [];
    for (let r = sheet.bodyRows[0]; r <= sheet.bodyRows[1]; r++) {
      const name = String(sheet.rows[r][nameCol] ?? "");
      const code = String(sheet.rows[r][keyCol] ?? "");
      const known = classCodeOfLabel(name) ?? PARTIAL_SUBJECTS.codeOf("function", name);
      // Split codes: only a 类 row types its whole code in the 类 cell.
      const whole = body.codeParts ? code.length === 3 && (sheet.rows[r][keyCol + 1] ?? null) === null : /^\d{3,7}$/.test(code);
      if (whole && known === code) rows.push({ s, r, col: keyCol, code });
    }
    return rows;
  });
}

const TYPOS: [string, (code: string) => string][] = [
  ["a single digit", () => "7"],
  ["a digit dropped", (code) => code.slice(0, -1)],
  ["a letter for a digit", (code) => `${code.slice(0, 1)}l${code.slice(2)}`],
];

describe.each([
  ["Shanxi", loadExample()],
  ["Shanghai", shanghai],
])("a subject code typed wrong in the %s example", (_, disclosure) => {
  const clean = errors(plainSheets(disclosure));
  const rows = subjectRows(disclosure);

  it("has rows to try, and no error before", () => {
    expect(clean).toEqual([]);
    expect(rows.length).toBeGreaterThan(3);
  });

  it("is one error, at its cell, naming the code the row is checked as", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: rows.length - 1 }), fc.integer({ min: 0, max: TYPOS.length - 1 }), (pick, typo) => {
        const { s, r, col, code } = rows[pick];
        const sheets = plainSheets(disclosure);
        sheets[s].rows[r][col] = TYPOS[typo][1](code);
        const found = errors(sheets);
        expect(found).toHaveLength(1);
        expect(found[0]).toMatch(new RegExp(`^cell-unreadable ${sheets[s].name}!${cellAddress(r, col)} 科目编码“.+”.+应为 ${code}；其余校验按 ${code} 核对。$`));
      }),
      { numRuns: 60 },
    );
  });
});

it("keeps the code unread where the name fits no place among the rows (the typo is then reported, the row left out)", async () => {
  const { inferredCode } = await import("../src/core/read-tables");
  expect(inferredCode("卫生健康支出", "function", "2089999", "21011")).toBe("210");
  // Out of order: 210 cannot stand between 221 and 22102.
  expect(inferredCode("卫生健康支出", "function", "221", "22102")).toBeUndefined();
  // At the ends of the table.
  expect(inferredCode("卫生健康支出", "function", undefined, "21011")).toBe("210");
  expect(inferredCode("卫生健康支出", "function", "2089999", undefined)).toBe("210");
  // A name that identifies no code (行政运行 is under many 款).
  expect(inferredCode("行政运行", "function", "2010101", "2010102")).toBeUndefined();
  // The same code as the row before (a duplicate) does not fit.
  expect(inferredCode("卫生健康支出", "function", "210", "21011")).toBeUndefined();
});
