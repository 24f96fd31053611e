/** 项目支出绩效目标表 (P1): rendered from the data, read back, and tied to 表十二. */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateAsFile } from "./support/workbooks";
import { describe, expect, it, vi } from "vitest";
import { main } from "../src/cli/main";
import { schemaIssues } from "../src/cli/schema-check";
import { EXAMPLE_PATH, loadExample } from "./support/reference";

const dir = mkdtempSync(join(tmpdir(), "p1-"));

async function generated(): Promise<ExcelJS.Workbook> {
  const file = join(dir, `ref-${Math.random().toString(36).slice(2)}.xlsx`);
  const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
  expect(await main(["generate", "--data", EXAMPLE_PATH, "-o", file])).toBe(0);
  log.mockRestore();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe("绩效目标表", () => {
  it("is part of the example data and its schema", () => {
    const json = JSON.parse(readFileSync(EXAMPLE_PATH, "utf8"));
    expect(schemaIssues(json)).toEqual([]);
    const form = loadExample().performanceTargets![0];
    expect(form.project).toBe("金保工程信息系统日常运营维护");
    expect(form.funds.year.total).toBe(1_000_000_00);
    expect(form.indicators.map((i) => i.level1)).toContain("满意度指标");
  });

  it("is written as a sheet with the form's fields, and ties to 表十二 without error", async () => {
    const wb = await generated();
    const sheet = wb.getWorksheet("绩效目标表")!;
    const texts = sheet.getSheetValues().flat().filter((v) => typeof v === "string") as string[];
    for (const label of ["项目名称", "主管部门及代码", "实施单位", "项目资金（元）", "年度资金总额:", "项目概况", "立项依据", "总体目标", "绩效指标", "一级指标", "负责人:"]) expect(texts).toContain(label);
    expect(texts).toContain("304-忻州市人力资源和社会保障局");
    const { reading, report } = await validateAsFile(wb, { type: "事业单位" });
    expect(reading.performanceForms).toEqual([expect.objectContaining({ project: "金保工程信息系统日常运营维护", yearFunds: 1_000_000_00, sheetName: "绩效目标表" })]);
    expect(report.findings.filter((f) => f.ruleId === "performance-funds")).toEqual([]);
  });

  it("finds funds that do not match the project in 表十二, and a project that is not there", async () => {
    const wb = await generated();
    const { reading } = await validateAsFile(wb, { type: "事业单位" });
    const cell = reading.performanceForms![0].cell;
    wb.getWorksheet("绩效目标表")!.getCell(cell).value = 900_000;
    const wrong = (await validateAsFile(wb, { type: "事业单位" })).report.findings.filter((f) => f.ruleId === "performance-funds");
    expect(wrong).toEqual([expect.objectContaining({ severity: "error", sheet: "绩效目标表", cell })]);
    // The project table is named as the pack names it, its figure in the table's own unit.
    expect(wrong[0].message).toContain("年度资金总额 900,000.00 元，与表十二该项目合计 100.00 万元不符");
    wb.getWorksheet("绩效目标表")!.getCell("C3").value = "别的项目";
    const missing = (await validateAsFile(wb, { type: "事业单位" })).report.findings.filter((f) => f.ruleId === "performance-funds");
    expect(missing[0]).toEqual(expect.objectContaining({ severity: "warning" }));
    expect(missing[0].message).toBe("绩效目标表的项目“别的项目”在表十二中找不到。");
  });
});
