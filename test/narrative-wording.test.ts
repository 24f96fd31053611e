/**
 * Wording left from a template or another document (src/core/validation/rules-narrative-wording.ts), each
 * rule on the sentences that make it fire and the ones that must leave it quiet, with what it says.
 */
import { describe, expect, it } from "vitest";
import { findPack } from "../src/core/packs";
import { validate } from "../src/core/validation/engine";
import { narrativeAlternativesRule, narrativeComparisonBaseRule, narrativeEditionRule, narrativeMissingAmountRule } from "../src/core/validation/rules-narrative-wording";
import type { Rule } from "../src/core/validation/types";

const pack = findPack("shanghai-unit-9")!;
const unit = { name: "示例单位", department: "示例部门", year: 2025, type: "行政单位" as const };
/** What a rule finds in these paragraphs: severity, place, message, expected and actual. */
const found = (rule: Rule, paragraphs: string[]) =>
  validate({ pack, unit, tables: {}, narrative: { sheetName: "说明", lines: paragraphs.map((text, row) => ({ row, text })) } }, [rule]).findings.map((f) => ({ severity: f.severity, cell: f.cell, message: f.message, expected: f.expected, actual: f.actual }));

describe("both alternatives of a change left in", () => {
  const up = ["增加", "增长", "上升"];
  const down = ["减少", "下降"];

  it.each(up.flatMap((u) => down.flatMap((d) => [`${u}（${d}）`, `${d}（${u}）`])))("%s is a warning naming it", (words) => {
    expect(found(narrativeAlternativesRule, ["本年支出预算164.06万元。", `比上年预算${words}10.00万元。`])).toEqual([
      { severity: "warning", cell: "A2", message: `说明中“${words}”两种写法都留着（模板的二选一），应只写实际的一种。`, expected: undefined, actual: words },
    ]);
  });

  it("says nothing of two words of one direction, or of one word alone", () => {
    const quiet = [...up.flatMap((a) => up.map((b) => `${a}（${b}）`)), ...down.flatMap((a) => down.map((b) => `${a}（${b}）`)), "增加10.00万元", "减少（见附表）"];
    for (const words of quiet) expect(found(narrativeAlternativesRule, [`比上年${words}。`]), words).toEqual([]);
  });
});

describe("another edition's words", () => {
  it("部门预算安排 in a 单位预算, and 单位预算安排 in a 部门预算, as the text names itself", () => {
    expect(found(narrativeEditionRule, ["上海市2025年市级单位预算", "2025年部门预算安排购置车辆0辆。"])).toEqual([
      { severity: "warning", cell: "A2", message: "这是单位预算，说明中却写了“部门预算安排”，请核实是否照抄了部门预算的文字。", expected: "单位预算安排", actual: "部门预算安排" },
    ]);
    expect(found(narrativeEditionRule, ["江苏省政协办公厅2019年度部门预算", "2019年单位预算安排购置车辆0辆。"])).toEqual([
      { severity: "warning", cell: "A2", message: "这是部门预算，说明中却写了“单位预算安排”，请核实是否照抄了单位预算的文字。", expected: "部门预算安排", actual: "单位预算安排" },
    ]);
    // 区级, 省级, 县级 and no level at all name the edition the same way.
    for (const title of ["普陀区2025年区级单位预算", "2025年省级单位预算", "2025年县级单位预算", "2025年单位预算"]) expect(found(narrativeEditionRule, [title, "部门预算安排购置车辆。"]).length, title).toBe(1);
  });

  it("says nothing of its own edition's words, nor where the text does not name its edition; the first naming wins", () => {
    expect(found(narrativeEditionRule, ["上海市2025年市级单位预算", "2025年单位预算安排购置车辆0辆。"])).toEqual([]);
    expect(found(narrativeEditionRule, ["2025年预算编制说明", "2025年部门预算安排购置车辆0辆。"])).toEqual([]);
    // A year of 2 digits is not a year: nothing named.
    expect(found(narrativeEditionRule, ["25年单位预算", "部门预算安排购置车辆。"])).toEqual([]);
    expect(found(narrativeEditionRule, ["上海市2025年市级单位预算", "参照2024年部门预算", "单位预算安排购置车辆。"])).toEqual([]);
  });
});

describe("an amount or a percentage left out before its unit", () => {
  const words = ["安排", "支出", "收入", "预算", "预算数", "合计", "总计", "共计", "为", "增加", "减少", "增长", "下降", "经费"];

  it.each(words.flatMap((w) => [`${w}万元`, `${w}元`]))("“…%s” is an error naming it", (missing) => {
    expect(found(narrativeMissingAmountRule, ["本单位2025年度。", `其中${missing}，主要用于日常运转。`])).toEqual([{ severity: "error", cell: "A2", message: `说明中“${missing}”的金额没有填写。`, expected: undefined, actual: missing }]);
  });

  it.each(["增加", "减少", "增长", "下降", "上升", "占"].flatMap((w) => [`${w}%`, `${w}％`]))("“…%s” is an error naming it", (missing) => {
    expect(found(narrativeMissingAmountRule, [`比上年${missing}。`])).toEqual([{ severity: "error", cell: "A1", message: `说明中“${missing}”的百分比没有填写。`, expected: undefined, actual: missing }]);
  });

  it("says nothing of a unit of measure, nor of figures written", () => {
    for (const text of ["金额单位为万元。", "单位：万元", "（万元）", "支出预算164.06万元，比上年增加10.00万元，增长6.49%。", "单位为元。"]) expect(found(narrativeMissingAmountRule, [text]), text).toEqual([]);
    // 为 after anything but 单位 is an amount left out, and 单位 before another word is not the unit of measure.
    expect(found(narrativeMissingAmountRule, ["预算总额为万元。"]).length).toBe(1);
    expect(found(narrativeMissingAmountRule, ["单位支出为万元。"]).length).toBe(1);
    expect(found(narrativeMissingAmountRule, ["单位预算安排万元。"]).length).toBe(1);
  });
});

describe("the income and the spending totals against last year", () => {
  const income = (base: string, change = "增加10.00万元") => `2025年，本单位收入预算1,200.00万元，其中：财政拨款收入1,200.00万元，比2024年${base}${change}。`;
  const spending = (base: string, change = "增加10.00万元") => `支出预算1,200.00万元，其中：财政拨款支出预算1,200.00万元，比2024年${base}${change}。`;

  it("compared on different bases is a warning at the spending sentence, naming both", () => {
    expect(found(narrativeComparisonBaseRule, [income("预算执行数"), spending("预算")])).toEqual([
      { severity: "warning", cell: "A2", message: "收入预算与上年比较的是“比2024年预算执行数”，支出预算比较的是“比2024年预算”：基数不同，请核实两句是否出自同一口径。", expected: "比2024年预算执行数", actual: "比2024年预算" },
    ]);
    for (const [a, b] of [["预算", "执行数"], ["决算数", "预算数"], ["预算数", "决算数"]]) expect(found(narrativeComparisonBaseRule, [income(a), spending(b)]).length, `${a} ${b}`).toBe(1);
  });

  it("one figure of a balanced budget with two changes is a warning naming both", () => {
    expect(found(narrativeComparisonBaseRule, [income("预算"), spending("预算", "增加12.00万元")])).toEqual([
      { severity: "warning", cell: "A2", message: "收入和支出的同一个数 1,200.00万元，与上年比较却写了两个增减：“1,200.00万元，比2024年预算增加10.00万元”与“1,200.00万元，比2024年预算增加12.00万元”，请核实。", expected: "1,200.00万元，比2024年预算增加10.00万元", actual: "1,200.00万元，比2024年预算增加12.00万元" },
    ]);
    // 增加 against 减少 by the same amount, and 持平 against a change, are two changes too.
    expect(found(narrativeComparisonBaseRule, [income("预算"), spending("预算", "减少10.00万元")]).length).toBe(1);
    expect(found(narrativeComparisonBaseRule, [income("预算", "持平"), spending("预算", "增加0.01万元")]).length).toBe(1);
  });

  it("says nothing where both agree, where the figures differ, or where one side is not compared", () => {
    expect(found(narrativeComparisonBaseRule, [income("预算"), spending("预算")])).toEqual([]);
    expect(found(narrativeComparisonBaseRule, [income("预算执行数"), spending("执行数")])).toEqual([]);
    expect(found(narrativeComparisonBaseRule, [income("预算", "持平"), spending("预算", "持平")])).toEqual([]);
    expect(found(narrativeComparisonBaseRule, [income("预算"), spending("预算", "增加12.00万元").replace(/1,200\.00/g, "1,300.00")])).toEqual([]);
    expect(found(narrativeComparisonBaseRule, [income("预算")])).toEqual([]);
    // A change stated on one side only: nothing to compare it with.
    expect(found(narrativeComparisonBaseRule, [income("预算"), spending("预算", "增加")])).toEqual([]);
    // Written without thousands separators or decimals, the same figure is the same figure.
    expect(found(narrativeComparisonBaseRule, [income("预算"), spending("预算", "增加12万元").replace(/1,200\.00/g, "1200")]).length).toBe(1);
  });
});
