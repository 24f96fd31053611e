/**
 * Findings ordered for the first screen of a report: errors, then warnings, grouped by
 * sheet; informations gathered by kind (四舍五入差异 10 处) so they never bury what needs fixing.
 */
import { RULES } from "./catalog";
import type { Finding, Severity } from "./types";

export interface SheetGroup {
  sheet: string;
  findings: Finding[];
}

export interface InfoGroup {
  /** 四舍五入差异, 未知科目编码 … */
  kind: string;
  findings: Finding[];
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const TITLES = new Map(RULES.map((r) => [r.id, r.title]));

/** The kind an information belongs to: the words before its first colon (四舍五入差异：…), else its rule's title. */
export function infoKind(f: Finding): string {
  const lead = /^([^：:，,]{2,12})[：:]/.exec(f.message)?.[1];
  if (lead) return lead;
  if (f.ruleId === "subject-list") return "未知科目编码";
  return TITLES.get(f.ruleId.split(":")[0]) ?? f.ruleId;
}

export function groupForDisplay(findings: readonly Finding[], workbookLabel: string): { bySheet: SheetGroup[]; infos: InfoGroup[] } {
  const serious = findings.filter((f) => f.severity !== "info").sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  const bySheet: SheetGroup[] = [];
  for (const f of serious) {
    const sheet = f.sheet ?? workbookLabel;
    const group = bySheet.find((g) => g.sheet === sheet);
    if (group) group.findings.push(f);
    else bySheet.push({ sheet, findings: [f] });
  }
  const infos: InfoGroup[] = [];
  for (const f of findings) {
    if (f.severity !== "info") continue;
    const kind = infoKind(f);
    const group = infos.find((g) => g.kind === kind);
    if (group) group.findings.push(f);
    else infos.push({ kind, findings: [f] });
  }
  return { bySheet, infos };
}
