/** Identities inside one table: row sums, fixed-row sums, the subject hierarchy, item totals. */
import { ancestorCodes, parentCode } from "../codes";
import { TOTAL_ROW_ID } from "../layout/render";
import type { RowData } from "../model";
import type { SideSpec, TableSpec } from "../packs/types";
import { amountOf, columnTitle, moneyOf, placeOf, rowLabel, tableName, unprintedColumns } from "./locate";
import { sumFinding } from "./sum-finding";
import { nestedChildren, topLevelRows } from "../nested-items";
import { agreesExactly } from "./intervals";
import type { Finding, Rule, RuleContext } from "./types";
import { BODY_ROWS } from "../packs/types";
import { amountColumnsOf } from "./columns";

type SideVisitor = (table: TableSpec, side: SideSpec, rows: RowData[]) => Finding[];

function eachSide(context: RuleContext, visit: SideVisitor): Finding[] {
  const findings: Finding[] = [];
  for (const table of context.pack.tables) {
    const data = context.table(table.id);
    if (!data) continue;
    for (const side of table.sides) findings.push(...visit(table, side, data[side.id] ?? []));
  }
  return findings;
}

const amountColumns = (table: TableSpec, side: SideSpec) => side.columns.filter((k) => table.columns.find((c) => c.key === k)?.kind === "amount");
const hasAmounts = (row: RowData) => Object.values(row.amounts).some((v) => v !== null && v !== undefined);

export const rowSumRule: Rule = {
  id: "row-sum",
  severity: "error",
  title: "行内合计",
  description: "每行的合计栏等于各分栏之和：合计 = 基本支出 + 项目支出；合计 = 一般公共预算 + 政府性基金 + 国有资本经营预算 + 财政专户管理资金 + 单位资金；合计 = 人员经费 + 公用经费 等。",
  check: (context) =>
    eachSide(context, (table, side, rows) => {
      const money = moneyOf(context.pack, table, context.texts?.[table.id]);
      const findings: Finding[] = [];
      // Columns the workbook does not print (部门版, or a column reported missing) take part in no row sum.
      const unprinted = unprintedColumns(context.texts?.[table.id]);
      const columns = amountColumnsOf(context, rows, money.step);
      for (const sum of side.rowSums ?? []) {
        if (unprinted.has(sum.target) || sum.sources.some((k) => unprinted.has(k))) continue;
        if (columns.empty(sum.target) && sum.sources.every((k) => columns.empty(k))) continue;
        const target = columns.values(sum.target);
        const sources = sum.sources.map((k) => columns.values(k));
        const shownSources = sum.sources.map((k) => columns.shown(k));
        const failing: number[] = [];
        for (let i = 0; i < rows.length; i++) {
          let partSum = 0;
          let shownSum = 0;
          for (let s = 0; s < sources.length; s++) {
            partSum += sources[s][i];
            shownSum += shownSources[s][i];
          }
          if (!agreesExactly(target[i], partSum, shownSum, money.step) && hasAmounts(rows[i])) failing.push(i);
        }
        const perRow = failing.flatMap((i) => {
          const row = rows[i];
          const finding = sumFinding(
            "row-sum",
            money,
            amountOf(row, sum.target),
            sum.sources.map((k) => amountOf(row, k)),
            () => ({ subject: `${tableName(table)}“${rowLabel(row)}”`, totalName: columnTitle(table, sum.target), partsName: sum.sources.map((k) => columnTitle(table, k)).join("+") }),
            () => ({ tableId: table.id, ...placeOf(context, table, row, sum.target) }),
          );
          return finding ? [{ row, finding }] : [];
        });
        // A part column left blank in the whole table is one cause: one finding, not one a row.
        const errors = perRow.filter((f) => f.finding.severity === "error");
        const blank = sum.sources.filter((k) => columns.empty(k));
        if (errors.length > 1 && blank.length === 1 && !columns.empty(sum.target)) {
          findings.push({
            ruleId: "row-sum",
            severity: "error",
            tableId: table.id,
            ...placeOf(context, table, errors[0].row, blank[0]),
            message: `${tableName(table)}的“${columnTitle(table, blank[0])}”一栏整栏空白，而“${columnTitle(table, sum.target)}”有金额：${errors.length} 行的${columnTitle(table, sum.target)}不等于${sum.sources.map((k) => columnTitle(table, k)).join("+")}。请填写这一栏。`,
          });
          findings.push(...perRow.filter((f) => f.finding.severity !== "error").map((f) => f.finding));
          continue;
        }
        findings.push(...perRow.map((f) => f.finding));
      }
      return findings;
    }),
};

export const fixedSumRule: Rule = {
  id: "fixed-sum",
  severity: "error",
  title: "固定行合计",
  description: "合计行等于其组成行：本年收入合计 = 各项收入；收入总计 = 本年收入合计 + 上年结转；公务用车购置及运行费 = ①购置费 + ②运行维护费；“三公”经费合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费 等。",
  check: (context) =>
    eachSide(context, (table, side, rows) => {
      if (side.body.kind !== "fixed" && side.body.kind !== "classNames") return [];
      const money = moneyOf(context.pack, table, context.texts?.[table.id]);
      const specs = [...(side.body.kind === "fixed" ? side.body.rows : []), ...(side.footer ?? [])];
      const byId = new Map(rows.filter((r) => r.id).map((r) => [r.id!, r]));
      const footerIds = new Set((side.footer ?? []).map((f) => f.id));
      // "*body": every body row of the side (the 类 rows of Shanghai's 支出总计).
      const expand = (ids: readonly string[]) => ids.flatMap((id) => (id === BODY_ROWS ? rows.filter((r) => r.id && !footerIds.has(r.id)).map((r) => r.id!) : [id]));
      const findings: Finding[] = [];
      for (const spec of specs) {
        if (!spec.sumOf) continue;
        const row = byId.get(spec.id);
        const partIds = expand(spec.sumOf);
        const parts = partIds.map((id) => byId.get(id));
        if (!row && parts.every((p) => !p)) continue;
        for (const key of amountColumns(table, side)) {
          const finding = sumFinding(
            "fixed-sum",
            money,
            amountOf(row, key),
            parts.map((p) => amountOf(p, key)),
            () => ({ subject: `${tableName(table)}“${spec.label}”${columnTitle(table, key)}`, totalName: "", partsName: spec.sumOf!.includes(BODY_ROWS) ? "各行之和" : `${spec.sumOf!.map((id) => specs.find((s) => s.id === id)?.label ?? id).join("+")}` }),
            () => ({ tableId: table.id, ...placeOf(context, table, row, key) }),
          );
          if (finding) findings.push(finding);
        }
      }
      return findings;
    }),
};

export const subjectHierarchyRule: Rule = {
  id: "subject-hierarchy",
  severity: "error",
  title: "科目层级汇总",
  description: "按科目编码前缀汇总：每个类等于其下各款之和，每个款等于其下各项之和，合计等于各类之和（功能分类3/5/7位，经济分类3/5位）。",
  check: (context) =>
    eachSide(context, (table, side, rows) => {
      if (side.body.kind !== "subjects") return [];
      const money = moneyOf(context.pack, table, context.texts?.[table.id]);
      const subjects = rows.filter((r) => r.code);
      const present = new Set(subjects.map((r) => r.code!));
      const total = rows.find((r) => r.id === TOTAL_ROW_ID);
      const children = new Map<string, RowData[]>();
      for (const row of subjects) {
        const parent = parentCode(row.code!) ?? TOTAL_ROW_ID;
        if (parent !== TOTAL_ROW_ID && !present.has(parent)) continue; // reported by subject-parent-missing
        const list = children.get(parent);
        if (list) list.push(row);
        else children.set(parent, [row]);
      }
      const findings: Finding[] = [];
      // Each row adds into its parent's slot (the 合计 row's slot for 类 rows); one pass per column.
      const indexOf = new Map(rows.map((r, i) => [r, i]));
      const totalIndex = total ? indexOf.get(total)! : rows.length;
      const parentOf = new Int32Array(rows.length).fill(-1);
      const kidsOf = new Map<number, RowData[]>();
      const rowOfCode = new Map(subjects.map((r) => [r.code!, r]));
      for (const [parentCodeKey, kids] of children) {
        const p = parentCodeKey === TOTAL_ROW_ID ? totalIndex : indexOf.get(rowOfCode.get(parentCodeKey)!)!;
        kidsOf.set(p, kids);
        for (const k of kids) parentOf[indexOf.get(k)!] = p;
      }
      // A 合计 row with nothing under it must itself be empty.
      if (total && !kidsOf.has(totalIndex)) kidsOf.set(totalIndex, []);
      const columns = amountColumnsOf(context, rows, money.step);
      const sums = new Float64Array(rows.length + 1);
      const shownSums = new Float64Array(rows.length + 1);
      for (const key of amountColumns(table, side)) {
        if (columns.empty(key)) continue;
        const values = columns.values(key);
        const shown = columns.shown(key);
        sums.fill(0);
        shownSums.fill(0);
        for (let i = 0; i < rows.length; i++) {
          const p = parentOf[i];
          if (p < 0) continue;
          sums[p] += values[i];
          shownSums[p] += shown[i];
        }
        for (const [p, kids] of kidsOf) {
          const parent = p < rows.length ? rows[p] : undefined;
          const parentValue = parent ? values[p] : 0;
          if (agreesExactly(parentValue, sums[p], shownSums[p], money.step)) continue;
          const label = parent && parent !== total ? rowLabel(parent) : "合计";
          const finding = sumFinding(
            "subject-hierarchy",
            money,
            parentValue,
            kids.map((k) => amountOf(k, key)),
            () => ({ subject: `${tableName(table)}“${label}”${columnTitle(table, key)}`, totalName: "", partsName: `下级科目（${kids.map((k) => k.code).join("、") || "无"}）之和` }),
            () => ({ tableId: table.id, ...placeOf(context, table, parent, key) }),
          );
          if (finding) findings.push(finding);
        }
      }
      return findings;
    }),
};

export const itemsTotalRule: Rule = {
  id: "items-total",
  severity: "error",
  title: "项目（单位）合计",
  description: "按项目或单位列示的表，首行合计等于各行之和（项目支出预算表、机关运行经费预算表）；分级列示的（政府采购：品目大类、专项、采购物品），合计等于第一级之和，每一行等于其下一级之和。",
  check: (context) =>
    eachSide(context, (table, side, rows) => {
      if (side.body.kind !== "items") return [];
      const money = moneyOf(context.pack, table, context.texts?.[table.id]);
      const total = rows.find((r) => r.id === TOTAL_ROW_ID);
      const items = rows.filter((r) => r.id !== TOTAL_ROW_ID);
      if (!total && items.length === 0) return [];
      const levels = items.map((r) => r.level ?? 0);
      const nested = side.body.levelColumns ? [...nestedChildren(levels)] : [];
      const checks: { row: RowData | undefined; parts: RowData[]; subject: string }[] = [
        { row: total, parts: side.body.levelColumns ? topLevelRows(levels).map((i) => items[i]) : items, subject: `${tableName(table)}合计行` },
        ...nested.map(([parent, children]) => ({ row: items[parent], parts: children.map((i) => items[i]), subject: `${tableName(table)}“${items[parent].name}”` })),
      ];
      return checks.flatMap(({ row, parts, subject }) =>
        amountColumns(table, side)
          .map((key) =>
            sumFinding(
              "items-total",
              money,
              amountOf(row, key),
              parts.map((r) => amountOf(r, key)),
              () => ({ subject: `${subject}${columnTitle(table, key)}`, totalName: "", partsName: row === total ? (side.body.kind === "items" && side.body.levelColumns ? "最上一级各行之和" : "各行之和") : "其下一级各行之和" }),
              () => ({ tableId: table.id, ...placeOf(context, table, row, key) }),
            ),
          )
          .filter((f): f is Finding => f !== null),
      );
    }),
};

export const parentMissingRule: Rule = {
  id: "subject-parent-missing",
  severity: "error",
  title: "缺少上级科目",
  description: "列出了款或项，却没有列出它的上级类或款：上级的合计公式会漏掉它。",
  check: (context) =>
    eachSide(context, (table, side, rows) => {
      if (side.body.kind !== "subjects") return [];
      const codes = new Set(rows.map((r) => r.code).filter(Boolean));
      return rows
        .filter((r) => r.code && ancestorCodes(r.code).some((a) => !codes.has(a)))
        .map((r) => ({
          ruleId: "subject-parent-missing",
          severity: "error" as const,
          tableId: table.id,
          ...placeOf(context, table, r, side.body.kind === "subjects" ? (side.body.codeParts?.[0] ?? side.body.codeColumn) : (side.labelColumn ?? "")),
          message: `${tableName(table)}科目 ${rowLabel(r)} 缺少上级科目 ${ancestorCodes(r.code!).filter((a) => !codes.has(a)).join("、")}。`,
        }));
    }),
};

export const duplicateCodeRule: Rule = {
  id: "subject-duplicate",
  severity: "error",
  title: "科目重复",
  description: "同一张表中同一个科目编码出现两次。",
  check: (context) =>
    eachSide(context, (table, side, rows) => {
      if (side.body.kind !== "subjects") return [];
      const seen = new Set<string>();
      const findings: Finding[] = [];
      for (const r of rows) {
        if (!r.code) continue;
        if (seen.has(r.code))
          findings.push({ ruleId: "subject-duplicate", severity: "error", tableId: table.id, ...placeOf(context, table, r, side.body.codeColumn), message: `${tableName(table)}科目编码 ${r.code} 重复出现。` });
        seen.add(r.code);
      }
      return findings;
    }),
};

export const negativeAmountRule: Rule = {
  id: "amount-negative",
  severity: "warning",
  title: "负数金额",
  description: "预算金额一般不为负数，请核实。",
  check: (context) =>
    eachSide(context, (table, side, rows) => {
      const findings: Finding[] = [];
      const money = moneyOf(context.pack, table, context.texts?.[table.id]);
      for (const row of rows)
        for (const key of amountColumns(table, side)) {
          const v = row.amounts[key];
          if (v !== null && v !== undefined && v < 0)
            findings.push({
              ruleId: "amount-negative",
              severity: "warning",
              tableId: table.id,
              ...placeOf(context, table, row, key),
              message: `${tableName(table)}“${rowLabel(row)}”${columnTitle(table, key)}为负数 ${(v / money.fenPerUnit).toFixed(money.decimals)}，请核实。`,
            });
        }
      return findings;
    }),
};
