/** Findings about narrative lines: placed at the sheet row (A12) or the paragraph of a Word file (第12段). */
import type { NarrativeLine } from "../narrative/find-text";
import type { Finding, RuleContext } from "./types";

export function narrativeLines(context: RuleContext): NarrativeLine[] {
  return context.narrative?.lines ?? [];
}

export function narrativeFinding(context: RuleContext, line: NarrativeLine, ruleId: string, severity: Finding["severity"], message: string, extra: Partial<Finding> = {}): Finding {
  return { ruleId, severity, tableId: "N1", sheet: line.sheet ?? context.narrative?.sheetName, cell: line.place ?? `A${line.row + 1}`, message, ...extra };
}
