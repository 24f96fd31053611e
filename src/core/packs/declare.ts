/** Small helpers for writing template packs as data. */
import type { ColumnSpec, FigureRef, FixedRowSpec, SideSpec, SubjectColumnRef, TieSpec } from "./types";

export const amount = (key: string, width = 14): ColumnSpec => ({ key, kind: "amount", width });
export const label = (key: string, width: number): ColumnSpec => ({ key, kind: "label", width });
export const code = (key: string, width = 11): ColumnSpec => ({ key, kind: "code", width });
/** A figure of a table: row (fixed-row id, "total" or code) and column. */
export const fig = (table: string, side: string, row: string, column: string): FigureRef => ({ table, side, row, column });
/** A column of a side, matched row by row by subject code. */
export const col = (table: string, side: string, column: string): SubjectColumnRef => ({ table, side, column });

/** 财政拨款 income rows as both Shanxi and Shanghai print them: 一、一般公共预算 / 二、政府性基金预算 / 三、国有资本经营预算. */
export const APPROPRIATION_INCOME_ROWS: readonly FixedRowSpec[] = [
  { id: "general", label: "一、一般公共预算", aliases: ["一般公共预算资金", "一般公共预算拨款收入", "一般公共预算拨款"] },
  { id: "fund", label: "二、政府性基金预算", aliases: ["政府性基金", "政府性基金拨款收入", "政府性基金拨款"] },
  { id: "stateCapital", label: "三、国有资本经营预算" },
];

/** The 收入 side of a two-sided 收支总表: fixed income rows in incomeItem | incomeAmount, with its footer rows. */
export function incomeSide(rows: readonly FixedRowSpec[], footer: readonly FixedRowSpec[]): SideSpec {
  return { id: "income", columns: ["incomeItem", "incomeAmount"], labelColumn: "incomeItem", body: { kind: "fixed", rows }, footer };
}

/** The 三公 items and the 经济分类 款 that pay for them: 因公出国（境）费 30212, 公务接待费 30217, 公务用车运行维护费 30231, 公务用车购置 31013. */
export const THREE_PUBLIC_ECONOMIC_CODES = [
  ["travelAbroad", "30212"],
  ["reception", "30217"],
  ["vehicleOperation", "30231"],
  ["vehiclePurchase", "31013"],
] as const;

/**
 * 三公 against the economic classification of basic spending: the 三公 table counts basic and project
 * spending, the economic table basic spending only, so each economic 款 is at most its 三公 item.
 */
export function economicWithinThreePublic(id: (item: string) => string, economic: (code: string) => FigureRef, threePublic: (item: string) => FigureRef | undefined): TieSpec[] {
  return THREE_PUBLIC_ECONOMIC_CODES.flatMap(([item, code]) => {
    const right = threePublic(item);
    return right ? [{ id: id(item), kind: "figure" as const, relation: "le" as const, onlyWhenBothPresent: true, left: economic(code), right, description: "基本支出经济分类中的对应科目不大于“三公”经费（“三公”经费含基本支出和项目支出）" }] : [];
  });
}
