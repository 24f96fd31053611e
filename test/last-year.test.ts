/**
 * 从上年公开文件导入, as the pane runs it: last year's disclosure read from the picked file, recognised as the same
 * set, its figures taken as the prior year; the wrong year, another set or a file that is no workbook refused
 * with its reason, and nothing filled.
 */
import { describe, expect, it } from "vitest";
import { findPack } from "../src/core/packs";
import { formWithPrior, emptyForm } from "../src/taskpane/narrative-form";
import { importLastYear } from "../src/taskpane/last-year";
import { lastYearShanghai } from "./e2e/walkthrough";
import { plainSheets, workbookFile } from "./support/foreign-workbooks";
import { loadExample } from "./support/reference";

const shanghaiPack = findPack("shanghai-unit-9")!;
const asFile = (f: { name: string; buffer: Buffer }) => new File([new Uint8Array(f.buffer)], f.name);

describe("last year's figures from last year's disclosure", () => {
  it("takes the figures the Shanghai text compares with from the 2025 workbook, and fills the form's fields", async () => {
    const result = await importLastYear(asFile(lastYearShanghai()), shanghaiPack, 2026);
    if (!result.ok) throw new Error(result.message);
    expect(result.year).toBe(2025);
    // 90% of the 2026 example, at the printed 0.01 万元.
    expect(result.prior).toMatchObject({ fund: 0, stateCapital: 0, officeCosts: 0 });
    expect(result.prior.appropriation).toBeGreaterThan(0);
    expect(result.prior.threePublic).toBeGreaterThan(0);
    const { form, filled } = formWithPrior(emptyForm(2026), result.prior);
    expect(filled).toEqual(["priorAppropriation", "priorThreePublic", "priorOfficeCosts"]);
    // In 万元 as typed: hundredths of 万元 back to 分 (integers).
    expect(Math.round(Number(form.priorAppropriation) * 100) * 10_000).toBe(result.prior.appropriation);
  });

  it("refuses last year's file of another year, with both years", async () => {
    const result = await importLastYear(asFile(lastYearShanghai()), shanghaiPack, 2028);
    expect(result).toEqual({ ok: false, message: "“2025年单位预算公开.xlsx”是2025年的公开文件，上年应为2027年。" });
  });

  it("refuses a disclosure of another set, naming both", async () => {
    const shanxi = loadExample();
    const file = new File([new Uint8Array(workbookFile(plainSheets(shanxi), "xlsx"))], "忻州.xlsx");
    const result = await importLastYear(file, shanghaiPack, shanxi.unit.year + 1);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^“忻州\.xlsx”是“.+”的表格，与本工作簿的“.+”不是同一套，上年数无法对应。$/);
  });

  it("refuses a file that is no workbook, naming it", async () => {
    const result = await importLastYear(new File([new TextEncoder().encode("不是表格")], "说明.txt"), shanghaiPack, 2026);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/说明\.txt/);
  });
});
