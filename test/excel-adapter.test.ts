import { writeUnitInfoSheet } from "../src/excel/write-unit-info";
import { UNIT_INFO_SHEET } from "../src/core/layout/unit-info-sheet";
import { describe, expect, it, vi } from "vitest";
import { insertTables } from "../src/excel/write-layouts";
import { SHANXI_UNIT_13 } from "../src/core/packs/shanxi-unit-13";
import { createExcelMock } from "./support/excel-mock";
import { loadExample } from "./support/reference";

const example = loadExample();
const allTables = SHANXI_UNIT_13.tables.map((t) => t.id);

describe("inserting the Shanxi tables through Office.js", () => {
  it("adds every sheet in two syncs, whatever the number of tables", async () => {
    const { context, recorded } = createExcelMock(["Sheet1"]);
    const sync = vi.spyOn(context, "sync");
    const report = await insertTables(context, { packId: "shanxi-unit-13", unit: example.unit, tableIds: allTables, data: example.tables });
    expect(sync).toHaveBeenCalledTimes(2);
    expect(recorded.sheets.map((s) => s.name)).toEqual(SHANXI_UNIT_13.tables.map((t) => t.sheetName));
    expect(report.inserted).toHaveLength(13);
    expect(report.renamed).toEqual([]);
  });

  it("inserts the 13 tables and the 绩效目标表 (14 sheets) in two syncs; a second form takes the next number", async () => {
    const { context, recorded } = createExcelMock([]);
    const sync = vi.spyOn(context, "sync");
    await insertTables(context, { packId: "shanxi-unit-13", unit: example.unit, tableIds: [...allTables, "P1"] });
    expect(sync).toHaveBeenCalledTimes(2);
    expect(recorded.sheets.map((s) => s.name)).toHaveLength(14);
    expect(recorded.sheets[13].name).toBe("绩效目标表");
    expect(recorded.names.map((n) => n.name)).toEqual(expect.arrayContaining(["YS_P1_1_PROJECT", "YS_P1_1_FUNDS"]));
    const again = createExcelMock(["绩效目标表"]);
    again.recorded.names.push({ name: "YS_P1_1_PROJECT", address: "C3" });
    await insertTables(again.context, { packId: "shanxi-unit-13", unit: example.unit, tableIds: ["P1"] });
    expect(again.recorded.sheets.map((s) => s.name)).toEqual(["绩效目标表 (2)"]);
    expect(again.recorded.names.map((n) => n.name)).toContain("YS_P1_2_PROJECT");
  });

  it("inserts under a free name where a sheet exists, and touches no existing sheet", async () => {
    const { context, recorded } = createExcelMock(["表三 支出总表", "表一 收支总表", "我的底稿"]);
    const report = await insertTables(context, { packId: "shanxi-unit-13", unit: example.unit, tableIds: ["T1", "T3"] });
    expect(recorded.sheets.map((s) => s.name)).toEqual(["表一 收支总表 (2)", "表三 支出总表 (2)"]);
    expect(report.renamed).toEqual([
      { tableId: "T1", wanted: "表一 收支总表", actual: "表一 收支总表 (2)" },
      { tableId: "T3", wanted: "表三 支出总表", actual: "表三 支出总表 (2)" },
    ]);
    expect(recorded.removedOrChanged).toEqual([]);
  });

  it("does not define a name twice when a table is inserted again (Excel's names are unique)", async () => {
    const { context, recorded } = createExcelMock(["表三 支出总表"]);
    recorded.names.push({ name: "YS_T3_BODY", address: "A6:E20" });
    await insertTables(context, { packId: "shanxi-unit-13", unit: example.unit, tableIds: ["T3"] });
    expect(recorded.sheets.map((s) => s.name)).toEqual(["表三 支出总表 (2)"]);
    expect(recorded.names.filter((n) => n.name === "YS_T3_BODY")).toHaveLength(1);
    expect(recorded.names.map((n) => n.name)).toContain("YS_T3_TITLE");
  });

  it("defines the workbook names that validation finds the tables by", async () => {
    const { context, recorded } = createExcelMock([]);
    await insertTables(context, { packId: "shanxi-unit-13", unit: example.unit, tableIds: ["T3"], data: example.tables });
    const names = recorded.names.map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining(["YS_T3_TITLE", "YS_T3_UNIT", "YS_T3_HEADER", "YS_T3_BODY", "YS_T3_NOTE", "YS_PACK_shanxi_unit_13_V1_T3"]));
    expect(recorded.names.find((n) => n.name === "YS_T3_BODY")?.address).toBe("A6:E20");
  });

  it("merges the title and header cells as printed", async () => {
    const { context, recorded } = createExcelMock([]);
    await insertTables(context, { packId: "shanxi-unit-13", unit: example.unit, tableIds: ["T2"], data: example.tables });
    expect(recorded.sheets[0].merges).toEqual(expect.arrayContaining(["A2:I2", "A4:B4", "C4:H4", "I4:I5", "A6:B6"]));
  });

  it("writes formulas, codes as text and amount formats in one grid", async () => {
    const mock = createExcelMock([]);
    await insertTables(mock.context, { packId: "shanxi-unit-13", unit: example.unit, tableIds: ["T3"], data: example.tables });
    const range = (mock.context.workbook.worksheets as unknown as { sheet: { range: { formulas: unknown[][]; numberFormat: string[][] } } }).sheet.range;
    const formulas = range.formulas;
    expect(formulas[1][0]).toBe("2024年预算支出总表");
    expect(formulas[5][0]).toBe("合计");
    expect(formulas[5][2]).toBe("=SUM(D6:E6)");
    expect(formulas[5][3]).toBe('=SUMIFS($D$6:$D$20,$A$6:$A$20,"???")');
    expect(formulas[6][0]).toBe("208");
    expect(formulas[6][3]).toBe('=SUMIFS($D$6:$D$20,$A$6:$A$20,"208??")');
    expect(formulas[8][0]).toBe("2080199");
    expect(formulas[8][3]).toBeCloseTo(47.88, 10);
    expect(formulas[8][4]).toBe(100);
    expect(range.numberFormat[8][0]).toBe("@");
    expect(range.numberFormat[8][3]).toBe("#,##0.00;-#,##0.00;");
  });
});

describe("单位信息 inside the workbook (the add-in writes what generate writes)", () => {
  const unit = { name: "忻州市社会保障卡服务中心", year: 2024, type: "事业单位" as const, department: "忻州市人力资源和社会保障局" };
  it("adds the very hidden YS_INFO sheet and its name in two syncs", async () => {
    const { context, recorded } = createExcelMock(["表一 收支总表"]);
    const sync = vi.spyOn(context, "sync");
    await writeUnitInfoSheet(context, unit);
    expect(sync).toHaveBeenCalledTimes(2);
    expect(recorded.sheets.map((s) => s.name)).toEqual([UNIT_INFO_SHEET]);
    expect(recorded.names.map((n) => n.name)).toEqual(["YS_INFO"]);
    expect((context.workbook.worksheets as unknown as { sheet: { visibility: string } }).sheet.visibility).toBe("VeryHidden");
  });
  it("updates an existing YS_INFO sheet's values only", async () => {
    const { context, recorded } = createExcelMock([UNIT_INFO_SHEET]);
    await writeUnitInfoSheet(context, { ...unit, type: "行政单位" });
    expect(recorded.sheets).toEqual([]);
    expect(recorded.removedOrChanged).toEqual([`${UNIT_INFO_SHEET}!A1:B4=${JSON.stringify([["单位名称", unit.name], ["年度", 2024], ["单位类型", "行政单位"], ["主管部门", unit.department]])}`]);
  });
});
