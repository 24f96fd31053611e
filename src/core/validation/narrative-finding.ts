/** Findings about narrative lines: placed at the sheet row (A12) or the paragraph of a Word file (第12段). */
import type { NarrativeLine } from "../narrative/find-text";
import type { Finding, RuleContext } from "./types";

const normalized = new WeakMap<readonly NarrativeLine[], NarrativeLine[]>();

/**
 * One writing of what documents print in several ways, before any claim pattern sees a line: brackets
 * full-width (a half-width closing bracket beside a full-width opening one), no spaces inside or around
 * brackets and quotes, none between a figure and its unit, nor before 科目.
 */
export function normalizeClaimText(text: string): string {
  return text
    .replace(/\(/g, "（")
    .replace(/\)/g, "）")
    .replace(/\s*([（）“”])\s*/g, "$1")
    .replace(/(\d)\s+(?=万元|元|%|％)/g, "$1")
    // Spaces a PDF puts between the characters of a justified line (项 目 支 出 预 算 数 为 4,968.34 万 元).
    .replace(/([\u4e00-\u9fff（）“”、，：；。])\s+(?=[\u4e00-\u9fff（）“”、，：；。\d])/g, "$1")
    .replace(/(\d)\s+(?=[\u4e00-\u9fff（）“”、，：；。])/g, "$1")
    .replace(/\s+(?=科目)/g, "");
}

/** The narrative's lines as the rules read them (normalised once per narrative). */
export function narrativeLines(context: RuleContext): NarrativeLine[] {
  const lines = context.narrative?.lines;
  if (!lines) return [];
  let out = normalized.get(lines);
  if (!out) {
    out = lines.map((l) => ({ ...l, text: normalizeClaimText(l.text) }));
    normalized.set(lines, out);
  }
  return out;
}

export function narrativeFinding(context: RuleContext, line: NarrativeLine, ruleId: string, severity: Finding["severity"], message: string, extra: Partial<Finding> = {}): Finding {
  return { ruleId, severity, tableId: "N1", sheet: line.sheet ?? context.narrative?.sheetName, cell: line.place ?? `A${line.row + 1}`, message, ...extra };
}
