/** One failing and one passing case per rule, on the reference's data changed in one place. */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Disclosure, RowData } from "../src/core/model";
import { SHANXI_UNIT_13 } from "../src/core/packs/shanxi-unit-13";
import { PARTIAL_SUBJECTS } from "../src/core/subjects/subject-list";
import { RULES } from "../src/core/validation/catalog";
import { validate } from "../src/core/validation/engine";
import type { TableTexts, ValidationInput } from "../src/core/validation/types";
import { loadExample } from "./support/reference";
import { roundTripWorkbook, validateAsFile } from "./support/workbooks";

const clone = <T>(x: T): T => structuredClone(x);
const row = (d: Disclosure, table: string, side: string, key: string): RowData => d.tables[table][side].find((r) => r.id === key || r.code === key)!;

function texts(d: Disclosure): Record<string, TableTexts> {
  return Object.fromEntries(
    SHANXI_UNIT_13.tables.map((t) => [
      t.id,
      {
        sheetName: t.sheetName,
        title: t.title.replace("{year}", String(d.unit.year)),
        unitLine: `单位名称：${d.unit.name}`,
        note: ["T7", "T8", "T9", "T10", "T11", "T13"].includes(t.id) ? "注：本表无数据" : "",
      },
    ]),
  );
}

function run(d: Disclosure, extra: Partial<ValidationInput> = {}) {
  return validate({ pack: SHANXI_UNIT_13, unit: d.unit, tables: d.tables, texts: texts(d), subjects: PARTIAL_SUBJECTS, ...extra });
}

const base = loadExample();
const baseline = run(base);

it("the unchanged reference data has no error or warning", () => {
  expect(baseline.findings.filter((f) => f.severity !== "info")).toEqual([]);
});

/** A rule, the change that breaks it, a part of its message, and the other rules the same change breaks by arithmetic. */
type Case = [rule: string, severity: string, change: (d: Disclosure) => Partial<ValidationInput> | void, messagePart: string, cascade?: string[]];

const cases: Case[] = [
  ["row-sum", "error", (d) => void (row(d, "T3", "rows", "2101102").amounts.total = 28_100_00 + 5_000_00), "基本支出+项目支出", ["tie:T2-T3-subject", "subject-hierarchy"]],
  ["fixed-sum", "error", (d) => void (row(d, "T1", "income", "incomeTotal").amounts.incomeAmount = 1_700_000_00), "收入总计", ["tie:T1-balance"]],
  ["subject-hierarchy", "error", (d) => void (row(d, "T2", "rows", "21007").amounts.general = 800_00), "21007", ["row-sum"]],
  ["items-total", "error", (d) => void (row(d, "T12", "rows", "total").amounts.general = 900_000_00), "合计行", ["row-sum", "tie:T12-T5-project"]],
  // An orphan 项 with an amount: no bogus “合计 不等于下级科目之和” from a parent that is not there; 表二 lacks it, so the tie says so.
  ["subject-parent-missing", "error", (d) => void d.tables.T3.rows.push({ code: "2120101", name: "行政运行", amounts: { total: 100_00, basic: 100_00 } }), "缺少上级科目", ["tie:T2-T3-subject"]],
  ["subject-duplicate", "error", (d) => void d.tables.T3.rows.push({ ...clone(row(d, "T3", "rows", "2210201")) }), "重复", ["subject-hierarchy"]],
  ["subject-name-conflict", "warning", (d) => void (row(d, "T5", "rows", "2101102").name = "事业单位医疗补助"), "事业单位医疗补助", ["subject-list"]],
  ["subject-list", "warning", (d) => void (row(d, "T6", "rows", "30201").name = "办公经费"), "办公费"],
  ["amount-negative", "warning", (d) => void (row(d, "T12", "rows", "金保工程信息系统日常运营维护") ?? d.tables.T12.rows[1]).amounts.unitFunds !== undefined || void (d.tables.T12.rows[1].amounts.unitFunds = -100), "负数", ["items-total"]],
  ["office-costs-unit-type", "error", (d) => void (d.tables.T11.rows = [{ id: "total", amounts: { general: 100_00, total: 100_00 } }, { name: d.unit.name, amounts: { general: 100_00, total: 100_00 } }]), "事业单位", ["empty-note"]],
  ["tie:T2-T3-subject", "error", (d) => {
    for (const k of ["2100799", "21007", "210", "total"]) row(d, "T2", "rows", k).amounts.general! += 1_000_00;
    for (const k of ["2100799", "21007", "210", "total"]) row(d, "T2", "rows", k).amounts.total! += 1_000_00;
  }, "表三", ["tie:T1-T2-income-general"]],
  ["tie:T6-T5-basic", "error", (d) => {
    for (const k of ["30399", "303", "total"]) row(d, "T6", "rows", k).amounts.personnel! += 50_000_00;
    for (const k of ["30399", "303", "total"]) row(d, "T6", "rows", k).amounts.total! += 50_000_00;
  }, "表五"],
  ["tie:T5-T3-subject", "error", (d) => {
    for (const k of ["2210201", "22102", "221", "total"]) row(d, "T5", "rows", k).amounts.basic! += 1_000_00;
    for (const k of ["2210201", "22102", "221", "total"]) row(d, "T5", "rows", k).amounts.total! += 1_000_00;
  }, "不大于", ["tie:T4-T5-class", "tie:T6-T5-basic"]],
  ["empty-note", "error", (d) => ({ texts: { ...texts(d), T8: { ...texts(d).T8, note: "" } } }), "本表无数据"],
  ["empty-note", "error", (d) => ({ texts: { ...texts(d), T3: { ...texts(d).T3, note: "注：本表无数据" } } }), "有数据"],
  ["table-title", "error", (d) => ({ texts: { ...texts(d), T2: { ...texts(d).T2, title: "2023年预算收入总表" } } }), "2024年预算收入总表"],
  ["unit-name", "error", (d) => ({ texts: { ...texts(d), T4: { ...texts(d).T4, unitLine: "单位名称：别的单位" } } }), "别的单位"],
  ["table-missing", "warning", (d) => {
    const t = texts(d);
    delete t.T13;
    return { texts: t };
  }, "表十三"],
  ["cell-unreadable", "error", () => ({ problems: [{ sheet: "表三 支出总表", cell: "D9", message: "金额“一百”不是数字。", tableId: "T3" }] }), "一百"],
];

describe.each(cases)("rule %s (%s)", (ruleId, severity, change, messagePart, cascade = []) => {
  it(`finds “${messagePart}” when the data breaks it, and nothing on the reference`, () => {
    const d = clone(base);
    const extra = change(d) ?? {};
    const report = run(d, extra);
    const hits = report.findings.filter((f) => f.ruleId === ruleId && f.severity === severity);
    expect(hits.length, JSON.stringify(report.findings.filter((f) => f.severity !== "info"), null, 1)).toBeGreaterThan(0);
    expect(hits.map((h) => h.message).join("\n")).toContain(messagePart);
    expect(baseline.findings.filter((f) => f.ruleId === ruleId && f.severity !== "info")).toEqual([]);
    // Nothing else is reported but what the change breaks by arithmetic (a changed figure no longer ties elsewhere).
    expect([...new Set(report.findings.filter((f) => f.severity !== "info").map((f) => f.ruleId))].sort()).toEqual([ruleId, ...cascade].sort());
  });
});

it("every rule in the catalogue has a test case here or is named in another test file", () => {
  // A rule is tested where a test names its id: a test that switched it off would then fail (narrative rules: narrative-*.test.ts).
  const testDir = dirname(fileURLToPath(import.meta.url));
  const sources = [...readdirSync(testDir), ...readdirSync(join(testDir, "e2e")).map((f) => join("e2e", f))]
    .filter((f) => /\.test\.ts$/.test(f) && !f.endsWith("validation-rules.test.ts"))
    .map((f) => readFileSync(join(testDir, f), "utf8"))
    .join("\n");
  const named = new Set([...sources.matchAll(/"([a-z]+(?:-[a-z]+)+)"/g)].map((m) => m[1]));
  const tested = new Set([...cases.map(([id]) => id.split(":")[0]), ...named]);
  for (const rule of RULES) expect(tested, rule.id).toContain(rule.id);
});

describe("bad cells in a workbook", () => {
  it("text, full-width digits, grouped numbers and error values: findings name the cell, readable ones are read", async () => {
    const workbook = await roundTripWorkbook(loadExample(), (wb) => {
      const t3 = wb.getWorksheet("表三 支出总表")!;
      t3.getCell("D9").value = "一百"; // 2080199 基本支出
      t3.getCell("D11").value = "１.４４４"; // full-width, read as 1.444
      t3.getCell("D12").value = "6.434"; // text number, read
      t3.getCell("D15").value = { error: "#REF!" } as never;
      t3.getCell("A18").value = 2210201 as never; // code stored as a number
    });
    const { report } = await validateAsFile(workbook, { type: "事业单位" });
    const unreadable = report.findings.filter((f) => f.ruleId === "cell-unreadable");
    expect(unreadable.map((f) => `${f.sheet}!${f.cell}`).sort()).toEqual(["表三 支出总表!D15", "表三 支出总表!D9"]);
    expect(unreadable.find((f) => f.cell === "D9")!.message).toContain("一百");
    expect(unreadable.find((f) => f.cell === "D15")!.message).toContain("#REF!");
    expect(report.findings.some((f) => f.tableId === "T3" && f.cell === "D12" && f.severity === "error")).toBe(false);
  });

  it("a deleted sheet and a renamed sheet: the renamed one is still found, the deleted one is reported", async () => {
    const workbook = await roundTripWorkbook(loadExample(), (wb) => {
      // Excel renames the sheet in every defined name that refers to it; ExcelJS leaves that to us.
      wb.getWorksheet("表十 三公经费")!.name = "三公";
      const model = wb.definedNames.model as { name: string; ranges: string[] }[];
      wb.definedNames.model = model.map((n) => ({ ...n, ranges: n.ranges.map((r) => r.replace("'表十 三公经费'!", "'三公'!")) }));
    });
    const renamed = await validateAsFile(workbook, { type: "事业单位" });
    expect(renamed.reading.places.T10.sheetName).toBe("三公");
    expect(renamed.report.findings.filter((f) => f.severity !== "info")).toEqual([]);

    const removed = await roundTripWorkbook(loadExample(), (wb) => {
      wb.removeWorksheet(wb.getWorksheet("表十三 项目支出(上年结转)")!.id);
    });
    const { report } = await validateAsFile(removed, { type: "事业单位" });
    expect(report.findings.some((f) => f.ruleId === "table-missing" || /删除/.test(f.message))).toBe(true);
  });

  it("a workbook without templates gives one clear finding", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").getCell("A1").value = "合计";
    const { report } = await validateAsFile(wb);
    expect(report.valid).toBe(false);
    expect(report.findings[0].message).toContain("没有找到预算公开表格");
    expect(report.findings[0].message).toContain("“Sheet1”");
  });
});

it("docs/rules.md lists the catalogue as it is (npm run docs)", async () => {
  const { readFileSync } = await import("node:fs");
  const { rulesMarkdown } = await import("../src/core/validation/rules-doc");
  expect(readFileSync("docs/rules.md", "utf8")).toBe(rulesMarkdown());
});

describe("三公 against the economic classification of basic spending (表六 counts basic spending only)", () => {
  // 公务接待费: 0.50 万元 of basic spending in 表六; 表十 counts basic and project-funded 公务接待费.
  const reception = (basic: number, threePublic: number) => {
    const d = clone(base);
    d.tables.T10.rows = [{ id: "reception", name: "公务接待费", amounts: { total: threePublic, general: threePublic } }];
    d.tables.T6.rows.push({ code: "30217", name: "公务接待费", amounts: { total: basic, publicExpense: basic } });
    return run(d).findings.filter((f) => f.ruleId === "tie:T6-T10-reception" && f.severity === "error");
  };
  it("accepts 0.50 basic within 0.80 of 三公 (0.30 project-funded)", () => expect(reception(500_000, 800_000)).toEqual([]));
  it("finds 0.90 basic against 0.80 of 三公", () => expect(reception(900_000, 800_000)).toHaveLength(1));
  it("accepts them equal", () => expect(reception(800_000, 800_000)).toEqual([]));
});

describe("收支平衡: 收入总计 = 支出总计 on the 收支总表 and the 财政拨款收支总表, each its own tie", () => {
  for (const [table, tie] of [
    ["T1", "tie:T1-balance"],
    ["T4", "tie:T4-balance"],
  ] as const)
    it(`${tie}: holds on the reference, and fires when ${table}'s 支出总计 moves`, () => {
      expect(baseline.findings.filter((f) => f.ruleId === tie)).toEqual([]);
      const d = clone(base);
      row(d, table, "expenditure", "expenditureTotal").amounts.total! += 10_000;
      expect(run(d).findings.filter((f) => f.ruleId === tie && f.severity === "error")).toHaveLength(1);
    });
});

describe("one finding per cause: a part column left blank in the whole table", () => {
  it("is one row-sum finding naming the column, not one a row", () => {
    const d = clone(base);
    for (const r of d.tables.T3.rows) delete r.amounts.basic;
    const found = run(d).findings.filter((f) => f.ruleId === "row-sum" && f.tableId === "T3");
    expect(found).toHaveLength(1);
    expect(found[0].message).toMatch(/表三的“基本支出”一栏整栏空白.*\d+ 行的合计不等于基本支出\+项目支出/);
  });

  it("still names the row when only one row's part is missing", () => {
    const d = clone(base);
    delete row(d, "T3", "rows", "2080199").amounts.basic;
    const found = run(d).findings.filter((f) => f.ruleId === "row-sum" && f.tableId === "T3");
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => !f.message.includes("整栏空白"))).toBe(true);
  });
});
