/**
 * Wording left in the 情况说明 from a template or from another document: both alternatives of a change kept
 * (增加（减少）), another edition's words (部门预算安排 in a 单位 document), an amount or a percentage missing
 * before its unit (安排支出万元), and the income and the spending totals compared with last year on different
 * bases (预算执行数 against 预算) or, the same figure, with two changes. The text is the normalised one every
 * claim pattern reads.
 */
import { writtenHundredths } from "../narrative/format";
import type { NarrativeLine } from "../narrative/find-text";
import type { Finding, Rule } from "./types";
import { narrativeFinding as at, narrativeLines as linesOf } from "./narrative-finding";

/** Words of a change, by its direction. */
const UP = ["增加", "增长", "上升"];
const DOWN = ["减少", "下降"];
const CHANGE_WORD = [...UP, ...DOWN].join("|");
const ALTERNATIVES = new RegExp(`(${CHANGE_WORD})（(${CHANGE_WORD})）`, "g");
const isUp = (word: string) => UP.includes(word);

export const narrativeAlternativesRule: Rule = {
  id: "narrative-alternatives",
  severity: "warning",
  title: "增减两种写法都留着",
  description: "模板里的“增加（减少）”“增长（下降）”是让编制人二选一的，公开文本中只能留下实际的一种。",
  check: (context) =>
    linesOf(context).flatMap((line) =>
      [...line.text.matchAll(ALTERNATIVES)]
        .filter((m) => isUp(m[1]) !== isUp(m[2]))
        .map((m) => at(context, line, "narrative-alternatives", "warning", `说明中“${m[0]}”两种写法都留着（模板的二选一），应只写实际的一种。`, { actual: m[0] })),
    ),
};

/** How the document names itself: 上海市2025年市级单位预算, 2019年度部门预算. */
const EDITION_STATED = /\d{4}年度?(?:[省市区县]级)?(单位|部门)预算/;

export const narrativeEditionRule: Rule = {
  id: "narrative-edition",
  severity: "warning",
  title: "单位预算与部门预算的用语",
  description: "单位预算的说明中出现“部门预算安排”（或部门预算的说明中出现“单位预算安排”），多半是从另一种文本照抄的。文本属于哪一种，取自它对自己的称呼（“2025年市级单位预算”“2019年度部门预算”）。",
  check(context) {
    const lines = linesOf(context);
    const naming = lines.find((line) => EDITION_STATED.test(line.text));
    const edition = naming ? EDITION_STATED.exec(naming.text)![1] : undefined;
    if (!edition) return [];
    const other = edition === "单位" ? "部门" : "单位";
    return lines.flatMap((line) =>
      line.text.includes(`${other}预算安排`) ? [at(context, line, "narrative-edition", "warning", `这是${edition}预算，说明中却写了“${other}预算安排”，请核实是否照抄了${other}预算的文字。`, { expected: `${edition}预算安排`, actual: `${other}预算安排` })] : [],
    );
  },
};

/** A word that states an amount right before its unit, with the figure between them left out (安排支出万元, 增长%). */
const AMOUNT_MISSING = /(安排|支出|收入|预算数?|合计|总计|共计|为|增加|减少|增长|下降|经费)(万元|元)/g;
const PERCENT_MISSING = /(增加|减少|增长|下降|上升|占)([%％])/g;

export const narrativeMissingAmountRule: Rule = {
  id: "narrative-missing-amount",
  severity: "error",
  title: "金额或百分比没有填",
  description: "“安排支出万元”“增长%”：单位前面的数字没有填写。“单位为万元”一类说明计量单位的写法除外。",
  check: (context) =>
    linesOf(context).flatMap((line) => {
      const found: Finding[] = [];
      for (const m of line.text.matchAll(AMOUNT_MISSING)) {
        // 金额单位为万元: the unit of measure stated, not an amount.
        if (m[1] === "为" && /单位$/.test(line.text.slice(0, m.index))) continue;
        found.push(at(context, line, "narrative-missing-amount", "error", `说明中“${m[0]}”的金额没有填写。`, { actual: m[0] }));
      }
      for (const m of line.text.matchAll(PERCENT_MISSING)) found.push(at(context, line, "narrative-missing-amount", "error", `说明中“${m[0]}”的百分比没有填写。`, { actual: m[0] }));
      return found;
    }),
};

/**
 * A total stated and compared with last year: 收入预算17,192万元，其中：财政拨款收入17,192万元，比2024年预算减少D万元,
 * with the figure compared (the one right before the comparison), its base, and the change where it is stated.
 */
const TOTAL_COMPARED = /(?<side>收入|支出)预算(?:总计|总额)?[\d,.]+万元[^。；]*?(?<figure>[\d,.]+)万元[，,]?(?:比|较|与)(?<year>上年|\d{4}年)(?<base>预算执行数|执行数|决算数|预算数|预算)?(?:相比)?(?<word>增加|减少|持平|增长|下降)(?:(?<change>[\d,.]+)万元)?/;
type Comparison = { side: string; figure: string; year: string; base?: string; word: string; change?: string };
const isExecution = (base: string) => /执行|决算/.test(base);

export const narrativeComparisonBaseRule: Rule = {
  id: "narrative-comparison-base",
  severity: "warning",
  title: "收支与上年比较的口径一致",
  description: "收入预算和支出预算与上年比较的基数应相同（一个比上年预算执行数、一个比上年预算，是两句出自不同文本）；收支相等的同一个数，比上年的增减额也应相同。",
  check(context) {
    // The first comparison of each side that names its base, read in one pass over the lines.
    const first = new Map<string, { line: NarrativeLine; c: Comparison }>();
    for (const line of linesOf(context)) {
      const c = TOTAL_COMPARED.exec(line.text)?.groups as Comparison | undefined;
      if (c?.base !== undefined && !first.has(c.side)) first.set(c.side, { line, c });
    }
    const income = first.get("收入");
    const spending = first.get("支出");
    if (!income || !spending) return [];
    const [a, b] = [income.c, spending.c];
    const basis = (c: Comparison) => `比${c.year}${c.base}`;
    const said = (c: Comparison) => `${c.figure}万元，${basis(c)}${c.word}${c.change ? `${c.change}万元` : ""}`;
    if (isExecution(a.base!) !== isExecution(b.base!))
      return [at(context, spending.line, "narrative-comparison-base", "warning", `收入预算与上年比较的是“${basis(a)}”，支出预算比较的是“${basis(b)}”：基数不同，请核实两句是否出自同一口径。`, { expected: basis(a), actual: basis(b) })];
    // The same figure on both sides (a balanced budget) against the same base: one change, stated twice.
    const signed = (c: Comparison) => (c.word === "持平" ? 0 : writtenHundredths(c.change ?? "0") * (DOWN.includes(c.word) ? -1 : 1));
    const bothStated = (c: Comparison) => c.word === "持平" || c.change !== undefined;
    if (writtenHundredths(a.figure) === writtenHundredths(b.figure) && bothStated(a) && bothStated(b) && signed(a) !== signed(b))
      return [at(context, spending.line, "narrative-comparison-base", "warning", `收入和支出的同一个数 ${a.figure}万元，与上年比较却写了两个增减：“${said(a)}”与“${said(b)}”，请核实。`, { expected: said(a), actual: said(b) })];
    return [];
  },
};

export const NARRATIVE_WORDING_RULES: readonly Rule[] = [narrativeAlternativesRule, narrativeEditionRule, narrativeMissingAmountRule, narrativeComparisonBaseRule];
