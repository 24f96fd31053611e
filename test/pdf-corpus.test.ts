/**
 * The published Shanghai PDFs of ../shared/real-disclosures, read and validated as a reviewer would.
 * Every expectation below was verified by reading the page (pdftotext -layout and pdftoppm): the
 * findings are the documents' real defects, and nothing else is reported at error or warning level.
 * - 上海市财政局 2025: 表六 (p.15) and 表七 (p.16) are empty and carry no note.
 * - 普陀区财政局 2025: items 7–11 of 财政拨款支出主要内容 are printed twice (p.7 and again p.8); item 7
 *   says 887.36万元 for 873,617.00元; items 5, 9, 10, 11 cut the 元 figure instead of rounding it
 *   (877,080 → 87.70, 782,164 → 78.21, 2,049,197 → 204.91, 2,687,760 → 268.77); 表七's note (p.18) speaks of
 *   政府性基金 under the 国有资本经营 table.
 * - 万里街道 2023: items 2 and 17 give a percentage growth from an execution figure of 0 (p.6, p.8); item 3
 *   says 314.82% for 11.67 → 45.41 (289.12%, p.6); item 16 (220.63万元) says “2023年预算安排441.25万元”,
 *   pasted from item 15 (p.7); the 政府性基金 sentence says 0万元 “比2022年预算增加1421.25万元” (p.6).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateFile } from "../src/cli/validate-files";
import { runCli } from "./support/run-cli";

const CORPUS = join(__dirname, "..", "..", "shared", "real-disclosures", "shanghai");
const JIANGSU = join(CORPUS, "..", "jiangsu");

function requireCorpus(): void {
  if (!existsSync(CORPUS)) throw new Error(`真实公开文件不在 ${CORPUS}：这些测试需要 ../shared/real-disclosures（CI 在检出目录旁放置 shared/）。`);
}

const summary = (findings: { severity: string; ruleId: string; page?: number; message: string }[]) => findings.filter((f) => f.severity !== "info").map((f) => `${f.severity} ${f.ruleId} p${f.page ?? "?"} ${f.message}`);

describe("the real Shanghai PDFs", () => {
  it("上海市财政局 2025 (Excel): nine tables, the 市级 text taken as 市级, its two empty tables without a note", async () => {
    requireCorpus();
    const result = await validateFile(join(CORPUS, "shanghai-caizhengju-2025-unit.pdf"));
    expect(result.unreadable).toBeUndefined();
    expect(result.unitName).toBe("上海市财政局");
    expect(result.recognized).toHaveLength(9);
    const found = summary(result.report!.findings);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^error empty-note p15 表六没有数据/);
    expect(found[1]).toMatch(/^error empty-note p16 表七没有数据/);
  });

  it("普陀区财政局 2025 (WPS): the items pasted twice, the typo and the cut figures, and the wrong note under 表七", async () => {
    requireCorpus();
    const result = await validateFile(join(CORPUS, "putuo-caizhengju-2025-dept.pdf"));
    expect(result.recognized).toHaveLength(9);
    const found = summary(result.report!.findings);
    expect(found.filter((f) => f.includes("重复列出")).map((f) => f.split(" ").slice(0, 3).join(" "))).toEqual(Array.from({ length: 5 }, () => "error narrative-items p8"));
    const mismatches = found.filter((f) => f.includes("不符"));
    expect(mismatches.map((f) => /”([\d.]+)万元，与表中 (\d+) ([\d.]+)万元/.exec(f)!.slice(1).join(" "))).toEqual(["87.70 2080501 87.71", "887.36 2080506 87.36", "78.21 2101101 78.22", "204.91 2210201 204.92", "268.77 2210203 268.78"]);
    expect(mismatches.filter((f) => f.includes("截去尾数"))).toHaveLength(4);
    expect(found.filter((f) => f.startsWith("error empty-note p18 表七"))).toHaveLength(1);
    expect(found).toHaveLength(11);
  });

  it("万里街道 2023 (WPS): the execution comparisons that do not hold and the pasted increase", async () => {
    requireCorpus();
    const result = await validateFile(join(CORPUS, "putuo-wanli-jiedao-2023-dept.pdf"));
    expect(result.recognized).toHaveLength(9);
    const found = summary(result.report!.findings);
    expect(found.filter((f) => f.includes("执行数为0")).map((f) => f.split(" ")[2])).toEqual(["p6", "p8"]);
    expect(found.filter((f) => f.includes("314.82%") && f.includes("289.12%"))).toHaveLength(1);
    expect(found.filter((f) => f.includes("本项为220.63万元") && f.includes("441.25万元"))).toHaveLength(1);
    expect(found.filter((f) => f.startsWith("error narrative-impossible-increase p6") && f.includes("1421.25"))).toHaveLength(1);
    expect(found).toHaveLength(5);
  });
});

describe("the JSON report of a PDF", () => {
  it("carries each finding's page", async () => {
    requireCorpus();
    const report = JSON.parse((await runCli("validate", join(CORPUS, "shanghai-caizhengju-2025-unit.pdf"), "--format", "json")).out);
    const empty = report.files[0].findings.filter((f: { ruleId: string }) => f.ruleId === "empty-note");
    expect(empty.map((f: { page: number; sheet: string }) => [f.page, f.sheet])).toEqual([
      [15, "第15页"],
      [16, "第16页"],
    ]);
  });
});

describe("the real Jiangsu PDFs (a table set this version has no pack for)", () => {
  it("are not read as Shanghai's because one title matches: one line that names what was recognised and --pack", async () => {
    requireCorpus();
    for (const file of ["jiangsu-gaoyuan-2019.pdf", "jiangsu-zhengxie-2019-tables.pdf"]) {
      const result = await validateFile(join(JIANGSU, file));
      expect(result.report!.findings, file).toEqual([expect.objectContaining({ ruleId: "workbook-unreadable", message: expect.stringMatching(/只认出了“第\d+页”的表三，不足以确定是哪一套公开表格.*--pack/) })]);
    }
  });

  it("read tables and text published as two PDFs (--narrative 说明.pdf), the text by page", async () => {
    requireCorpus();
    const run = await runCli("validate", join(JIANGSU, "jiangsu-zhengxie-2019-tables.pdf"), "--narrative", join(JIANGSU, "jiangsu-zhengxie-2019-text.pdf"), "--pack", "shanghai-unit-9", "--format", "json");
    const report = JSON.parse(run.out);
    const narrative = report.files[0].findings.filter((f: { ruleId: string }) => f.ruleId.startsWith("narrative-"));
    expect(narrative.length).toBeGreaterThan(0);
    for (const f of narrative) expect(f.sheet).toMatch(/^jiangsu-zhengxie-2019-text\.pdf 第\d+页$/);
    for (const f of narrative) expect(f.cell).toMatch(/^第\d+段$/);
  });
});

describe("人员经费 and 公用经费 printed twice, on 上海市财政局's own figures", () => {
  it("tie between the 收支总表 and the economic table: they hold as published, and a 100,000 元 difference is an error", async () => {
    requireCorpus();
    const { readDataFile } = await import("../src/core/data-format");
    const { validate } = await import("../src/core/validation/engine");
    const { SHANGHAI_UNIT_9 } = await import("../src/core/packs/shanghai-unit-9");
    const run = await runCli("extract", join(CORPUS, "shanghai-caizhengju-2025-unit.pdf"));
    const read = readDataFile(JSON.parse(run.out));
    if (!read.ok) throw new Error("extract");
    const tie = (d: typeof read.disclosure) => validate({ pack: SHANGHAI_UNIT_9, unit: d.unit, tables: d.tables }).findings.filter((f) => f.ruleId.startsWith("tie:S1-S8-") && f.severity === "error");
    expect(tie(read.disclosure)).toEqual([]);
    const changed = structuredClone(read.disclosure);
    changed.tables.T8.rows.find((r) => r.id === "total")!.amounts.personnel! += 10_000_000;
    expect(tie(changed).map((f) => f.ruleId)).toEqual(["tie:S1-S8-personnel"]);
  });
});
