/**
 * The task pane in a real browser (headless Chromium): what an accountant clicks, sees and reads,
 * once for each host: over the Excel adapter and a fake Office.js workbook, and over
 * the WPS adapter and the fake ET object model (started through the pane's own host switch). Then
 * the built WPS page under its own CSP, and the network use of every page.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, CHROMIUM_ARGS, buildTestPage, buildWpsAddin, launch, serve, type NetworkLog } from "./support/browser";
import { requestsCarrying } from "./support/network";
import { plainSheets } from "../support/foreign-workbooks";
import { loadExample, referenceNarrative } from "../support/reference";
import { counter, handTypedShanghai, lastYearShanghai, WALKTHROUGH_GOAL } from "./walkthrough";
import { convert } from "../support/libreoffice";
import { runCli } from "../support/run-cli";
import { validateFile } from "../../src/cli/validate-files";
import { SEVERITY_NAMES, type Severity } from "../../src/core/validation/types";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");
const SHOTS = "test-output/screenshots";

let server: Server;
let origin: string;
let context: BrowserContext;
let network: NetworkLog;

beforeAll(async () => {
  buildTestPage();
  buildWpsAddin();
  ({ server, origin } = await serve());
  ({ context, network } = await launch());
  mkdirSync(SHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await context?.close();
  server?.close();
});

/** The Shanghai example as a unit publishes it: made by the command line, printed to PDF by LibreOffice (once). */
let shanghaiPdf: Promise<string> | null = null;
function shanghaiExamplePdf(): Promise<string> {
  shanghaiPdf ??= (async () => {
    const xlsx = join(mkdtempSync(join(tmpdir(), "pane-pdf-")), "上海示例.xlsx");
    expect((await runCli("generate", "--data", "examples/shanghai-synthetic-2026.json", "-o", xlsx)).code).toBe(0);
    return convert([xlsx], "pdf")[0];
  })();
  return shanghaiPdf;
}
const REAL_PDF = join(process.cwd(), "..", "shared", "real-disclosures", "shanghai", "shanghai-caizhengju-2025-unit.pdf");

/** The PDF's counts in the pane are the command line's for the same file. */
async function expectPdfCounts(page: Page, pdf: string): Promise<void> {
  const expected = await validateFile(pdf, {});
  expect(expected.report, expected.unreadable).toBeDefined();
  const summary = page.getByRole("status", { name: "PDF 校验结果统计" });
  await summary.waitFor({ timeout: 60_000 });
  for (const s of ["error", "warning", "info"] as Severity[]) await expect(summary.getByText(`${SEVERITY_NAMES[s]} ${expected.report!.counts[s]}`, { exact: true }).count()).resolves.toBe(1);
}

/** The hosts the pane runs in: Excel (the Excel port over the fake Office.js workbook) and WPS 表格 (the WPS port over the fake ET object model). */
const HOSTS = [
  { host: "excel", label: "Excel（Office.js 工作簿模拟）" },
  { host: "wps", label: "WPS 表格（ET 对象模型模拟）" },
] as const;
type Host = (typeof HOSTS)[number]["host"];

async function openPane(host: Host, data?: "reference" | "shanghai"): Promise<Page> {
  const page = await context.newPage();
  const query = new URLSearchParams({ ...(data ? { data } : {}), ...(host === "wps" ? { host } : {}) }).toString();
  await page.goto(`${origin}/index.html${query ? `?${query}` : ""}`);
  await page.getByRole("tab", { name: "模板" }).waitFor();
  return page;
}

/** The reference workbook in the pane, validated: the page and its summary of counts. */
async function validateReference(host: Host) {
  const page = await openPane(host, "reference");
  await page.getByRole("tab", { name: "校验" }).click();
  await page.getByRole("button", { name: "开始校验" }).click();
  return { page, summary: page.getByRole("status", { name: "校验结果统计" }) };
}

async function screenshot(page: Page, name: string): Promise<void> {
  const png = await page.screenshot({ fullPage: true });
  writeFileSync(`${SHOTS}/${name}.png`, png);
  // A blank 360-pixel-wide page compresses to a few KB; Chinese text and controls do not.
  expect(png.length, `${name} screenshot looks blank`).toBeGreaterThan(8_000);
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    // Tabster's focus-trap sentinels (<i data-tabster-dummy aria-hidden tabindex=0>) are Fluent UI's own
    // mechanism for keyboard focus and never take focus themselves: they are left out of the scan.
    const axe = (window as unknown as { axe: { run: (c: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run({ exclude: [["[data-tabster-dummy]"]] });
    return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
  return violations;
}

type PageWorkbook = import("./page/test-workbook").TestWorkbook;
const workbook = (page: Page) => page.evaluate(() => {
  const w = (window as unknown as { __workbook: PageWorkbook }).__workbook;
  return { sheets: w.sheetNames(), selection: w.selection };
});
const cell = (page: Page, sheet: string, address: string) => page.evaluate(([s, a]) => (window as unknown as { __workbook: PageWorkbook }).__workbook.cell(s, a), [sheet, address] as const);
const inWorkbook = <T>(page: Page, read: (w: PageWorkbook) => T) => page.evaluate(`(${read.toString()})(window.__workbook)`) as Promise<T>;

describe.each(HOSTS)("task pane in Chromium, in $label", ({ host }) => {
  const shot = (name: string) => (host === "excel" ? name : `${name}-${host}`);
  it("fills 单位信息, inserts all 13 Shanxi tables and the 绩效目标表, and inserts again without overwriting", async () => {
    const page = await openPane(host);
    await page.getByRole("tab", { name: "单位信息" }).click();
    await page.getByLabel("单位名称").fill("测试单位");
    await page.getByLabel("年度").fill("2025");
    await page.getByLabel("单位类型").selectOption("行政单位");
    await page.getByLabel("主管部门").fill("测试主管部门");
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByText("单位信息已保存在工作簿中。").waitFor();
    await screenshot(page, shot("unit-info"));

    await page.getByRole("tab", { name: "模板" }).click();
    await page.getByRole("button", { name: "插入", exact: true }).click();
    await page.getByText("已插入 14 张表。").waitFor();
    await screenshot(page, shot("templates"));
    const { sheets } = await workbook(page);
    // 14 tables, and the very hidden 单位信息 sheet written when the unit was saved (the CLI reads it);
    // in WPS also the very hidden YS_设置 sheet, which keeps what Excel keeps in document settings.
    expect(sheets.filter((s) => !s.startsWith("YS_"))).toHaveLength(14);
    expect(sheets).toContain("YS_单位信息");
    expect(sheets).toContain("绩效目标表");
    expect(await cell(page, "YS_单位信息", "B3")).toBe("行政单位");
    expect(await cell(page, "表一 收支总表", "A2")).toBe("2025年预算收支总表");
    expect(await cell(page, "表三 支出总表", "A3")).toBe("单位名称：测试单位");
    expect(await cell(page, "表三 支出总表", "C5")).toBe("合计");

    await page.getByRole("button", { name: "插入", exact: true }).click();
    await page.getByText("“表三 支出总表”已存在，新表插入为“表三 支出总表 (2)”。").waitFor();
    expect((await workbook(page)).sheets.filter((s) => !s.startsWith("YS_"))).toHaveLength(28);
    expect(await cell(page, "表一 收支总表", "A2")).toBe("2025年预算收支总表");
    await page.close();
  });

  it("validates the reference workbook: no error, its rounding differences shown; a changed amount is found and clicking selects its cell", async () => {
    const { page, summary } = await validateReference(host);
    await summary.getByText("错误 0").waitFor();
    await expect(summary.getByText("提示 10").isVisible()).resolves.toBe(true);
    // Informations gathered under one closed line per kind; opened, each names its cell.
    const rounding = page.getByRole("button", { name: "提示：四舍五入差异 10 处" });
    await expect(rounding.getAttribute("aria-expanded")).resolves.toBe("false");
    await rounding.click();
    await expect(page.getByText("四舍五入差异").nth(1).isVisible()).resolves.toBe(true);
    await screenshot(page, shot("validation-clean"));

    // 表三's 合计 typed over its formula: nothing on the sheet refers to it, so no host recalculates it away.
    await page.evaluate(() => (window as unknown as { __workbook: PageWorkbook }).__workbook.setCell("表三 支出总表", "C6", 165.06));
    await page.getByRole("button", { name: "重新校验" }).click();
    await summary.getByText(/错误 [1-9]/).waitFor();
    const section = page.getByRole("region", { name: "表三 支出总表" });
    const finding = section.getByRole("button", { name: /^C6 / }).first();
    const label = (await finding.textContent())!;
    await finding.click();
    await expect.poll(async () => (await workbook(page)).selection).toEqual({ sheet: "表三 支出总表", cell: label.split(" ")[0] });
    await screenshot(page, shot("validation-error"));
    await page.close();
  });

  it("adjusts the rounding after showing every cell it would change, then restores the exact values", async () => {
    const { page, summary } = await validateReference(host);
    await summary.getByText("提示 10").waitFor();
    await page.getByRole("button", { name: "调整尾差…" }).click();
    const dialog = page.getByRole("dialog");
    const list = dialog.getByRole("list", { name: "将要改动的单元格" });
    await list.getByText("表三 支出总表!D11：1.444 → 1.45", { exact: true }).waitFor();
    await expect(list.getByRole("listitem").count()).resolves.toBe(16);
    await screenshot(page, shot("rounding-confirm"));
    await dialog.getByRole("button", { name: "调整这些单元格" }).click();
    await page.getByText(/已调整 16 个单元格/).waitFor();
    await summary.getByText("提示 0").waitFor();
    await expect(summary.getByText("错误 0").isVisible()).resolves.toBe(true);
    await expect(summary.getByText("警告 0").isVisible()).resolves.toBe(true);
    expect(await cell(page, "表三 支出总表", "D11")).toBe(1.45);
    await page.getByRole("button", { name: "恢复精确值" }).click();
    await page.getByText("已恢复 16 个单元格的精确值。").waitFor();
    await summary.getByText("提示 10").waitFor();
    expect(await cell(page, "表三 支出总表", "D11")).toBe(1.444);
    await page.close();
  });

  it("generates the 情况说明 sheet from the tables and the facts", async () => {
    const page = await openPane(host, "reference");
    await page.getByRole("tab", { name: "说明" }).click();
    await page.getByLabel("上年预算收支总计（万元）").fill("140.30");
    await page.getByLabel("上年一般公共预算当年支出（万元）").fill("140.30");
    await page.getByLabel("收入变动的主要原因").fill("在职人员工资正常增长");
    await page.getByLabel("支出变动的主要原因").fill("在职人员工资支出正常增长");
    // The preview shows the text as the sheet prints it: every heading and paragraph on lines of its own.
    await page.getByRole("button", { name: "生成预览" }).click();
    const preview = page.getByRole("region", { name: "生成预览" });
    await preview.getByText("一、单位预算收支数据变动情况及原因").waitFor();
    const boxes = await preview.locator("p").evaluateAll((ps) => ps.map((p) => ({ top: p.getBoundingClientRect().top, bottom: p.getBoundingClientRect().bottom, display: getComputedStyle(p).display })));
    expect(boxes.length).toBeGreaterThan(10);
    expect(new Set(boxes.map((b) => b.display))).toEqual(new Set(["block"]));
    for (let i = 1; i < boxes.length; i++) expect(boxes[i].top).toBeGreaterThanOrEqual(boxes[i - 1].bottom);
    await page.getByRole("button", { name: "写入“情况说明”工作表" }).click();
    await page.getByText("已写入工作表“情况说明”。").waitFor();
    await screenshot(page, shot("narrative"));
    const lines = (await inWorkbook(page, (w) => w.sheetValues("情况说明"))).map(String);
    expect(lines).toContain("　　2024年度忻州市社会保障卡服务中心支出预算164.06万元，其中：基本支出64.06万元，占39.05%；项目支出100万元，占60.95%。");
    expect(lines.some((l) => l.includes("比上年增长23.76万元，增长16.94%，主要原因是在职人员工资正常增长"))).toBe(true);

    // Writing again asks before replacing the generated sheet.
    await page.getByRole("button", { name: "写入“情况说明”工作表" }).click();
    await page.getByRole("dialog").getByText(/已有生成的“情况说明”工作表。替换吗？/).waitFor();
    await page.getByRole("button", { name: "确定" }).click();
    await page.getByText("已写入工作表“情况说明”。").waitFor();
    expect((await workbook(page)).sheets.filter((s) => s.startsWith("情况说明"))).toEqual(["情况说明"]);
    await page.close();
  });

  it("recognises a workbook typed without our names, lets the accountant correct the mapping, then attaches names without changing a cell", async () => {
    const page = await openPane(host);
    const sheets = plainSheets(loadExample()).map((s) => ({ name: s.name.replace(/^表\S+ /, "") + "（手工录入）", rows: s.rows, merges: s.merges }));
    const cover = { name: "封面", rows: [["忻州市社会保障卡服务中心"], ["2024年单位预算公开"]], merges: [] };
    await page.evaluate((list) => (window as unknown as { __loadPlainSheets(l: unknown): void }).__loadPlainSheets(list), [cover, ...sheets]);
    const before = await inWorkbook(page, (w) => w.snapshot());
    await page.getByRole("tab", { name: "校验" }).click();
    await page.getByRole("button", { name: "开始校验" }).click();
    const panel = page.getByRole("region", { name: "识别结果" });
    await panel.waitFor();
    // Closed: the count and the confirmation on one line, no dropdown.
    await panel.getByText(/已识别 13 张表/).waitFor();
    await expect(panel.getByRole("combobox").count()).resolves.toBe(0);
    await screenshot(page, shot("recognition-closed"));
    await panel.getByRole("button", { name: "更正…" }).click();
    // One dropdown per table, the sheet without one named on a line (and offered to be made a table).
    await expect(panel.getByRole("combobox").count()).resolves.toBe(14);
    await panel.getByText("其他工作表（不是公开表格）：封面").waitFor();
    const t3Sheet = sheets[2].name;
    await expect(panel.getByLabel(t3Sheet).inputValue()).resolves.toBe("T3");
    await screenshot(page, shot("recognition"));

    // The accountant says 表三's sheet is not a disclosure table: recognised again, 表三 is reported missing.
    await panel.getByLabel(t3Sheet).selectOption("");
    await panel.getByRole("button", { name: "按所选重新识别" }).click();
    await page.getByRole("region", { name: "识别结果" }).waitFor();
    await page.getByText(/工作簿中找不到表三/).waitFor();
    // Back to 表三, recognised again, then confirmed.
    await page.getByRole("region", { name: "识别结果" }).getByLabel(t3Sheet).selectOption("T3");
    await page.getByRole("region", { name: "识别结果" }).getByRole("button", { name: "按所选重新识别" }).click();
    await page.getByRole("region", { name: "识别结果" }).getByRole("button", { name: "确认并添加名称" }).click();
    await page.getByText(/已为 13 张表添加 \d+ 个名称/).waitFor();
    // Now read through the names: no recognition panel, the reference's own findings, and not one cell changed.
    await expect(page.getByRole("region", { name: "识别结果" }).count()).resolves.toBe(0);
    const summary = page.getByRole("status", { name: "校验结果统计" });
    await summary.getByText("错误 0").waitFor();
    await expect(summary.getByText("提示 10").isVisible()).resolves.toBe(true);
    const after = await inWorkbook(page, (w) => w.snapshot());
    expect(after).toBe(before);
    const names = await inWorkbook(page, (w) => w.nameList());
    expect(names).toEqual(expect.arrayContaining(["YS_T3_BODY", "YS_T3_COL_total", "YS_PACK_shanxi_unit_13_V1_T3"]));
    await page.close();
  });

  it("never says 没有错误 over a wrong hand-typed narrative: before and after confirming the recognition, in either order with writing 说明", async () => {
    for (const order of ["confirm first", "说明 first"] as const) {
      const page = await openPane(host);
      const tables = plainSheets(loadExample()).map((s) => ({ name: s.name, rows: s.rows, merges: s.merges }));
      // Her own 情况说明, typed on a sheet of its own, with 基本支出 written 4 万元 short.
      const narrative = { name: "情况说明（手录）", rows: referenceNarrative().map((l) => [l.replace("基本支出64.06万元", "基本支出60.06万元")]), merges: [] };
      await page.evaluate((list) => (window as unknown as { __loadPlainSheets(l: unknown): void }).__loadPlainSheets(list), [...tables, narrative]);
      const summary = page.getByRole("status", { name: "校验结果统计" });
      const narrativeError = page.getByRole("region", { name: "情况说明（手录）" }).getByRole("button", { name: /基本支出60\.06万元/ }).first();
      if (order === "说明 first") {
        // 单位信息 comes filled in from what the sheets print: she checks it and saves.
        await page.getByRole("tab", { name: "单位信息" }).click();
        await page.getByText(/已按工作簿中表格印出的内容填入/).waitFor();
        await expect(page.getByLabel("单位名称").inputValue()).resolves.toBe("忻州市社会保障卡服务中心");
        await expect(page.getByLabel("年度").inputValue()).resolves.toBe("2024");
        await page.getByRole("button", { name: "保存" }).click();
        await page.getByText("单位信息已保存在工作簿中。").waitFor();
        await page.getByRole("tab", { name: "说明" }).click();
        await page.getByRole("button", { name: "写入“情况说明”工作表" }).click();
        await page.getByText(/已写入工作表/).waitFor();
      }
      await page.getByRole("tab", { name: "校验" }).click();
      await page.getByRole("button", { name: "开始校验" }).click();
      const panel = page.getByRole("region", { name: "识别结果" });
      await panel.waitFor();
      await summary.getByText(/错误 [1-9]/).waitFor();
      await screenshot(page, shot(`narrative-before-confirm-${order === "说明 first" ? "b" : "a"}`));
      await narrativeError.waitFor();
      await panel.getByRole("button", { name: "确认并添加名称" }).click();
      await page.getByText(/已为 13 张表添加 \d+ 个名称/).waitFor();
      await expect(page.getByRole("region", { name: "识别结果" }).count()).resolves.toBe(0);
      await summary.getByText(/错误 [1-9]/).waitFor();
      await screenshot(page, shot(`narrative-after-confirm-${order === "说明 first" ? "b" : "a"}`));
      await narrativeError.waitFor();
      await expect(page.getByText("没有错误。").count()).resolves.toBe(0);
      await page.close();
    }
  });

  it("定稿 shows what validation still finds, and asks a second time while errors remain", async () => {
    const page = await openPane(host, "reference");
    await page.getByRole("tab", { name: "说明" }).click();
    await page.getByRole("button", { name: "定稿" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("校验结果：没有错误和警告。").waitFor();
    await dialog.getByRole("button", { name: "确定" }).click();
    await page.getByText(/已定稿/).waitFor();
    // Each table is then set to print as published.
    await page.getByText(/已为 13 张表设置打印：A4 纸，缩放到一页宽，每页重复表头/).waitFor();

    await page.evaluate(() => (window as unknown as { __workbook: PageWorkbook }).__workbook.setCell("表三 支出总表", "C6", 165.06));
    await page.getByRole("button", { name: "定稿" }).click();
    await dialog.getByText(/校验结果：错误 [1-9]\d*，警告 \d+。/).waitFor();
    await dialog.getByRole("button", { name: "确定" }).click();
    await dialog.getByText(/还有 [1-9]\d* 个错误没有改正/).waitFor();
    await screenshot(page, shot("finalize-with-errors"));
    // Cancelled at the second question: nothing is finalized.
    await dialog.getByRole("button", { name: "取消" }).click();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await expect(page.getByText(/已定稿/).count()).resolves.toBe(0);
    await page.getByRole("button", { name: "定稿" }).click();
    await dialog.getByRole("button", { name: "确定" }).click();
    await dialog.getByRole("button", { name: "仍然定稿" }).click();
    await page.getByText(/已定稿/).waitFor();
    await page.close();
  });

  it("takes a hand-typed Shanghai workbook to 定稿 in a counted walkthrough, never saying 没有错误 over its wrong 编制说明", async () => {
    const page = await openPane(host);
    const { sheets, wrongItem } = handTypedShanghai();
    await page.evaluate((list) => (window as unknown as { __loadPlainSheets(l: unknown): void }).__loadPlainSheets(list), sheets);
    const sheetOrder = (await workbook(page)).sheets;
    const { count, click, type, pick } = counter();
    const summary = page.getByRole("status", { name: "校验结果统计" });
    const wrong = page.getByRole("region", { name: "单位编制说明" }).getByRole("button", { name: new RegExp(wrongItem.replace(".", "\\.")) }).first();

    await click(page.getByRole("tab", { name: "校验" }));
    await click(page.getByRole("button", { name: "开始校验" }));
    await summary.getByText(/错误 [1-9]/).waitFor();
    await wrong.waitFor();
    await click(page.getByRole("region", { name: "识别结果" }).getByRole("button", { name: "确认并添加名称" }));
    await page.getByText(/已为 9 张表添加 \d+ 个名称/).waitFor();
    await summary.getByText(/错误 [1-9]/).waitFor();
    await wrong.waitFor();

    // 单位信息 comes from what the sheets print: checked and saved.
    await click(page.getByRole("tab", { name: "单位信息" }));
    await page.getByText(/已按工作簿中表格印出的内容填入/).waitFor();
    await click(page.getByRole("button", { name: "保存" }));
    await page.getByText("单位信息已保存在工作簿中。").waitFor();

    // 说明: last year's figures imported from last year's disclosure; her reasons, her 绩效目标 projects and one
    // item's 预算执行数 (from the 决算) typed; 主要用于 prefilled. The text replaces her typed sheet in its place.
    await click(page.getByRole("tab", { name: "说明" }));
    await pick(page.getByRole("button", { name: "从上年公开文件导入…" }), page.getByLabel("从上年公开文件导入…", { exact: true }).and(page.locator("input")), lastYearShanghai());
    await page.getByText(/已从“2025年单位预算公开\.xlsx”读取2025年的数字，填入 3 项上年数/).waitFor();
    expect(await page.getByLabel("上年财政拨款收入（支出）预算（万元）").inputValue()).not.toBe("");
    await type(page.getByLabel("财政拨款增减的主要原因"), "在职人员调整", true);
    await type(page.getByLabel("“三公”经费变动的主要原因"), "公务接待任务增加", true);
    await click(page.getByRole("button", { name: "绩效管理" }));
    await type(page.getByLabel("编报绩效目标的项目个数"), "2", true);
    await type(page.getByLabel("涉及项目预算资金（万元）"), "10", true);
    const items = page.getByRole("list", { name: /财政拨款支出主要内容/ });
    const firstItem = items.getByRole("listitem").first();
    expect(await firstItem.getByLabel(/主要用于$/).inputValue()).not.toBe("");
    await type(firstItem.getByLabel(/年预算执行数（万元）$/), "100", true);
    await firstItem.getByText(/^比执行数 (增加|减少) \d+\.\d\d%$/).waitFor();
    await type(firstItem.getByLabel(/主要原因$/), "教师编制调整", true);
    await click(page.getByRole("button", { name: "写入“单位编制说明”工作表" }));
    const dialog = page.getByRole("dialog");
    await dialog.getByText(/模板自带或手工录入的说明/).waitFor();
    await click(dialog.getByRole("button", { name: "确定" }));
    await page.getByText("已写入工作表“单位编制说明”、“其他相关情况说明”、“名词解释”。").waitFor();
    expect((await workbook(page)).sheets.filter((s) => !s.startsWith("YS_"))).toEqual(sheetOrder);

    // 定稿: validated first; a second question only while errors remain.
    await click(page.getByRole("button", { name: "定稿" }));
    await dialog.getByText(/校验结果：/).waitFor();
    const atFinalize = (await dialog.getByText(/校验结果：/).textContent()) ?? "";
    const errorsLeft = await dialog.getByText(/错误 [1-9]/).count();
    await click(dialog.getByRole("button", { name: "确定" }));
    // Her tables tie and the text is now the generated one with her figures and reasons: nothing is left open.
    expect(errorsLeft, atFinalize).toBe(0);
    if (errorsLeft > 0) await click(dialog.getByRole("button", { name: "仍然定稿" }));
    await page.getByText(/已定稿/).waitFor();
    await page.getByText(/已为 9 张表设置打印/).waitFor();

    const interactions = count.clicks + count.typed;
    console.log(`walkthrough (${host}): ${count.clicks} clicks + ${count.typed} fields typed = ${interactions} interactions (goal ≤ ${WALKTHROUGH_GOAL}), plus ${count.herOwn} of her own (reasons, figures only she has); at 定稿 ${atFinalize}`);
    mkdirSync("test-output", { recursive: true });
    writeFileSync(`test-output/walkthrough-${host}.json`, JSON.stringify({ ...count, interactions, goal: WALKTHROUGH_GOAL, atFinalize }));
    expect(interactions).toBeLessThanOrEqual(WALKTHROUGH_GOAL);
    await page.close();
  });

  it("asks the Shanghai facts and writes the 单位编制说明 for a Shanghai workbook", async () => {
    const page = await openPane(host, "shanghai");
    await page.getByRole("tab", { name: "说明" }).click();
    await page.getByLabel("上年财政拨款收入（支出）预算（万元）").fill("1800");
    await page.getByLabel("财政拨款增减的主要原因").fill("在职人员工资正常增长");
    await page.getByRole("button", { name: "生成预览" }).click();
    const preview = page.getByRole("region", { name: "生成预览" });
    await preview.getByText("2026年单位预算编制说明").waitFor();
    await preview.getByText(/财政拨款收入[\d.]+万元，比2025年预算增加[\d.]+万元/).waitFor();
    // The pack's own words: its sheet and its parts, not Shanxi's 情况说明.
    await page.getByText("根据表格和下列资料生成“单位预算编制说明”和“其他相关情况说明”（金额单位：万元）。").waitFor();
    await expect(page.getByRole("button", { name: "写入“情况说明”工作表" }).count()).resolves.toBe(0);
    // The items as the tables hold them, 主要用于 prefilled, in the preview; and the view passes axe with the items open.
    const items = page.getByRole("list", { name: /财政拨款支出主要内容/ }).getByRole("listitem");
    expect(await items.count()).toBeGreaterThan(1);
    await preview.getByText(/^1\. “.+（项）”[\d.]+万元，主要用于.+。$/).first().waitFor();
    expect(await preview.getByText(/^\d+\. “.*待填写/).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    // Fields the Shanghai text does not use are not asked.
    for (const label of ["机关运行经费变动的主要原因", "办公用房建筑面积（平方米）", "政府购买服务指导性目录"]) expect(await page.getByLabel(label).count(), label).toBe(0);
    await screenshot(page, shot("narrative-shanghai-items"));
    await page.getByRole("button", { name: "写入“单位编制说明”工作表" }).click();
    await page.getByText("已写入工作表“单位编制说明”、“其他相关情况说明”、“名词解释”。").waitFor();
    await page.close();
  });

  it("checks a narrative pasted or picked as a Word file (read in the browser), and keeps a loaded subject list", async () => {
    const page = await openPane(host, "reference");
    await page.getByRole("tab", { name: "校验" }).click();
    await page.getByRole("button", { name: "说明文本和科目表（可选）" }).click();
    await page.getByLabel("粘贴说明文本").fill("2024年度忻州市社会保障卡服务中心支出预算164.06万元，其中：基本支出46.06万元，占39.05%；项目支出100万元，占60.95%。");
    await page.getByRole("button", { name: "开始校验" }).click();
    await page.getByRole("button", { name: /第1段 说明中“基本支出46.06万元”与表中/ }).waitFor();

    // A Word file, chosen from disk and read here: its paragraphs replace the pasted text.
    const { Document, Packer, Paragraph } = await import("docx");
    const word = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("一、支出预算情况说明"), new Paragraph("2024年度忻州市社会保障卡服务中心支出预算164.06万元，其中：基本支出64.06万元，占39.05%；项目支出100万元，占60.95%。"), new Paragraph("机关运行经费预算9.99万元。")] }] }));
    await page.getByLabel("选择 Word 或文本文件").setInputFiles({ name: "情况说明.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: word });
    await expect.poll(() => page.getByLabel("粘贴说明文本").inputValue()).toContain("机关运行经费预算9.99万元");
    await page.getByRole("button", { name: "重新校验" }).click();
    await page.getByRole("button", { name: /第3段 说明中“机关运行经费预算9.99万元”/ }).waitFor();
    await expect(page.getByRole("button", { name: /基本支出46.06/ }).count()).resolves.toBe(0);

    // A complete subject list is kept with the workbook.
    await page.getByLabel("加载本年度完整科目表（.csv）").setInputFiles({ name: "2024科目表.csv", mimeType: "text/csv", buffer: Buffer.from("kind,code,name\nfunc,201,一般公共服务支出\nfunc,208,社会保障和就业支出\n") });
    await page.getByText("已加载科目表“2024科目表.csv”").waitFor();
    const settings = await inWorkbook(page, (w) => w.savedSubjects());
    expect(String(settings)).toContain("func,208");
    await page.close();
  });

  it("检查 PDF…: the published PDF validated as the command line validates it, found the same as the workbook, then a figure changed after printing is listed and clicked to its cell", async () => {
    const pdf = await shanghaiExamplePdf();
    const page = await openPane(host, "shanghai");
    await page.getByRole("tab", { name: "校验" }).click();
    await page.getByLabel("检查 PDF…").setInputFiles(pdf);
    await expectPdfCounts(page, pdf);
    await page.getByText("PDF 与本工作簿一致").waitFor();

    // A figure typed over in the workbook after the PDF was printed: 单位支出总表's first 项, 2,361,000 元 in the PDF.
    await page.evaluate(() => (window as unknown as { __workbook: PageWorkbook }).__workbook.setCell("单位支出总表", "F9", 2361500));
    await page.getByLabel("检查 PDF…").setInputFiles(pdf);
    const differences = page.getByRole("list", { name: "与本工作簿核对" });
    const changed = differences.getByRole("button", { name: /⇄ 单位支出总表 F9\]/ });
    await changed.waitFor({ timeout: 60_000 });
    const text = (await changed.textContent())!;
    expect(text).toMatch(/^\[第\d+页 ⇄ 单位支出总表 F9\]/);
    expect(text).toContain("2,361,000");
    await changed.click();
    await expect.poll(async () => (await workbook(page)).selection).toEqual({ sheet: "单位支出总表", cell: "F9" });
    await screenshot(page, shot("pdf-check"));
    await page.close();
  }, 180_000);

  it("检查 PDF… on a real published PDF: the command line's findings, each on its page; a file that is not a PDF is refused in one line", async () => {
    const page = await openPane(host);
    await page.getByRole("tab", { name: "校验" }).click();
    await page.getByLabel("检查 PDF…").setInputFiles(REAL_PDF);
    await expectPdfCounts(page, REAL_PDF);
    const findings = page.getByRole("status", { name: "PDF 校验结果统计" }).locator("xpath=following-sibling::ul[1]/li");
    expect(await findings.count()).toBeGreaterThan(0);
    for (const text of await findings.allTextContents()) expect(text).toMatch(/第\d+页/);
    await page.getByText("本工作簿中没有找到预算公开表格，未与 PDF 核对。").waitFor();

    await page.getByLabel("检查 PDF…").setInputFiles({ name: "说明.pdf", mimeType: "application/pdf", buffer: Buffer.from("这不是 PDF 文件") });
    await expect(page.getByRole("alert").textContent()).resolves.toBe("“说明.pdf”：不是 PDF 文件。");
    await page.close();
  }, 180_000);

  it("imports a template pack file: a broken one is refused with its JSON path; a good one is kept with the workbook and its tables inserted", async () => {
    const page = await openPane(host);
    await page.getByRole("tab", { name: "单位信息" }).click();
    await page.getByLabel("单位名称").fill("江苏省示例厅");
    await page.getByLabel("年度").fill("2019");
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByText("单位信息已保存在工作簿中。").waitFor();
    await page.getByRole("tab", { name: "模板" }).click();
    // A district's own copy of a set, under an id of its own.
    const pack = JSON.parse(readFileSync("packs/jiangsu-dept-12.json", "utf8"));
    pack.id = "district-dept-12";
    pack.name = "某市 部门预算公开（12张表）";
    const broken = structuredClone(pack);
    broken.ties[0].left.row = "incomeTotl";
    await page.getByLabel("导入模板包…").setInputFiles({ name: "坏的.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(broken)) });
    await page.getByText("“坏的.json”不能作为模板包使用（1 处问题）：").waitFor();
    await page.getByText("$.ties[0].left.row：表 T1 的“income”一侧没有行 incomeTotl。").waitFor();
    expect(await inWorkbook(page, (w) => w.savedPack())).toBeNull();

    await page.getByLabel("导入模板包…").setInputFiles({ name: "某市.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(pack)) });
    await page.getByText("已导入模板包“某市 部门预算公开（12张表）”（12 张表），并保存在工作簿中。").waitFor();
    await expect(page.getByRole("combobox", { name: "模板包" }).inputValue()).resolves.toBe("district-dept-12");
    expect(JSON.parse(String(await inWorkbook(page, (w) => w.savedPack()))).id).toBe("district-dept-12");
    await page.getByRole("button", { name: "插入", exact: true }).click();
    await page.getByText("已插入 12 张表。").waitFor();
    expect(await cell(page, "收支预算总表", "A2")).toBe("收支预算总表");
    await page.close();
  });

  it("can be used with the keyboard only, with visible focus", async () => {
    const page = await openPane(host);
    await page.keyboard.press("Tab"); // the tab list
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await page.getByLabel("单位名称").waitFor();
    // The tab the arrows and Enter chose is the one now selected.
    await expect(page.locator('[role="tab"][aria-selected="true"]').textContent()).resolves.toBe("单位信息");
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.getAttribute("type") === "text" || document.activeElement?.tagName === "INPUT")).resolves.toBe(true);
    await page.keyboard.type("键盘单位");
    for (let i = 0; i < 12; i++) {
      const isSave = await page.evaluate(() => document.activeElement?.textContent === "保存");
      if (isSave) break;
      await page.keyboard.press("Tab");
    }
    const focus = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { text: el.textContent, visible: el.matches("[data-fui-focus-visible]") || !!el.closest("[data-fui-focus-visible]") || getComputedStyle(el).outlineStyle !== "none" };
    });
    expect(focus.text).toBe("保存");
    expect(focus.visible).toBe(true);
    await page.keyboard.press("Enter");
    await page.getByText("单位信息已保存在工作簿中。").waitFor();
    await page.close();
  });

  it("has no serious accessibility violation in any view (axe-core)", async () => {
    const page = await openPane(host, "reference");
    const results: Record<string, string[]> = {};
    for (const tab of ["模板", "单位信息", "说明", "校验"]) {
      await page.getByRole("tab", { name: tab }).click();
      if (tab === "校验") {
        await page.getByRole("button", { name: "开始校验" }).click();
        await page.getByRole("status", { name: "校验结果统计" }).waitFor();
      }
      await page.waitForTimeout(200);
      results[tab] = await seriousViolations(page);
    }
    expect(results).toEqual({ 模板: [], 单位信息: [], 说明: [], 校验: [] });
    await page.close();
  });
});

describe("the WPS pane's own actions: 自检 and 隐藏", () => {
  type PageEt = { et: { panes: { Visible: boolean }[]; opened: unknown[] } };
  const etOf = <T>(page: Page, read: (w: PageEt) => T) => page.evaluate(`(${read.toString()})(window.__workbook)`) as Promise<T>;

  it("runs 自检 from the pane and from the ribbon: one line per check, copied for IT, the workbook untouched", async () => {
    const page = await openPane("wps", "reference");
    const before = await inWorkbook(page, (w) => w.snapshot() + w.nameList().join());
    // What 复制结果 puts on the clipboard.
    await page.evaluate(() => {
      Object.defineProperty(navigator, "clipboard", { value: { writeText: async (text: string) => void ((window as unknown as { __copied: string }).__copied = text) }, configurable: true });
    });
    await page.getByRole("button", { name: "自检" }).click();
    await page.getByText("全部 16 项通过。").waitFor();
    const lines = await page.getByRole("list", { name: "自检" }).getByRole("listitem").allTextContents();
    expect(lines).toHaveLength(16);
    expect(lines.every((l) => l.startsWith("✓ "))).toBe(true);
    expect(lines[0]).toBe("✓ 宿主对象：工作簿对象在 Application，加载项对象（PluginStorage、任务窗格）在 wps");
    expect(lines).toContain("✓ 自定义函数注册：已注册 2 个（YS.BUDGETROLLUP、YS.SHAREPCT）");
    await page.getByRole("button", { name: "复制结果" }).click();
    await page.getByText("已复制到剪贴板。").waitFor();
    const copied = String(await page.evaluate(() => (window as unknown as { __copied: string }).__copied));
    expect(copied.split("\n")).toEqual(["预算公开助手 WPS 表格自检：全部 16 项通过", ...lines]);
    await screenshot(page, "self-test-wps");
    // 自检 on the ribbon (main.js's callback) opens the view and runs it again.
    await page.getByRole("tab", { name: "模板" }).click();
    await page.evaluate(() => (window as unknown as { OnAction(c: { Id: string }): boolean }).OnAction({ Id: "ysSelfTest" }));
    await page.getByText("全部 16 项通过。").waitFor();
    expect(await inWorkbook(page, (w) => w.snapshot() + w.nameList().join())).toBe(before);
    expect(await etOf(page, (w) => w.et.opened.length)).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it("hides the docked pane with 隐藏 (the ribbon ignores clicks while it is open)", async () => {
    const page = await openPane("wps");
    // Opened from the ribbon, as in WPS: the pane's id is kept in PluginStorage.
    await page.evaluate(() => (window as unknown as { OnAction(c: { Id: string }): boolean }).OnAction({ Id: "ysTaskpane" }));
    expect(await etOf(page, (w) => w.et.panes.map((p) => p.Visible))).toEqual([true]);
    await page.getByRole("button", { name: "隐藏" }).click();
    expect(await etOf(page, (w) => w.et.panes.map((p) => p.Visible))).toEqual([false]);
    await page.close();
  });

  it("shows neither button in Excel", async () => {
    const page = await openPane("excel");
    expect(await page.getByRole("button", { name: "自检" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "隐藏" }).count()).toBe(0);
    await page.close();
  });
});

describe("the built WPS task pane page (dist-wps), under its own CSP", () => {
  /** The least of WPS's object model the pane needs to open: an empty workbook and the add-in's storage. */
  const WPS_STUB = `window.Application = {
    ActiveWorkbook: { Worksheets: { Count: 0, Item() { throw new Error("下标越界"); }, Add() { throw new Error("not in this stub"); } }, Names: { Count: 0, Item() {}, Add() {} } },
    ActiveWindow: {}, Selection: null, ScreenUpdating: true, DisplayAlerts: true,
    PluginStorage: { getItem() { return null; }, setItem() {} },
  };`;

  // A browser of its own that keeps the page's CSP (the suite's context bypasses it for axe).
  let strict: Browser;
  beforeAll(async () => {
    strict = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  }, 60_000);
  afterAll(async () => strict?.close());

  async function openWpsPage(stub: boolean): Promise<{ page: Page; problems: string[] }> {
    const page = await (await strict.newContext({ viewport: { width: 360, height: 900 }, locale: "zh-CN" })).newPage();
    const problems: string[] = [];
    // A CSP refusal is reported on the console as an error: any error fails the test.
    page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
    page.on("pageerror", (e) => problems.push(e.message));
    await page.route("**/*", (route) => (new URL(route.request().url()).hostname === "127.0.0.1" ? route.continue() : (problems.push(`outside: ${route.request().url()}`), route.abort())));
    if (stub) await page.addInitScript(WPS_STUB);
    await page.goto(`${origin}/wps-addin/taskpane.html`);
    return { page, problems };
  }

  it("opens the pane in WPS (its Application on the page), with no script error", async () => {
    const { page, problems } = await openWpsPage(true);
    await page.getByRole("tab", { name: "模板" }).waitFor();
    await page.getByRole("tab", { name: "单位信息" }).click();
    await page.getByLabel("单位名称").waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });

  it("checks a PDF in the built page: pdf.js a script of its own, its worker's code run in the page, under the page's CSP", async () => {
    const { page, problems } = await openWpsPage(true);
    await page.getByRole("tab", { name: "校验" }).click();
    await page.getByLabel("检查 PDF…").setInputFiles(REAL_PDF);
    await expectPdfCounts(page, REAL_PDF);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it.each(["delete Object.fromEntries;", "delete String.prototype.matchAll;"])("shows a Chinese message, not a blank pane, in an engine that lacks a feature (%s)", async (prelude) => {
    const page = await (await strict.newContext({ viewport: { width: 360, height: 900 }, locale: "zh-CN" })).newPage();
    await page.addInitScript(prelude);
    await page.addInitScript(WPS_STUB);
    await page.goto(`${origin}/wps-addin/taskpane.html`);
    await page.getByRole("alert").getByText(/^预算公开助手不能在这个 WPS 版本的浏览器内核中运行：缺少 .+。请升级 WPS Office/).waitFor({ timeout: 10_000 });
    expect(await page.getByRole("tab").count()).toBe(0);
    await page.close();
  });

  it("says in Chinese where to open it when the page is opened outside WPS", async () => {
    const { page, problems } = await openWpsPage(false);
    await page.getByRole("alert").getByText("请在 WPS 表格中点击“预算公开”选项卡打开本任务窗格").waitFor({ timeout: 10_000 });
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe("task pane network use, over every page both hosts opened", () => {
  it("made no request outside this machine (Office.js's own host frames are told apart and blocked)", () => {
    expect(network.outside, network.outside.join("\n")).toEqual([]);
    // Office.js's telemetry frame, when it opens, is aborted too: nothing reached the outside.
    for (const url of network.officeHostFrames) expect(new URL(url).hostname).toMatch(/oaspapps\.com$|microsoft\.com$|officeapps\.live\.com$/);
  });

  it("sent no workbook content in any request, local or not", () => {
    // The unit's name and figures the pane read from the workbook (表一 收入总计 164.06, 表三 20801 147.88).
    const carrying = requestsCarrying(network.all, ["忻州市社会保障卡服务中心", "164.06", "147.88", "社会保障和就业支出"]);
    expect(carrying).toEqual([]);
    expect(network.all.filter((r) => r.postData !== null).map((r) => r.url)).toEqual([]);
  });

  it("would notice a request that our page itself sends outside", async () => {
    const page = await openPane("excel");
    const before = network.outside.length;
    await page.evaluate(async () => {
      await fetch("https://example.invalid/collect?unit=x").catch(() => undefined);
      const image = new Image();
      image.src = "https://telemetryservice.firstpartyapps.oaspapps.com/pixel.gif";
      await new Promise((resolve) => { image.onerror = resolve; image.onload = resolve; });
    });
    // Both count as ours: a fetch, and an image from an Office host (not a frame office.js opened).
    expect(network.outside.slice(before).sort()).toEqual(["https://example.invalid/collect?unit=x", "https://telemetryservice.firstpartyapps.oaspapps.com/pixel.gif"]);
    network.outside.splice(before);
    await page.close();
  });
});
