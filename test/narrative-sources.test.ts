/**
 * The narrative wherever it is: a sheet of any name opening with a narrative heading (in a workbook
 * we did not make), a Word .docx or a text file given to the CLI. Positions name the sheet row or
 * the paragraph.
 */
import { execFileSync } from "node:child_process";
import { runCli } from "./support/run-cli";
import { loadNarrativeText } from "../src/cli/load-text";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readBackLayouts } from "../src/core/layout/read-back";
import { planInsertion } from "../src/core/layout/workbook";
import { readNarrativeFacts } from "../src/core/narrative/facts";
import { generateNarrative } from "../src/core/narrative/generate";
import { narrativeParagraphs } from "../src/core/narrative/layout";
import { SHANXI_UNIT_13 } from "../src/core/packs/shanxi-unit-13";
import { readWorkbookCells } from "../src/core/read-workbook";
import { validate, validationInputOf } from "../src/core/validation/engine";
import { cellsOf, plainSheets, textSheet } from "./support/foreign-workbooks";
import { EXAMPLE_PATH, loadExample, referenceNarrative } from "./support/reference";

const example = loadExample();
const json = JSON.parse(readFileSync(EXAMPLE_PATH, "utf8"));
const layouts = planInsertion(SHANXI_UNIT_13, example.unit, SHANXI_UNIT_13.tables.map((t) => t.id), [], example.tables).layouts;
// The generated text as the 情况说明 sheet holds it, 名词解释 included.
const paragraphs = narrativeParagraphs(SHANXI_UNIT_13, example.unit, generateNarrative(readBackLayouts(layouts, example.unit)!, readNarrativeFacts(json.narrative, "元")));
const dir = mkdtempSync(join(tmpdir(), "narrative-"));
const narrativeFindings = (findings: { ruleId: string }[]) => findings.filter((f) => f.ruleId.startsWith("narrative-"));

const run = runCli;

const referenceText = referenceNarrative();

describe("the reference's own 情况说明, typed by hand", () => {
  it("is found on a sheet without our names and checks clean against the recognised tables", () => {
    const reading = readWorkbookCells(cellsOf([...plainSheets(example), textSheet("情况说明（手录）", referenceText.map((l) => [l]))]), { type: "事业单位" });
    expect(reading.narrative?.lines.length).toBeGreaterThan(50);
    expect(narrativeFindings(validate(validationInputOf(reading, reading.disclosure!.unit, true)!).findings)).toEqual([]);
    // …and a figure changed in it is caught at its row.
    const row = referenceText.findIndex((l) => l.includes("基本支出64.06万元"));
    const changed = referenceText.map((l, i) => (i === row ? l.replace("基本支出64.06万元", "基本支出60.06万元") : l));
    const wrong = readWorkbookCells(cellsOf([...plainSheets(example), textSheet("情况说明（手录）", changed.map((l) => [l]))]), { type: "事业单位" });
    expect(narrativeFindings(validate(validationInputOf(wrong, wrong.disclosure!.unit, true)!).findings)).toContainEqual(expect.objectContaining({ ruleId: "narrative-amount", cell: `A${row + 1}` }));
  });
});

describe("a narrative typed on a sheet of its own", () => {
  const sheetOf = (edit: (text: string) => string = (t) => t) =>
    textSheet("Sheet15", paragraphs.map((p) => [edit(p.text)]));

  it("is found by its heading, whatever the sheet's name, and checks clean against the recognised tables", () => {
    const reading = readWorkbookCells(cellsOf([...plainSheets(example), sheetOf()]), { type: "事业单位" });
    expect(reading.narrative?.sheetName).toBe("Sheet15");
    const report = validate(validationInputOf(reading, reading.disclosure!.unit, true)!);
    expect(narrativeFindings(report.findings)).toEqual([]);
  });

  it("names the sheet and row of a wrong amount", () => {
    const wrong = sheetOf((t) => t.replace("基本支出64.06万元", "基本支出46.06万元"));
    const reading = readWorkbookCells(cellsOf([...plainSheets(example), wrong]), { type: "事业单位" });
    const findings = narrativeFindings(validate(validationInputOf(reading, reading.disclosure!.unit, true)!).findings);
    const row = paragraphs.findIndex((p) => p.text.includes("基本支出64.06万元"));
    expect(findings).toContainEqual(expect.objectContaining({ ruleId: "narrative-amount", sheet: "Sheet15", cell: `A${row + 1}` }));
  });

  it("leaves a 目录 alone", () => {
    const contents = textSheet("目录", [["目录"], ["第三部分 2024年度单位预算情况说明.....16"], ["一、单位预算收支数据变动情况及原因.....16"], ["二、收入预算情况说明.....16"]]);
    const reading = readWorkbookCells(cellsOf([contents, ...plainSheets(example)]), { type: "事业单位" });
    expect(reading.narrative).toBeUndefined();
  });
});

describe("a narrative given to the CLI as a file", () => {
  const reference = join(dir, "reference.xlsx");
  let docx: string;
  let wrongDocx: string;

  /** A Word file as an accountant writes one: headings, paragraphs, a table, a numbered list and a footnote. */
  async function wordFile(name: string, texts: readonly string[]): Promise<string> {
    const { Document, Packer, Paragraph, TextRun, Table, TableRow, TableCell, HeadingLevel, FootnoteReferenceRun, LevelFormat } = await import("docx");
    const children: (InstanceType<typeof Paragraph> | InstanceType<typeof Table>)[] = [];
    texts.forEach((t, i) => {
      const heading = /^[一二三四五六七八九十]+、|^第/.test(t);
      if (i === 3) children.push(new Table({ rows: [["项目", "金额（万元）"], ["基本支出", "64.06"]].map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) })) }));
      if (i === 5) children.push(new Paragraph({ children: [new TextRun(t)], numbering: { reference: "items", level: 0 } }));
      else if (i === 2) children.push(new Paragraph({ children: [new TextRun(t), new FootnoteReferenceRun(1)] }));
      else children.push(new Paragraph({ children: [new TextRun(t)], ...(heading ? { heading: HeadingLevel.HEADING_2 } : {}) }));
    });
    const document = new Document({
      numbering: { config: [{ reference: "items", levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: "left" }] }] },
      footnotes: { 1: { children: [new Paragraph("数据来源：部门预算系统。")] } },
      sections: [{ children }],
    });
    const file = join(dir, `${name}.docx`);
    writeFileSync(file, await Packer.toBuffer(document));
    return file;
  }

  beforeAll(async () => {
    expect((await run("generate", "--data", EXAMPLE_PATH, "-o", reference)).code).toBe(0);
    docx = await wordFile("情况说明", paragraphs.map((p) => p.text));
    wrongDocx = await wordFile("情况说明-错", paragraphs.map((p) => p.text.replace("基本支出64.06万元", "基本支出46.06万元")));
  }, 180_000);

  it("reads a .docx in document order: paragraphs, the table's cells, the numbered item, the footnote last", async () => {
    const value = (await loadNarrativeText(docx)).join("\n");
    const order = ["一、", "项目", "基本支出", paragraphs[5].text.slice(0, 12), "数据来源"].map((t) => value.indexOf(t));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("checks the reference's own text as a .docx clean", async () => {
    const file = await wordFile("参考情况说明", referenceText);
    const report = JSON.parse((await run("validate", reference, "--narrative", file, "--format", "json")).out);
    expect(narrativeFindings(report.files[0].findings)).toEqual([]);
  });

  it("checks a .docx (tables and numbered lists read in order) against the workbook's tables", async () => {
    const clean = await run("validate", reference, "--narrative", docx, "--format", "json");
    expect(narrativeFindings(JSON.parse(clean.out).files[0].findings)).toEqual([]);
    const wrong = JSON.parse((await run("validate", reference, "--narrative", wrongDocx, "--format", "json")).out);
    const finding = narrativeFindings(wrong.files[0].findings).find((f: { ruleId: string }) => f.ruleId === "narrative-amount");
    expect(finding).toEqual(expect.objectContaining({ sheet: "情况说明-错.docx", cell: expect.stringMatching(/^第\d+段$/) }));
  });

  it("reads a text file saved as GBK", async () => {
    const txt = join(dir, "说明.txt");
    writeFileSync(txt, Buffer.from(new TextEncoder().encode("")));
    const gbk = execFileSync("iconv", ["-f", "UTF-8", "-t", "GBK"], { input: paragraphs.map((p) => p.text.replace("基本支出64.06万元", "基本支出46.06万元")).join("\n") });
    writeFileSync(txt, gbk);
    const report = JSON.parse((await run("validate", reference, "--narrative", txt, "--format", "json")).out);
    expect(narrativeFindings(report.files[0].findings).map((f: { ruleId: string }) => f.ruleId)).toContain("narrative-amount");
  });

  it.each([
    ["a corrupt .docx", "坏.docx", Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(300)]), "损坏"],
    ["a password-protected or old .doc", "旧.docx", Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]), "密码"],
    ["a file of another kind", "说明.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]), ".docx"],
    ["a truncated PDF", "说明.pdf", Buffer.from("%PDF-1.4"), "PDF"],
  ])("refuses %s with one Chinese line and exit 2", async (_label, name, bytes, reason) => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    const result = await run("validate", reference, "--narrative", file);
    expect(result.code).toBe(2);
    expect(result.err.trim().split("\n")).toHaveLength(1);
    expect(result.err).toContain(reason);
  });
});
