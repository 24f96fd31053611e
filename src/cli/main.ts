/**
 * budget-tables: generate, extract (and validate) unit budget disclosure workbooks
 * without Excel. Chinese messages; exit 0 on success, 1 when findings reach the
 * fail level, 2 when an input cannot be read or a command is wrong.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { readDataFile, writeDataFile } from "../core/data-format";
import { planInsertion } from "../core/layout/workbook";
import { DEFAULT_PACK_ID, PACKS, findPack } from "../core/packs";
import { UNIT_TYPES, type UnitInfo, type UnitType } from "../core/model";
import { fileText, jsonReport, summaryTable } from "./report-text";
import { expandInputs, validateFiles } from "./validate-files";
import { InputError, openWorkbook } from "./open-workbook";
import type { AmountUnit } from "../core/fixed";
import { readNarrativeFacts, type NarrativeFacts } from "../core/narrative/facts";
import { planNarrativeSheet } from "../core/narrative/plan";
import { renderPerformanceForm, type PerformanceTarget } from "../core/forms/performance";
import { freeSheetName } from "../core/layout/sheet-names";
import { renderUnitInfoSheet } from "../core/layout/unit-info-sheet";
import { schemaIssues } from "./schema-check";
import { buildWorkbook } from "./xlsx-writer";
import { readWorkbook } from "./xlsx-reader";

const USAGE = `用法 (usage):
  budget-tables generate [--pack ${DEFAULT_PACK_ID}] [--data FILE.json] -o OUT.xlsx [--force]
  budget-tables extract FILE.xlsx [-o FILE.json] [--force] [--unit-type 单位类型] [--department 主管部门]
  budget-tables validate FILE.xlsx|文件夹… [--format text|json] [--fail-on error|warning] [--unit-type 单位类型]

退出码 (exit codes): 0 通过；1 有达到 --fail-on 级别的问题；2 文件无法读取或命令有误。
单位类型 (unit types): ${UNIT_TYPES.join(" / ")}

模板包 (packs): ${PACKS.map((p) => `${p.id}（${p.name}）`).join("，")}`;

export interface ParsedArgs {
  command: string;
  positional: string[];
  options: Record<string, string | true>;
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command = "", ...rest] = argv;
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  const valued = new Set(["pack", "data", "o", "out", "format", "fail-on", "unit-type", "department"]);
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const m = /^--?([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m) positional.push(arg);
    else if (m[2] !== undefined) options[m[1]] = m[2];
    else if (valued.has(m[1]) && i + 1 < rest.length) options[m[1]] = rest[++i];
    else options[m[1]] = true;
  }
  return { command, positional, options };
}

class UsageError extends Error {}

function option(args: ParsedArgs, ...names: string[]): string | undefined {
  for (const n of names) if (typeof args.options[n] === "string") return args.options[n] as string;
  return undefined;
}

async function writeOutput(path: string, content: Buffer | string, force: boolean): Promise<void> {
  if (existsSync(path) && !force) throw new InputError(`${path}：文件已存在，未覆盖；确需覆盖请加 --force。`);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content);
}

async function generate(args: ParsedArgs): Promise<number> {
  const out = option(args, "o", "out");
  if (!out) throw new UsageError("generate 需要 -o OUT.xlsx。");
  let packId = option(args, "pack") ?? DEFAULT_PACK_ID;
  let unit: UnitInfo = { name: "", year: new Date().getFullYear(), type: "事业单位", department: "" };
  let tables = undefined;
  let facts: NarrativeFacts | undefined;
  let forms: PerformanceTarget[] = [];
  const dataPath = option(args, "data");
  if (dataPath) {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(dataPath, "utf8"));
    } catch (error) {
      throw new InputError(`${dataPath}：无法读取或不是有效的 JSON（${(error as Error).message.split("\n")[0]}）。`);
    }
    const schemaProblems = schemaIssues(json);
    if (schemaProblems.length > 0) throw new InputError(`${dataPath}：不符合数据格式 budget-tables/1（${schemaProblems.length} 处）：\n${schemaProblems.map((i) => `  ${i.path}：${i.message}`).join("\n")}`);
    const result = readDataFile(json);
    if (!result.ok) throw new InputError(`${dataPath}：数据格式有 ${result.issues.length} 处错误：\n${result.issues.map((i) => `  ${i.path}：${i.message}`).join("\n")}`);
    if (option(args, "pack") && option(args, "pack") !== result.disclosure.packId) throw new InputError(`${dataPath}：数据属于模板包 ${result.disclosure.packId}，与 --pack ${option(args, "pack")} 不符。`);
    packId = result.disclosure.packId;
    unit = result.disclosure.unit;
    tables = result.disclosure.tables;
    forms = result.disclosure.performanceTargets ?? [];
    const packOfData = findPack(result.disclosure.packId);
    if (result.narrative && packOfData?.narrative !== "shanxi") console.error(`提示：情况说明的生成目前只支持山西省模板包，${result.disclosure.packId} 的说明资料未使用。`);
    else if (result.narrative) facts = readNarrativeFacts(result.narrative, (json as { amountUnit: AmountUnit }).amountUnit);
  }
  const pack = findPack(packId);
  if (!pack) throw new UsageError(`未知的模板包“${packId}”。`);
  const plan = planInsertion(pack, unit, pack.tables.map((t) => t.id), [], tables);
  const layouts = [...plan.layouts];
  // 项目支出绩效目标表: one sheet per project (Shanxi).
  forms.forEach((form, i) => layouts.push(renderPerformanceForm(pack, unit, form, freeSheetName(`绩效目标表${forms.length > 1 ? ` ${i + 1}` : ""}`, layouts.map((l) => l.sheetName)), i + 1)));
  if (facts) layouts.push(planNarrativeSheet(pack, unit, plan.layouts, facts, layouts.map((l) => l.sheetName)));
  if (dataPath) layouts.push(renderUnitInfoSheet(pack, unit));
  const workbook = buildWorkbook(layouts);
  await writeOutput(out, Buffer.from(await workbook.xlsx.writeBuffer()), args.options.force === true);
  console.log(`已生成 ${out}：${plan.layouts.length} 张表${forms.length ? `、${forms.length} 张绩效目标表` : ""}${facts ? "和情况说明" : ""}（${pack.name}）。`);
  return 0;
}

/** 单位类型 and 主管部门 given on the command line: a workbook does not print them. */
function unitDefaults(args: ParsedArgs): Partial<UnitInfo> {
  const type = option(args, "unit-type");
  if (type !== undefined && !UNIT_TYPES.includes(type as UnitType)) throw new UsageError(`单位类型“${type}”无效，应为 ${UNIT_TYPES.join("、")} 之一。`);
  const department = option(args, "department");
  return { ...(type ? { type: type as UnitType } : {}), ...(department ? { department } : {}) };
}

async function validateCommand(args: ParsedArgs): Promise<number> {
  if (args.positional.length === 0) throw new UsageError("validate 需要至少一个 .xlsx 文件或文件夹。");
  const format = option(args, "format") ?? "text";
  if (format !== "text" && format !== "json") throw new UsageError(`--format 应为 text 或 json。`);
  const failOn = option(args, "fail-on") ?? "error";
  if (failOn !== "error" && failOn !== "warning") throw new UsageError(`--fail-on 应为 error 或 warning。`);
  const files = await expandInputs(args.positional);
  if (files.length === 0) throw new InputError(`${args.positional.join("、")}：没有找到 .xlsx 文件。`);
  const results = await validateFiles(files, unitDefaults(args));
  if (format === "json") process.stdout.write(JSON.stringify(jsonReport(results), null, 1) + "\n");
  else {
    console.log(results.map(fileText).join("\n\n"));
    if (results.length > 1) console.log(`\n${summaryTable(results)}`);
  }
  if (results.some((r) => r.unreadable)) return 2;
  const failing = results.some((r) => r.report!.counts.error > 0 || (failOn === "warning" && r.report!.counts.warning > 0));
  return failing ? 1 : 0;
}

async function extract(args: ParsedArgs): Promise<number> {
  const file = args.positional[0];
  if (!file) throw new UsageError("extract 需要一个 .xlsx 文件。");
  const workbook = await openWorkbook(file);
  const reading = readWorkbook(workbook, unitDefaults(args));
  if (!reading.disclosure) throw new InputError(`${file}：${reading.problems.map((p) => p.message).join("；")}`);
  for (const p of reading.problems) console.error(`${file} ${p.sheet}!${p.cell}：${p.message}`);
  const json = JSON.stringify(writeDataFile(reading.disclosure), null, 1) + "\n";
  const out = option(args, "o", "out");
  if (out) {
    await writeOutput(out, json, args.options.force === true);
    console.log(`已提取 ${file} → ${out}`);
  } else process.stdout.write(json);
  return 0;
}

export async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  try {
    switch (args.command) {
      case "generate":
        return await generate(args);
      case "extract":
        return await extract(args);
      case "validate":
        return await validateCommand(args);
      case "help":
      case "--help":
      case "-h":
      case "":
        console.log(USAGE);
        return args.command === "" ? 2 : 0;
      default:
        throw new UsageError(`未知的命令“${args.command}”。`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof InputError) {
      console.error(error.message);
      return 2;
    }
    console.error(`内部错误：${(error as Error).message}`);
    return 2;
  }
}
