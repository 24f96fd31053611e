/**
 * A figure that moves by a pack-declared share of its comparison figure (10% in the packs we ship), or from or
 * to zero, needs a reason in the text: “比上年增加D万元”, “比{上年}年预算执行数增加p%”, “上年无此项预算，本年新增”.
 */
import { percentHundredths, percentText, writtenHundredths } from "../narrative/format";
import { HEADING_NUMBER, type NarrativeLine } from "../narrative/find-text";
import type { Finding, Rule } from "./types";
import { narrativeFinding as at, narrativeLines as linesOf } from "./narrative-finding";
import { sectionLines } from "./rules-narrative-sections";

const AMOUNT = String.raw`[\d,]+(?:\.\d+)?`;
/** “X万元……比上年（比2024年预算、与上年相比、较上年、同比）增加|减少D万元[，增长|下降P%]”: X is the amount nearest before the comparison. */
const CHANGE_BY_AMOUNT = new RegExp(
  String.raw`(?<![\d,.])(${AMOUNT})万元(?:(?!${AMOUNT}万元)[^；])*?(?:比上年度?|与上年度?相比|较上年度?|同比|比\d{4}年度?(?:（[^）]*）)?(?:预算)?|与\d{4}年度?(?:预算)?相比)[^。；\d]{0,24}?(增加|增长|减少|下降)了?(${AMOUNT})万元(?:[，,](?:增长|下降|减少|增加|增幅|降幅)了?([\d.]+)%)?`,
  "g",
);
/** “{P}年当年预算执行数为A万元，{Y}年预算安排B万元，比…执行数增加|减少p%”. */
const CHANGE_FROM_EXECUTION = new RegExp(String.raw`\d{4}年当年预算执行数为(${AMOUNT})万元[，,]\d{4}年预算安排(${AMOUNT})万元[^。；]*?(?:增加|减少|增长|下降)`, "g");
/** “X万元，上年无此项预算，本年新增”. */
const NEW_THIS_YEAR = new RegExp(String.raw`(${AMOUNT})万元[，,]?上年(?:度)?(?:无此项|没有此项|未安排)[^。；]{0,12}?新增`, "g");
const FIRST_AMOUNT = new RegExp(String.raw`(?<![\d,.])(${AMOUNT})万元`);
/** Words that give a reason. */
const REASON = /原因|由于|因为|主要是|是因|系因/;
/** A breakdown follows (其中：…), whose parts carry the reasons. */
const BREAKDOWN_FOLLOWS = /(?:其中|包括|具体(?:情况)?如下)[:：]\s*$/;
/** How many following paragraphs a reason may stand in (a 编制说明 may state it after both the 收入 and the 支出 paragraph). */
const REASON_LOOKAHEAD = 2;

interface Change {
  line: number;
  text: string;
  end: number;
  /** What moved, in hundredths of 万元 (positive up, negative down), where the text says. */
  moved?: number;
  /** The change as a share of the comparison figure, in hundredths of a percent; null from or to zero. */
  share: number | null;
}

/** The figure a change is of: the nearest amount before it, or the sentence's first when a 其中 list stands between (“总计X万元，其中：a万元，b万元，比上年增长D万元”). */
function changedFigure(text: string, at: number, nearest: string): number {
  const sentence = text.slice(0, at).split(/[。；]/).pop() ?? "";
  const first = FIRST_AMOUNT.exec(sentence);
  return writtenHundredths(first && /其中/.test(sentence.slice(first.index)) ? first[1] : nearest);
}

function changesOf(lines: readonly NarrativeLine[]): Change[] {
  const changes: Change[] = [];
  lines.forEach((line, i) => {
    const found = (m: RegExpMatchArray, change: Omit<Change, "line" | "text" | "end">) => changes.push({ line: i, text: m[0], end: (m.index ?? 0) + m[0].length, ...change });
    for (const m of line.text.matchAll(CHANGE_BY_AMOUNT)) {
      const up = m[2] === "增加" || m[2] === "增长";
      const diff = writtenHundredths(m[3]);
      const current = changedFigure(line.text, m.index, m[1]);
      const prior = up ? current - diff : current + diff;
      const share = m[4] !== undefined ? writtenHundredths(m[4]) : prior <= 0 || current === 0 ? null : percentHundredths(diff, prior);
      found(m, { moved: up ? diff : -diff, share: prior === 0 || current === 0 ? null : share });
    }
    for (const m of line.text.matchAll(CHANGE_FROM_EXECUTION)) {
      const prior = writtenHundredths(m[1]);
      const current = writtenHundredths(m[2]);
      if (prior !== current) found(m, { moved: current - prior, share: prior === 0 || current === 0 ? null : percentHundredths(Math.abs(current - prior), prior) });
    }
    for (const m of line.text.matchAll(NEW_THIS_YEAR)) found(m, { moved: writtenHundredths(m[1]), share: null });
  });
  return changes;
}

/** The text after a change to the end of its sentence group, run on into the next paragraph when a page break cut the sentence. */
function restOfSentence(lines: readonly NarrativeLine[], change: Change): { text: string; next: number } {
  let text = lines[change.line].text.slice(change.end);
  let next = change.line + 1;
  while (next < lines.length && next <= change.line + REASON_LOOKAHEAD && !/[。；;：:]\s*$/.test(text)) text += lines[next++].text;
  return { text, next };
}

/** A reason after the change: in the rest of its paragraph, or in the next paragraphs before a numbered one. */
function hasReason(lines: readonly NarrativeLine[], change: Change): boolean {
  const { text, next } = restOfSentence(lines, change);
  if (REASON.test(text) || BREAKDOWN_FOLLOWS.test(text)) return true;
  for (let i = next; i <= change.line + REASON_LOOKAHEAD && i < lines.length; i++) {
    if (HEADING_NUMBER.test(lines[i].text.trim())) return false;
    if (REASON.test(lines[i].text)) return true;
  }
  return false;
}

export const narrativeChangeReasonRule: Rule = {
  id: "narrative-change-reason",
  severity: "warning",
  title: "变动较大要说明原因",
  description: "说明写出的增减（比上年、比上年预算执行数、本年新增），变动达到模板包规定的比例（随附的模板包：10%）或从零增加、减少到零的，以及模板包要求逐项说明原因的部分（“三公”经费）中的任何变动，要写明原因（“主要原因是……”）；后面紧跟“其中：”分项说明的除外。",
  check(context) {
    const threshold = context.pack.changeNeedsReasonPercent;
    const lines = linesOf(context);
    if (threshold === undefined || lines.length === 0) return [];
    const findings: Finding[] = [];
    const reported = new Set<number>();
    const changes = changesOf(lines);
    // A change stated again elsewhere (section 五's 一般公共预算 total restating section 一's) is explained where one of its statements gives the reason.
    const explained = new Set(changes.filter((c) => hasReason(lines, c)).map((c) => `${c.moved}|${c.share}`));
    // Parts where every change needs a reason (三公): a change there counts whatever its size.
    const strict = sectionLines(context.pack.narrativeSections ?? [], lines, (spec) => spec.everyChangeNeedsReason === true);
    const strictPart = (line: number) => strict.find((s) => line >= s.first && line < s.end)?.spec;
    for (const change of changes) {
      const part = strictPart(change.line);
      const large = change.share === null || change.share >= threshold * 100 || (part !== undefined && change.moved !== 0);
      if (!large || reported.has(change.line) || explained.has(`${change.moved}|${change.share}`)) continue;
      reported.add(change.line);
      const how = change.share === null ? "从零新增或减少到零" : `变动${percentText(change.share)}%`;
      const rule = part && change.share !== null && change.share < threshold * 100 ? `${part.name}中的每项变动都要说明原因` : `达到${threshold}%以上`;
      findings.push(at(context, lines[change.line], "narrative-change-reason", "warning", `“${change.text}”：${how}，${rule}，没有说明原因。`));
    }
    return findings;
  },
};
