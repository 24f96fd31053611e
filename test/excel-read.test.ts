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

describe("what a WPS user's add-in kept in the workbook, opened in Excel", () => {
  it("is taken from the YS_设置 sheet where Excel's document settings have none; Excel's own settings win", async () => {
    const { ExcelTestWorkbook } = await import("./e2e/page/excel-workbook");
    const { ExcelWorkbookPort } = await import("../src/excel/office-port");
    const { encodeSettings, SETTINGS_SHEET } = await import("../src/core/settings-sheet");
    const { NARRATIVE_FACTS_SETTING, PACK_SETTING, SUBJECTS_SETTING, UNIT_INFO_SETTING } = await import("../src/core/document-settings");
    const example = loadExample();
    const kept = new Map<string, unknown>([
      [UNIT_INFO_SETTING, example.unit],
      [SUBJECTS_SETTING, "kind,code,name\nfunc,205,教育支出\n"],
      [PACK_SETTING, '{"id":"kept"}'],
      [NARRATIVE_FACTS_SETTING, { priorTotal: 1 }],
    ]);
    const workbook = new ExcelTestWorkbook();
    workbook.loadPlainSheet(SETTINGS_SHEET, encodeSettings(kept), []);
    const port = new ExcelWorkbookPort(workbook.host);
    expect(await port.loadUnitInfo()).toEqual(example.unit);
    expect(await port.loadSubjects()).toBe("kind,code,name\nfunc,205,教育支出\n");
    expect(await port.loadPack()).toBe('{"id":"kept"}');
    expect(await port.loadFacts()).toEqual({ priorTotal: 1 });
    workbook.excel.settingsStore.set(SUBJECTS_SETTING, "kind,code,name\n");
    expect(await port.loadSubjects()).toBe("kind,code,name\n");
    // Neither kept anywhere: nothing.
    const empty = new ExcelWorkbookPort(new ExcelTestWorkbook().host);
    expect([await empty.loadUnitInfo(), await empty.loadSubjects(), await empty.loadPack(), await empty.loadFacts()]).toEqual([null, null, null, null]);
  });
});
