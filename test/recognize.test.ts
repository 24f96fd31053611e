/** Reading workbooks we did not make: tables recognised by what they print, then validated as our own. */
import { describe, expect, it } from "vitest";
import { readLayoutValues, layoutCellValues } from "../src/core/layout/read-back";
import { planInsertion } from "../src/core/layout/workbook";
import { findPack } from "../src/core/packs";
import { readWorkbookCells } from "../src/core/read-workbook";
import { validate, validationInputOf } from "../src/core/validation/engine";
import type { ValidationReport } from "../src/core/validation/types";
import type { WorkbookCells } from "../src/core/workbook-cells";
import { cellsOf, plainSheets } from "./support/foreign-workbooks";
import { loadExample } from "./support/reference";

const example = loadExample();
const unitDefaults = { type: example.unit.type, department: example.unit.department };

function validateBook(book: WorkbookCells, options: { packId?: string } = {}): { report: ValidationReport; reading: ReturnType<typeof readWorkbookCells> } {
  const reading = readWorkbookCells(book, unitDefaults, options);
  const input = validationInputOf(reading, reading.disclosure!.unit, true);
  return { reading, report: validate(input!) };
}

/** The generated reference, read through our names. */
function namedReport(): ValidationReport {
  const pack = findPack(example.packId)!;
  const layouts = planInsertion(pack, example.unit, pack.tables.map((t) => t.id), [], example.tables).layouts;
  const reading = readLayoutValues(layouts, new Map(layouts.map((l) => [l.sheetName, layoutCellValues(l)])), unitDefaults);
  return validate(validationInputOf(reading, reading.disclosure!.unit, true)!);
}

describe("the reference disclosure without our names, values only", () => {
  it("is recognised table by table and validates exactly as the generated workbook", () => {
    const { reading, report } = validateBook(cellsOf(plainSheets(example)));
    expect(reading.recognition?.pack?.id).toBe("shanxi-unit-13");
    expect(reading.recognition!.placements.map((p) => p.tableId)).toEqual(["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11", "T12", "T13"]);
    expect(reading.notes).toEqual([]);
    const strip = (r: ValidationReport) => r.findings.map((f) => ({ ...f }));
    expect(strip(report)).toEqual(strip(namedReport()));
    expect(report.counts).toEqual({ error: 0, warning: 0, info: 10 });
  });
});
