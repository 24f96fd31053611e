/**
 * Checks of the 情况说明 text (generated or typed by hand) against the tables:
 * amounts, shares, changes, empty reasons, placeholders, stray years.
 */
import { FUNCTION_CLASSES } from "../subjects/function-classes";
import type { Finding, Rule, RuleContext } from "./types";
import type { FigureRef } from "../packs/types";
import { narrativeFinding as at, narrativeLines as linesOf } from "./narrative-finding";
import { hundredthsText, percentHundredths, percentText, printedHundredths, ratioRangeText, shareRange, statedChangeRange, wanFixed, writtenHundredths, writtenPercentWithin, writtenWan, writtenWanMatches } from "../narrative/format";
import type { NarrativeLine } from "../narrative/find-text";
import { NARRATIVE_CLAIM_RULES } from "./rules-narrative-claims";
import { NARRATIVE_SECTION_RULES } from "./rules-narrative-sections";
import { narrativeChangeReasonRule } from "./rules-narrative-reasons";
import { NARRATIVE_WORDING_RULES } from "./rules-narrative-wording";


const figure = (context: RuleContext, table: string, side: string, key: string, column: string): number | undefined =>
  context.table(table)?.[side]?.find((r) => r.id === key || r.code === key)?.amounts[column] ?? undefined;

/** A figure the pack declares (三公, 机关运行经费, 人员/公用经费); `whenBlank` for a table present with the cell empty. Undefined when the pack has no such figure: nothing to check. */
function packFigure(context: RuleContext, ref: FigureRef | undefined, whenBlank?: number): number | undefined {
  if (!ref || !context.table(ref.table)) return undefined;
  return figure(context, ref.table, ref.side, ref.row, ref.column) ?? whenBlank;
}

/** A written amount in 万元 stands for ±0.005 万元 (2 decimals) or ±0.5 (a whole number written without decimals is taken as rounded to 0.01 too). */
/** The phrases of the pack that state figures, compiled once per pack: { regex, what, figures }. */
const compiled = new WeakMap<object, { pattern: RegExp; what: string; prior?: string; sources: (c: RuleContext) => (number | undefined)[] }[]>();

function claimsOf(context: RuleContext) {
  const pack = context.pack;
  let list = compiled.get(pack);
  if (list) return list;
  list = (pack.narrativeClaims ?? []).map((claim) => ({
    pattern: new RegExp(claim.pattern, "g"),
    what: claim.what,
    prior: claim.prior,
    sources: (c: RuleContext) => claim.figures.map((ref) => packFigure(c, ref, claim.blankIsZero ? 0 : undefined)),
  }));
  // “{类名}X万元”: the 功能分类 类 rows of the columns the pack names.
  for (const cls of FUNCTION_CLASSES)
    list.push({
      pattern: new RegExp(`(?<![\\u4e00-\\u9fa5])${cls.name}([\\d,.]+)万元`, "g"),
      what: `${cls.name}（类）`,
      sources: (c: RuleContext) => (pack.classClaimColumns ?? []).map((ref) => figure(c, ref.table, ref.side, cls.code, ref.column)),
    });
  compiled.set(pack, list);
  return list;
}

export const narrativeAmountRule: Rule = {
  id: "narrative-amount",
  severity: "error",
  title: "说明中的金额与表格一致",
  description: "情况说明中写出的总计、基本支出、项目支出、各类支出、人员经费、公用经费、“三公”经费和机关运行经费，与表中数字在四舍五入范围内一致。",
  check(context) {
    const findings: Finding[] = [];
    for (const line of linesOf(context))
      for (const { pattern, what, sources } of claimsOf(context))
        for (const m of line.text.matchAll(pattern)) {
          const candidates = sources(context).filter((v): v is number => v !== undefined);
          if (candidates.length === 0 || candidates.some((fen) => writtenWanMatches(m[1], fen))) continue;
          const expected = wanFixed(candidates[0]);
          findings.push(at(context, line, "narrative-amount", "error", `说明中“${m[0]}”与表中${what} ${expected}万元不符。`, { expected, actual: m[1] }));
        }
    return findings;
  },
};

export const narrativePriorRule: Rule = {
  id: "narrative-prior",
  severity: "error",
  title: "与上年比较的增减额",
  description: "写明了上年数（说明资料中的上年预算）时，“X万元，比上年/比{上年}年预算 增加|减少 D万元”中的 D 和增减用词要与本年数和上年数一致；“持平”要求两数相同。",
  check(context) {
    const prior = context.facts?.priorYear as Record<string, number | undefined> | undefined;
    if (!prior) return [];
    const findings: Finding[] = [];
    for (const line of linesOf(context))
      for (const { pattern, what, prior: key } of claimsOf(context)) {
        const before = key ? prior[key] : undefined;
        if (before === undefined) continue;
        for (const m of line.text.matchAll(pattern)) {
          const rest = line.text.slice(m.index! + m[0].length);
          const change = /^，?(?:比上年|比\d{4}年预算)(增加|减少|增长)([\d,.]+)万元|^，?(?:与上年|与\d{4}年预算)持平/.exec(rest);
          if (!change) continue;
          const now = writtenHundredths(m[1]);
          const then = printedHundredths(before);
          const expectedWord = now > then ? "增加" : now < then ? "减少" : "持平";
          const written = change[1] ? (change[1] === "增长" ? "增加" : change[1]) : "持平";
          const diff = change[2] ? writtenHundredths(change[2]) : 0;
          if (written !== expectedWord || diff !== Math.abs(now - then))
            findings.push(at(context, line, "narrative-prior", "error", `${what}本年 ${m[1]}万元、上年 ${hundredthsText(then)}万元，应写“${expectedWord === "持平" ? "持平" : `${expectedWord}${hundredthsText(Math.abs(now - then))}万元`}”，说明中写的是“${change[0].replace(/^，/, "")}”。`));
        }
      }
    return findings;
  },
};

/** One "X万元，占P%" item as written. */
interface ShareItem {
  text: string;
  amount: string;
  percent: string;
}

interface ShareGroup {
  total: string;
  items: { line: NarrativeLine; item: ShareItem }[];
}

const SHARE_ITEM = /([\d,]+(?:\.\d+)?)万元[，,]占([\d.]+)%/g;
const FIRST_AMOUNT = /([\d,]+(?:\.\d+)?)万元/;

/**
 * Groups of shares and the total they are shares of: a paragraph's first amount when it is not itself an item
 * (“本年支出预算合计X万元，其中：基本支出A万元，占P%；…”), else the total of the paragraph before, for lists
 * written one item to a paragraph after a “其中：”.
 */
function shareGroups(lines: readonly NarrativeLine[]): ShareGroup[] {
  const groups: ShareGroup[] = [];
  let open: ShareGroup | null = null;
  for (const line of lines) {
    const items = [...line.text.matchAll(SHARE_ITEM)].map((m) => ({ text: m[0], amount: m[1], percent: m[2], index: m.index ?? 0 }));
    const first = FIRST_AMOUNT.exec(line.text);
    if (items.length === 0) {
      // A total with its list to follow, one item to a paragraph: “…合计X万元，其中：”.
      open = first && /其中[:：]?$/.test(line.text.trim()) ? { total: first[1], items: [] } : null;
      if (open) groups.push(open);
      continue;
    }
    if (first!.index !== items[0].index) {
      open = { total: first![1], items: [] };
      groups.push(open);
    } else if (!open) continue; // items with no total stated before them
    open.items.push(...items.map((item) => ({ line, item })));
  }
  return groups.filter((g) => g.items.length > 0);
}

/**
 * A share as written agrees with part / whole: anywhere the printed figures' intervals allow, at its written
 * precision, or within 0.01 of the printed figures' own share (最大余额法 adjustment).
 */
function shareAgrees(percent: string, partText: string, wholeText: string): boolean {
  const range = shareRange(writtenWan(partText), writtenWan(wholeText));
  if (writtenPercentWithin(percent, range.low, range.high)) return true;
  const [part, whole] = [writtenHundredths(partText), writtenHundredths(wholeText)];
  const units = Math.round(Number(percent) * 100);
  return Math.abs(part * 10000 - units * whole) <= whole;
}

export const narrativeShareRule: Rule = {
  id: "narrative-share",
  severity: "error",
  title: "说明中的占比",
  description: "“X万元，占P%”的P按总额重新计算（按写出的位数四舍五入，印出金额的四舍五入区间允许的都算对，另允许最大余额法调整0.01）：总额是同段第一个金额，或逐条分段列出时“其中：”前的金额；同一组占比之和为100.00%。金额可带千分位。",
  check(context) {
    const findings: Finding[] = [];
    for (const group of shareGroups(linesOf(context))) {
      const whole = writtenHundredths(group.total);
      if (whole <= 0) continue;
      let percentSum = 0;
      let amountSum = 0;
      for (const { line, item } of group.items) {
        const part = writtenHundredths(item.amount);
        percentSum += Math.round(Number(item.percent) * 100);
        amountSum += part;
        if (!shareAgrees(item.percent, item.amount, group.total)) {
          const exact = percentText(percentHundredths(part, whole));
          findings.push(at(context, line, "narrative-share", "error", `“${item.text}”：${item.amount}万元占${group.total}万元应为${exact}%。`, { expected: `${exact}%`, actual: `${item.percent}%` }));
        }
      }
      const last = group.items[group.items.length - 1].line;
      if (group.items.length > 1 && amountSum === whole && percentSum !== 10000)
        findings.push(at(context, last, "narrative-share", "error", `这一组占比之和为${percentText(percentSum)}%，应为100.00%。`, { expected: "100.00%", actual: `${percentText(percentSum)}%` }));
    }
    return findings;
  },
};

/** The figure, the comparison with the prior year and the change it states, in any of the ways documents word it. */
const CHANGE = /([\d,]+(?:\.\d+)?)万元(?:[^。；]*?|。)(?:比上年度?|与上年度?相比|较上年度?|同比)[^。；\d]{0,24}?(增长|增加|减少|下降)了?([\d,]+(?:\.\d+)?)万元[，,](增长|下降|减少)([\d.]+)%/g;

export const narrativeChangeRule: Rule = {
  id: "narrative-change",
  severity: "error",
  title: "说明中的增减变化",
  description: "“X万元，比上年（与上年相比、较上年）增加/减少D万元，增长/下降P%”：增减用词一致，P按上年数（本年数减去或加上D）重新计算，按写出的位数四舍五入；印出的X和D各代表其四舍五入区间，P在这些区间允许的范围之外才是错误，并说明可能的范围；上年为零时不写百分比，写“新增”。金额可带千分位。",
  check(context) {
    const findings: Finding[] = [];
    for (const line of linesOf(context))
      for (const m of line.text.matchAll(CHANGE)) {
        const [, currentText, direction, diffText, percentWord, percent] = m;
        const current = writtenHundredths(currentText);
        const diff = writtenHundredths(diffText);
        const up = direction === "增长" || direction === "增加";
        if (up !== (percentWord === "增长")) {
          findings.push(at(context, line, "narrative-change", "error", `“${direction}${diffText}万元，${percentWord}${percent}%”：增减用词前后不一致。`));
          continue;
        }
        const prior = up ? current - diff : current + diff;
        if (prior <= 0) {
          findings.push(at(context, line, "narrative-change", "error", `上年数为零（本年${currentText}万元全部为新增），不能写“${percentWord}${percent}%”，应写为新增支出。`));
          continue;
        }
        // The printed figures stand for intervals: the rate may be anything they allow (23.08% and 23.81% for 0.42 → 0.52).
        const range = statedChangeRange(writtenWan(currentText), writtenWan(diffText), up);
        if (writtenPercentWithin(percent, range.low, range.high)) continue;
        const exact = percentText(percentHundredths(diff, prior));
        const cut = Math.floor((diff * 10000) / prior) === Math.round(Number(percent) * 100) ? "（似为截去尾数，而不是四舍五入）" : "";
        findings.push(at(context, line, "narrative-change", "error", `“${direction}${diffText}万元，${percentWord}${percent}%”：按上年${hundredthsText(prior)}万元（本年${currentText}万元${up ? "减去" : "加上"}${diffText}万元）计算应为${exact}%${cut}；按印出金额各自的四舍五入范围，只能${ratioRangeText(range.low, range.high)}。`, { expected: `${exact}%`, actual: `${percent}%` }));
      }
    return findings;
  },
};

export const narrativeReasonRule: Rule = {
  id: "narrative-reason",
  severity: "error",
  title: "说明中的原因不能为空",
  description: "“主要原因是”后面要写明原因。",
  check: (context) =>
    linesOf(context)
      .filter((line) => /主要原因是[：:]?\s*([。；;，,]|$)/.test(line.text))
      .map((line) => at(context, line, "narrative-reason", "error", "“主要原因是”后面没有写原因。")),
};

export const narrativePlaceholderRule: Rule = {
  id: "narrative-placeholder",
  severity: "error",
  title: "说明中的占位符",
  description: "待填写、XX、××、○○ 等占位符，以及模板里写给编制人的括注（“（按……填写）”“（请……填列）”），不能出现在公开文本中。",
  check: (context) =>
    linesOf(context).flatMap((line) => {
      const m = /待填写|[Xx]{2,}|×{2,}|○{2,}|＊{2,}/.exec(line.text);
      if (m) return [at(context, line, "narrative-placeholder", "error", `说明中有占位符“${m[0]}”，请填写实际内容。`)];
      // A note to whoever fills the template in: bracketed, telling what to write and from where.
      const hint = /（(?:请|按|根据|参照)[^（）]{0,80}?(?:填写|填列|填报)[^（）]{0,6}）/.exec(line.text);
      return hint ? [at(context, line, "narrative-placeholder", "error", `说明中留有模板的填写提示“${hint[0]}”，公开前应删去。`)] : [];
    }),
};

export const narrativeYearRule: Rule = {
  id: "narrative-year",
  severity: "warning",
  title: "说明中的年份",
  description: "说明中的年份应为预算年度或上一年度（“截至/截止YYYY年M月D日”、《…》中的年份和“从YYYY年起”“自YYYY年以来”一类记述沿革的年份除外）。",
  check(context) {
    const { year } = context.unit;
    // The budget year unknown (read from nothing): no year can be said to be stray.
    if (!year) return [];
    const findings: Finding[] = [];
    for (const line of linesOf(context)) {
      // Dates of a balance (截至/截止…), titles of documents, and years that date a history (从2020年起、自2018年以来) are not the budget's year.
      const text = line.text
        .replace(/截[至止]\d{4}年\d{1,2}月\d{1,2}日/g, "")
        .replace(/《[^》]*》/g, "")
        .replace(/(?:从|自|于)\d{4}年|\d{4}年(?:起|以来|至今)/g, "");
      for (const m of text.matchAll(/(?<!\d)(\d{4})年/g)) {
        const y = Number(m[1]);
        if (y !== year && y !== year - 1) findings.push(at(context, line, "narrative-year", "warning", `说明中出现“${m[0]}”，预算年度是${year}年，请核实。`));
      }
    }
    return findings;
  },
};

export const NARRATIVE_RULES: readonly Rule[] = [narrativeAmountRule, narrativePriorRule, narrativeShareRule, narrativeChangeRule, narrativeReasonRule, narrativeChangeReasonRule, narrativePlaceholderRule, narrativeYearRule, ...NARRATIVE_CLAIM_RULES, ...NARRATIVE_WORDING_RULES, ...NARRATIVE_SECTION_RULES];
