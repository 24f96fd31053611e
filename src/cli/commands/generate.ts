/**
 * budget-tables generate: the pack's tables as a clean workbook with live formulas, from a
 * data file (--data), from any recognised workbook (--from, which is never written to), or blank.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { readDataFile } from "../../core/data-format";
import { FEN_PER_UNIT, plainDecimal, type AmountUnit } from "../../core/fixed";
import { renderPerformanceForm, type PerformanceTarget } from "../../core/forms/performance";
import { freeSheetName } from "../../core/layout/sheet-names";
import { renderUnitInfoSheet } from "../../core/layout/unit-info-sheet";
import { planInsertion } from "../../core/layout/workbook";
import type { Disclosure, UnitInfo } from "../../core/model";
import { readNarrativeFacts, type NarrativeFacts } from "../../core/narrative/facts";
import { planNarrativeSheets } from "../../core/narrative/plan";
import { DEFAULT_PACK_ID, findPack } from "../../core/packs";
import { UsageError, stringOption, type ParsedArgs } from "../args";
import { InputError } from "../../io/input-error";
import { schemaIssues } from "../schema-check";
import { buildWorkbook } from "../xlsx-writer";
import { packOption, readWorkbookFor, unitDefaults, writeOutput } from "./shared";
import { choiceOption } from "../args";
import { adjustRounding, residualCells, type RoundingAdjustment } from "../../core/rounding/adjust";

const wan = (fen: number) => plainDecimal(fen / FEN_PER_UNIT["万元"]);

/** 尾差调整 for people: how many figures moved, and every identity left apart. */
function roundingText(a: RoundingAdjustment): string {
  const lines = [`尾差调整：${a.figures} 个录入数有分以下的尾数，其中 ${a.moved.length} 个没有按通常的四舍五入，以使各表合计和表间关系完全一致（每个数与精确值相差都小于 0.01 万元）。`];
  if (a.moved.length > 0) lines.push("  用 --format json 列出每个单元格。");
  for (const r of a.residuals) lines.push(`  无法同时满足：${r.description}（${residualCells(r).join("、")}，相差 ${wan(Math.abs(r.difference))} 万元）`);
  return lines.join("\n");
}

function roundingReport(a: RoundingAdjustment): object {
  return {
    figures: a.figures,
    moved: a.moved.map((m) => ({ table: m.tableId, sheet: m.sheetName, cell: m.cell, exact: wan(m.exact), ordinary: wan(m.ordinary), adjusted: wan(m.adjusted) })),
    residuals: a.residuals.map((r) => ({ description: r.description, cells: residualCells(r), difference: wan(r.difference) })),
  };
}

interface Source {
  packId: string;
  unit: UnitInfo;
  tables?: Disclosure["tables"];
  facts?: NarrativeFacts;
  forms: PerformanceTarget[];
}

async function fromDataFile(path: string, packId: string | undefined): Promise<Source> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new InputError(`${path}：无法读取或不是有效的 JSON（${(error as Error).message.split("\n")[0]}）。`);
  }
  const schemaProblems = schemaIssues(json);
  if (schemaProblems.length > 0) throw new InputError(`${path}：不符合数据格式 budget-tables/1（${schemaProblems.length} 处）：\n${schemaProblems.map((i) => `  ${i.path}：${i.message}`).join("\n")}`);
  const result = readDataFile(json);
  if (!result.ok) throw new InputError(`${path}：数据格式有 ${result.issues.length} 处错误：\n${result.issues.map((i) => `  ${i.path}：${i.message}`).join("\n")}`);
  if (packId && packId !== result.disclosure.packId) throw new InputError(`${path}：数据属于模板包 ${result.disclosure.packId}，与 --pack ${packId} 不符。`);
  const pack = findPack(result.disclosure.packId);
  let facts: NarrativeFacts | undefined;
  if (result.narrative && !pack?.narrative) console.error(`提示：模板包“${pack?.name ?? result.disclosure.packId}”没有情况说明的生成器，未写情况说明（说明资料未使用）。`);
  else if (result.narrative) facts = readNarrativeFacts(result.narrative, (json as { amountUnit: AmountUnit }).amountUnit);
  return { packId: result.disclosure.packId, unit: result.disclosure.unit, tables: result.disclosure.tables, facts, forms: result.disclosure.performanceTargets ?? [] };
}

async function fromWorkbook(path: string, out: string, args: ParsedArgs): Promise<Source> {
  if (resolve(path) === resolve(out)) throw new InputError(`${out}：输出文件不能是输入的工作簿本身；请另起一个文件名，输入的工作簿不会被改动。`);
  const { disclosure } = await readWorkbookFor(path, args);
  return { packId: disclosure.packId, unit: disclosure.unit, tables: disclosure.tables, forms: [] };
}

export async function generate(args: ParsedArgs): Promise<number> {
  const out = stringOption(args, "out");
  if (!out) throw new UsageError("generate 需要 -o OUT.xlsx。");
  const dataPath = stringOption(args, "data");
  const fromPath = stringOption(args, "from");
  if (dataPath && fromPath) throw new UsageError("--data 和 --from 只能用一个。");
  const packId = packOption(args);
  const source: Source = dataPath
    ? await fromDataFile(dataPath, packId)
    : fromPath
      ? await fromWorkbook(fromPath, out, args)
      : { packId: packId ?? DEFAULT_PACK_ID, unit: { name: "", year: new Date().getFullYear(), type: "事业单位", department: "", ...unitDefaults(args) }, forms: [] };
  const pack = findPack(source.packId)!;
  const format = choiceOption(args, "format", ["text", "json"] as const, "text");
  // 尾差调整: the typed figures replaced by printed values that tie exactly (the data file itself is not changed).
  const adjustment = args.options["adjust-rounding"] === true && source.tables ? adjustRounding(pack, { packId: pack.id, unit: source.unit, tables: source.tables }) : undefined;
  if (args.options["adjust-rounding"] === true && !source.tables) throw new UsageError("--adjust-rounding 需要 --data 或 --from 提供的数字。");
  const tables = adjustment ? adjustment.disclosure.tables : source.tables;
  const plan = planInsertion(pack, source.unit, pack.tables.map((t) => t.id), [], tables);
  const layouts = [...plan.layouts];
  // 项目支出绩效目标表: one sheet per project (Shanxi).
  source.forms.forEach((form, i) => layouts.push(renderPerformanceForm(pack, source.unit, form, freeSheetName(`绩效目标表${source.forms.length > 1 ? ` ${i + 1}` : ""}`, layouts.map((l) => l.sheetName)), i + 1)));
  if (source.facts && pack.narrative) layouts.push(...planNarrativeSheets(pack, source.unit, plan.layouts, source.facts, layouts.map((l) => l.sheetName)));
  if (dataPath || fromPath) layouts.push(renderUnitInfoSheet(pack, source.unit));
  const workbook = buildWorkbook(layouts);
  await writeOutput(out, Buffer.from(await workbook.xlsx.writeBuffer()), args.options.force === true);
  const forms = source.forms.length;
  const summary = `已生成 ${out}：${plan.layouts.length} 张表${forms ? `、${forms} 张绩效目标表` : ""}${source.facts ? "和情况说明" : ""}（${pack.name}）。`;
  if (format === "json") process.stdout.write(JSON.stringify({ output: out, tables: plan.layouts.length, ...(adjustment ? { rounding: roundingReport(adjustment) } : {}) }, null, 1) + "\n");
  else {
    console.log(summary);
    if (adjustment) console.log(roundingText(adjustment));
  }
  return 0;
}
