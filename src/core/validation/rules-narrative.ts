/**
 * Checks of the 情况说明 text (generated or typed by hand) against the tables:
 * amounts, shares, changes, empty reasons, placeholders, stray years.
 */
import { FUNCTION_CLASSES } from "../subjects/function-classes";
import type { Finding, Rule, RuleContext } from "./types";
import type { FigureRef } from "../packs/types";
import { narrativeFinding as at, narrativeLines as linesOf } from "./narrative-finding";
import { hundredthsText, printedHundredths, wanFixed, writtenHundredths, writtenWanMatches } from "../narrative/format";
import { NARRATIVE_CLAIM_RULES } from "./rules-narrative-claims";


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

/** "X万元，占P%" items of a paragraph, with the paragraph's first amount as the total. */
function shares(text: string): { total: number; items: { amount: number; percent: number; text: string }[] } | null {
  const items = [...text.matchAll(/([\d.]+)万元，占([\d.]+)%/g)].map((m) => ({ amount: Number(m[1]), percent: Number(m[2]), text: m[0] }));
  if (items.length === 0) return null;
  const first = /([\d.]+)万元/.exec(text);
  return { total: Number(first![1]), items };
}

export const narrativeShareRule: Rule = {
  id: "narrative-share",
  severity: "error",
  title: "说明中的占比",
  description: "“X万元，占P%”的P按段首的总额重新计算（允许最大余额法调整0.01）；同一组占比之和为100.00%。",
  check(context) {
    const findings: Finding[] = [];
    for (const line of linesOf(context)) {
      const found = shares(line.text);
      if (!found || found.total <= 0) continue;
      let sum = 0;
      for (const item of found.items) {
        sum += Math.round(item.percent * 100);
        const exact = (item.amount / found.total) * 100;
        if (Math.abs(exact - item.percent) > 0.01 + 1e-9)
          findings.push(at(context, line, "narrative-share", "error", `“${item.text}”：${item.amount}万元占${found.total}万元应为${exact.toFixed(2)}%。`, { expected: `${exact.toFixed(2)}%`, actual: `${item.percent}%` }));
      }
      const sumOfAmounts = found.items.reduce((s, i) => s + Math.round(i.amount * 100), 0);
      if (found.items.length > 1 && sumOfAmounts === Math.round(found.total * 100) && sum !== 10000)
        findings.push(at(context, line, "narrative-share", "error", `这一段的占比之和为${(sum / 100).toFixed(2)}%，应为100.00%。`, { expected: "100.00%", actual: `${(sum / 100).toFixed(2)}%` }));
    }
    return findings;
  },
};

export const narrativeChangeRule: Rule = {
  id: "narrative-change",
  severity: "error",
  title: "说明中的增减变化",
  description: "“比上年增长/减少D万元，增长/下降P%”：增减用词一致，P按上年数（本年数减去或加上D）重新计算；上年为零时不写百分比，写“新增”。",
  check(context) {
    const findings: Finding[] = [];
    for (const line of linesOf(context))
      for (const m of line.text.matchAll(/([\d.]+)万元[^。；]*?比上年(增长|增加|减少|下降)([\d.]+)万元，(增长|下降|减少)([\d.]+)%/g)) {
        const current = Math.round(Number(m[1]) * 100);
        const diff = Math.round(Number(m[3]) * 100);
        const up = m[2] === "增长" || m[2] === "增加";
        if (up !== (m[4] === "增长")) {
          findings.push(at(context, line, "narrative-change", "error", `“比上年${m[2]}…${m[4]}${m[5]}%”：增减用词前后不一致。`));
          continue;
        }
        const prior = up ? current - diff : current + diff;
        if (prior <= 0) {
          findings.push(at(context, line, "narrative-change", "error", `上年数为零（本年${m[1]}万元全部为新增），不能写“${m[4]}${m[5]}%”，应写为新增支出。`));
          continue;
        }
        const exact = (diff / prior) * 100;
        if (Math.abs(exact - Number(m[5])) > 0.005 + 1e-9)
          findings.push(at(context, line, "narrative-change", "error", `“${m[2]}${m[3]}万元，${m[4]}${m[5]}%”：按上年${(prior / 100).toFixed(2)}万元计算应为${exact.toFixed(2)}%。`, { expected: `${exact.toFixed(2)}%`, actual: `${m[5]}%` }));
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
  description: "待填写、XX、××、○○ 等占位符不能出现在公开文本中。",
  check: (context) =>
    linesOf(context).flatMap((line) => {
      const m = /待填写|[Xx]{2,}|×{2,}|○{2,}|＊{2,}/.exec(line.text);
      return m ? [at(context, line, "narrative-placeholder", "error", `说明中有占位符“${m[0]}”，请填写实际内容。`)] : [];
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

export const NARRATIVE_RULES: readonly Rule[] = [narrativeAmountRule, narrativePriorRule, narrativeShareRule, narrativeChangeRule, narrativeReasonRule, narrativePlaceholderRule, narrativeYearRule, ...NARRATIVE_CLAIM_RULES];
