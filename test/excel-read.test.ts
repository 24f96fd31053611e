/** Reading the workbook for validation through Office.js (over FakeExcel): two syncs, read-only. */
import { describe, expect, it } from "vitest";
import { validate, validationInputOf } from "../src/core/validation/engine";
import { readWorkbookTables, selectCell } from "../src/excel/read-workbook";
import { memoryWorkbook, type MemoryWorkbook } from "./support/layout-grid";
import { FakeExcel, type FakeCell } from "./support/fake-excel";
import { loadExample } from "./support/reference";

function mockContext(book: MemoryWorkbook, options: { deletedSheets?: string[] } = {}) {
  const deleted = new Set(options.deletedSheets ?? []);
  const excel = new FakeExcel(
    book.layouts.filter((l) => !deleted.has(l.sheetName)).map((l) => ({ name: l.sheetName, cells: book.values.get(l.sheetName)! as Map<string, FakeCell>, merges: l.merges })),
    book.layouts.flatMap((l) => l.names.map((n) => ({ name: n.name, sheetName: l.sheetName, area: n.area }))),
  );
  return { context: excel.context, writes: excel.writes, excel };
}

describe("reading the workbook for validation", () => {
  const example = loadExample();

  it("reads all 13 tables in two syncs and validates clean, writing nothing", async () => {
    const { context, writes, excel } = mockContext(memoryWorkbook(example));
    const reading = await readWorkbookTables(context, { type: "事业单位" });
    expect(excel.syncs).toBe(2);
    expect(Object.keys(reading.places)).toHaveLength(13);
    const report = validate(validationInputOf(reading, reading.disclosure!.unit, true)!);
    expect(report.counts).toEqual({ error: 0, warning: 0, info: 10 });
    expect(writes).toEqual([]);
  });

  it("survives a deleted sheet (its names turn to #REF!) and reports the table missing", async () => {
    const { context } = mockContext(memoryWorkbook(example), { deletedSheets: ["表八 政府性基金支出"] });
    const reading = await readWorkbookTables(context, {});
    expect(reading.places.T8).toBeUndefined();
    const report = validate({ pack: reading.pack!, unit: reading.disclosure!.unit, tables: reading.disclosure!.tables, texts: reading.texts, problems: reading.problems });
    expect(report.findings.find((f) => f.ruleId === "table-missing" && f.tableId === "T8")).toBeDefined();
  });

  it("selects a finding's cell, activating its sheet, and explains a sheet that is gone", async () => {
    const { context, writes } = mockContext(memoryWorkbook(example));
    await selectCell(context, "表三 支出总表", "D10");
    expect(writes).toEqual(["activate 表三 支出总表", "select 表三 支出总表!D10"]);
    await expect(selectCell(context, "不存在的表", "A1")).rejects.toThrow("不存在");
  });
});
