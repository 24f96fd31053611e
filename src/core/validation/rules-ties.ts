/** Cross-table ties (表间勾稽) declared by the pack, rounding-aware. */
import type { RowData } from "../model";
import { BODY_ROWS, type FigureRef, type SubjectColumnRef, type TableSpec, type TieCondition, type TieSpec } from "../packs/types";
import { TOTAL_ROW_ID } from "../layout/render";
import { checkAtMost, shown } from "./intervals";
import { columnTitle, moneyOf, placeOf, rowLabel, tableName, unprintedColumns, type TableMoney } from "./locate";
import { sumFinding } from "./sum-finding";
import type { Finding, Rule, RuleContext } from "./types";

function rowsOf(context: RuleContext, ref: { table: string; side: string }): RowData[] | undefined {
  return context.table(ref.table)?.[ref.side];
}

const findRow = (rows: RowData[], key: string) => rows.find((r) => r.id === key || r.code === key);

/** The body rows of a side ("*body" in a figure): not its footer rows, not a 合计 row; of a subject body, the 类 rows. */
function bodyRowsOf(table: TableSpec, sideId: string, rows: readonly RowData[]): RowData[] {
  const side = table.sides.find((s) => s.id === sideId);
  const footer = new Set((side?.footer ?? []).map((f) => f.id));
  if (side?.body.kind === "subjects") return rows.filter((r) => r.code?.length === 3);
  return rows.filter((r) => r.id !== TOTAL_ROW_ID && !(r.id && footer.has(r.id)));
}

function describe(spec: TableSpec, ref: FigureRef | SubjectColumnRef, row: RowData | undefined, key: string): string {
  const label = row ? rowLabel(row) : key;
  return label ? `${tableName(spec)}“${label}”${columnTitle(spec, ref.column)}` : `${tableName(spec)}${columnTitle(spec, ref.column)}`;
}

interface TieSides {
  leftTable: TableSpec;
  rightTable: TableSpec;
  /** Figures of tables in different units (元 and 万元) compare at the coarser table's precision. */
  money: TableMoney;
}

function tieSides(context: RuleContext, tie: TieSpec): TieSides {
  const leftTable = context.pack.tables.find((t) => t.id === tie.left.table)!;
  const rightTable = context.pack.tables.find((t) => t.id === tie.right.table)!;
  const leftMoney = moneyOf(context.pack, leftTable, context.texts?.[leftTable.id]);
  const rightMoney = moneyOf(context.pack, rightTable, context.texts?.[rightTable.id]);
  return { leftTable, rightTable, money: rightMoney.step > leftMoney.step ? rightMoney : leftMoney };
}

function compare(context: RuleContext, tie: TieSpec, { leftTable, rightTable, money }: TieSides, key: string, left: RowData | undefined, right: RowData | undefined, rightParts?: readonly RowData[]): Finding | null {
  const leftRef = tie.left;
  const rightRef = tie.right;
  const a = left?.amounts[leftRef.column] ?? 0;
  // The right side may be the sum of a side's body rows, each printed and rounded on its own.
  const parts = rightParts ? rightParts.map((r) => r.amounts[rightRef.column] ?? 0) : [right?.amounts[rightRef.column] ?? 0];
  const b = parts.reduce((sum, p) => sum + p, 0);
  if (a === b) return null; // the common case, settled before any message is built
  const place = () => ({ tableId: leftTable.id, ...placeOf(context, leftTable, left, leftRef.column) });
  const leftText = () => describe(leftTable, leftRef, left, key);
  const rightText = () => (rightParts ? `${tableName(rightTable)}${columnTitle(rightTable, rightRef.column)}各行之和` : describe(rightTable, rightRef, right, key));
  if (tie.relation === "eq") {
    return sumFinding(`tie:${tie.id}`, money, a, parts, () => ({ subject: leftText(), totalName: "", partsName: rightText() }), place);
  }
  const status = checkAtMost(a, b, money.step);
  if (status === "ok") return null;
  const f = (v: number) => shown(v, money.fenPerUnit, money.decimals);
  return {
    ruleId: `tie:${tie.id}`,
    severity: status === "error" ? "error" : "info",
    ...place(),
    message: `${status === "rounding" ? "四舍五入差异：" : ""}${leftText()} ${f(a)} 大于 ${rightText()} ${f(b)}（应不大于）。${tie.description}。`,
    expected: `≤ ${f(b)}`,
    actual: f(a),
  };
}

/** Whether a tie's stated condition holds for this unit's figures. */
export function conditionHolds(context: RuleContext, condition: TieCondition): boolean {
  if (condition.kind === "unitType") return context.unitTypeKnown !== false && condition.types.includes(context.unit.type);
  const value = (ref: FigureRef) => (rowsOf(context, ref) ? (findRow(rowsOf(context, ref)!, ref.row)?.amounts[ref.column] ?? 0) : undefined);
  const a = value(condition.left);
  const b = value(condition.right);
  return a !== undefined && b !== undefined && a === b;
}

export const tiesRule: Rule = {
  id: "tie",
  severity: "error",
  title: "表间勾稽关系",
  description: "模板包声明的表间关系：同一数字在各表中一致，或一个不大于另一个（详见各规则编号 tie:…）。",
  check(context) {
    const findings: Finding[] = [];
    for (const tie of context.pack.ties ?? []) {
      if (tie.when && !conditionHolds(context, tie.when)) continue;
      // A column the workbook does not print (部门版, or reported missing) ties nothing.
      if ([tie.left, tie.right].some((ref) => unprintedColumns(context.texts?.[ref.table]).has(ref.column))) continue;
      const leftRows = rowsOf(context, tie.left);
      const rightRows = rowsOf(context, tie.right);
      if (!leftRows || !rightRows) continue;
      const sides = tieSides(context, tie);
      if (tie.kind === "figure") {
        const left = findRow(leftRows, tie.left.row);
        const bodyRows = tie.right.row === BODY_ROWS ? bodyRowsOf(sides.rightTable, tie.right.side, rightRows) : undefined;
        const right = bodyRows ? undefined : findRow(rightRows, tie.right.row);
        if (tie.onlyWhenBothPresent && (!left || !(right ?? bodyRows?.length))) continue;
        const finding = compare(context, tie, sides, tie.left.row, left, right, bodyRows);
        if (finding) findings.push(finding);
        continue;
      }
      const keyOf = (r: RowData) => r.code ?? (r.id && /^\d+$/.test(r.id) ? r.id : undefined);
      const keys = new Set<string>();
      for (const r of [...leftRows, ...rightRows]) {
        const k = keyOf(r);
        if (k && (!tie.classesOnly || k.length === 3)) keys.add(k);
      }
      const leftByKey = new Map(leftRows.map((r) => [keyOf(r), r]));
      const rightByKey = new Map(rightRows.map((r) => [keyOf(r), r]));
      for (const key of [...keys].sort()) {
        const left = leftByKey.get(key);
        const right = rightByKey.get(key);
        const finding = compare(context, tie, sides, key, left, right);
        if (finding) findings.push(finding);
      }
    }
    return findings;
  },
};
