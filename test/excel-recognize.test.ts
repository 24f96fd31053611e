/**
 * A workbook without our names, through Office.js (over FakeExcel): every sheet read in one sync
 * after the names, tables recognised, names attached in two more syncs, no cell written.
 */
import { describe, expect, it } from "vitest";
import { readWorkbookTables } from "../src/excel/read-workbook";
import { attachNames } from "../src/excel/attach-names";
import { validate, validationInputOf } from "../src/core/validation/engine";
import { plainSheets, textSheet, type PlainSheet } from "./support/foreign-workbooks";
import { FakeExcel, fakeSheet } from "./support/fake-excel";
import { loadExample } from "./support/reference";

function mockContext(sheets: PlainSheet[]) {
  const excel = new FakeExcel(
    sheets.map((s) => fakeSheet(s.name, s.rows, { visibility: s.hidden ? "VeryHidden" : "Visible", merges: s.merges })),
    [],
  );
  return { context: excel.context, excel, writes: excel.writes.filter((w) => !w.startsWith("name ")), added: excel.names };
}

describe("recognising through Office.js", () => {
  const example = loadExample();
  // 20 sheets: a 封面, a 目录, the 13 tables typed by hand, and 5 sheets of other work.
  const sheets = [
    textSheet("封面", [["忻州市社会保障卡服务中心2024年单位预算公开"]]),
    textSheet("目录", [["目录"]]),
    ...plainSheets(example).map((s, i) => ({ ...s, name: `Sheet${i + 1}` })),
    ...Array.from({ length: 5 }, (_, i) => textSheet(`工作底稿${i + 1}`, [["科目", "金额"], ["差旅费", 1000 + i]])),
  ];

  it("reads a 20-sheet workbook in 2 syncs, recognises its 13 tables and validates as the reference", async () => {
    expect(sheets).toHaveLength(20);
    const { context, excel } = mockContext(sheets);
    const reading = await readWorkbookTables(context, { type: "事业单位" });
    expect(excel.syncs).toBe(2);
    expect(reading.recognition!.placements.map((p) => p.sheetName)).toEqual(Array.from({ length: 13 }, (_, i) => `Sheet${i + 1}`));
    const report = validate(validationInputOf(reading, reading.disclosure!.unit, true)!);
    expect(report.counts).toEqual({ error: 0, warning: 0, info: 10 });
    expect(excel.writes).toEqual([]);
  });

  it("attaches the names in two syncs without writing a cell, after which the workbook is read through them", async () => {
    const { context, excel, added } = mockContext(sheets);
    const reading = await readWorkbookTables(context, { type: "事业单位" });
    const before = excel.syncs;
    const count = await attachNames(context, reading.pack!.id, reading.recognition!.placements);
    expect(excel.syncs - before).toBe(2);
    expect(count).toBe(added.length);
    expect(added.map((n) => n.name)).toEqual(expect.arrayContaining(["YS_PACK_shanxi_unit_13_V1_T1", "YS_T3_BODY", "YS_T3_COL_basic"]));
    expect(excel.writes.filter((w) => !w.startsWith("name "))).toEqual([]);
    // Read again, now through the names: the same tables.
    const named = await readWorkbookTables(context, { type: "事业单位" });
    expect(named.recognition).toBeUndefined();
    expect(Object.keys(named.places)).toHaveLength(13);
    expect(named.disclosure!.tables).toEqual(reading.disclosure!.tables);
  });
});
