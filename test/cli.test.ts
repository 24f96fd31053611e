/** The command line: generate, extract, validate; exit codes and messages on bad input. */
import ExcelJS from "exceljs";
import { runCli } from "./support/run-cli";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { readDataFile, writeDataFile } from "../src/core/data-format";
import { validateFiles } from "../src/cli/validate-files";
import { batchText, fileText, verdictOf, type FileResult } from "../src/cli/report-text";
import { randomDisclosure } from "./support/random-disclosure";
import { EXAMPLE_PATH, loadExample } from "./support/reference";
import { convert } from "./support/libreoffice";

const dir = mkdtempSync(join(tmpdir(), "cli-"));
const reference = join(dir, "reference.xlsx");

const run = runCli;

beforeAll(async () => {
  expect((await run("generate", "--data", EXAMPLE_PATH, "-o", reference)).code).toBe(0);
});
afterEach(() => vi.restoreAllMocks());

describe("generate", () => {
  it("does not write over an existing file without --force", async () => {
    const before = statSync(reference).mtimeMs;
    const result = await run("generate", "--data", EXAMPLE_PATH, "-o", reference);
    expect(result.code).toBe(2);
    expect(result.err).toContain("--force");
    expect(statSync(reference).mtimeMs).toBe(before);
  });

  it("writes blank templates without --data", async () => {
    const out = join(dir, "blank.xlsx");
    expect((await run("generate", "-o", out)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets).toHaveLength(13);
  });

  it("names the JSON path of a wrong data file", async () => {
    const bad = join(dir, "bad.json");
    const json = JSON.parse(readFileSync(EXAMPLE_PATH, "utf8"));
    json.tables.T2.rows[3].amounts.general = "一百";
    json.unit.type = "公司";
    writeFileSync(bad, JSON.stringify(json));
    const result = await run("generate", "--data", bad, "-o", join(dir, "never.xlsx"));
    expect(result.code).toBe(2);
    expect(result.err).toContain("$.unit.type");
    expect(result.err).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe("extract", () => {
  it("gives back the data it was generated from (reference)", async () => {
    const result = await run("extract", reference, "--unit-type", "事业单位", "--department", "忻州市人力资源和社会保障局");
    expect(result.code).toBe(0);
    const extracted = JSON.parse(result.out);
    const original = JSON.parse(readFileSync(EXAMPLE_PATH, "utf8"));
    const back = readDataFile(extracted);
    const expected = readDataFile(original);
    expect(back.ok && expected.ok).toBe(true);
    if (!back.ok || !expected.ok) return;
    expect(back.disclosure.unit).toEqual(expected.disclosure.unit);
    for (const [tableId, table] of Object.entries(expected.disclosure.tables))
      for (const [side, rows] of Object.entries(table))
        for (const row of rows) {
          const match = back.disclosure.tables[tableId][side].find((r) => (row.code ? r.code === row.code : r.id === row.id && (row.id !== undefined || r.name === row.name)));
          expect(match, `${tableId}.${side} ${row.code ?? row.id ?? row.name}`).toBeDefined();
          for (const [key, fen] of Object.entries(row.amounts)) expect(match!.amounts[key] ?? null, `${tableId} ${row.code ?? row.id} ${key}`).toBe(fen);
        }
  });

  it.each([1, 2, 3, 4, 5])("gives back random data (seed %i), amounts to the 分", async (seed) => {
    const disclosure = randomDisclosure(seed * 7919, 12);
    const dataFile = join(dir, `random-${seed}.json`);
    const xlsx = join(dir, `random-${seed}.xlsx`);
    writeFileSync(dataFile, JSON.stringify(writeDataFile(disclosure)));
    expect((await run("generate", "--data", dataFile, "-o", xlsx)).code).toBe(0);
    const back = readDataFile(JSON.parse((await run("extract", xlsx, "--unit-type", disclosure.unit.type, "--department", disclosure.unit.department)).out));
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.disclosure.unit).toEqual(disclosure.unit);
    for (const [tableId, table] of Object.entries(disclosure.tables))
      for (const [side, rows] of Object.entries(table))
        for (const row of rows) {
          const match = back.disclosure.tables[tableId][side].find((r) => (row.code ? r.code === row.code : row.id ? r.id === row.id : r.name === row.name));
          expect(match, `${tableId}.${side} ${row.code ?? row.id ?? row.name}`).toBeDefined();
          // An empty cell and 0 print the same (blank), so they read back the same.
          for (const [key, fen] of Object.entries(row.amounts)) expect(match!.amounts[key] ?? 0, `${tableId} ${row.code ?? row.id ?? row.name} ${key}`).toBe(fen ?? 0);
          if (row.texts) expect(match!.texts).toEqual(row.texts);
        }
  });
});

describe("validate", () => {
  it("passes the reference with exit 0 and prints its rounding differences", async () => {
    const result = await run("validate", reference, "--unit-type", "事业单位");
    expect(result.code).toBe(0);
    expect(result.out).toContain("错误 0，警告 0，提示 10");
  });

  it("gives a JSON report for machines", async () => {
    const result = await run("validate", reference, "--format", "json");
    const report = JSON.parse(result.out);
    expect(report.valid).toBe(true);
    expect(report.counts).toEqual({ error: 0, warning: 0, info: 10 });
    expect(report.files[0].findings[0]).toEqual(expect.objectContaining({ ruleId: "subject-hierarchy", severity: "info", table: "T2", sheet: "表二 收入总表", cell: "C10" }));
    expect(report.files[0].findings[0]).toHaveProperty("expected", "7.87");
  });

  it("exits 1 when a figure is wrong, naming the cell", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(reference);
    wb.getWorksheet("表三 支出总表")!.getCell("D12").value = 6.5; // 2080505 基本支出
    const broken = join(dir, "broken.xlsx");
    await wb.xlsx.writeFile(broken);
    const result = await run("validate", broken);
    expect(result.code).toBe(1);
    expect(result.out).toContain("表三 支出总表!");
  });

  it("fails on warnings only when asked", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(reference);
    wb.getWorksheet("表五 一般公共预算支出")!.getCell("B11").value = "事业单位离退休费"; // name differs from 表三
    const warned = join(dir, "warned.xlsx");
    await wb.xlsx.writeFile(warned);
    expect((await run("validate", warned)).code).toBe(0);
    expect((await run("validate", warned, "--fail-on", "warning")).code).toBe(1);
  });

  it.each([
    ["not an .xlsx", (f: string) => writeFileSync(f, "科目编码,金额\n208,1\n"), "不是 .xlsx"],
    ["a truncated zip", (f: string) => writeFileSync(f, readFileSync(reference).subarray(0, 2000)), "损坏"],
    ["a password-protected file", (f: string) => writeFileSync(f, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)])), "密码"],
    ["a missing file", () => undefined, "不存在"],
  ])("refuses %s with one Chinese line and exit 2", async (_label, make, reason) => {
    const file = join(dir, `input-${reason}.xlsx`);
    make(file);
    const result = await run("validate", file);
    expect(result.code).toBe(2);
    expect(result.out).toContain(reason);
    expect(result.out).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it("refuses a file above the size limit before reading it", async () => {
    const big = join(dir, "big.xlsx");
    writeFileSync(big, Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(51 * 1024 * 1024)]));
    const result = await run("validate", big);
    expect(result.code).toBe(2);
    expect(result.out).toContain("超过 50 MB");
  });

  it("reports a workbook without the pack's tables", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").getCell("A1").value = 1;
    const plain = join(dir, "plain.xlsx");
    await wb.xlsx.writeFile(plain);
    const result = await run("validate", plain);
    expect(result.code).toBe(2);
    expect(result.out).toContain("没有找到预算公开表格");
    expect(result.out).toContain("“Sheet1”");
    const extracted = await run("extract", plain);
    expect(extracted.code).toBe(2);
    expect(extracted.err.split("\n")).toHaveLength(1);
    expect(extracted.err).toContain("“Sheet1”");
  });

  it("names a deleted table's sheet and heads a missing table's findings by the table's name, not its id", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(reference);
    workbook.removeWorksheet(workbook.getWorksheet("表一 收支总表")!.id);
    const file = join(dir, "without-t1.xlsx");
    await workbook.xlsx.writeFile(file);
    const result = await run("validate", file);
    expect(result.out).toContain("表一所在的工作表“表一 收支总表”已被删除。");
    expect(result.out).not.toMatch(/\bT1\b/);
    // A finding with no sheet at all (the table was never there) is headed by the pack's name for it.
    const [validated] = await validateFiles([file]);
    const report = validated.report!;
    const sheetless = { ...validated, report: { ...report, findings: report.findings.map((f) => (f.tableId === "T1" ? { ...f, sheet: undefined, cell: undefined } : f)) } };
    expect(fileText(sheetless)).toMatch(/\n {2}表一\n/);
  });

  it("validates a folder in parallel and prints a summary table", async () => {
    const folder = join(dir, "batch");
    mkdirSync(folder);
    for (let i = 0; i < 4; i++) copyFileSync(reference, join(folder, `unit-${i}.xlsx`));
    writeFileSync(join(folder, "~$unit-0.xlsx"), "lock file");
    const results = await validateFiles([0, 1, 2, 3].map((i) => join(folder, `unit-${i}.xlsx`)), {}, 2);
    expect(results.map((r) => r.report?.counts.error)).toEqual([0, 0, 0, 0]);
    // Results come back in the order of the files, whichever thread took each (a worker has two in flight).
    const mixed = join(dir, "mixed");
    mkdirSync(mixed);
    const names = Array.from({ length: 9 }, (_, i) => join(mixed, `${i}.xlsx`));
    names.forEach((f, i) => (i % 3 === 1 ? writeFileSync(f, `not a workbook ${i}`) : copyFileSync(reference, f)));
    const heard: string[] = [];
    const ordered = await validateFiles(names, {}, 2, { onFileDone: (r) => heard.push(r.file) });
    expect(ordered.map((r) => r.file)).toEqual(names);
    // Each file is heard of once as it finishes, whichever thread read it, and on one thread too.
    expect([...heard].sort()).toEqual([...names].sort());
    const single: string[] = [];
    await validateFiles(names.slice(0, 3), {}, 1, { onFileDone: (r) => single.push(r.file) });
    expect(single).toEqual(names.slice(0, 3));
    expect(ordered.map((r) => (r.unreadable ? "x" : "ok"))).toEqual(["ok", "x", "ok", "ok", "x", "ok", "ok", "x", "ok"]);
    const result = await run("validate", folder);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/文件\s+单位名称\s+错误\s+警告/);
    expect(result.out.match(/忻州市社会保障卡服务中心/g)!.length).toBeGreaterThanOrEqual(8);
    // A folder of good and unreadable files: 2 (a file could not be read), each unreadable one named with its reason, and no internal error.
    const batch = await run("validate", mixed);
    expect(batch.code).toBe(2);
    expect(`${batch.out}\n${batch.err}`).not.toContain("内部错误");
    for (const i of [1, 4, 7]) expect(`${batch.out}\n${batch.err}`).toContain(`${i}.xlsx`);
    expect(batch.out.match(/忻州市社会保障卡服务中心/g)!.length).toBeGreaterThanOrEqual(6);
    // Piped (not a terminal): no progress line on stderr.
    expect(batch.err).not.toContain("已完成");
  });
});

describe("a bureau's batch", () => {
  const result = (file: string, error: number, warning: number, info = 0, extra: Partial<FileResult> = {}): FileResult => ({
    file,
    unitName: `${file}单位`,
    report: { valid: error === 0, counts: { error, warning, info }, findings: [...Array(error).fill({ ruleId: "tie:T1-T2", severity: "error", sheet: "表一", cell: "B7", message: `表一收入 ${file.length}.00 不等于表二合计。` }), ...Array(warning).fill({ ruleId: "subject-list", severity: "warning", sheet: "表三", cell: "B9", message: "科目 208 写作旧名称。" }), ...Array(info).fill({ ruleId: "row-sum", severity: "info", message: "四舍五入差异：0.01。" })] },
    ...extra,
  });

  it("reads worst first with a verdict per file, says a cause shared by three files once, and counts informations without listing them", () => {
    const results = [result("a.xlsx", 0, 1, 2), result("bb.xlsx", 2, 0, 2), { file: "c.pdf", unitName: "", unreadable: "没有文字层。" }, result("ddd.xlsx", 0, 1, 2), result("e.xlsx", 1, 1, 2)];
    const text = batchText(results);
    expect(text.split("\n")[0]).toBe("共 5 个文件：通过 2，退回 2，无法读取 1。");
    const order = [...text.matchAll(/^(\S+\.(?:xlsx|pdf))\s/gm)].map((m) => m[1]);
    expect(order.slice(0, 5)).toEqual(["c.pdf", "bb.xlsx", "e.xlsx", "a.xlsx", "ddd.xlsx"]);
    expect(text).toMatch(/c\.pdf\s+—\s+无法读取\s+—\s+无法读取/);
    expect(text).toContain("3 个文件：[警告] 科目 208 写作旧名称。（subject-list；例：e.xlsx）");
    expect(text.match(/科目 208 写作旧名称/g)).toHaveLength(1);
    expect(text).toContain("另有 1 项见“多个文件共有的问题”");
    expect(text).not.toContain("四舍五入差异");
    expect(text).toContain("提示 2 项未列出（--show-info 列出）");
    const shown = batchText(results, { showInfo: true });
    expect(shown).toContain("4 个文件：[提示] 四舍五入差异：0.01。");
    expect(shown).not.toContain("未列出");
    expect(verdictOf(result("w.xlsx", 0, 1), "warning")).toBe("退回");
  });

  it("writes the reviewer's workbook: 汇总 linked to 明细, filters, frozen headers, 宋体, and never over a file without --force", async () => {
    const mixed = join(dir, "report-batch");
    mkdirSync(mixed);
    for (let i = 0; i < 3; i++) copyFileSync(reference, join(mixed, `unit-${i}.xlsx`));
    writeFileSync(join(mixed, "broken.xlsx"), "not a workbook");
    const out = join(dir, "审核结果.xlsx");
    const run1 = await run("validate", mixed, "--report", out);
    expect(run1.code).toBe(2);
    expect(run1.out).toContain(`审核结果已写入 ${out}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((w) => w.name)).toEqual(["汇总", "明细"]);
    const summary = book.getWorksheet("汇总")!;
    const detail = book.getWorksheet("明细")!;
    const values = (ws: ExcelJS.Worksheet, row: number) => (ws.getRow(row).values as unknown[]).slice(1).map((v) => (v && typeof v === "object" && "text" in v ? (v as { text: string }).text : v));
    expect(values(summary, 1)).toEqual(["文件", "单位", "模板包", "年度", "识别的表", "错误", "警告", "提示", "结论", "原因"]);
    expect(summary.rowCount).toBe(5);
    const rows = [2, 3, 4, 5].map((r) => values(summary, r));
    const broken = rows.find((r) => String(r[0]).endsWith("broken.xlsx"))!;
    expect(broken[8]).toBe("无法读取");
    expect(String(broken[9])).not.toBe("");
    const good = rows.filter((r) => r !== broken);
    expect(good.map((r) => r[8])).toEqual(["通过", "通过", "通过"]);
    expect(good.map((r) => [r[1], r[3]])).toEqual(Array(3).fill(["忻州市社会保障卡服务中心", 2024]));
    // Each file's row links to its first finding in 明细, which names that file.
    const firstGood = [2, 3, 4, 5].find((r) => !String(values(summary, r)[0]).endsWith("broken.xlsx"))!;
    const link = (summary.getCell(firstGood, 1).value as { hyperlink: string }).hyperlink;
    const target = Number(/^#'明细'!A(\d+)$/.exec(link)![1]);
    expect(values(detail, target)[0]).toBe(values(summary, firstGood)[0]);
    const findings = good.reduce((n, r) => n + Number(r[5]) + Number(r[6]) + Number(r[7]), 0);
    expect(detail.rowCount).toBe(findings + 1);
    for (const ws of [summary, detail]) {
      expect(ws.autoFilter, ws.name).toBeTruthy();
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(ws.getCell(2, 1).font?.name, ws.name).toBe("宋体");
    }
    expect(summary.getColumn(1).width).toBe(40);
    // LibreOffice opens it (converted headless to PDF).
    expect(statSync(convert([out], "pdf")[0]).size).toBeGreaterThan(1000);
    const again = await run("validate", mixed, "--report", out);
    expect(again.code).toBe(2);
    expect(again.err).toContain("已存在；要覆盖请加 --force");
    expect((await run("validate", mixed, "--report", out, "--force")).code).toBe(2);
  });

  it("checks the batch against a roster of unit names, however headed: units with no file, files whose unit is on no roster", async () => {
    const rosterFile = join(dir, "单位名单.xlsx");
    const roster = new ExcelJS.Workbook();
    const sheet = roster.addWorksheet("名单");
    sheet.addRows([["序号", "预算单位"], [1, "社会保障卡服务中心"], [2, "忻州市人力资源和社会保障局"], [3, "忻州市就业服务中心"]]);
    await roster.xlsx.writeFile(rosterFile);
    const folder = join(dir, "roster-batch");
    mkdirSync(folder);
    copyFileSync(reference, join(folder, "a.xlsx"));
    writeFileSync(join(folder, "b.xlsx"), "not a workbook");
    const out = join(dir, "名单结果.xlsx");
    const result = await run("validate", folder, "--roster", rosterFile, "--report", out);
    // The short name on the roster is the file's unit written in full.
    expect(result.out).toContain("名单核对：名单上 3 个单位，2 个没有文件，1 个文件的单位不在名单上。");
    expect(result.out).toContain("没有文件的单位：忻州市人力资源和社会保障局、忻州市就业服务中心");
    expect(result.out).toMatch(/不在名单上：\S*b\.xlsx（单位名称未读到）/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const check = book.getWorksheet("名单核对")!;
    expect(check.rowCount).toBe(4);
    expect(check.getCell(2, 2).value).toBe("名单上、没有文件");
    const empty = join(dir, "空名单.xlsx");
    const blank = new ExcelJS.Workbook();
    blank.addWorksheet("名单").addRow(["序号"]);
    await blank.xlsx.writeFile(empty);
    const refused = await run("validate", folder, "--roster", empty);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("没有找到单位名称");
  });
});

describe("the JSON Schema of budget-tables/1", () => {
  it("accepts the example and names the path of each error", async () => {
    const { schemaIssues } = await import("../src/cli/schema-check");
    const json = JSON.parse(readFileSync(EXAMPLE_PATH, "utf8"));
    expect(schemaIssues(json)).toEqual([]);
    json.tables.T3.rows[2].code = "20801A";
    json.tables.T3.rows[4].amounts.basic = "7.88";
    delete json.unit.name;
    const issues = schemaIssues(json);
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(["$.tables.T3.rows[2].code", "$.tables.T3.rows[4].amounts.basic", "$.unit.name"]));
    expect(issues.find((i) => i.path === "$.tables.T3.rows[2].code")!.message).toContain("科目编码");
  });
});

describe("单位信息 inside a generated workbook", () => {
  it("lets extract and validate know the 单位类型 and 主管部门 without options", async () => {
    const extracted = JSON.parse((await run("extract", reference)).out);
    expect(extracted.unit).toEqual({ name: "忻州市社会保障卡服务中心", type: "事业单位", department: "忻州市人力资源和社会保障局" });
    // The 机关运行经费 rule depends on the unit type: with it known, a 事业单位 with 机关运行经费 is an error.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(reference);
    const t11 = wb.getWorksheet("表十一 机关运行经费")!;
    t11.getCell("A7").value = "忻州市社会保障卡服务中心";
    t11.getCell("C7").value = 1.5;
    const file = join(dir, "office-costs.xlsx");
    await wb.xlsx.writeFile(file);
    const result = await run("validate", file, "--format", "json");
    const rules = JSON.parse(result.out).files[0].findings.map((f: { ruleId: string }) => f.ruleId);
    expect(rules).toContain("office-costs-unit-type");
  });
});

describe("workbooks the tool did not make", () => {
  it("generate --from turns a recognised .xls into a clean workbook with live formulas, never touching the input", async () => {
    const { plainSheets, workbookFile } = await import("./support/foreign-workbooks");
    const { createHash } = await import("node:crypto");
    const input = join(dir, "手工录入.xls");
    writeFileSync(input, workbookFile(plainSheets(loadExample()), "xls"));
    const hash = () => createHash("sha256").update(readFileSync(input)).digest("hex");
    const before = hash();
    expect((await run("generate", "--from", input, "-o", input, "--force")).err).toContain("不能是输入的工作簿本身");
    const out = join(dir, "整理后.xlsx");
    const generated = await run("generate", "--from", input, "-o", out, "--unit-type", "事业单位", "--department", "忻州市人力资源和社会保障局");
    expect(generated.code).toBe(0);
    expect(generated.err).toContain("表三（预算支出总表） ← 工作表“表三 支出总表”，万元，栏目 科目编码=A 科目名称=B 合计=C 基本支出=D 项目支出=E");
    expect(hash()).toBe(before);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet("表三 支出总表")!.getCell("C6").formula).toMatch(/^SUM\(/);
    const validated = await run("validate", out, "--format", "json");
    expect(JSON.parse(validated.out).counts).toEqual({ error: 0, warning: 0, info: 10 });
    expect(JSON.parse(validated.out).files[0].recognized).toBeUndefined();
    // The input itself validates the same, through recognition, and says which sheet held which table.
    const direct = JSON.parse((await run("validate", input, "--format", "json", "--unit-type", "事业单位")).out);
    expect(direct.counts).toEqual({ error: 0, warning: 0, info: 10 });
    expect(direct.files[0].recognized).toHaveLength(13);
  });
});

describe("generate --adjust-rounding", () => {
  it("writes figures that tie exactly, lists the moved cells in JSON, and leaves the data file as it was", async () => {
    const { createHash } = await import("node:crypto");
    const data = join(dir, "xinzhou.json");
    copyFileSync(EXAMPLE_PATH, data);
    const before = createHash("sha256").update(readFileSync(data)).digest("hex");
    const out = join(dir, "tied.xlsx");
    const result = await run("generate", "--data", data, "-o", out, "--adjust-rounding", "--format", "json");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out);
    expect(report.rounding.residuals).toEqual([]);
    // Each moved figure is one step from its ordinary rounding and less than one step from its exact value, on the 0.01 grid.
    const hundredths = (v: string) => Math.round(Number(v) * 100);
    expect(report.rounding.moved.length).toBeGreaterThan(0);
    for (const m of report.rounding.moved as { cell: string; exact: string; ordinary: string; adjusted: string }[]) {
      expect(Math.abs(hundredths(m.adjusted) - hundredths(m.ordinary)), m.cell).toBe(1);
      expect(Math.abs(Number(m.adjusted) - Number(m.exact)), m.cell).toBeLessThan(0.01);
      expect(m.adjusted, m.cell).toMatch(/^-?\d+\.\d{2}$/);
    }
    // Amounts of the data (in 元) with a tail below 0.01 万元 (100 元), counted from the file itself: the typed ones among them are the figures adjusted.
    const json = JSON.parse(readFileSync(EXAMPLE_PATH, "utf8"));
    expect(json.amountUnit).toBe("元");
    const tails = Object.values(json.tables as Record<string, Record<string, { id?: string; amounts?: Record<string, number> }[]>>)
      .flatMap((sides) => Object.values(sides).flatMap((rows) => rows.filter((r) => r.id !== "total").flatMap((r) => Object.values(r.amounts ?? {}))))
      .filter((v) => typeof v === "number" && v % 100 !== 0);
    expect(report.rounding.figures).toBeGreaterThanOrEqual(report.rounding.moved.length);
    expect(createHash("sha256").update(readFileSync(data)).digest("hex")).toBe(before);
    const validated = await run("validate", out, "--format", "json");
    expect(JSON.parse(validated.out).counts).toEqual({ error: 0, warning: 0, info: 0 });
    const text = await run("generate", "--data", data, "-o", join(dir, "tied-text.xlsx"), "--adjust-rounding");
    expect(text.out).toContain(`尾差调整：${report.rounding.figures} 个录入数有分以下的尾数，其中 ${report.rounding.moved.length} 个`);
    expect(report.rounding.figures).toBeGreaterThan(0);
    expect(tails.length).toBeGreaterThanOrEqual(report.rounding.figures);
  });

  it("needs figures to adjust", async () => {
    const result = await run("generate", "-o", join(dir, "blank-adjusted.xlsx"), "--adjust-rounding");
    expect(result.code).toBe(2);
    expect(result.err).toContain("--adjust-rounding 需要");
  });
});

describe("a year's complete subject list (--subjects)", () => {
  it("turns 未知 codes into findings against the list, and refuses a file that is not one", async () => {
    const csv = join(dir, "2024科目表.csv");
    // A complete list for the year that lacks 2080505 (as if renamed): the code is reported, not left 未知.
    const partial = readFileSync(join(__dirname, "../src/core/subjects/partial-list.ts"), "utf8");
    const lines = /`([\s\S]*)`/.exec(partial)![1].split("\n").filter((l) => !l.includes(",2080505,"));
    writeFileSync(csv, lines.join("\n"));
    const withList = JSON.parse((await run("validate", reference, "--subjects", csv, "--format", "json")).out);
    const listed = withList.files[0].findings.filter((f: { ruleId: string; message: string }) => f.ruleId === "subject-list" && f.message.includes("2080505"));
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((f: { severity: string }) => f.severity === "warning")).toBe(true);
    // The same list saved by Excel on Chinese Windows (GBK) reads the same.
    const gbk = join(dir, "2024科目表-GBK.csv");
    writeFileSync(gbk, execFileSync("iconv", ["-f", "UTF-8", "-t", "GBK"], { input: lines.join("\n") }));
    const fromGbk = JSON.parse((await run("validate", reference, "--subjects", gbk, "--format", "json")).out);
    expect(fromGbk.files[0].findings).toEqual(withList.files[0].findings);
    const bad = join(dir, "不是科目表.csv");
    writeFileSync(bad, "姓名,工资\n张三,100\n");
    const refused = await run("validate", reference, "--subjects", bad);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("不是科目表");
  });
});

describe("the Shanghai 编制说明 from a data file", () => {
  it("generate --data writes the 单位编制说明 sheet, which validates clean against the tables", async () => {
    const json = JSON.parse(readFileSync("examples/shanghai-synthetic-2026.json", "utf8"));
    json.narrative = {
      priorYear: { appropriation: 18_000_000, general: 18_000_000, fund: 0, stateCapital: 0, threePublic: 15_000, officeCosts: 0 },
      reasons: { appropriation: "在职人员工资正常增长", threePublic: "公务用车运行维护费增加" },
      purposes: Object.fromEntries(json.tables.T5.rows.filter((r: { code?: string }) => r.code?.length === 7).map((r: { code: string; name: string }) => [r.code, `${r.name}日常运转`])),
      procurement: { goods: 125_000, works: 0, services: 302_500 },
      performanceProjects: { count: 2, amount: 100_000 },
      assets: { asOf: "2025-12-31", vehicles: { actual: 2, businessUse: 2 }, equipmentOver100: 1 },
    };
    const data = join(dir, "shanghai-with-narrative.json");
    writeFileSync(data, JSON.stringify(json));
    const out = join(dir, "shanghai-with-narrative.xlsx");
    const generated = await run("generate", "--data", data, "-o", out);
    expect(generated.code).toBe(0);
    expect(generated.out).toContain("和情况说明");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet("单位编制说明")!.getCell("A1").value).toBe("2026年单位预算编制说明");
    const report = JSON.parse((await run("validate", out, "--format", "json")).out);
    expect(report.files[0].findings.filter((f: { ruleId: string; severity: string }) => f.ruleId.startsWith("narrative") && f.severity !== "info")).toEqual([]);
  });
});
