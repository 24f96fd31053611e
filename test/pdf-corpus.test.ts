/**
 * The published PDFs of ../shared/real-disclosures, read and validated as a reviewer would.
 * Every expectation below was verified by reading the page (pdftotext -layout and pdftoppm): the
 * findings are the documents' real defects, and nothing else is reported at error or warning level.
 * - 上海市财政局 2025: 表六 (p.15) and 表七 (p.16) are empty and carry no note; its 单位预算 (“上海市2025年市级单位预算”)
 *   says “2025年部门预算安排购置车辆0辆” and “部门预算安排购置单价…” (p.21), the 部门 template's words.
 * - 普陀区财政局 2025: items 7–11 of 财政拨款支出主要内容 are printed twice (p.7 and again p.8); item 7
 *   says 887.36万元 for 873,617.00元; items 5, 9, 10, 11 cut the 元 figure instead of rounding it
 *   (877,080 → 87.70, 782,164 → 78.21, 2,049,197 → 204.91, 2,687,760 → 268.77); 表七's note (p.18) speaks of
 *   政府性基金 under the 国有资本经营 table.
 * - 万里街道 2023: items 2 and 17 give a percentage growth from an execution figure of 0 (p.6, p.8); item 3
 *   says 314.82% for 11.67 → 45.41 (289.12%, p.6); item 16 (220.63万元) says “2023年预算安排441.25万元”,
 *   pasted from item 15 (p.7); the 政府性基金 sentence says 0万元 “比2022年预算增加1421.25万元” (p.6).
 * Jiangsu 2019 (江苏省 12 tables):
 * - 省政协办公厅: 表一 prints 207, 210 and 220 under their names before the 2019 renaming (the other three
 *   departments print the new ones); the 06 and 08 sections keep the template's “（按……填写）” hint (text p.14, p.15).
 * - 省委办公厅: 表十二's header prints “采购组织形” (the cell cuts the 式); 16.07% for 1297.83 on 8072.29 (16.0775%) is
 *   cut, not rounded, beyond anything the printed figures allow. Two more rates look cut (5.60% for 41.67 on 743.39,
 *   5.6054%, and for 16.67 on 297.36, 5.6060%), but the printed figures allow 5.6047% and 5.6041%: not reported.
 * - 省高级人民法院: 表十 is empty, with 合计 0 and the template's “为必填项” hint instead of a note (p.14); a 政府采购
 *   row of 430.00 has no item name (p.17); 表七's unit name wraps its last character onto the next line (p.12); the
 *   text lists 2040502 一般行政管理事务 (5804.83万元) as “一般行政事务管理（项）” (p.20).
 * - 省人民检察院: 表十 says 此表为空 inside the table; six growth rates do not hold: the total's 2214.39万元 (10.06%)
 *   against 10.09%, three 10.15% for 10.16%, 35.77% for 35.78%, and 项目支出's 13.22% copied from the line above (22.21%).
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
  it("上海市财政局 2025 (Excel): nine tables, the 市级 text taken as 市级, its two empty tables without a note, the 部门 template's words in a 单位预算", async () => {
    requireCorpus();
    const result = await validateFile(join(CORPUS, "shanghai-caizhengju-2025-unit.pdf"));
    expect(result.unreadable).toBeUndefined();
    expect(result.unitName).toBe("上海市财政局");
    expect(result.recognized).toHaveLength(9);
    const found = summary(result.report!.findings);
    expect(found).toHaveLength(3);
    expect(found.filter((f) => f.startsWith("error empty-note"))).toEqual([expect.stringMatching(/^error empty-note p15 表六没有数据/), expect.stringMatching(/^error empty-note p16 表七没有数据/)]);
    expect(found.filter((f) => f.startsWith("warning narrative-edition p21 "))).toEqual([expect.stringContaining("这是单位预算，说明中却写了“部门预算安排”")]);
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

/** The non-informational findings of a run of the command line, as "severity rule place message". */
async function jiangsuFindings(...args: string[]): Promise<string[]> {
  const run = await runCli("validate", ...args, "--format", "json");
  const report = JSON.parse(run.out);
  expect(report.files[0].recognized, args[0]).toHaveLength(12);
  return report.files[0].findings
    .filter((f: { severity: string }) => f.severity !== "info")
    .map((f: { severity: string; ruleId: string; page?: number; sheet: string; cell?: string; message: string }) => {
      // A place without spaces: the page, or the text PDF's page, and the paragraph where there is one.
      const page = f.page ? `p${f.page}` : f.sheet.replace(/^.* 第(\d+)页$/, "text-p$1");
      return `${f.severity} ${f.ruleId} ${page}${f.cell?.startsWith("第") ? `!${f.cell}` : ""} ${f.message}`;
    });
}

describe("the real Jiangsu PDFs (江苏省 省级部门 12 tables, a pack written as data)", () => {
  it("省政协办公厅 (Excel + Word, two PDFs): all 12 tables read; 类 under their pre-2019 names; the template's 填写 hint left in the text twice over", async () => {
    requireCorpus();
    const found = await jiangsuFindings(join(JIANGSU, "jiangsu-zhengxie-2019-tables.pdf"), "--narrative", join(JIANGSU, "jiangsu-zhengxie-2019-text.pdf"));
    expect(found.filter((f) => f.startsWith("warning subject-list p1 ")).map((f) => /科目 (\d+) 写作旧名称/.exec(f)?.[1])).toEqual(["207", "210", "220"]);
    const hints = found.filter((f) => f.startsWith("error narrative-placeholder"));
    expect(hints.map((f) => f.split(" ")[2])).toEqual(["text-p14!第5段", "text-p14!第6段", "text-p15!第5段", "text-p15!第6段"]);
    expect(hints.every((f) => f.includes("中实际发生经济分类支出事项填写）"))).toBe(true);
    expect(found).toHaveLength(7);
  });

  it("省委办公厅 (Acrobat, two PDFs): figures glued to the next label read apart; the header cut in print; a growth rate cut instead of rounded, two others within what the printed figures allow", async () => {
    requireCorpus();
    const found = await jiangsuFindings(join(JIANGSU, "jiangsu-shengweibangongting-2019-tables.pdf"), "--narrative", join(JIANGSU, "jiangsu-shengweibangongting-2019-text.pdf"));
    expect(found.filter((f) => f.startsWith("warning workbook-reading p12 ") && f.includes("“采购组织形”") && f.includes("印得不完整"))).toHaveLength(1);
    const growth = found.filter((f) => f.startsWith("error narrative-change"));
    expect(growth.map((f) => /增长([\d.]+)%”：按上年([\d.]+)万元.*应为([\d.]+)%（似为截去尾数/.exec(f)!.slice(1).join(" "))).toEqual(["16.07 8072.29 16.08"]);
    expect(found).toHaveLength(2);
  });

  it("省高级人民法院 (Word, one PDF): the empty 表十 without its note, a 政府采购 row without its name, an item of 财政拨款支出 under a transposed name, the unit's name wrapped", async () => {
    requireCorpus();
    const found = await jiangsuFindings(join(JIANGSU, "jiangsu-gaoyuan-2019.pdf"));
    expect(found).toEqual([
      expect.stringMatching(/^error narrative-items p20!第8段 说明中的“一般行政事务管理（项）”5804.83万元，在表中是 2040502 “一般行政管理事务”（金额相同，名称不同）/),
      expect.stringMatching(/^warning unit-name p12 表七的单位名称“江苏省高级人民法”印得不完整/),
      expect.stringMatching(/^error empty-note p14 表十没有数据，表下的说明“注：“科目编码”和“科目名称”为必填项”/),
      expect.stringMatching(/^error cell-unreadable p17 这一行（部门集中采购，430.00）有金额但没有名称/),
    ]);
  });

  it("省人民检察院 (Word, one PDF): 此表为空 inside the table is its note; six growth rates that do not hold; 公务用车购置费 left out of the 三公 text", async () => {
    requireCorpus();
    const found = await jiangsuFindings(join(JIANGSU, "jiangsu-jianchayuan-2019.pdf"));
    const growth = found.filter((f) => f.startsWith("error narrative-change"));
    expect(growth.map((f) => `${f.split(" ")[2]} ${/应为([\d.]+)%/.exec(f)![1]}`)).toEqual(["p25!第3段 10.09", "p25!第6段 10.16", "p26!第3段 22.21", "p27!第3段 10.16", "p27!第8段 35.78", "p29!第9段 10.16"]);
    // 项目支出 4335.3万元, 减少1237.7万元: the 13.22% is the line above's (基本支出).
    expect(growth[2]).toContain("“减少1237.7万元，减少13.22%”");
    expect(found.filter((f) => f.startsWith("warning workbook-reading p16 ") && f.includes("“功能科目代码”（B列）"))).toHaveLength(1);
    // p.30: “2．公务用车购置及运行费预算支出237万元。其中：公务用车运行维护费预算支出237万元……” — the 购置费 (0 in 表九) is never stated.
    expect(found.filter((f) => f.startsWith("warning narrative-section-items p30!第5段 ") && f.includes("没有写公务用车购置费（表中0.00万元）"))).toHaveLength(1);
    expect(found).toHaveLength(8);
  });

  it("are chosen as Jiangsu's without --pack; without a pack for their set, they are refused in one line that names --pack", async () => {
    requireCorpus();
    const result = await validateFile(join(JIANGSU, "jiangsu-zhengxie-2019-tables.pdf"));
    expect(result.unitName).toBe("江苏省政协办公厅");
    expect(result.tableNames?.T1).toBe("表一");
    // Without the Jiangsu pack (a set this version did not know), one matching title does not make them Shanghai's.
    const { loadInput } = await import("../src/cli/load-input");
    const { readWorkbookCells } = await import("../src/core/read-workbook");
    const { BUILT_IN_PACKS } = await import("../src/core/packs");
    const input = await loadInput(join(JIANGSU, "jiangsu-gaoyuan-2019.pdf"));
    const reading = readWorkbookCells(input.book, {}, { packs: BUILT_IN_PACKS.filter((p) => p.id !== "jiangsu-dept-12") });
    expect(reading.disclosure ?? null).toBeNull();
    expect(reading.problems.map((p) => p.message)).toEqual([expect.stringMatching(/不足以确定是哪一套公开表格.*--pack/)]);
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
