/**
 * budget-tables pack draft: a draft pack from one sample reads its own sample back whole, and, completed as
 * the README says (other wordings as aliases, rows and levels the sample did not have), recognises and reads
 * its province's other documents. The real-document cases need ../shared/real-disclosures.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadInput } from "../src/cli/load-input";
import { readDataFile } from "../src/core/data-format";
import { draftPack } from "../src/core/packs/draft";
import { checkPack } from "../src/core/packs/pack-file";
import type { TemplatePack } from "../src/core/packs/types";
import { readWorkbookCells } from "../src/core/read-workbook";
import { validate, validationInputOf } from "../src/core/validation/engine";
import type { WorkbookCells } from "../src/core/workbook-cells";
import { cellsOf, plainSheets } from "./support/foreign-workbooks";
import { runCli } from "./support/run-cli";

const CORPUS = join(__dirname, "..", "..", "shared", "real-disclosures");
function requireCorpus(): void {
  if (!existsSync(CORPUS)) throw new Error(`真实公开文件不在 ${CORPUS}：这些测试需要 ../shared/real-disclosures。`);
}

/** Tables recognised with only `pack`, and the errors that say the structure was not read (rows, columns). */
function readWith(pack: TemplatePack, book: WorkbookCells, year?: number) {
  const reading = readWorkbookCells(book, year ? { year } : {}, { packs: [pack] });
  const tables = reading.recognition?.placements.map((p) => p.tableId) ?? [];
  const report = reading.disclosure ? validate(validationInputOf(reading, reading.disclosure.unit, false)!) : null;
  const errors = (report?.findings ?? []).filter((f) => f.severity === "error").map((f) => `${f.ruleId} ${f.message}`);
  return { tables, errors, structural: errors.filter((e) => /^(cell-unreadable|table-column-missing|table-missing)/.test(e)) };
}

const checked = (pack: TemplatePack): TemplatePack => {
  const reading = checkPack(JSON.parse(JSON.stringify(pack)));
  if (!reading.ok) throw new Error(JSON.stringify(reading.issues));
  return reading.pack;
};
const tableTitled = (pack: TemplatePack, title: string) => pack.tables.find((t) => t.title.includes(title))!;

describe("a draft from our own Jiangsu example, printed as values only", () => {
  it("passes the pack checks and reads its sample back: every table, no error", () => {
    const read = readDataFile(JSON.parse(readFileSync("examples/jiangsu-example-2019.json", "utf8")));
    if (!read.ok) throw new Error("example");
    const book = cellsOf(plainSheets(read.disclosure));
    const { pack, undecided } = draftPack(book);
    const draft = checked(pack);
    expect(draft.tables).toHaveLength(12);
    expect(draft.ties!.length).toBeGreaterThan(10);
    expect(draft.ties!.every((t) => t.description.startsWith("样本中"))).toBe(true);
    expect(undecided.every((u) => typeof u === "string")).toBe(true);
    const back = readWith(draft, book, 2019);
    expect(back.tables).toHaveLength(12);
    expect(back.errors).toEqual([]);
  });
});

describe("drafts from real disclosures", () => {
  it("Jiangsu: drafted from 省政协办公厅's PDF, it reads that PDF whole; completed, it reads 省高级人民法院's and 省委办公厅's 12 tables", async () => {
    requireCorpus();
    const sample = await loadInput(join(CORPUS, "jiangsu", "jiangsu-zhengxie-2019-tables.pdf"));
    const draft = checked(draftPack(sample.book).pack);
    expect(readWith(draft, sample.book)).toMatchObject({ tables: draft.tables.map((t) => t.id), errors: [] });

    // Completing it, as a person would from the other departments' documents: other titles, a header worded
    // 基本支出, a level the sample never used alone (经济科目), rows the sample left out.
    const pack = structuredClone(draft) as any;
    pack.id = "jiangsu-test";
    tableTitled(pack, "政府性基金").titleAliases = ["政府性基金预算财政拨款支出预算表"];
    tableTitled(pack, "政府采购").titleAliases = ["政府采购支出预算表"];
    const t8 = tableTitled(pack, "一般公共预算基本支出预算表");
    t8.variants = [{ id: "basic", label: "金额栏印作“基本支出”", columns: t8.columns.map((c: { key: string }) => c.key), header: [["科目编码", "科目名称", "基本支出"]] }];
    const t12 = tableTitled(pack, "政府采购").sides[0].body as any;
    t12.levelColumns = ["name", "name2", "name3", "name4"];
    const t2 = tableTitled(pack, "收入预算总表").sides[0].body as any;
    const at = (label: string, group: string) => t2.rows.findIndex((r: { label: string; group?: string }) => r.label === label && r.group === group);
    t2.rows.splice(at("小计", "财政专户管理资金") + 1, 0, { id: "educationFees", label: "专户管理教育收费", group: "财政专户管理资金" }, { id: "otherNonTax", label: "其他非税收入", group: "财政专户管理资金" });
    t2.rows.splice(at("其他收入", "其他资金") + 1, 0, { id: "debt", label: "债务资金（银行贷款）", group: "其他资金" });
    const completed = checked(pack);
    for (const file of ["jiangsu-gaoyuan-2019.pdf", "jiangsu-shengweibangongting-2019-tables.pdf"]) {
      const other = readWith(completed, (await loadInput(join(CORPUS, "jiangsu", file))).book);
      expect(other.tables, file).toHaveLength(12);
      // What is left is what the document itself has: 高级人民法院's 政府采购 row without its name.
      expect(other.structural, file).toEqual(file.includes("gaoyuan") ? ["cell-unreadable 这一行（部门集中采购，430.00）有金额但没有名称。"] : []);
    }
  });

  it("Shanghai: drafted from 上海市财政局's unit PDF, it reads it whole; completed with the 部门 edition, it reads 普陀区's two department PDFs", async () => {
    requireCorpus();
    const sample = await loadInput(join(CORPUS, "shanghai", "shanghai-caizhengju-2025-unit.pdf"));
    const draft = checked(draftPack(sample.book).pack);
    expect(draft.tables).toHaveLength(9);
    expect(readWith(draft, sample.book)).toMatchObject({ tables: draft.tables.map((t) => t.id), errors: [] });

    const pack = structuredClone(draft) as any;
    pack.id = "shanghai-test";
    const t1 = tableTitled(pack, "财务收支预算总表");
    t1.variants = [{ id: "department", label: "部门版", columns: ["name", "amount", "name2", "total"], header: [["本年收入", "<", "本年支出", "<"], ["项目", "预算数", "项目", "预算数"]] }];
    pack.headerAliases = { 部门经济分类科目名称: ["经济分类科目名称"] };
    const completed = checked(pack);
    for (const file of ["putuo-caizhengju-2025-dept.pdf", "putuo-wanli-jiedao-2023-dept.pdf"]) {
      const other = readWith(completed, (await loadInput(join(CORPUS, "shanghai", file))).book);
      expect(other.tables, file).toHaveLength(9);
      expect(other.structural, file).toEqual([]);
    }
  });

  it("on the command line: writes the draft, says what is left to a person, never overwrites without --force; the draft validates its sample", async () => {
    requireCorpus();
    const { mkdtempSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const out = join(mkdtempSync(join(tmpdir(), "draft-")), "草稿.json");
    const sample = join(CORPUS, "jiangsu", "jiangsu-zhengxie-2019-tables.pdf");
    const run = await runCli("pack", "draft", sample, "--narrative", join(CORPUS, "jiangsu", "jiangsu-zhengxie-2019-text.pdf"), "-o", out);
    expect(run.code).toBe(0);
    expect(run.err).toContain("起草了 12 张表");
    expect(run.err).toContain("请补全：id、name、region");
    const written = JSON.parse(readFileSync(out, "utf8"));
    expect(written.description).toContain("一、收支预算总体情况说明");
    expect((await runCli("pack", "draft", sample, "-o", out)).code).toBe(2);
    expect((await runCli("validate", sample, "--pack-file", out, "--pack", "draft", "--format", "json")).code).toBe(0);
  });
});
