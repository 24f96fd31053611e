/** The Shanghai 9-table pack: layout as described, a synthetic unit generated and validated clean, one failing case per pack rule. */
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readDataFile } from "../src/core/data-format";
import { displayGrid } from "../src/core/layout/display";
import { renderTable } from "../src/core/layout/render";
import type { Disclosure, RowData } from "../src/core/model";
import { SHANGHAI_UNIT_9 } from "../src/core/packs/shanghai-unit-9";
import { roundTripWorkbook, validateAsFile } from "./support/workbooks";
import type { CellValue } from "../src/core/amount";
import { readWorkbookCells } from "../src/core/read-workbook";
import { validate, validationInputOf } from "../src/core/validation/engine";
import { cellsOf, plainSheets } from "./support/foreign-workbooks";

const json = JSON.parse(readFileSync("examples/shanghai-synthetic-2026.json", "utf8"));
const read = readDataFile(json);
if (!read.ok) throw new Error(JSON.stringify(read.issues));
const unit = read.disclosure;
const table = (id: string) => SHANGHAI_UNIT_9.tables.find((t) => t.id === id)!;
const clone = (): Disclosure => structuredClone(unit);
const row = (d: Disclosure, t: string, side: string, key: string): RowData => d.tables[t][side].find((r) => r.id === key || r.code === key)!;

async function findings(d: Disclosure, unitType: string = d.unit.type) {
  const wb = await roundTripWorkbook(d);
  return (await validateAsFile(wb, { type: unitType as Disclosure["unit"]["type"] })).report.findings;
}

describe("Shanghai 9-table layout", () => {
  it("has the nine tables with their titles, 编制单位 line and units", () => {
    expect(SHANGHAI_UNIT_9.tables.map((t) => t.title.replace("{year}", "2026"))).toEqual([
      "2026年预算单位财务收支预算总表",
      "2026年预算单位收入预算总表",
      "2026年预算单位支出预算总表",
      "2026年预算单位财政拨款收支预算总表",
      "2026年预算单位一般公共预算支出功能分类预算表",
      "2026年预算单位政府性基金预算支出功能分类预算表",
      "2026年预算单位国有资本经营预算支出功能分类预算表",
      "2026年预算单位一般公共预算基本支出部门预算经济分类预算表",
      "2026年单位“三公”经费和机关运行经费预算表",
    ]);
    const t2 = renderTable({ pack: SHANGHAI_UNIT_9, table: table("T2"), unit: unit.unit, data: unit.tables.T2 });
    expect(t2.cells.find((c) => c.style === "unitLine")?.value).toBe("编制单位：示例区某某学校（虚构单位）");
    expect(t2.cells.find((c) => c.style === "amountUnitLine")).toEqual(expect.objectContaining({ value: "单位：元", col: 8 }));
    expect(t2.cells.some((c) => c.style === "numberLabel")).toBe(false);
    const t9 = renderTable({ pack: SHANGHAI_UNIT_9, table: table("T9"), unit: unit.unit, data: unit.tables.T9 });
    expect(t9.cells.find((c) => c.style === "amountUnitLine")?.value).toBe("单位:万元");
  });

  it("prints headers as described, codes split into 类 | 款 | 项 and 合计 last", () => {
    const t3 = renderTable({ pack: SHANGHAI_UNIT_9, table: table("T3"), unit: unit.unit, data: unit.tables.T3 });
    const grid = displayGrid(t3, t3.headerArea.firstRow, t3.bodyArea.lastRow);
    expect(grid.slice(0, 3)).toEqual([
      ["项目", "", "", "", "支出预算", "", ""],
      ["功能分类科目编码", "", "", "功能分类科目名称", "合计", "基本支出", "项目支出"],
      ["类", "款", "项", "", "", "", ""],
    ]);
    expect(grid[3]).toEqual(["205", "", "", "教育支出", "16,734,500", "13,154,500", "3,580,000"]);
    expect(grid[5]).toEqual(["205", "02", "01", "学前教育", "2,991,000", "2,361,000", "630,000"]);
    expect(grid[grid.length - 1][0]).toBe("合计");
    const t9 = renderTable({ pack: SHANGHAI_UNIT_9, table: table("T9"), unit: unit.unit, data: unit.tables.T9 });
    expect(displayGrid(t9, t9.headerArea.firstRow, t9.bodyArea.lastRow)).toEqual([
      ["“三公”经费预算数", "", "", "", "", "", "机关运行经费预算数"],
      ["合计", "因公出国(境)费", "公务接待费", "公务用车购置及运行费", "", "", ""],
      ["", "", "", "小计", "购置费", "运行费", ""],
      ["12.00", "", "4.00", "8.00", "", "8.00", ""],
    ]);
    const t1 = renderTable({ pack: SHANGHAI_UNIT_9, table: table("T1"), unit: unit.unit, data: unit.tables.T1 });
    const g1 = displayGrid(t1, t1.headerArea.firstRow, t1.bodyArea.lastRow);
    expect(g1.map((r) => r[2]).slice(4, 8)).toEqual(["一、教育支出", "二、社会保障和就业支出", "三、卫生健康支出", "四、住房保障支出"]);
    expect(g1[g1.length - 1].slice(0, 3)).toEqual(["收入总计", "21,164,600", "支出总计"]);
  });

  it("prints the empty fund tables with their notes", () => {
    const t6 = renderTable({ pack: SHANGHAI_UNIT_9, table: table("T6"), unit: unit.unit, data: unit.tables.T6 });
    expect(t6.cells.find((c) => c.style === "note")?.result).toBe("注:本单位2026年无政府性基金预算财政拨款安排的预算，故本表为空表。");
  });
});

describe("the synthetic Shanghai unit", () => {
  it("has 事业收入, at least 40 subject rows and 公务用车 in the 三公 table", () => {
    expect(row(unit, "T1", "income", "business").amounts.incomeAmount).toBeGreaterThan(0);
    const subjectRows = ["T2", "T3", "T5", "T8"].reduce((n, t) => n + unit.tables[t].rows.filter((r) => r.code).length, 0);
    expect(subjectRows).toBeGreaterThanOrEqual(40);
    expect(row(unit, "T9", "rows", "amounts").amounts.vehicleOperation).toBeGreaterThan(0);
  });

  it("validates clean once generated (its pack found from the workbook's names)", async () => {
    const wb = await roundTripWorkbook(unit);
    const { reading, report } = await validateAsFile(wb, { type: "事业单位" });
    expect(reading.pack?.id).toBe("shanghai-unit-9");
    expect(report.counts.error + report.counts.warning).toBe(0);
    // Codes the partial subject list lacks: one 未知 information per code, however many tables print it.
    const unknown = report.findings.map((f) => /科目编码 (\d+)/.exec(f.message)?.[1]);
    expect(report.findings.every((f) => f.ruleId === "subject-list" && f.severity === "info" && f.message.includes("未知"))).toBe(true);
    expect(new Set(unknown).size).toBe(unknown.length);
    expect(unknown).toContain("2050201");
    // Codes split into columns read back as whole codes.
    expect(reading.disclosure!.tables.T3.rows.map((r) => r.code).filter(Boolean)).toEqual(unit.tables.T3.rows.map((r) => r.code).filter(Boolean));
  });
});

describe("Shanghai pack rules, one failing case each", () => {
  it.each([
    ["S1-balance: 收入总计 = 支出总计", (d: Disclosure) => void (row(d, "T1", "income", "other").amounts.incomeAmount = 95_000), "tie:S1-balance"],
    ["S1-S2: 收支总表事业收入 = 收入总表", (d: Disclosure) => {
      row(d, "T2", "rows", "2050201").amounts.business = 260_000;
    }, "tie:S1-S2-business"],
    ["S4-S5: 财政拨款支出 = 一般公共预算表", (d: Disclosure) => void (d.tables.T4.expenditure.find((r) => r.id === "210")!.amounts.general = 1_000_000), "tie:S4-S5-class"],
    ["S5-S8: 基本支出 = 经济分类表", (d: Disclosure) => void (row(d, "T8", "rows", "30299").amounts.publicExpense! += 10_000), "tie:S5-S8-basic"],
    ["三公小计 = 购置 + 运行", (d: Disclosure) => void (row(d, "T9", "rows", "amounts").amounts.vehicles = 20_000), "row-sum"],
  ])("%s", async (_label, change, ruleId) => {
    const d = clone();
    change(d);
    const wb = await roundTripWorkbook(d, (book) => {
      // A figure typed over a formula, so the workbook carries the inconsistent value.
      if (ruleId === "row-sum") book.getWorksheet("单位“三公”经费和机关运行费预算表")!.getCell("D7").value = 2;
    });
    const found = (await validateAsFile(wb, { type: "事业单位" })).report.findings.filter((f) => f.severity === "error");
    expect(found.map((f) => f.ruleId)).toContain(ruleId);
  });

  it("财政拨款 = 总计 holds only where there is no 事业/经营/其他 income", async () => {
    // With 事业收入 the tie is not checked, although 财政拨款 ≠ 总计 …
    expect((await findings(unit)).filter((f) => f.ruleId === "tie:S4-S1-total")).toEqual([]);
    // … without it, it is, and a wrong 财政拨款 total is found.
    const d = clone();
    for (const key of ["business", "other"]) row(d, "T1", "income", key).amounts.incomeAmount = 0;
    d.tables.T4.income[0].amounts.incomeAmount = 20_000_000;
    expect((await findings(d)).map((f) => f.ruleId)).toContain("tie:S4-S1-total");
  });

  it("机关运行经费 = 公用经费 holds only for a 行政 or 参公 unit", async () => {
    expect((await findings(unit, "事业单位")).filter((f) => f.ruleId === "tie:S9-S8-office")).toEqual([]);
    expect((await findings(unit, "行政单位")).map((f) => f.ruleId)).toContain("tie:S9-S8-office");
  });

  it("an empty fund table without its note, and a table with figures with one, are found", async () => {
    const t6 = renderTable({ pack: SHANGHAI_UNIT_9, table: table("T6"), unit: unit.unit, data: unit.tables.T6 });
    const wb = await roundTripWorkbook(unit, (book) => {
      book.getWorksheet("单位政府性基金拨款表")!.getCell(t6.noteCell!.row + 1, t6.noteCell!.col + 1).value = null;
    });
    const f = (await validateAsFile(wb, { type: "事业单位" })).report.findings;
    expect(f.some((x) => x.ruleId === "empty-note" && x.tableId === "T6")).toBe(true);
    const withNote = await roundTripWorkbook(unit, (book) => {
      book.getWorksheet("单位支出总表")!.getCell("A40").value = "注:本单位2026年无政府性基金预算财政拨款安排的预算，故本表为空表。";
    });
    // 支出总表 declares no note, so a stray one is not its business; the fund tables' notes are checked.
    expect((await validateAsFile(withNote, { type: "事业单位" })).report.findings.filter((x) => x.ruleId === "empty-note")).toEqual([]);
  });

  it("a workbook marked with an unknown pack says so, and is read by its titles instead", async () => {
    const wb = await roundTripWorkbook(unit);
    const model = wb.definedNames.model as { name: string; ranges: string[] }[];
    wb.definedNames.model = model.map((n) => ({ ...n, name: n.name.replace("shanghai_unit_9", "beijing_unit_7") }));
    const { reading, report } = await validateAsFile(wb);
    expect(reading.pack?.id).toBe("shanghai-unit-9");
    const note = report.findings.find((f) => f.ruleId === "workbook-reading")!;
    expect(note.message).toContain("beijing_unit_7");
    expect(note.message).toContain("上海市");
    void ExcelJS;
  });
});

describe("元 printed with 分 (some units print 1,234,567.89)", () => {
  const sheets = plainSheets(unit);
  const t3 = sheets.find((s) => s.tableId === "T3")!;
  const at = (code: string) => t3.rows.findIndex((r) => r.some((v) => v === code));
  const check = (edit: (rows: CellValue[][]) => void) => {
    const rows = t3.rows.map((r) => [...r]);
    edit(rows);
    const reading = readWorkbookCells(cellsOf(sheets.map((s) => (s === t3 ? { ...s, rows } : s))), { type: "事业单位" });
    return validate(validationInputOf(reading, reading.disclosure!.unit, true)!).findings.filter((f) => f.ruleId === "row-sum" && f.sheet === t3.name);
  };
  const row = at("2050201");
  const [total, basic] = [4, 5];

  it("reads a table whose figures carry 分 to the 分: a total 0.12 元 off its parts is an error, not rounding", () => {
    const found = check((rows) => {
      rows[row][total] = (rows[row][total] as number) + 0.12;
    });
    expect(found.map((f) => f.severity)).toEqual(["error"]);
  });

  it("finds nothing where the figures with 分 tie to the 分", () => {
    expect(check((rows) => {
      rows[row][total] = (rows[row][total] as number) + 0.12;
      rows[row][basic] = (rows[row][basic] as number) + 0.12;
    })).toEqual([]);
  });
});

describe("收支平衡 of the 财政拨款收支总表", () => {
  it("fires when its 支出总计 no longer equals its 收入总计, and holds on the example", () => {
    const sheets = plainSheets(unit);
    const t4 = sheets.find((s) => s.tableId === "T4")!;
    const balance = (rows: CellValue[][]) => {
      const reading = readWorkbookCells(cellsOf(sheets.map((s) => (s === t4 ? { ...s, rows } : s))), { type: "事业单位" });
      return validate(validationInputOf(reading, reading.disclosure!.unit, true)!).findings.filter((f) => f.ruleId === "tie:S4-balance" && f.severity === "error");
    };
    expect(balance(t4.rows)).toEqual([]);
    const rows = t4.rows.map((r) => [...r]);
    const total = rows.findIndex((r) => r[2] === "支出总计");
    rows[total][3] = (rows[total][3] as number) + 1000;
    expect(balance(rows)).toHaveLength(1);
  });
});

