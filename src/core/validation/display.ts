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

/** Findings grouped by a key, groups in the order their first finding comes. */
function groupsBy(findings: readonly Finding[], keyOf: (f: Finding) => string): [string, Finding[]][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = keyOf(f);
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  return [...groups];
}

export function groupForDisplay(findings: readonly Finding[], workbookLabel: string): { bySheet: SheetGroup[]; infos: InfoGroup[] } {
  const serious = findings.filter((f) => f.severity !== "info").sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  return {
    bySheet: groupsBy(serious, (f) => f.sheet ?? workbookLabel).map(([sheet, group]) => ({ sheet, findings: group })),
    infos: groupsBy(
      findings.filter((f) => f.severity === "info"),
      infoKind,
    ).map(([kind, group]) => ({ kind, findings: group })),
  };
}
