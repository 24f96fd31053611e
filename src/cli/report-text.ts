/** The validation report as Chinese text for people, and as JSON for machines. */
import type { Recognition } from "../core/recognize/recognize";
import { columnLetter } from "../core/layout/a1";
import { columnTitle, tableName } from "../core/validation/locate";
import { SEVERITY_NAMES, type Finding, type Severity, type ValidationReport } from "../core/validation/types";

export interface FileResult {
  file: string;
  unitName: string;
  /** Set when the file could not be read at all. */
  unreadable?: string;
  report?: ValidationReport;
  /** Tables recognised in a workbook without our names: which table on which sheet. */
  recognized?: { table: string; sheet: string }[];
  /** The pack's name of each table (表一 …), for findings that have no sheet (a table missing). */
  tableNames?: Record<string, string>;
  /** The pack the file was read with, and the budget year it gives. */
  packName?: string;
  year?: number;
}

/** A batch's verdict for one file, as a bureau's reviewer writes it. */
export type Verdict = "通过" | "退回" | "无法读取";

export function verdictOf(result: FileResult, failOn: "error" | "warning" = "error"): Verdict {
  if (result.unreadable) return "无法读取";
  const { error, warning } = result.report!.counts;
  return error > 0 || (failOn === "warning" && warning > 0) ? "退回" : "通过";
}

/** A finding's cause without its figures and places: the same defect in many files reads alike. */
const causeOf = (f: Finding): string => `${f.ruleId}|${f.message.replace(/[\d,.]+/g, "#").replace(/“[^”]*”/g, "“…”")}`;

/** Files sorted for a reviewer: unreadable first, then by errors and warnings, most first. */
function reviewOrder(results: readonly FileResult[]): FileResult[] {
  const rank = (r: FileResult) => (r.unreadable ? [2, 0, 0] : [1, r.report!.counts.error, r.report!.counts.warning]);
  return [...results].sort((a, b) => {
    const [x, y] = [rank(a), rank(b)];
    return y[0] - x[0] || y[1] - x[1] || y[2] - x[2] || a.file.localeCompare(b.file);
  });
}

/**
 * A batch as a reviewer reads it: the summary first (worst first, with a verdict per file), then the causes
 * that repeat across files once each, then each file's errors and warnings. Informations are counted, and
 * listed only with `showInfo`.
 */
export function batchText(results: readonly FileResult[], options: { showInfo?: boolean; failOn?: "error" | "warning" } = {}): string {
  const ordered = reviewOrder(results);
  const verdicts = ordered.map((r) => verdictOf(r, options.failOn));
  const count = (v: Verdict) => verdicts.filter((x) => x === v).length;
  const out = [`共 ${results.length} 个文件：通过 ${count("通过")}，退回 ${count("退回")}，无法读取 ${count("无法读取")}。`, "", summaryTable(ordered, verdicts)];
  // A cause in three files or more is said once, with the files it is in. Each finding's cause is worked out once.
  const shown = (f: Finding) => f.severity !== "info" || options.showInfo === true;
  const listed = new Map(ordered.map((r) => [r, (r.report?.findings.filter(shown) ?? []).map((f) => ({ f, cause: causeOf(f) }))]));
  const filesOf = new Map<string, { example: Finding; files: Set<string> }>();
  for (const [r, findings] of listed)
    for (const { f, cause } of findings) {
      const entry = filesOf.get(cause) ?? { example: f, files: new Set<string>() };
      entry.files.add(r.file);
      filesOf.set(cause, entry);
    }
  const common = [...filesOf.entries()].filter(([, e]) => e.files.size >= 3).sort((a, b) => b[1].files.size - a[1].files.size);
  const commonKeys = new Set(common.map(([key]) => key));
  if (common.length > 0) {
    out.push("", "多个文件共有的问题：");
    for (const [, e] of common) out.push(`  ${e.files.size} 个文件：[${SEVERITY_NAMES[e.example.severity]}] ${e.example.message}（${e.example.ruleId}；例：${[...e.files][0]}）`);
  }
  for (const [r, findings] of listed) {
    if (r.unreadable) {
      out.push("", `✗ ${r.file}：无法读取。${r.unreadable}`);
      continue;
    }
    const own = findings.filter(({ cause }) => !commonKeys.has(cause)).map(({ f }) => f);
    const inCommon = findings.length - own.length;
    const hidden = options.showInfo ? 0 : r.report!.counts.info;
    out.push("", fileText({ ...r, report: { ...r.report!, findings: own } }) + (inCommon ? `\n  另有 ${inCommon} 项见“多个文件共有的问题”。` : "") + (hidden ? `\n  提示 ${hidden} 项未列出（--show-info 列出）。` : ""));
  }
  return out.join("\n");
}

const SEVERITIES: Severity[] = ["error", "warning", "info"];

function place(f: Finding): string {
  if (f.sheet && f.cell) return `${f.sheet}!${f.cell}`;
  return f.sheet ?? "";
}

/** Which sheet holds which table, the columns placed, and the sheets where nothing was found. */
export function recognitionText(recognition: Recognition): string {
  const lines = [`按表名和表头识别（${recognition.pack?.name ?? "未确定模板包"}）：`];
  const PARTS: Record<string, string> = { codeClass: "类", codeCategory: "款", codeItem: "项" };
  for (const p of recognition.placements) {
    const table = recognition.pack?.tables.find((t) => t.id === p.tableId);
    // Each column by the header text it was recognised by: 合计=E 基本支出=F …
    const columns = Object.entries(p.columns).map(([key, col]) => `${PARTS[key] ?? (table ? columnTitle(table, key) : key)}=${columnLetter(col)}`).join(" ");
    const name = table ? `${tableName(table)}（${table.title.replace("{year}年", "")}）` : p.tableId;
    const missing = p.missingColumns.map((k) => (table ? columnTitle(table, k) : k));
    lines.push(`  ${name} ← 工作表“${p.sheetName}”${p.variant ? `（${table?.variants?.find((v) => v.id === p.variant)?.label ?? p.variant}）` : ""}，${p.amountUnit}，栏目 ${columns}${missing.length ? `，缺少 ${missing.join("、")}` : ""}`);
  }
  for (const s of recognition.sheets.filter((x) => x.tables.length === 0)) lines.push(`  工作表“${s.sheetName}”：${s.reason ?? "没有表格"}`);
  return lines.join("\n");
}

export function fileText(result: FileResult): string {
  if (result.unreadable) return `✗ ${result.file}：${result.unreadable}`;
  const r = result.report!;
  const lines = [`${r.valid ? "✓" : "✗"} ${result.file}（${result.unitName || "单位名称未知"}）：错误 ${r.counts.error}，警告 ${r.counts.warning}，提示 ${r.counts.info}${result.recognized ? `；按表名和表头识别了 ${result.recognized.length} 张表` : ""}`];
  let lastTable: string | undefined;
  for (const f of r.findings) {
    if (f.tableId !== lastTable) {
      lines.push(`  ${f.sheet ?? (f.tableId ? (result.tableNames?.[f.tableId] ?? f.tableId) : "工作簿")}`);
      lastTable = f.tableId;
    }
    lines.push(`    [${SEVERITY_NAMES[f.severity]}] ${place(f)}${place(f) ? " " : ""}${f.message}（${f.ruleId}）`);
  }
  return lines.join("\n");
}

/** 文件 | 单位名称 | 错误 | 警告 (| 结论), for many files. */
export function summaryTable(results: readonly FileResult[], verdicts?: readonly Verdict[]): string {
  const rows = results.map((r, i) => [r.file, r.unitName || "—", r.unreadable ? "无法读取" : String(r.report!.counts.error), r.unreadable ? "—" : String(r.report!.counts.warning), ...(verdicts ? [verdicts[i]] : [])]);
  const header = ["文件", "单位名称", "错误", "警告", ...(verdicts ? ["结论"] : [])];
  const width = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const line = (cells: string[]) => cells.map((c, i) => c + " ".repeat(widths[i] - width(c))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function jsonReport(results: readonly FileResult[]): object {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const r of results) for (const s of SEVERITIES) counts[s] += r.report?.counts[s] ?? 0;
  return {
    valid: results.every((r) => !r.unreadable && r.report!.valid),
    counts,
    files: results.map((r) => ({
      file: r.file,
      unitName: r.unitName,
      ...(r.recognized ? { recognized: r.recognized } : {}),
      ...(r.unreadable ? { valid: false, unreadable: r.unreadable } : { valid: r.report!.valid, counts: r.report!.counts, findings: r.report!.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, table: f.tableId ?? null, sheet: f.sheet ?? null, cell: f.cell ?? null, ...(f.page !== undefined ? { page: f.page } : {}), message: f.message, expected: f.expected ?? null, actual: f.actual ?? null })) }),
    })),
  };
}
