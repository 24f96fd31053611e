/** Reading the workbook for validation through Office.js (office-addin-mock): two syncs, read-only. */
import { OfficeMockObject } from "office-addin-mock";
import { describe, expect, it, vi } from "vitest";
import { areaAddress, parseAreaAddress, quoteSheetName } from "../src/core/layout/a1";
import { validate, validationInputOf } from "../src/core/validation/engine";
import { readWorkbookTables, selectCell } from "../src/excel/read-workbook";
import { memoryWorkbook, type MemoryWorkbook } from "./support/layout-grid";
import { cellKey } from "../src/core/layout/read-back";
import { loadExample } from "./support/reference";

function mockContext(book: MemoryWorkbook, options: { deletedSheets?: string[] } = {}) {
  const deleted = new Set(options.deletedSheets ?? []);
  const writes: string[] = [];
  const nameItems = book.layouts.flatMap((l) =>
    l.names.map((n) => ({
      name: n.name,
      type: deleted.has(l.sheetName) ? "Error" : "Range",
      formula: deleted.has(l.sheetName) ? "=#REF!" : `=${quoteSheetName(l.sheetName)}!${areaAddress(n.area, true)}`,
    })),
  );
  const sheetNames = book.layouts.map((l) => l.sheetName).filter((n) => !deleted.has(n));
  const rangeOf = (sheetName: string, address: string) => {
    const area = parseAreaAddress(address)!;
    const values = book.values.get(sheetName)!;
    const grid: unknown[][] = [];
    for (let r = area.firstRow; r <= area.lastRow; r++) {
      const row: unknown[] = [];
      for (let c = area.firstCol; c <= area.lastCol; c++) row.push(values.get(cellKey(r, c)) ?? "");
      grid.push(row);
    }
    return {
      load: () => undefined,
      values: grid,
      select: () => writes.push(`select ${sheetName}!${address}`),
      set formulas(_v: unknown) {
        writes.push("formulas");
      },
    };
  };
  const data = {
    workbook: {
      names: {
        load: function (this: { items?: unknown[] }) {
          this.items = nameItems;
        },
      },
      worksheets: {
        load: function (this: { items?: unknown[] }) {
          this.items = sheetNames.map((name) => ({ name }));
        },
        getItem: (name: string) => ({ getRange: (address: string) => rangeOf(name, address) }),
        getItemOrNullObject: (name: string) => ({
          isNullObject: !sheetNames.includes(name),
          activate: () => writes.push(`activate ${name}`),
          getRange: (address: string) => rangeOf(name, address),
        }),
      },
    },
  };
  const context = new OfficeMockObject(data) as unknown as Excel.RequestContext;
  return { context, writes };
}

describe("reading the workbook for validation", () => {
  const example = loadExample();

  it("reads all 13 tables in two syncs and validates clean, writing nothing", async () => {
    const { context, writes } = mockContext(memoryWorkbook(example));
    const sync = vi.spyOn(context, "sync");
    const reading = await readWorkbookTables(context, { type: "事业单位" });
    expect(sync).toHaveBeenCalledTimes(2);
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
