/**
 * 财政拨款支出主要内容: one item per 项 of the pack's items table (TemplatePack.itemsTable), as the narrative lists
 * them and as the 说明 form shows them for the accountant to complete: the subject, the year's amount, what it is
 * mainly used for (主要用于, a default from the subject's name), and, where the set's text compares it, the prior
 * year's 预算执行数 with the change computed as the checks compute it, and the reason.
 */
import type { Disclosure } from "../model";
import type { TemplatePack } from "../packs/types";
import { hundredthsText, percentHundredths, percentText, printedHundredths, wanFixed } from "./format";

export interface NarrativeItem {
  /** 7-digit 项 code. */
  code: string;
  className: string;
  categoryName: string;
  name: string;
  /** The year's amount (分), the items table's column. */
  amount: number;
}

/** Every 项 of the items table with an amount, in table order, with its 类 and 款 names from the same table. */
export function narrativeItems(pack: TemplatePack, d: Disclosure): NarrativeItem[] {
  const ref = pack.itemsTable;
  const rows = ref ? (d.tables[ref.table]?.[ref.side] ?? []) : [];
  const nameOf = (code: string) => rows.find((r) => r.code === code)?.name ?? "";
  return rows
    .filter((r) => r.code?.length === 7 && (r.amounts[ref!.column] ?? 0) !== 0)
    .map((r) => ({ code: r.code!, className: nameOf(r.code!.slice(0, 3)), categoryName: nameOf(r.code!.slice(0, 5)), name: r.name ?? "", amount: r.amounts[ref!.column] ?? 0 }));
}

/**
 * 主要用于…: what the common 项 are for, in the wording budget documents use; another 项 by its own name.
 * Only a default for the accountant to confirm or rewrite.
 */
const PURPOSES: readonly [RegExp, string][] = [
  [/^行政运行$/, "保障机关正常运转的人员经费和日常公用经费支出"],
  [/^事业运行$/, "保障事业单位正常运转的人员经费和日常公用经费支出"],
  [/^一般行政管理事务$/, "开展日常行政管理工作的项目支出"],
  [/^机关服务$/, "为机关提供后勤服务的支出"],
  [/^机关事业单位基本养老保险缴费支出$/, "按规定为在职人员缴纳的基本养老保险费"],
  [/^机关事业单位职业年金缴费支出$/, "按规定为在职人员缴纳的职业年金"],
  [/^行政单位医疗$/, "按规定为行政单位在职人员缴纳的基本医疗保险费"],
  [/^事业单位医疗$/, "按规定为事业单位在职人员缴纳的基本医疗保险费"],
  [/^公务员医疗补助$/, "按规定为公务员缴纳的医疗补助"],
  [/^住房公积金$/, "按规定为在职人员缴存的住房公积金"],
  [/^提租补贴$/, "按规定发放的提租补贴"],
  [/^购房补贴$/, "按规定发放的购房补贴"],
];

export function defaultPurpose(itemName: string): string {
  const name = itemName.trim();
  const known = PURPOSES.find(([pattern]) => pattern.test(name));
  if (known) return known[1];
  return `${name.replace(/支出$/, "")}方面的支出`;
}

/** The change from the prior year's 预算执行数, as printed and as the checks recompute it: null without a prior figure. */
export type ItemChange = { kind: "same" } | { kind: "new" } | { kind: "up" | "down"; percent: string };

export function itemChange(amount: number, prior: number | undefined): ItemChange | null {
  if (prior === undefined) return null;
  const current = printedHundredths(amount);
  const before = printedHundredths(prior);
  if (before === 0) return current === 0 ? { kind: "same" } : { kind: "new" };
  if (current === before) return { kind: "same" };
  return { kind: current > before ? "up" : "down", percent: percentText(percentHundredths(Math.abs(current - before), before)) };
}

/** The change as the form shows it: 增加 12.34%, 减少 5.00%, 持平, 新增. */
export function itemChangeLabel(change: ItemChange | null): string {
  if (!change) return "";
  if (change.kind === "same") return "持平";
  if (change.kind === "new") return "新增";
  return `${change.kind === "up" ? "增加" : "减少"} ${change.percent}%`;
}

/**
 * The comparison sentence of the 单位 form: “{P}年当年预算执行数为A万元，{Y}年预算安排B万元，比{P}年预算执行数增加|减少p%。
 * 主要原因是：…。” A prior figure of 0 takes no percentage (it has no meaning): the item is new.
 */
export function itemComparison(item: NarrativeItem, prior: number, year: number, reason: string): string {
  const change = itemChange(item.amount, prior)!;
  const before = `${year - 1}年当年预算执行数为${hundredthsText(printedHundredths(prior))}万元，${year}年预算安排${wanFixed(item.amount)}万元`;
  const because = `主要原因是：${reason}。`;
  if (change.kind === "new") return `${year - 1}年无此项预算执行数，${year}年预算安排${wanFixed(item.amount)}万元，为本年新增。${because}`;
  if (change.kind === "same") return `${before}，与${year - 1}年预算执行数持平。`;
  return `${before}，比${year - 1}年预算执行数${change.kind === "up" ? "增加" : "减少"}${change.percent}%。${because}`;
}
