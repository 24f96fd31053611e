/** Subject codes and names: one name per code across tables, and against the subject list. */
import type { RowData } from "../model";
import type { TableSpec } from "../packs/types";
import { sameName, type SubjectKind } from "../subjects/subject-list";
import { placeOf, tableName } from "./locate";
import { lazyTexts } from "./sum-finding";
import type { Finding, Rule, RuleContext } from "./types";

const CLASS_NUMBERING = /^[一二三四五六七八九十]+[、.．]\s*/;

interface SubjectRow {
  table: TableSpec;
  row: RowData;
  kind: SubjectKind;
  codeColumn: string;
  /** A 类 label of a 总表 (一、一般公共服务支出): checked against the subject list only (an old name there is one warning, not two). */
  classLabel?: boolean;
}

/** Both subject rules walk the same rows: gathered once per run. */
function subjectRows(context: RuleContext): SubjectRow[] {
  return context.once("subjectRows", () => gatherSubjectRows(context));
}

function gatherSubjectRows(context: RuleContext): SubjectRow[] {
  const out: SubjectRow[] = [];
  for (const table of context.pack.tables) {
    const data = context.table(table.id);
    if (!data) continue;
    for (const side of table.sides) {
      const body = side.body;
      // 功能分类 类 rows of the 总表 (一、一般公共服务支出 …): their labels are subject names too.
      if ((body.kind === "fixed" || body.kind === "classNames") && side.labelColumn) {
        for (const row of data[side.id] ?? [])
          if (row.id && /^\d{3}$/.test(row.id) && row.name) out.push({ table, row: { ...row, code: row.id, name: row.name.replace(CLASS_NUMBERING, "") }, kind: "function", codeColumn: side.labelColumn, classLabel: true });
        continue;
      }
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
      if (s.classLabel) continue;
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
  description: "科目编码和名称与科目表核对（含两张总表的功能分类类名称）。本项目附带的科目表不完整：不在表中的编码每个给一条“未知”提示，不视为错误；可加载某年度的完整科目表。功能分类使用2019年以前的旧名称时警告，并给出现行名称。随附科目表的名称取自2023年以后的文件：更早年度的文件名称不同时只作提示。",
  check(context) {
    const list = context.subjects;
    if (!list) return [];
    const findings: Finding[] = [];
    const reported = new Set<string>();
    const unknown = new Set<string>();
    for (const s of subjectRows(context)) {
      const names = list.names(s.kind, s.row.code!);
      // Unknown to a partial list: once in all, the first place it is printed.
      if (!names && !list.complete) {
        const code = `${s.kind}:${s.row.code}`;
        if (unknown.has(code)) continue;
        unknown.add(code);
        const { name } = s.row;
        findings.push(lazyTexts({ ruleId: "subject-list", severity: "info", tableId: s.table.id, ...placeOf(context, s.table, s.row, s.codeColumn) }, () => ({ message: `科目编码 ${s.row.code}（${name}）未知：不在随附的部分科目表中，名称未核对；加载该年度的完整科目表后可核对。` })));
        continue;
      }
      // Otherwise each table that prints a name is told once: every place must be corrected.
      const key = `${s.kind}:${s.row.code}:${s.row.name}:${s.table.id}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const place = { tableId: s.table.id, ...placeOf(context, s.table, s.row, s.codeColumn) };
      if (!names) {
        findings.push({ ruleId: "subject-list", severity: "warning", ...place, message: `科目编码 ${s.row.code}（${s.row.name}）不在科目表中。` });
        continue;
      }
      const matched = names.findIndex((n) => sameName(n, s.row.name!));
      if (matched > 0 && s.kind === "function")
        findings.push({ ruleId: "subject-list", severity: "warning", ...place, message: `科目 ${s.row.code} 写作旧名称“${s.row.name}”，现行名称为“${names[0]}”。`, expected: names[0], actual: s.row.name });
      // A document older than the list's names: its name may have been right in its year.
      if (matched < 0 && list.namesSince !== undefined && context.unit.year > 0 && context.unit.year < list.namesSince) {
        const { year } = context.unit;
        findings.push({ ruleId: "subject-list", severity: "info", ...place, message: `科目 ${s.row.code} 的名称“${s.row.name}”与随附科目表（${list.namesSince}年以后的名称）“${names[0]}”不同；本文件为${year}年，科目名称其后可能调整过，请加载${year}年的完整科目表核对。`, expected: names[0], actual: s.row.name });
        continue;
      }
      if (matched < 0)
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
