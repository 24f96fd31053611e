/** Runs the rule catalogue over a disclosure. Read-only and never throws: a rule that fails becomes a finding. */
import { RULES } from "./catalog";
import { readingNoteFinding } from "./rules-form";
import type { Finding, Rule, RuleContext, Severity, ValidationInput, ValidationReport } from "./types";
import type { WorkbookReading } from "../read-workbook";
import type { UnitInfo } from "../model";
import { PARTIAL_SUBJECTS, type SubjectList } from "../subjects/subject-list";

export function validate(input: ValidationInput, rules: readonly Rule[] = RULES): ValidationReport {
  const shared = new Map<string, unknown>();
  const once = <T>(key: string, build: () => T): T => {
    if (!shared.has(key)) shared.set(key, build());
    return shared.get(key) as T;
  };
  const context: RuleContext = { ...input, table: (id) => input.tables[id], once };
  const findings: Finding[] = [];
  for (const rule of rules) {
    try {
      findings.push(...rule.check(context));
    } catch (error) {
      findings.push({ ruleId: rule.id, severity: "error", message: `校验规则“${rule.title}”无法完成：${(error as Error).message}` });
    }
  }
  const order = new Map(input.pack.tables.map((t, i) => [t.id, i]));
  findings.sort((a, b) => (order.get(a.tableId ?? "") ?? -1) - (order.get(b.tableId ?? "") ?? -1));
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return { valid: counts.error === 0, counts, findings };
}

/** The validation input of a workbook as read (tables, texts, problems, 情况说明, 绩效目标表). */
export function validationInputOf(reading: WorkbookReading, unit: UnitInfo, unitTypeKnown: boolean, subjects: SubjectList = PARTIAL_SUBJECTS): ValidationInput | null {
  if (!reading.pack || !reading.disclosure) return null;
  return {
    pack: reading.pack,
    unit,
    tables: reading.disclosure.tables,
    texts: reading.texts,
    problems: reading.problems,
    notes: reading.notes,
    narrative: reading.narrative,
    performanceForms: reading.performanceForms,
    subjects,
    unitTypeKnown,
  };
}

/** A report for a workbook that could not be read as a disclosure at all. */
export function unreadableReport(reading: WorkbookReading): ValidationReport {
  const errors = reading.problems.map((p) => ({ ruleId: "workbook-unreadable", severity: "error" as const, message: p.message }));
  // What was read only in part (rows past the cap, formulas saved without results) can be why no table was found.
  const notes = (reading.notes ?? []).map(readingNoteFinding);
  return { valid: false, counts: { error: errors.length, warning: notes.length, info: 0 }, findings: [...errors, ...notes] };
}
