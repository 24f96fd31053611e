/** The findings as rows of a 校验报告 worksheet (written only on request). */
import { SEVERITY_NAMES, type ValidationReport } from "./types";

export const REPORT_HEADER = ["级别", "表", "工作表", "单元格", "说明", "应为", "实际", "规则"];

export function reportRows(report: ValidationReport): string[][] {
  return report.findings.map((f) => [SEVERITY_NAMES[f.severity], f.tableId ?? "", f.sheet ?? "", f.cell ?? "", f.message, f.expected ?? "", f.actual ?? "", f.ruleId]);
}
