/** Checks of the 情况说明 text: the generated text passes; each kind of mistake is found and placed. */
import { readFileSync } from "node:fs";
import { validateAsFile } from "./support/workbooks";
import { describe, expect, it } from "vitest";
import { readBackLayouts } from "../src/core/layout/read-back";
import { planInsertion } from "../src/core/layout/workbook";
import { readNarrativeFacts } from "../src/core/narrative/facts";
import { generateNarrative } from "../src/core/narrative/generate";
import { narrativeParagraphs } from "../src/core/narrative/layout";
import { SHANXI_UNIT_13 } from "../src/core/packs/shanxi-unit-13";
import { NARRATIVE_RULES } from "../src/core/validation/rules-narrative";
import { validate } from "../src/core/validation/engine";
import ExcelJS from "exceljs";
import { main } from "../src/cli/main";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { vi } from "vitest";
import { EXAMPLE_PATH, loadExample } from "./support/reference";

const example = loadExample();
const json = JSON.parse(readFileSync(EXAMPLE_PATH, "utf8"));
const layouts = planInsertion(SHANXI_UNIT_13, example.unit, SHANXI_UNIT_13.tables.map((t) => t.id), [], example.tables).layouts;
const disclosure = readBackLayouts(layouts, example.unit)!;
// The text as the 情况说明 sheet holds it: the generated parts, then the pack's 名词解释.
const lines = narrativeParagraphs(SHANXI_UNIT_13, example.unit, generateNarrative(disclosure, readNarrativeFacts(json.narrative, "元"))).map((p, row) => ({ row, text: p.text }));

function check(edit: (lines: { row: number; text: string }[]) => void) {
  const copy = lines.map((l) => ({ ...l }));
  edit(copy);
  return validate({ pack: SHANXI_UNIT_13, unit: example.unit, tables: disclosure.tables, narrative: { sheetName: "情况说明", lines: copy } }, NARRATIVE_RULES).findings;
}
const replaceIn = (from: string, to: string) => (ls: { text: string }[]) => {
  const line = ls.find((l) => l.text.includes(from));
  if (!line) throw new Error(`no line with ${from}`);
  line.text = line.text.replace(from, to);
};

describe("情况说明 checks", () => {
  it("pass the generated text", () => {
    expect(check(() => undefined)).toEqual([]);
  });

  it.each([
    ["a wrong share", replaceIn("占94.94%", "占95.94%"), "narrative-share", "94.94"],
    ["shares that do not add to 100", replaceIn("占39.05%", "占39.04%"), "narrative-share", "100.00%"],
    ["an amount that does not match the table", replaceIn("基本支出64.06万元", "基本支出64.60万元"), "narrative-amount", "64.06"],
    ["a class amount that does not match", replaceIn("卫生健康支出2.87万元", "卫生健康支出2.78万元"), "narrative-amount", "卫生健康支出"],
    ["growth from a zero base written as a percentage", replaceIn("一般公共预算当年支出164.06万元，比上年增长23.76万元，增长16.94%", "一般公共预算当年支出164.06万元，比上年增长164.06万元，增长100%"), "narrative-change", "新增"],
    ["a growth percentage that does not recompute", replaceIn("增长16.94%", "增长19.94%"), "narrative-change", "16.94"],
    ["增长 written with 下降", replaceIn("增长16.94%", "下降16.94%"), "narrative-change", "不一致"],
    ["an empty reason", (ls: { text: string }[]) => void (ls[2].text = ls[2].text.replace(/主要原因是[^；]*；/, "主要原因是；")), "narrative-reason", "主要原因是"],
    ["a placeholder", replaceIn("政府采购预算总额0.20万元", "政府采购预算总额XX万元"), "narrative-placeholder", "XX"],
    ["待填写 left in", replaceIn("无机关运行经费", "待填写"), "narrative-placeholder", "待填写"],
    ["a year other than the budget year and the one before", replaceIn("本单位不涉及2024年整体绩效目标", "本单位不涉及2022年整体绩效目标"), "narrative-year", "2022年"],
  ])("find %s, naming the row", (_label, edit, ruleId, part) => {
    const findings = check(edit as never).filter((f) => f.ruleId === ruleId);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0].cell).toMatch(/^A\d+$/);
    expect(findings.map((f) => f.message).join("\n")).toContain(part);
  });

  const appended = (text: string) => (ls: { row: number; text: string }[]) => void ls.push({ row: ls.length, text });
  it.each([
    ["parts of 共计金额 that do not add up", replaceIn("特定目标类项目1个，涉及金额100万元", "特定目标类项目1个，涉及金额90万元"), replaceIn("特定目标类项目1个，涉及金额100万元", "特定目标类项目1个，涉及金额100.00万元"), "narrative-breakdown", "各项之和为 90.00万元"],
    ["new spending written other than the whole amount", appended("专项经费5.00万元，上年无此项预算，本年新增4.00万元，主要原因是新设专项工作。"), appended("专项经费5.00万元，上年无此项预算，本年新增5.00万元，主要原因是新设专项工作。"), "narrative-new-spending", "本年新增4.00万元"],
    ["绩效目标 funds above the 项目支出 total", appended("本单位编报绩效目标的项目共1个，涉及项目预算资金100.01万元。"), appended("本单位编报绩效目标的项目共1个，涉及项目预算资金100.00万元。"), "narrative-performance-funds", "超过项目支出合计 100.00万元"],
  ])("find %s, and nothing in the same text made right", (_label, wrong, right, ruleId, part) => {
    const findings = check(wrong as never).filter((f) => f.severity !== "info");
    expect(findings.map((f) => f.ruleId)).toEqual([ruleId]);
    expect(findings[0].message).toContain(part);
    expect(check(right as never).filter((f) => f.severity !== "info")).toEqual([]);
  });

  it("leave 截至YYYY年M月D日 and 《…》 titles alone", () => {
    expect(check(replaceIn("本单位不涉及政府购买服务项目", "参照《2019年政府购买服务管理办法》执行")).filter((f) => f.ruleId === "narrative-year")).toEqual([]);
  });

  it("run through the command line on the 情况说明 sheet of a generated workbook", async () => {
    const dir = mkdtempSync(join(tmpdir(), "narrative-"));
    const file = join(dir, "ref.xlsx");
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    expect(await main(["generate", "--data", EXAMPLE_PATH, "-o", file])).toBe(0);
    log.mockRestore();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const clean = await validateAsFile(wb, { type: "事业单位" });
    expect(clean.reading.narrative?.lines.length).toBeGreaterThan(40);
    expect(clean.report.findings.filter((f) => f.severity !== "info")).toEqual([]);
    const sheet = wb.getWorksheet("情况说明")!;
    const row = clean.reading.narrative!.lines.find((l) => l.text.includes("占39.05%"))!.row + 1;
    sheet.getCell(`A${row}`).value = String(sheet.getCell(`A${row}`).value).replace("占39.05%", "占40.05%");
    const broken = await validateAsFile(wb, { type: "事业单位" });
    expect(broken.report.findings.find((f) => f.ruleId === "narrative-share")).toEqual(expect.objectContaining({ sheet: "情况说明", cell: `A${row}` }));
  });
});

describe("percentages written in the text, compared in integers", () => {
  it("accepts a percentage rounded to the digits written from an exact ratio, and nothing further off", async () => {
    const { percentHundredths, writtenPercentWithin } = await import("../src/core/narrative/format");
    const exactly = (written: string, num: number, den: number) => writtenPercentWithin(written, { num, den }, { num, den });
    // 23.76 万元 more than 140.30 万元: 16.935…%.
    expect(percentHundredths(2376, 14030)).toBe(1694);
    for (const written of ["16.94", "16.9", "17", "16.935"]) expect(exactly(written, 2376, 14030), written).toBe(true);
    for (const written of ["16.93", "16.8", "16", "16.9353", "1e2", "", "16.94567"]) expect(exactly(written, 2376, 14030), written).toBe(false);
    // Exactly half way between two written values (12.5% written without decimals), either is accepted.
    expect(exactly("12.5", 1, 8)).toBe(true);
    expect(exactly("13", 1, 8)).toBe(true);
    expect(exactly("12", 1, 8)).toBe(true);
  });

  it("accepts a percentage anywhere a range of ratios reaches, edges included, and one beyond it not", async () => {
    const { writtenPercentWithin } = await import("../src/core/narrative/format");
    // 22.09%…25.61%: 0.095–0.105 of 0.43–0.41.
    const [low, high] = [{ num: 95, den: 430 }, { num: 105, den: 410 }];
    for (const written of ["22.09", "23.08", "23.81", "25.61", "23", "22.1", "26"]) expect(writtenPercentWithin(written, low, high), written).toBe(true);
    // Written without decimals, 26 stands for 25.5–26.5 and reaches 25.61; 27 does not.
    for (const written of ["22.08", "25.62", "27", "21"]) expect(writtenPercentWithin(written, low, high), written).toBe(false);
    // No upper bound (last year's figure may be zero): anything from the low end up.
    expect(writtenPercentWithin("900", low, { num: 1, den: 0 })).toBe(true);
    expect(writtenPercentWithin("22.08", low, { num: 1, den: 0 })).toBe(false);
  });
});

describe("the change against the prior year, as the Shanxi 情况说明 writes it", () => {
  it("is the difference of the printed figures, as narrative-prior checks it", async () => {
    const { changeClause } = await import("../src/core/narrative/generate");
    // 1.446 and 1.434 万元 print as 1.45 and 1.43: 增长0.02, not the exact 0.012 rounded to 0.01.
    expect(changeClause(1_446_000, 1_434_000)).toBe("比上年增长0.02万元，增长1.40%");
    expect(changeClause(1_434_000, 1_446_000)).toBe("比上年减少0.02万元，下降1.38%");
    expect(changeClause(1_640_580_000, 1_403_000_000)).toBe("比上年增长237.58万元，增长16.93%");
  });
});
