/**
 * A pack that follows the schema can still point at things it does not have: a tie to a table, side,
 * row or column it does not declare, a header of the wrong width. Each such reference is an issue with
 * its JSON path, so that a pack file is refused before any workbook is read with it.
 */
import type { JsonIssue } from "../json/schema-issues";
import { BODY_ROWS, type FigureRef, type SideSpec, type SubjectColumnRef, type TableSpec, type TemplatePack, type TieCondition } from "./types";

/** Rows a figure may name beside a side's fixed rows: the 合计 row of a subject or item body. */
const TOTAL_ROW = "total";
const SUBJECT_CODE = /^\d{3}(\d{2}){0,2}$/;

export function packReferenceIssues(pack: TemplatePack): JsonIssue[] {
  const issues: JsonIssue[] = [];
  const issue = (path: string, message: string) => issues.push({ path, message });
  const tableIds = new Set<string>();
  const sheetNames = new Set<string>();
  pack.tables.forEach((table, t) => {
    const at = `$.tables[${t}]`;
    if (tableIds.has(table.id)) issue(`${at}.id`, `表 ${table.id} 重复声明。`);
    tableIds.add(table.id);
    if (sheetNames.has(table.sheetName)) issue(`${at}.sheetName`, `工作表名“${table.sheetName}”已被另一张表使用。`);
    sheetNames.add(table.sheetName);
    tableIssues(table, at, issue);
  });
  (pack.ties ?? []).forEach((tie, i) => {
    const at = `$.ties[${i}]`;
    if (tie.kind === "figure") {
      figureIssue(pack, tie.left, `${at}.left`, issue);
      figureIssue(pack, tie.right, `${at}.right`, issue, true);
      if (tie.right.row === BODY_ROWS && tie.relation !== "eq") issue(`${at}.right.row`, "各行之和（*body）只能用于相等关系。");
    } else {
      columnIssue(pack, tie.left, `${at}.left`, issue, true);
      columnIssue(pack, tie.right, `${at}.right`, issue, true);
    }
    if (tie.when) conditionIssues(pack, tie.when, `${at}.when`, issue);
  });
  const ids = new Set<string>();
  (pack.ties ?? []).forEach((tie, i) => {
    if (ids.has(tie.id)) issue(`$.ties[${i}].id`, `勾稽关系 ${tie.id} 重复声明。`);
    ids.add(tie.id);
  });
  for (const [key, ref] of Object.entries(pack.figures ?? {})) {
    if (key === "threePublic") for (const [part, figure] of Object.entries(ref as Record<string, FigureRef>)) figureIssue(pack, figure, `$.figures.threePublic.${part}`, issue);
    else figureIssue(pack, ref as FigureRef, `$.figures.${key}`, issue);
  }
  (pack.narrativeClaims ?? []).forEach((claim, i) => {
    const at = `$.narrativeClaims[${i}]`;
    let groups = 0;
    try {
      groups = new RegExp(`${claim.pattern}|`).exec("")!.length - 1;
    } catch {
      issue(`${at}.pattern`, "不是有效的正则表达式。");
    }
    if (groups === 0 && issues.every((x) => x.path !== `${at}.pattern`)) issue(`${at}.pattern`, "正则表达式中没有括号分组：第一个分组应是以万元计的金额。");
    claim.figures.forEach((f, j) => figureIssue(pack, f, `${at}.figures[${j}]`, issue));
  });
  (pack.classClaimColumns ?? []).forEach((ref, i) => columnIssue(pack, ref, `$.classClaimColumns[${i}]`, issue, true));
  if (pack.itemsTable) columnIssue(pack, pack.itemsTable, "$.itemsTable", issue, true);
  (pack.narrativeSections ?? []).forEach((section, i) => {
    const at = `$.narrativeSections[${i}]`;
    patternIssue(section.heading, `${at}.heading`, issue);
    if (section.when !== undefined) patternIssue(section.when, `${at}.when`, issue);
    if (section.itemsWaivedBy !== undefined) patternIssue(section.itemsWaivedBy, `${at}.itemsWaivedBy`, issue);
    (section.items ?? []).forEach((item, j) => {
      patternIssue(item.pattern, `${at}.items[${j}].pattern`, issue);
      if (item.figure) figureIssue(pack, item.figure, `${at}.items[${j}].figure`, issue);
    });
  });
  if (pack.performanceProjects) columnIssue(pack, pack.performanceProjects, "$.performanceProjects", issue, false);
  // The narrative's sheets: none of them a table's sheet, none twice, each part with a heading to begin at.
  const narrativeSheets = new Set([pack.narrativeSheetName ?? ""]);
  const tableSheets = new Set(pack.tables.map((t) => t.sheetName));
  (pack.narrativeParts ?? []).forEach((part, i) => {
    const at = `$.narrativeParts[${i}]`;
    if (part.heading.trim() === "") issue(`${at}.heading`, "说明分页的开头标题不能为空。");
    if (tableSheets.has(part.sheetName)) issue(`${at}.sheetName`, `“${part.sheetName}”是表格的工作表，不能用来放说明。`);
    else if (narrativeSheets.has(part.sheetName)) issue(`${at}.sheetName`, `说明的工作表“${part.sheetName}”重复。`);
    narrativeSheets.add(part.sheetName);
  });
  return issues;
}

type Report = (path: string, message: string) => void;

function patternIssue(pattern: string, path: string, issue: Report): void {
  try {
    new RegExp(pattern);
  } catch {
    issue(path, "不是有效的正则表达式。");
  }
}

function tableIssues(table: TableSpec, at: string, issue: Report): void {
  const keys = table.columns.map((c) => c.key);
  const known = new Set(keys);
  const seenKeys = new Set<string>();
  table.columns.forEach((c, i) => {
    if (seenKeys.has(c.key)) issue(`${at}.columns[${i}].key`, `栏目 ${c.key} 重复声明。`);
    seenKeys.add(c.key);
  });
  const headerWidth = (rows: readonly (readonly string[])[], width: number, path: string) =>
    rows.forEach((row, r) => {
      if (row.length !== width) issue(`${path}[${r}]`, `表头这一行有 ${row.length} 格，而栏目有 ${width} 个。`);
    });
  headerWidth(table.header, keys.length, `${at}.header`);
  (table.variants ?? []).forEach((v, i) => {
    v.columns.forEach((k, j) => known.has(k) || issue(`${at}.variants[${i}].columns[${j}]`, `本表没有栏目 ${k}。`));
    headerWidth(v.header, v.columns.length, `${at}.variants[${i}].header`);
  });
  const column = (key: string | undefined, path: string) => key === undefined || known.has(key) || issue(path, `本表没有栏目 ${key}。`);
  table.sides.forEach((side, s) => {
    const sideAt = `${at}.sides[${s}]`;
    side.columns.forEach((k, j) => column(k, `${sideAt}.columns[${j}]`));
    if (side.labelColumn !== undefined && !side.columns.includes(side.labelColumn)) issue(`${sideAt}.labelColumn`, `栏目 ${side.labelColumn} 不在这一侧的栏目中。`);
    if (side.groupColumn !== undefined && !side.columns.includes(side.groupColumn)) issue(`${sideAt}.groupColumn`, `栏目 ${side.groupColumn} 不在这一侧的栏目中。`);
    const body = side.body;
    if (body.kind === "subjects") {
      column(body.codeColumn, `${sideAt}.body.codeColumn`);
      column(body.nameColumn, `${sideAt}.body.nameColumn`);
      column(body.totalRow.labelColumn, `${sideAt}.body.totalRow.labelColumn`);
      (body.codeParts ?? []).forEach((k, j) => column(k, `${sideAt}.body.codeParts[${j}]`));
    } else if (body.kind === "items") {
      column(body.nameColumn, `${sideAt}.body.nameColumn`);
      (body.levelColumns ?? []).forEach((k, j) => column(k, `${sideAt}.body.levelColumns[${j}]`));
      if (body.levelColumns && body.levelColumns[0] !== body.nameColumn) issue(`${sideAt}.body.levelColumns[0]`, `第一级应是名称栏目 ${body.nameColumn}。`);
    }
    else if (body.kind === "fixed" || body.kind === "classNames") {
      if (side.labelColumn === undefined && body.kind === "classNames") issue(`${sideAt}.labelColumn`, "按类名称列行的一侧需要标签栏目。");
    }
    const rowIds = fixedRowIds(side);
    const seenRows = new Set<string>();
    const rows = [...(side.body.kind === "fixed" ? side.body.rows.map((r, i) => [r, `${sideAt}.body.rows[${i}]`] as const) : []), ...(side.footer ?? []).map((r, i) => [r, `${sideAt}.footer[${i}]`] as const)];
    for (const [row, path] of rows) {
      if (row.id !== "" && seenRows.has(row.id)) issue(`${path}.id`, `行 ${row.id} 在这一侧重复声明。`);
      seenRows.add(row.id);
      (row.sumOf ?? []).forEach((id, j) => {
        if (id === BODY_ROWS ? side.body.kind === "fixed" && side.body.rows.length === 0 : !rowIds.has(id)) issue(`${path}.sumOf[${j}]`, `这一侧没有行 ${id}。`);
      });
    }
    (side.rowSums ?? []).forEach((sum, j) => {
      for (const [key, path] of [[sum.target, `${sideAt}.rowSums[${j}].target`] as const, ...sum.sources.map((k, m) => [k, `${sideAt}.rowSums[${j}].sources[${m}]`] as const)])
        if (!side.columns.includes(key) || table.columns.find((c) => c.key === key)?.kind !== "amount") issue(path, `栏目 ${key} 不是这一侧的金额栏目。`);
    });
  });
}

function fixedRowIds(side: SideSpec): Set<string> {
  return new Set([...(side.body.kind === "fixed" ? side.body.rows : []), ...(side.footer ?? [])].map((r) => r.id).filter((id) => id !== ""));
}

function sideOf(pack: TemplatePack, table: string, side: string, path: string, issue: Report): { table: TableSpec; side: SideSpec } | null {
  const spec = pack.tables.find((t) => t.id === table);
  if (!spec) {
    issue(`${path}.table`, `模板包中没有表 ${table}。`);
    return null;
  }
  const found = spec.sides.find((s) => s.id === side);
  if (!found) {
    issue(`${path}.side`, `表 ${table} 没有“${side}”这一侧（有：${spec.sides.map((s) => s.id).join("、")}）。`);
    return null;
  }
  return { table: spec, side: found };
}

function amountColumnIssue(table: TableSpec, side: SideSpec, column: string, path: string, issue: Report): void {
  if (!side.columns.includes(column) || table.columns.find((c) => c.key === column)?.kind !== "amount") issue(`${path}.column`, `表 ${table.id} 的“${side.id}”一侧没有金额栏目 ${column}。`);
}

function figureIssue(pack: TemplatePack, ref: FigureRef, path: string, issue: Report, bodySum = false): void {
  const found = sideOf(pack, ref.table, ref.side, path, issue);
  if (!found) return;
  amountColumnIssue(found.table, found.side, ref.column, path, issue);
  const body = found.side.body;
  const rowKnown = (bodySum && ref.row === BODY_ROWS) || fixedRowIds(found.side).has(ref.row) || (ref.row === TOTAL_ROW && (body.kind === "subjects" || body.kind === "items")) || (SUBJECT_CODE.test(ref.row) && (body.kind === "subjects" || body.kind === "classNames"));
  if (!rowKnown) issue(`${path}.row`, `表 ${ref.table} 的“${ref.side}”一侧没有行 ${ref.row}。`);
}

function columnIssue(pack: TemplatePack, ref: SubjectColumnRef, path: string, issue: Report, bySubject: boolean): void {
  const found = sideOf(pack, ref.table, ref.side, path, issue);
  if (!found) return;
  amountColumnIssue(found.table, found.side, ref.column, path, issue);
  const body = found.side.body;
  const byCode = body.kind === "subjects" || body.kind === "classNames" || (body.kind === "fixed" && body.rows.some((r) => SUBJECT_CODE.test(r.id)));
  if (bySubject && !byCode) issue(`${path}.side`, `表 ${ref.table} 的“${ref.side}”一侧不是按科目列行的，不能逐科目比较。`);
}

function conditionIssues(pack: TemplatePack, when: TieCondition, path: string, issue: Report): void {
  if (when.kind !== "equal") return;
  figureIssue(pack, when.left, `${path}.left`, issue);
  figureIssue(pack, when.right, `${path}.right`, issue);
}
