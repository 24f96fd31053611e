/**
 * 从上年公开文件导入, as the pane runs it: last year's disclosure read from the picked file, recognised as the same
 * set, its figures taken as the prior year; the wrong year, another set or a file that is no workbook refused
 * with its reason, and nothing filled. pdf.js is loaded as the command line loads it, where the pane would load its chunk.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { writeDataFile } from "../src/core/data-format";
import { convert } from "./support/libreoffice";
import { runCli } from "./support/run-cli";
import { findPack } from "../src/core/packs";
import { formWithPrior, emptyForm } from "../src/taskpane/narrative-form";
import { importLastYear } from "../src/taskpane/last-year";
import { lastYearDisclosure, lastYearShanghai } from "./e2e/walkthrough";
import { plainSheets, workbookFile } from "./support/foreign-workbooks";
import { loadExample } from "./support/reference";

vi.mock("../src/taskpane/pdf-library", async () => ({ loadPdfLibrary: (await import("../src/cli/pdf-pages")).nodePdfLibrary }));

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

  it("takes the same figures from last year's published PDF as from its workbook", async () => {
    const workbook = lastYearShanghai();
    const fromWorkbook = await importLastYear(asFile(workbook), shanghaiPack, 2026);
    // The same disclosure made by the command line and printed to PDF by LibreOffice.
    const dir = mkdtempSync(join(tmpdir(), "last-year-pdf-"));
    const data = join(dir, "2025.json");
    writeFileSync(data, JSON.stringify(writeDataFile(lastYearDisclosure())));
    const xlsx = join(dir, "2025年单位预算公开.xlsx");
    expect((await runCli("generate", "--data", data, "-o", xlsx)).code).toBe(0);
    const [pdf] = convert([xlsx], "pdf");
    const fromPdf = await importLastYear(new File([new Uint8Array(readFileSync(pdf))], "2025年单位预算公开.pdf"), shanghaiPack, 2026);
    if (!fromPdf.ok || !fromWorkbook.ok) throw new Error(JSON.stringify([fromPdf, fromWorkbook]));
    expect(fromPdf).toEqual(fromWorkbook);
    expect(fromPdf.prior.appropriation).toBeGreaterThan(0);

    const wrongYear = await importLastYear(new File([new Uint8Array(readFileSync(pdf))], "2025年单位预算公开.pdf"), shanghaiPack, 2028);
    expect(wrongYear).toEqual({ ok: false, message: "“2025年单位预算公开.pdf”是2025年的公开文件，上年应为2027年。" });
  }, 120_000);

  it("refuses a .pdf that is not a PDF in one line naming it", async () => {
    const result = await importLastYear(new File([new TextEncoder().encode("不是 PDF")], "上年.pdf"), shanghaiPack, 2026);
    expect(result).toEqual({ ok: false, message: "“上年.pdf”：不是 PDF 文件。" });
  });
});
