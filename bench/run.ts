/**
 * npm run bench: speed measured as ratios and counts, not asserted by tests.
 * Prints one line per measure: what, the figure, the goal.
 */
import ExcelJS from "exceljs";
import { loadWorkbook } from "../src/cli/load-workbook";
import { readWorkbookCells } from "../src/core/read-workbook";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { budgetRollup, sharePct } from "../src/core/budget-functions";
import { planInsertion } from "../src/core/layout/workbook";
import type { Disclosure } from "../src/core/model";
import { SHANXI_UNIT_13 } from "../src/core/packs/shanxi-unit-13";
import { validate, validationInputOf } from "../src/core/validation/engine";
import { buildWorkbook } from "../src/cli/xlsx-writer";
import { poolSizeFor, validateFile, validateFiles } from "../src/cli/validate-files";
import { execFileSync, spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { statSync } from "node:fs";
import { plainSheets, textSheet, workbookFile } from "../test/support/foreign-workbooks";
import { copyFileSync } from "node:fs";
import { narrativeFromLayouts } from "../src/core/narrative/plan";
import { readNarrativeFacts } from "../src/core/narrative/facts";
import { NARRATIVE_RULES } from "../src/core/validation/rules-narrative";
import { readBackLayouts } from "../src/core/layout/read-back";
import { loadExample } from "../test/support/reference";
import { readDataFile } from "../src/core/data-format";
import { randomDisclosure } from "../test/support/random-disclosure";
import { insertTables } from "../src/excel/write-layouts";
import { createExcelMock } from "../test/support/excel-mock";
import { buildTestPage, launch, serve, CHROMIUM } from "../test/e2e/support/browser";
import { WALKTHROUGH_GOAL } from "../test/e2e/walkthrough";
import { unlinkSync } from "node:fs";
import { time } from "./timing";
import { nativeZipParts } from "../src/cli/zip-native";

async function timeAsync(fn: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** One result: what, the figure, the goal, and whether the goal is met (达到 / 未达到) where it can be judged. */
const line = (what: string, figure: string, goal: string, met?: boolean) => console.log(`${what.padEnd(58)} ${figure.padEnd(34)} ${goal}${met === undefined ? "" : met ? "  ✓ 达到" : "  ✗ 未达到"}`);
const ms = (x: number) => `${x.toFixed(2)} ms`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function repeat(n: number, f: () => Promise<number>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(await f());
  return out;
}

/** The Shanghai district template as units fill it: 封面, 目录 and text sheets, the 9 tables ruled down to row 3,000. */
function shanghaiTemplateWorkbook(): ExcelJS.Workbook {
  const json = JSON.parse(readFileSync("examples/shanghai-synthetic-2026.json", "utf8"));
  const data = readDataFile(json);
  if (!data.ok) throw new Error("shanghai example");
  const workbook = new ExcelJS.Workbook();
  for (const name of ["封面", "目录", "单位职能", "单位机构设置", "名词解释", "单位编制说明"]) workbook.addWorksheet(name).getCell("A1").value = name;
  for (const sheet of plainSheets(data.disclosure)) {
    const ws = workbook.addWorksheet(sheet.name);
    sheet.rows.forEach((row, r) => row.forEach((v, c) => {
      if (v !== null && v !== undefined && (typeof v === "string" || typeof v === "number")) ws.getCell(r + 1, c + 1).value = v;
    }));
    for (const m of sheet.merges) ws.mergeCells(m.firstRow + 1, m.firstCol + 1, m.lastRow + 1, m.lastCol + 1);
    const width = Math.max(...sheet.rows.map((row) => row.length));
    // The template's ruled block: borders on every cell down to row 3,000, empty.
    for (let r = sheet.bodyRows[0] + 1; r <= 3_000; r++) for (let c = 1; c <= width; c++) ws.getCell(r, c).border = { top: { style: "thin" }, bottom: { style: "thin" }, left: { style: "thin" }, right: { style: "thin" } };
  }
  workbook.addWorksheet("其他相关情况说明").getCell("A1").value = "其他相关情况说明";
  return workbook;
}

/** 100,000 rows of 类/款/项 codes with subtotal rows, as a spreadsheet column gives them. */
function rollupColumns(rows: number): { codes: string[][]; amounts: number[][] } {
  const codes: string[][] = [];
  const amounts: number[][] = [];
  let c = 0;
  outer: for (let cls = 201; cls < 1000; cls++)
    for (let kuan = 1; kuan < 100; kuan++) {
      codes.push([`${cls}${String(kuan).padStart(2, "0")}`.slice(0, 3)]);
      amounts.push([0]);
      codes.push([`${cls}${String(kuan).padStart(2, "0")}`]);
      amounts.push([0]);
      for (let xiang = 1; xiang < 20; xiang++) {
        codes.push([`${cls}${String(kuan).padStart(2, "0")}${String(xiang).padStart(2, "0")}`]);
        amounts.push([((c++ * 7919) % 1_000_000) / 100]);
        if (codes.length >= rows) break outer;
      }
    }
  return { codes, amounts };
}

async function main(): Promise<void> {
  console.log(`${"measure".padEnd(58)} ${"result".padEnd(34)} goal`);
  // `npm run bench -- batch`: only the large-batch measures (report workbook, memory).
  if (process.argv[2] === "batch") {
    await benchBatchReport();
    return benchBatchMemory();
  }

  // BUDGETROLLUP spilled over 100,000 rows.
  const { codes, amounts } = rollupColumns(100_000);
  const rollupMs = time(() => void budgetRollup(codes, amounts));
  const plainMs = time(() => {
    let s = 0;
    for (let i = 0; i < amounts.length; i++) s += typeof amounts[i][0] === "number" ? amounts[i][0] : 0;
    if (s < 0) console.log(s);
  });
  // The least a sum by code can do: one pass that keys every amount by its code.
  const keyedMs = time(() => {
    const m = new Map<string, number>();
    for (let i = 0; i < codes.length; i++) m.set(codes[i][0], (m.get(codes[i][0]) ?? 0) + amounts[i][0]);
  });
  line(`BUDGETROLLUP spilled, ${codes.length.toLocaleString()} rows (3 levels)`, `${ms(rollupMs)}, ${(rollupMs / plainMs).toFixed(0)}x plain sum`, "within 3x of a plain sum");
  line("  ratio to one pass summing amounts by code in a Map", `${(rollupMs / keyedMs).toFixed(1)}x (that pass ${ms(keyedMs)})`, "");
  const rollupCodeMs = time(() => void budgetRollup(codes, amounts, "208"));
  line("BUDGETROLLUP one code over the same rows", ms(rollupCodeMs), "");

  // SHAREPCT over 10,000 parts.
  const parts = Array.from({ length: 10_000 }, (_, i) => [((i * 104729) % 1_000_000) / 100]);
  const shareMs = time(() => void sharePct(parts));
  const sumMs = time(() => {
    let s = 0;
    for (const [p] of parts) s += p;
    if (s < 0) console.log(s);
  });
  line("SHAREPCT, 10,000 parts", `${ms(shareMs)}, ${(shareMs / sumMs).toFixed(1)}x plain sum`, "within 3x (see note)");

  await benchPdf();
  benchWalkthrough();
  await benchBatchReport();
  await benchBatchMemory();

  // Insertion round trips.
  const example = randomDisclosure(1, 40);
  const mock = createExcelMock([]);
  let syncs = 0;
  const sync = mock.context.sync.bind(mock.context);
  (mock.context as { sync: () => Promise<void> }).sync = async () => {
    syncs++;
    await sync();
  };
  await insertTables(mock.context, { packId: SHANXI_UNIT_13.id, unit: example.unit, tableIds: SHANXI_UNIT_13.tables.map((t) => t.id), data: example.tables });
  line(`insert all ${SHANXI_UNIT_13.tables.length} tables: context.sync() calls`, String(syncs), "at most 3", syncs <= 3);

  // The 5,000-row department workbook, measured in a process of its own (as the CLI validates one file):
  // the measures before it here leave type feedback and garbage that would be charged to it.
  const department = JSON.parse(execFileSync(process.execPath, ["--import", "tsx", "bench/department.ts"], { encoding: "utf8" })) as { rowCount: number; readMs: number; engineMs: number; adjustMs: number; moved: number; figures: number; residuals: number };
  const { rowCount, readMs, engineMs, adjustMs } = department;
  line(`validation, ${rowCount.toLocaleString()} rows: rule engine alone`, ms(engineMs), "under 100 ms", engineMs < 100);
  line("validation: rule engine / reading the rows into the model", `${(engineMs / readMs).toFixed(2)}x (reading ${ms(readMs)})`, "within 2x", engineMs / readMs <= 2);
  line(`尾差调整 of the ${rowCount.toLocaleString()}-row department disclosure`, `${ms(adjustMs)}; ${department.moved} of ${department.figures} figures moved, ${department.residuals} residuals`, "under 200 ms", adjustMs < 200);
  const departmentData = randomDisclosure(2, 1_700);
  const layouts = planInsertion(SHANXI_UNIT_13, departmentData.unit, SHANXI_UNIT_13.tables.map((t) => t.id), [], departmentData.tables).layouts;

  // Claims and checks of a 20-page narrative (about 40,000 characters) against the tables.
  const reference = loadExample();
  const referenceLayouts = planInsertion(SHANXI_UNIT_13, reference.unit, SHANXI_UNIT_13.tables.map((t) => t.id), [], reference.tables).layouts;
  const referenceNarrative = narrativeFromLayouts(referenceLayouts, reference.unit, readNarrativeFacts(JSON.parse(readFileSync("examples/xinzhou-2024.json", "utf8")).narrative, "元"));
  const longLines: { row: number; text: string }[] = [];
  while (longLines.reduce((n, l) => n + l.text.length, 0) < 40_000) for (const p of referenceNarrative) longLines.push({ row: longLines.length, text: p.text });
  const narrativeInput = { pack: SHANXI_UNIT_13, unit: reference.unit, tables: readBackLayouts(referenceLayouts, reference.unit)!.tables, narrative: { sheetName: "情况说明", lines: longLines } };
  const narrativeMs = time(() => void validate(narrativeInput, NARRATIVE_RULES));
  line(`narrative claims and checks, ${longLines.reduce((n, l) => n + l.text.length, 0).toLocaleString()} characters`, ms(narrativeMs), "under 50 ms", narrativeMs < 50);

  // Peak memory of validating one 5,000-row workbook with the CLI reader.
  const dir = mkdtempSync(join(tmpdir(), "bench-"));
  const bigFile = join(dir, "department.xlsx");
  await buildWorkbook(layouts).xlsx.writeFile(bigFile);
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  await validateFiles([bigFile], { type: "行政单位" }, 1);
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  line(`peak memory validating one ${rowCount.toLocaleString()}-row workbook`, `${((peak - before) / 1048576).toFixed(0)} MB above start (rss ${(peak / 1048576).toFixed(0)} MB)`, "");

  // 200 unit workbooks: generate, then validate; compare with the command line's reading alone.
  const files: string[] = [];
  const genMs = await timeAsync(async () => {
    for (let i = 0; i < 200; i++) {
      const d: Disclosure = randomDisclosure(1000 + i, 15);
      const f = join(dir, `unit-${i}.xlsx`);
      const ls = planInsertion(SHANXI_UNIT_13, d.unit, SHANXI_UNIT_13.tables.map((t) => t.id), [], d.tables).layouts;
      writeFileSync(f, Buffer.from(await buildWorkbook(ls).xlsx.writeBuffer()));
      files.push(f);
    }
  });
  line("generate 200 unit workbooks", `${(200 / (genMs / 1000)).toFixed(1)} files/s`, "");
  const readOnlyMs = await timeAsync(async () => {
    for (const f of files) await loadWorkbook(f);
  });
  const readValidateMs = await timeAsync(async () => {
    for (const f of files) {
      const r = readWorkbookCells(await loadWorkbook(f), { type: "行政单位" });
      validate(validationInputOf(r, r.disclosure!.unit, true)!);
    }
  });
  line("validate 200 workbooks, one thread", `${(200 / (readValidateMs / 1000)).toFixed(1)} files/s`, "");
  line("validation time / the file reading alone", `${(readValidateMs / readOnlyMs).toFixed(2)}x`, "under 1.30x", readValidateMs / readOnlyMs < 1.3);
  // The CLI's own path (SheetJS reading, any format) over threads = 1 … cores, with the built worker.
  execFileSync(process.execPath, ["scripts/build-cli.mjs"]);
  const workerScript = join(process.cwd(), "lib/cli/validate-worker.cjs");
  const rates: number[] = [];
  for (let threads = 1; threads <= availableParallelism(); threads++) {
    const runMs = await timeAsync(async () => void (await validateFiles(files, { type: "行政单位" }, threads, { workerScript })));
    rates.push(200 / (runMs / 1000));
    line(`validate 200 workbooks (CLI reader), ${threads} thread${threads > 1 ? "s" : ""}`, `${rates[threads - 1].toFixed(1)} files/s`, threads === 1 ? "" : "never below 1 thread", threads === 1 ? undefined : rates[threads - 1] >= rates[0]);
  }
  const best = Math.max(...rates);
  // Small files: each isolate's JIT warm-up and V8's own background threads (one thread already keeps 1.2 cores busy) bound this.
  line(`worker pool, 200 small workbooks: best / one thread (${availableParallelism()} cores)`, `${(best / rates[0]).toFixed(2)}x; pool for 200 files: ${poolSizeFor(200)} threads`, "at least 1.6x on 2 cores", best / rates[0] >= 1.6);

  // Recognising and validating workbooks without our names (values only), against ExcelJS reading alone.
  const foreign = join(dir, "foreign.xlsx");
  writeFileSync(foreign, workbookFile(plainSheets(departmentData), "xlsx"));
  const excelJsMs = median(await repeat(3, () => timeAsync(async () => void (await new ExcelJS.Workbook().xlsx.readFile(foreign)))));
  const recognizeMs = median(await repeat(3, () => timeAsync(async () => void (await validateFile(foreign, { type: "行政单位" })))));
  line(`recognise + validate a ${rowCount.toLocaleString()}-row workbook without names`, `${ms(recognizeMs)}, ${(recognizeMs / excelJsMs).toFixed(2)}x ExcelJS reading (${ms(excelJsMs)})`, "within 1.5x", recognizeMs / excelJsMs <= 1.5);

  // A workbook shaped like the real Shanghai district template: 15 sheets, each table's ruled area declared over
  // 3,000 rows and mostly blank, no names, the unit's figures typed in.
  const shanghaiFile = join(dir, "shanghai-template.xlsx");
  await shanghaiTemplateWorkbook().xlsx.writeFile(shanghaiFile);
  const shExcelJs = median(await repeat(3, () => timeAsync(async () => void (await new ExcelJS.Workbook().xlsx.readFile(shanghaiFile)))));
  let shanghaiResult: Awaited<ReturnType<typeof validateFile>> | undefined;
  const shOurs = median(await repeat(3, () => timeAsync(async () => void (shanghaiResult = await validateFile(shanghaiFile, { type: "事业单位" })))));
  line("recognise + validate the Shanghai template shape (15 sheets × 3,000 rows)", `${ms(shOurs)}, ${(shOurs / shExcelJs).toFixed(2)}x ExcelJS reading (${ms(shExcelJs)}); ${shanghaiResult?.recognized?.length ?? 0} tables`, "within 1.5x, 9 tables", shOurs / shExcelJs <= 1.5 && shanghaiResult?.recognized?.length === 9);
  // A batch of heavy workbooks as `budget-tables validate` runs it: a fresh process per run, the text report rendered.
  const batch = Array.from({ length: 60 }, (_, i) => {
    const f = join(dir, `shanghai-${i}.xlsx`);
    copyFileSync(shanghaiFile, f);
    return f;
  });
  const batchMs = (threads: number) => (JSON.parse(execFileSync(process.execPath, ["--import", "tsx", "bench/batch.ts", String(threads), workerScript, ...batch], { encoding: "utf8" })) as { ms: number }).ms;
  const heavyOne = batchMs(1);
  line("validate and report 60 Shanghai-template workbooks, 1 thread", `${(60 / (heavyOne / 1000)).toFixed(1)} files/s (${(heavyOne / 1000).toFixed(1)} s)`, "");
  const heavyAll = batchMs(availableParallelism());
  // The measure: the whole batch on all cores against only inflating every part of every file on one thread (Node's zlib).
  const inflateMs = median(await repeat(3, () => timeAsync(async () => void batch.forEach((f) => nativeZipParts(readFileSync(f), () => true)))));
  line("validate 60 template workbooks, all cores / inflating them, 1 thread", `${(heavyAll / inflateMs).toFixed(1)}x (inflating: ${ms(inflateMs)})`, "at most 3x", heavyAll / inflateMs <= 3);
  line(
    `validate and report the same, ${availableParallelism()} threads (worker pool)`,
    `${(60 / (heavyAll / 1000)).toFixed(1)} files/s, ${(heavyOne / heavyAll).toFixed(2)}x one thread`,
    "at least 1.6x on 2 cores",
    heavyOne / heavyAll >= 1.6,
  );

  // The command line: start-up, and a workbook with a million rows in an unused area.
  const startups: number[] = [];
  for (let i = 0; i < 5; i++) startups.push(await timeAsync(async () => void spawnSync(process.execPath, ["bin/budget-tables.js", "help"])));
  const startup = startups.sort((a, b) => a - b)[2];
  line("budget-tables help (built CLI), median of 5", ms(startup), "under 300 ms", startup < 300);
  const huge = join(dir, "huge.xlsx");
  writeFileSync(huge, workbookFile([...plainSheets(departmentData).slice(0, 3), textSheet("草稿", Array.from({ length: 1_000_000 }, (_, i) => [i % 7]))], "xlsx"));
  const hugeStart = performance.now();
  const hugeRun = spawnSync(process.execPath, ["-r", "./bench/report-rss.cjs", "bin/budget-tables.js", "validate", huge], { encoding: "utf8" });
  const hugeMs = performance.now() - hugeStart;
  const hugeMb = Number(/maxRSS (\d+)/.exec(hugeRun.stderr)?.[1] ?? 0) / 1024;
  line(`validate a ${(statSync(huge).size / 1048576).toFixed(1)} MB workbook with 1,000,000 unused rows`, `${ms(hugeMs)}, peak ${hugeMb.toFixed(0)} MB (exit ${hugeRun.status})`, "under 3 s and 500 MB", hugeMs < 3000 && hugeMb < 500);

  // Task pane bundle (after npm run build).
  if (existsSync("dist/taskpane.js")) {
    const main = readFileSync("dist/taskpane.js");
    const lazy = readdirSync("dist").filter((f) => /^(validation|narrative)\..*\.js$/.test(f));
    line("task pane entry JavaScript (dist/taskpane.js)", `${(main.length / 1024).toFixed(0)} KB raw, ${(gzipSync(main).length / 1024).toFixed(0)} KB gzip`, "under 300 KB gzip");
    for (const f of lazy) line(`  loaded on demand: ${f}`, `${(readFileSync(join("dist", f)).length / 1024).toFixed(0)} KB raw`, "");
  } else line("task pane bundle", "run npm run build first", "");

  // Time from navigation to the first interactive view, in headless Chromium, against a blank Fluent page.
  if (!existsSync(CHROMIUM)) {
    line("task pane first view in Chromium", "no /usr/bin/chromium: skipped", "");
    return;
  }
  buildTestPage();
  const gz = (f: string) => gzipSync(readFileSync(join("test-output/e2e-page", f))).length / 1024;
  const pageFiles = readdirSync("test-output/e2e-page");
  const appKb = gz("app.js") + gz("runtime.js") + pageFiles.filter((f) => /^\d+\..*\.js$/.test(f)).reduce((sum, f) => sum + gz(f), 0);
  line("test page: app entry JavaScript, gzip (with shared chunks)", `${appKb.toFixed(0)} KB; blank Fluent page ${gz("blank.js").toFixed(0)} KB (${(appKb / gz("blank.js")).toFixed(2)}x)`, "");
  const { server, origin } = await serve();
  const { context } = await launch();
  const firstView = async (path: string, ready: string): Promise<number> => {
    const samples: number[] = [];
    for (let i = 0; i < 6; i++) {
      const page = await context.newPage();
      const start = performance.now();
      await page.goto(`${origin}/${path}`);
      await page.getByText(ready, { exact: true }).first().waitFor();
      samples.push(performance.now() - start);
      await page.close();
    }
    return samples.slice(1).sort((a, b) => a - b)[2];
  };
  const appMs = await firstView("index.html", "插入");
  const blankMs = await firstView("blank.html", "空白页");
  line("task pane: navigation to first interactive view", `${ms(appMs)}, ${(appMs / blankMs).toFixed(2)}x blank Fluent page (${ms(blankMs)})`, "under 1 s");
  await context.close();
  server.close();
}

/** The reviewer's report workbook for a large batch: 1,000 files with 50 findings each, written and timed. */
async function benchBatchReport(): Promise<void> {
  const { writeBatchReport } = await import("../src/cli/batch-report");
  const finding = (f: number, i: number) => ({ ruleId: i % 3 === 0 ? "tie:T1-T3-total" : "row-sum", severity: (i % 5 === 0 ? "error" : i % 2 === 0 ? "warning" : "info") as "error" | "warning" | "info", sheet: "表三 支出总表", cell: `D${6 + (i % 40)}`, message: `表三“合计”第${i}处不等于基本支出+项目支出（文件 ${f}）。`, expected: "164.06", actual: "165.06" });
  const results = Array.from({ length: 1000 }, (_, f) => {
    const findings = Array.from({ length: 50 }, (_, i) => finding(f, i));
    const counts = { error: findings.filter((x) => x.severity === "error").length, warning: findings.filter((x) => x.severity === "warning").length, info: findings.filter((x) => x.severity === "info").length };
    return { file: `单位${f}.xlsx`, unitName: `某某单位${f}`, packName: "山西省单位预算公开13张表", year: 2024, recognized: [], report: { valid: false, counts, findings } };
  });
  const path = join(mkdtempSync(join(tmpdir(), "bench-report-")), "审核结果.xlsx");
  const reportMs = await timeAsync(() => writeBatchReport(results, path));
  line("report workbook, 1,000 files with 50,000 findings", `${ms(reportMs)} (${(statSync(path).size / 1048576).toFixed(1)} MB)`, "under 5 s", reportMs < 5000);
}

/** Peak memory of a long batch on one thread: what it holds after 1,000 files against after 200 (flat: no growth per file). */
async function benchBatchMemory(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "bench-memory-"));
  const source = join(dir, "unit.xlsx");
  writeFileSync(source, workbookFile(plainSheets(loadExample()), "xlsx"));
  const files = Array.from({ length: 1000 }, (_, i) => {
    const file = join(dir, `unit-${i}.xlsx`);
    copyFileSync(source, file);
    return file;
  });
  const heap = () => {
    (globalThis as { gc?: () => void }).gc?.();
    return process.memoryUsage().heapUsed;
  };
  const at: Record<number, number> = {};
  let done = 0;
  await validateFiles(files, { type: "事业单位" }, 1, {
    onFileDone: () => {
      done++;
      if (done === 200 || done === 1000) at[done] = heap();
    },
  });
  // The results themselves are kept for the report: what grows with them is their findings, not the reading.
  const growth = (at[1000] - at[200]) / 800;
  line("batch of 1,000 files, one thread: heap growth per file after 200", `${(growth / 1024).toFixed(1)} KB/file (heap ${(at[200] / 1048576).toFixed(0)} → ${(at[1000] / 1048576).toFixed(0)} MB)`, "under 50 KB/file (the results kept)", growth < 50 * 1024);
}

/**
 * The accountant's walkthrough (test/e2e/walkthrough.ts): interactions from opening the pane to 定稿 on a
 * hand-typed Shanghai workbook, as the browser test counts them on each host (run here, so the count is this code's).
 */
function benchWalkthrough(): void {
  const files = ["excel", "wps"].map((host) => `test-output/walkthrough-${host}.json`);
  for (const file of files) if (existsSync(file)) unlinkSync(file);
  const run = spawnSync(process.execPath, ["node_modules/vitest/vitest.mjs", "run", "test/e2e/taskpane.e2e.test.ts", "-t", "counted walkthrough"], { encoding: "utf8" });
  if (run.status !== 0 || !files.every(existsSync)) return line("accountant's walkthrough to 定稿", "the browser test failed (see npm test)", `at most ${WALKTHROUGH_GOAL} interactions`, false);
  for (const [host, file] of [["Excel", files[0]], ["WPS", files[1]]]) {
    const count = JSON.parse(readFileSync(file, "utf8")) as { clicks: number; typed: number; herOwn: number; interactions: number; atFinalize: string };
    line(`accountant's walkthrough to 定稿, ${host}`, `${count.interactions} (${count.clicks} clicks, ${count.typed} typed), +${count.herOwn} of her own`, `at most ${WALKTHROUGH_GOAL} interactions`, count.interactions <= WALKTHROUGH_GOAL);
    // What validation still finds when she reaches 定稿 (none, once her reasons are in).
    line(`  what 定稿 still shows, ${host}`, count.atFinalize.replace(/^校验结果：/, ""), "");
  }
}

/** PDF input: the published corpus read into the grid, against pdf.js extracting the text alone; a batch of it validated. */
async function benchPdf(): Promise<void> {
  const corpus = join("..", "shared", "real-disclosures");
  if (!existsSync(corpus)) return line("PDF reading", "no ../shared/real-disclosures: skipped", "");
  const pdfs = readdirSync(corpus, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".pdf"))
    .map((f) => join(corpus, f))
    .sort();
  const { loadPdfPages } = await import("../src/cli/pdf-pages");
  const { readPdfPages } = await import("../src/core/pdf/document");
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const textOnly = async (file: string) => {
    const document = await getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false, verbosity: 0 }).promise;
    for (let n = 1; n <= document.numPages; n++) await (await document.getPage(n)).getTextContent();
    const pages = document.numPages;
    await document.destroy();
    return pages;
  };
  // The longest document, after one warm-up of each path.
  const longest = pdfs.find((f) => f.includes("wanli")) ?? pdfs[0];
  await textOnly(longest);
  readPdfPages(await loadPdfPages(longest));
  let pages = 0;
  const textMs = median(await repeat(3, () => timeAsync(async () => void (pages = await textOnly(longest)))));
  const gridMs = median(await repeat(3, () => timeAsync(async () => void readPdfPages(await loadPdfPages(longest)))));
  line(`PDF into the grid, ${pages} pages (${longest.split("/").pop()})`, `${ms(gridMs)}, ${(gridMs / textMs).toFixed(2)}x pdf.js text alone (${ms(textMs)})`, "at most 2x", gridMs / textMs <= 2);
  const batchMs = await timeAsync(async () => void (await validateFiles(pdfs, {}, 1)));
  line(`validate the corpus, ${pdfs.length} PDFs, one thread`, `${ms(batchMs)}, ${(batchMs / pdfs.length).toFixed(0)} ms a file`, "");
}

void main();
