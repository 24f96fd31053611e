/** budget-tables validate: one or more workbooks or folders, a Chinese report or JSON. */
import { batchProgress } from "../progress";
import { basename } from "node:path";
import { choiceOption, stringOption, UsageError, type ParsedArgs } from "../args";
import { decodeText, documentLines, type NarrativeLine } from "../../core/narrative/find-text";
import { readPdfPages } from "../../core/pdf/document";
import { isPdfPath } from "../load-input";
import { loadPdfPages } from "../pdf-pages";
import { loadNarrativeText } from "../load-text";
import { readFile } from "node:fs/promises";
import { readCompleteSubjectCsv } from "../../core/subjects/subject-list";
import { InputError } from "../../io/input-error";
import { batchText, fileText, jsonReport } from "../report-text";
import { writeBatchReport } from "../batch-report";
import { existsSync } from "node:fs";
import { checkRoster, rosterNames, rosterText } from "../../core/roster";
import { loadWorkbook } from "../load-workbook";
import { expandInputs, validateFiles } from "../validate-files";
import { packOption, unitDefaults } from "./shared";

/** A complete subject list for the year (the CSV shape of shared/reference/subjects-partial.csv). */
async function subjectListText(path: string | undefined): Promise<string | undefined> {
  if (path === undefined) return undefined;
  let text: string;
  try {
    // UTF-8, or GBK as Excel saves a CSV on Chinese Windows.
    text = decodeText(await readFile(path));
  } catch {
    throw new InputError(`${path}：科目表文件不存在或无法读取。`);
  }
  if (!readCompleteSubjectCsv(text))
    throw new InputError(`${path}：不是科目表（第一行应为 kind,code,name，且至少含有功能分类 201 一般公共服务支出）。`);
  return text;
}

export async function validateCommand(args: ParsedArgs): Promise<number> {
  if (args.positional.length === 0) throw new UsageError("validate 需要至少一个工作簿文件或文件夹。");
  const format = choiceOption(args, "format", ["text", "json"] as const, "text");
  const failOn = choiceOption(args, "fail-on", ["error", "warning"] as const, "error");
  const defaults = unitDefaults(args);
  const packId = packOption(args);
  const files = await expandInputs(args.positional);
  if (files.length === 0) throw new InputError(`${args.positional.join("、")}：没有找到工作簿文件（.xlsx、.xls、.ods）或 PDF。`);
  // A Word or text narrative belongs to one workbook.
  const narrativePath = stringOption(args, "narrative");
  if (narrativePath && files.length > 1) throw new UsageError("--narrative 只能和一个工作簿一起校验。");
  const narrative = narrativePath ? await narrativeFile(narrativePath) : undefined;
  const subjectsCsv = await subjectListText(stringOption(args, "subjects"));
  // The report workbook is never written over without --force, and the check comes before the batch runs.
  const reportPath = stringOption(args, "report");
  if (reportPath && !reportPath.toLowerCase().endsWith(".xlsx")) throw new UsageError("--report 的文件名应以 .xlsx 结尾。");
  if (reportPath && existsSync(reportPath) && args.options.force !== true) throw new UsageError(`${reportPath} 已存在；要覆盖请加 --force。`);
  // The roster is read before the batch, so that an unreadable roster stops it at once.
  const rosterPath = stringOption(args, "roster");
  const roster = rosterPath ? rosterNames(await loadWorkbook(rosterPath)) : undefined;
  if (rosterPath && roster!.length === 0) throw new InputError(`${rosterPath}：没有找到单位名称（应有一列单位名称）。`);
  // Progress on a terminal only, and never in JSON mode: what a script reads stays as it was.
  const progress = format === "json" ? null : batchProgress(files.length, process.stderr);
  const results = await validateFiles(files, defaults, narrative ? 1 : undefined, { packId, narrative, subjectsCsv, onFileDone: progress?.fileDone });
  progress?.finish();
  const rosterCheck = roster ? checkRoster(roster, results) : undefined;
  if (format === "json") process.stdout.write(JSON.stringify(jsonReport(results), null, 1) + "\n");
  else if (results.length > 1) console.log(batchText(results, { showInfo: args.options["show-info"] === true, failOn }));
  else console.log(results.map(fileText).join("\n\n"));
  if (rosterCheck && format !== "json") console.log(`\n${rosterText(rosterCheck)}`);
  if (reportPath) {
    await writeBatchReport(results, reportPath, failOn, rosterCheck);
    if (format !== "json") console.log(`\n审核结果已写入 ${reportPath}。`);
  }
  if (results.some((r) => r.unreadable || (r.report && r.report.findings.some((f) => f.ruleId === "workbook-unreadable")))) return 2;
  const failing = results.some((r) => r.report!.counts.error > 0 || (failOn === "warning" && r.report!.counts.warning > 0));
  return failing ? 1 : 0;
}

/** The narrative given with --narrative: a Word or text file by paragraphs, or the text of a PDF (tables and text published as two PDFs) by page. */
export async function narrativeFile(path: string): Promise<{ sheetName: string; lines: NarrativeLine[] }> {
  if (!isPdfPath(path)) return { sheetName: basename(path), lines: documentLines(await loadNarrativeText(path)) };
  // Its pages are the text PDF's, not the tables': each line names the file with its page.
  const lines = readPdfPages(await loadPdfPages(path)).narrative.map((l) => ({ ...l, sheet: `${basename(path)} ${l.sheet}` }));
  if (lines.length === 0) throw new InputError(`${path}：PDF 中没有读到说明文字。`);
  return { sheetName: basename(path), lines };
}
