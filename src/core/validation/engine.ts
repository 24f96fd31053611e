/** Runs the rule catalogue over a disclosure. Read-only and never throws: a rule that fails becomes a finding. */
import { RULES } from "./catalog";
import type { Finding, Rule, RuleContext, Severity, ValidationInput, ValidationReport } from "./types";

export function validate(input: ValidationInput, rules: readonly Rule[] = RULES): ValidationReport {
  const context: RuleContext = { ...input, table: (id) => input.tables[id] };
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
