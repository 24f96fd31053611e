/**
 * A workbook without our names, through Office.js (office-addin-mock): every visible sheet read in
 * one sync after the names, tables recognised, names attached in two more syncs, no cell written.
 */
import { OfficeMockObject } from "office-addin-mock";
import { describe, expect, it, vi } from "vitest";
import { readWorkbookTables } from "../src/excel/read-workbook";
import { attachNames } from "../src/excel/attach-names";
import { validate, validationInputOf } from "../src/core/validation/engine";
import { plainSheets, textSheet, type PlainSheet } from "./support/foreign-workbooks";
import { loadExample } from "./support/reference";

function mockContext(sheets: PlainSheet[]) {
  const writes: string[] = [];
  const added: { name: string; address: string }[] = [];
  const items = sheets.map((s) => ({
    name: s.name,
    visibility: s.hidden ? "VeryHidden" : "Visible",
    getUsedRangeOrNullObject: () => {
      const width = Math.max(0, ...s.rows.map((r) => r.length));
      const empty = s.rows.length === 0 || width === 0;
      return {
        isNullObject: empty,
        load: () => undefined,
        rowIndex: 0,
        columnIndex: 0,
        rowCount: s.rows.length,
        columnCount: width,
        values: s.rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? "")),
      };
    },
    getRange: (address?: string) => ({
      address: `${s.name}!${address}`,
      getMergedAreasOrNullObject: () => ({ isNullObject: true, load: () => undefined }),
      set values(_v: unknown) {
        writes.push(`${s.name}!${address}`);
      },
    }),
  }));
  const data = {
    workbook: {
      names: {
        load: function (this: { items?: unknown[] }) {
          this.items = added.map((n) => ({ name: n.name, type: "Range", formula: `=${n.address}` }));
        },
        add: (name: string, range: { address: string }) => void added.push({ name, address: range.address }),
      },
      worksheets: {
        load: function (this: { items?: unknown[] }) {
          this.items = items;
        },
        getItem: (name: string) => items.find((i) => i.name === name)!,
      },
    },
  };
  return { context: new OfficeMockObject(data) as unknown as Excel.RequestContext, writes, added };
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
    const { context, writes } = mockContext(sheets);
    const sync = vi.spyOn(context, "sync");
    const reading = await readWorkbookTables(context, { type: "事业单位" });
    expect(sync.mock.calls.length).toBeLessThanOrEqual(3);
    expect(reading.recognition!.placements.map((p) => p.sheetName)).toEqual(Array.from({ length: 13 }, (_, i) => `Sheet${i + 1}`));
    const report = validate(validationInputOf(reading, reading.disclosure!.unit, true)!);
    expect(report.counts).toEqual({ error: 0, warning: 0, info: 10 });
    expect(writes).toEqual([]);
  });

  it("attaches the names in two syncs without writing a cell, after which the workbook is read through them", async () => {
    const { context, writes, added } = mockContext(sheets);
    const reading = await readWorkbookTables(context, { type: "事业单位" });
    const sync = vi.spyOn(context, "sync");
    const count = await attachNames(context, reading.pack!.id, reading.recognition!.placements);
    expect(sync).toHaveBeenCalledTimes(2);
    expect(count).toBe(added.length);
    expect(added.map((n) => n.name)).toEqual(expect.arrayContaining(["YS_PACK_shanxi_unit_13_V1_T1", "YS_T3_BODY", "YS_T3_COL_basic"]));
    expect(writes).toEqual([]);
  });
});
