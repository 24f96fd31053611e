/** Subject codes and names: one name per code across tables, and against the subject list. */
import type { RowData } from "../model";
import type { TableSpec } from "../packs/types";
import { sameName, type SubjectKind } from "../subjects/subject-list";
import { placeOf, tableName } from "./locate";
import type { Finding, Rule, RuleContext } from "./types";

interface SubjectRow {
  table: TableSpec;
  row: RowData;
  kind: SubjectKind;
  codeColumn: string;
}

function subjectRows(context: RuleContext): SubjectRow[] {
  const out: SubjectRow[] = [];
  for (const table of context.pack.tables) {
    const data = context.table(table.id);
    if (!data) continue;
    for (const side of table.sides) {
      const body = side.body;
      if (body.kind !== "subjects" || body.classification === "revenue") continue;
      for (const row of data[side.id] ?? []) if (row.code && row.name) out.push({ table, row, kind: body.classification, codeColumn: body.nameColumn });
    }
  }
  return out;
}

export const nameConflictRule: Rule = {
  id: "subject-name-conflict",
  severity: "warning",
  title: "同一科目名称不一致",
  description: "同一个科目编码在不同表中写了不同的名称（括号全角半角、空格不计）。",
  check(context) {
    const first = new Map<string, SubjectRow>();
    const findings: Finding[] = [];
    for (const s of subjectRows(context)) {
      const key = `${s.kind}:${s.row.code}`;
      const seen = first.get(key);
      if (!seen) first.set(key, s);
      else if (!sameName(seen.row.name!, s.row.name!))
        findings.push({
          ruleId: "subject-name-conflict",
          severity: "warning",
          tableId: s.table.id,
          ...placeOf(context, s.table, s.row, s.codeColumn),
          message: `科目 ${s.row.code} 在${tableName(s.table)}中名为“${s.row.name}”，在${tableName(seen.table)}中名为“${seen.row.name}”。`,
          expected: seen.row.name,
          actual: s.row.name,
        });
    }
    return findings;
  },
};

export const subjectListRule: Rule = {
  id: "subject-list",
  severity: "warning",
  title: "科目编码与名称核对",
  description: "科目编码和名称与科目表核对。本项目附带的科目表不完整：不在表中的编码提示为“未知”，不视为错误；可加载某年度的完整科目表。",
  check(context) {
    const list = context.subjects;
    if (!list) return [];
    const findings: Finding[] = [];
    const reported = new Set<string>();
    for (const s of subjectRows(context)) {
      const key = `${s.kind}:${s.row.code}:${s.row.name}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const names = list.names(s.kind, s.row.code!);
      const place = { tableId: s.table.id, ...placeOf(context, s.table, s.row, s.codeColumn) };
      if (!names) {
        if (list.complete)
          findings.push({ ruleId: "subject-list", severity: "warning", ...place, message: `科目编码 ${s.row.code}（${s.row.name}）不在科目表中。` });
        continue;
      }
      if (!names.some((n) => sameName(n, s.row.name!)))
        findings.push({
          ruleId: "subject-list",
          severity: "warning",
          ...place,
          message: `科目 ${s.row.code} 的名称“${s.row.name}”与科目表“${names[0]}”不同。`,
          expected: names[0],
          actual: s.row.name,
        });
    }
    return findings;
  },
};
