/**
 * Claims of the narrative beyond single figures: the itemised 财政拨款支出主要内容 against its table,
 * changes against execution figures, reasons that argue the other way or are pasted under unlike items,
 * the parts of 政府采购, the 绩效目标 funds, and wording of the wrong level of government.
 */
import { changeBetweenRange, hundredthsText, percentHundredths, percentText, printedHundredths, ratioRangeText, wanFixed, writtenHundredths, writtenPercentWithin, writtenWan, writtenWanMatches } from "../narrative/format";
import { FEN_PER_UNIT } from "../fixed";
import { TOTAL_ROW_ID } from "../layout/render";
import type { NarrativeLine } from "../narrative/find-text";
import type { RowData } from "../model";
import { nameKey } from "../text";
import { PARTIAL_SUBJECTS } from "../subjects/subject-list";
import type { Finding, Rule } from "./types";
import { narrativeFinding as at, narrativeLines as linesOf } from "./narrative-finding";

/** An item: “N. “X（类）Y（款）Z（项）”A万元”; its 款 may be written with （类）, which is said and the item still read. */
const ITEM = /(\d+)\s*[.、．]\s*“(?<cls>.+?)（类）(?<category>.+?)（(?<mark>款|类)）(?<item>.+?)（项）”(?:科目)?\s*(?<amount>[\d,.]+)万元/;
/** A 类 heading over its items, one to a paragraph: “（一）一般公共服务支出（类）”. */
const CLASS_HEADING = /^（[一二三四五六七八九十]+）\s*“?(.+?)（类）”?\s*$/;
/** An item under such a heading: “1.政协事务（款）行政运行（项）5,223.22万元” (支出 may stand before the amount). */
const ITEM_UNDER_CLASS = /^(\d+)\s*[.、．]\s*“?(?<category>[^“”]+?)（(?<mark>款|类)）(?<item>[^“”]+?)（项）”?(?:科目)?(?:支出)?\s*(?<amount>[\d,.]+)万元/;

/** An item's 款, the mark written after it, its 项 and its amount, from either item form. */
const itemParts = (m: RegExpExecArray) => ({ category: m.groups!.category, categoryMark: m.groups!.mark, item: m.groups!.item, written: m.groups!.amount, amount: writtenHundredths(m.groups!.amount) });

/** A subject's name as written or printed, the variant 其它 read as the standard 其他. */
const subjectNameKey = (name: string): string => nameKey(name).replace(/其它/g, "其他");

export const narrativeItemsRule: Rule = {
  id: "narrative-items",
  severity: "error",
  title: "财政拨款支出主要内容的各项",
  description: "“N. “X（类）Y（款）Z（项）”A万元”，或“（一）X（类）”标题下逐段的“N.Y（款）Z（项）A万元”，逐项与表中该项科目核对：金额一致；每个有金额的项都有一项说明，说明不提表中没有的科目（金额相同而名称不同的，指出表中的名称）；各项之和等于表的合计（差额在各项四舍五入范围内时为提示）。名称末尾的“支出”可省。",
  check(context) {
    const ref = context.pack.itemsTable;
    const rows = ref ? context.table(ref.table)?.[ref.side] : undefined;
    if (!ref || !rows) return [];
    // Items name their 类 inline (“X（类）Y（款）Z（项）”), or stand one to a paragraph under a 类 heading.
    let heading: string | null = null;
    const listed = linesOf(context).flatMap((line) => {
      const m = ITEM.exec(line.text);
      if (m) return [{ line, cls: m.groups!.cls, ...itemParts(m), text: m[0] }];
      const h = CLASS_HEADING.exec(line.text.trim());
      if (h) heading = h[1];
      const u = heading !== null ? ITEM_UNDER_CLASS.exec(line.text.trim()) : null;
      return u && heading !== null ? [{ line, cls: heading, ...itemParts(u), text: u[0] }] : [];
    });
    if (listed.length === 0) return [];
    // A table whose 项 rows were read without their names (a name column the reader could not place) cannot be matched by name.
    const itemRows = rows.filter((r) => r.code?.length === 7);
    if (itemRows.length > 0 && itemRows.filter((r) => !r.name).length * 2 > itemRows.length)
      return [at(context, listed[0].line, "narrative-items", "info", "表中项级科目的名称没有读到，财政拨款支出主要内容无法逐项核对。")];
    const findings: Finding[] = [];
    // An item listed twice (a paragraph pasted again) is one finding, and counts once in the sum.
    const seen = new Map<string, (typeof listed)[number]>();
    const items = listed.filter((it) => {
      const key = [it.cls, it.category, it.item].map(subjectNameKey).join("|");
      const first = seen.get(key);
      if (!first) {
        seen.set(key, it);
        return true;
      }
      findings.push(at(context, it.line, "narrative-items", "error", `“${it.item}（项）”在财政拨款支出主要内容中重复列出（${first.line.sheet && first.line.sheet !== it.line.sheet ? `${first.line.sheet}` : ""}${first.line.place ?? `第${first.line.row + 1}行`}已列出），重复的一项不计入各项之和。`));
      return false;
    });
    const byCode = new Map(rows.filter((r) => r.code).map((r) => [r.code!, r]));
    const nameOf = (code: string) => subjectNameKey(byCode.get(code)?.name ?? "");
    const matched = new Set<string>();
    // A written name is the table's, or an older name the subject list knows for the same code (a warning then).
    const namesOf = (code: string) => (context.subjects ?? PARTIAL_SUBJECTS).names("function", code) ?? [];
    const isOld = (code: string, written: string) => nameOf(code) !== subjectNameKey(written) && namesOf(code).slice(1).some((n) => subjectNameKey(n) === subjectNameKey(written));
    // A name may leave out its closing 支出 (“公共安全（类）”, “机关事业单位基本养老保险缴费（项）”).
    const sameOrOld = (code: string, written: string) => nameOf(code) === subjectNameKey(written) || isOld(code, written) || nameOf(code) === subjectNameKey(`${written}支出`);
    const wrong = new Map<(typeof items)[number], number>();
    for (const it of items) {
      const row = rows.find((r) => r.code?.length === 7 && sameOrOld(r.code, it.item) && sameOrOld(r.code.slice(0, 5), it.category) && sameOrOld(r.code.slice(0, 3), it.cls));
      const levels: [string, string][] = row ? [[row.code!.slice(0, 3), it.cls], [row.code!.slice(0, 5), it.category], [row.code!, it.item]] : [];
      const oldNames = levels.filter(([code, written]) => isOld(code, written)).map(([code, written]) => `“${written}”（现行名称“${namesOf(code)[0]}”）`);
      if (oldNames.length > 0) findings.push(at(context, it.line, "narrative-items", "warning", `说明中用了2019年以前的科目名称${oldNames.join("、")}。`));
      if (it.categoryMark === "类") findings.push(at(context, it.line, "narrative-items", "warning", `说明中的“${it.category}”是款级科目，写成了“${it.category}（类）”，应为“${it.category}（款）”。`, { expected: "（款）", actual: "（类）" }));
      if (!row) {
        // The same 款 and the same amount under another name: the name is what is wrong (一般行政事务管理 for 一般行政管理事务).
        const renamed = rows.find((r) => r.code?.length === 7 && !matched.has(r.code) && sameOrOld(r.code.slice(0, 5), it.category) && sameOrOld(r.code.slice(0, 3), it.cls) && writtenWanMatches(it.written, r.amounts[ref.column] ?? 0));
        if (renamed) {
          matched.add(renamed.code!);
          findings.push(at(context, it.line, "narrative-items", "error", `说明中的“${it.item}（项）”${hundredthsText(it.amount)}万元，在表中是 ${renamed.code} “${renamed.name ?? ""}”（金额相同，名称不同）。`, { expected: renamed.name ?? "", actual: it.item }));
          continue;
        }
        findings.push(at(context, it.line, "narrative-items", "error", `说明中的“${it.cls}（类）${it.category}（款）${it.item}（项）”在表中找不到。`));
        continue;
      }
      matched.add(row.code!);
      const value = row.amounts[ref.column] ?? 0;
      if (!writtenWanMatches(it.written, value)) {
        wrong.set(it, value);
        // 78.2164 written 78.21: cut off rather than rounded, which the reviewer will want to know.
        const truncated = writtenWan(it.written);
        const cut = value > truncated.fen && value < truncated.fen + truncated.half * 2 ? "（似为截去尾数，而不是四舍五入）" : "";
        findings.push(at(context, it.line, "narrative-items", "error", `说明中“${it.item}（项）”${hundredthsText(it.amount)}万元，与表中 ${row.code} ${wanFixed(value)}万元不符${cut}。`, { expected: wanFixed(value), actual: hundredthsText(it.amount) }));
      }
    }
    for (const row of rows)
      if (row.code?.length === 7 && (row.amounts[ref.column] ?? 0) !== 0 && !matched.has(row.code))
        findings.push(at(context, items[0].line, "narrative-items", "error", `表中的 ${row.code} ${row.name ?? ""}（${wanFixed(row.amounts[ref.column] ?? 0)}万元）在财政拨款支出主要内容中没有说明。`));
    const total = rows.find((r: RowData) => r.id === TOTAL_ROW_ID)?.amounts[ref.column] ?? 0;
    const sum = items.reduce((s, it) => s + it.amount, 0);
    const diff = sum - printedHundredths(total);
    // Items already reported as wrong explain their share of the difference: the sum is reported only for what they do not.
    const explained = items.reduce((s, it) => s + (wrong.has(it) ? printedHundredths(wrong.get(it)!) : it.amount), 0) - printedHundredths(total);
    // Each item is rounded on its own, at the precision it was written: a difference within the items' half last digits is rounding.
    const fenPerHundredth = FEN_PER_UNIT["万元"] / 100;
    const slack = items.reduce((all, it) => all + writtenWan(it.written).half, 0) / fenPerHundredth;
    if (diff !== 0 && !(wrong.size > 0 && Math.abs(explained) <= slack)) {
      const rounding = Math.abs(diff) <= slack;
      findings.push(at(context, items[items.length - 1].line, "narrative-items", rounding ? "info" : "error", `${rounding ? "四舍五入差异：" : ""}各项之和 ${hundredthsText(sum)}万元，表的合计 ${wanFixed(total)}万元${rounding ? "，差额在各项四舍五入的范围内。" : "，相差超出四舍五入范围。"}`, { expected: wanFixed(total), actual: hundredthsText(sum) }));
    }
    return findings;
  },
};

export const narrativeExecutionChangeRule: Rule = {
  id: "narrative-execution-change",
  severity: "error",
  title: "与上年执行数比较",
  description: "“{上年}年当年预算执行数为A万元，{本年}年预算安排B万元，比{上年}年预算执行数增加/减少p%”：年份是上一年，增减与两数一致，p按A重新计算（A、B各代表其四舍五入区间，p在其允许的范围之外才是错误）；A为零时不能写百分比。",
  check(context) {
    const { year } = context.unit;
    const findings: Finding[] = [];
    const yearKnown = year > 0;
    const form = /(\d{4})年当年预算执行数为([\d,.]+)万元，(\d{4})年预算安排([\d,.]+)万元，比(\d{4})年预算执行数(增加|减少|增长|下降)([\d.]+)%/g;
    for (const line of linesOf(context))
      for (const m of line.text.matchAll(form)) {
        const [, p1, a, y, b, p2, word, pct] = m;
        if (yearKnown && (Number(p1) !== year - 1 || Number(p2) !== year - 1 || Number(y) !== year)) findings.push(at(context, line, "narrative-execution-change", "error", `“${m[0].slice(0, 24)}…”中的年份应为${year - 1}年和${year}年。`));
        const prior = writtenHundredths(a);
        const current = writtenHundredths(b);
        // The item's own amount ("…（项）”220.63万元") is the year's budget: a different one was pasted from another item.
        const own = ITEM.exec(line.text);
        if (own && own.index < m.index! && writtenHundredths(own.groups!.amount) !== current) {
          findings.push(at(context, line, "narrative-execution-change", "error", `本项为${own.groups!.amount}万元，句中却写“${y}年预算安排${b}万元”，增减和百分比无从核对；请核实是否抄自别的项目。`, { expected: own.groups!.amount, actual: b }));
          continue;
        }
        if (prior === 0) {
          findings.push(at(context, line, "narrative-execution-change", "error", `${p1}年执行数为0，“${word}${pct}%”没有意义，应写明为新增。`));
          continue;
        }
        const up = word === "增加" || word === "增长";
        if (current !== prior && up !== current > prior) findings.push(at(context, line, "narrative-execution-change", "error", `${hundredthsText(current)}万元比${hundredthsText(prior)}万元${current > prior ? "多" : "少"}，却写作“${word}”。`));
        const change = Math.abs(current - prior);
        // Both figures as printed stand for intervals: the rate may be anything they allow.
        const range = changeBetweenRange(writtenWan(b), writtenWan(a), current >= prior);
        if (!writtenPercentWithin(pct, range.low, range.high)) {
          const expected = `${percentText(percentHundredths(change, prior))}%`;
          findings.push(at(context, line, "narrative-execution-change", "error", `“${word}${pct}%”按执行数${hundredthsText(prior)}万元、本年${hundredthsText(current)}万元计算应为${expected}；按印出金额各自的四舍五入范围，只能${ratioRangeText(range.low, range.high)}。`, { expected, actual: `${pct}%` }));
        }
      }
    return findings;
  },
};

/** Words of a reason that argue an increase or a cut. */
const UP_WORDS = /增加|增长|新增|提高|上涨|扩大/;
const DOWN_WORDS = /减少|下降|压减|缩减|压缩|节约|降低|取消/;

export const narrativeReasonDirectionRule: Rule = {
  id: "narrative-reason-direction",
  severity: "warning",
  title: "原因与增减方向",
  description: "原因的用语要与它解释的增减一致（减少不能用“经费增加”解释）；同一句原因不应原样出现在增减方向不同的科目下。",
  check(context) {
    const findings: Finding[] = [];
    const seen = new Map<string, { line: NarrativeLine; up: boolean }>();
    for (const line of linesOf(context))
      // The direction word may end its sentence just before the reason (…减少40.00%。主要原因是：…).
      for (const m of line.text.matchAll(/(增加|减少|增长|下降)[^。]*?。?主要原因是[：:]?([^。]+)/g)) {
        const up = m[1] === "增加" || m[1] === "增长";
        const reason = m[2].trim();
        const argues = UP_WORDS.test(reason) && !DOWN_WORDS.test(reason) ? true : DOWN_WORDS.test(reason) && !UP_WORDS.test(reason) ? false : null;
        if (argues !== null && argues !== up) findings.push(at(context, line, "narrative-reason-direction", "warning", `写的是“${m[1]}”，原因“${reason}”却说的是${argues ? "增加" : "减少"}。`));
        const key = nameKey(reason);
        const before = seen.get(key);
        if (before && before.up !== up && before.line !== line) findings.push(at(context, line, "narrative-reason-direction", "warning", `同一句原因“${reason}”也用在了方向相反的另一处（${before.line.place ?? `A${before.line.row + 1}`}），请核实是否照抄。`));
        if (!before) seen.set(key, { line, up });
      }
    return findings;
  },
};

/** “政府采购(支出)预算(总额|总金额)(为)A万元，其中：…”, the parts in the rest of the sentence. */
const PROCUREMENT_TOTAL = /政府采购(?:支出)?预算(?:总金额|总额)?为?([\d,.]+)万元[，。；]?其中[:：，]?([^。]*)/g;
/** The parts as the sets word them: 政府采购货物预算B万元 / 拟采购货物支出B万元 / 拟购买服务支出D万元. */
const PROCUREMENT_PARTS: readonly [string, RegExp][] = [
  ["货物", /货物(?:类)?(?:预算|支出)?为?([\d,.]+)万元/],
  ["工程", /工程(?:类)?(?:预算|支出)?为?([\d,.]+)万元/],
  ["服务", /服务(?:类)?(?:预算|支出)?为?([\d,.]+)万元/],
];

export const narrativeProcurementRule: Rule = {
  id: "narrative-procurement",
  severity: "error",
  title: "政府采购预算的构成",
  description: "“政府采购预算A万元，其中：货物B万元、工程C万元、服务D万元”（或“拟采购货物支出……拟购买服务支出……”，为零的一项可不写）：写出的各项之和等于总额（按写出的位数，在四舍五入范围内）。",
  check: (context) =>
    linesOf(context).flatMap((line) =>
      [...line.text.matchAll(PROCUREMENT_TOTAL)].flatMap((m) => {
        const parts = PROCUREMENT_PARTS.map(([name, pattern]) => [name, pattern.exec(m[2])?.[1]] as const).filter((p): p is readonly [string, string] => p[1] !== undefined);
        if (parts.length < 2) return [];
        const total = writtenWan(m[1]);
        const written = parts.map(([, text]) => writtenWan(text));
        const sum = written.reduce((a, b) => a + b.fen, 0);
        const slack = total.half + written.reduce((a, b) => a + b.half, 0);
        if (Math.abs(sum - total.fen) <= slack) return [];
        const names = parts.map(([name]) => name).join("、");
        const missing = PROCUREMENT_PARTS.map(([name]) => name).filter((n) => !parts.some(([p]) => p === n));
        return [at(context, line, "narrative-procurement", "error", `政府采购${names}之和 ${wanFixed(sum)}万元，不等于政府采购预算 ${m[1]}万元${missing.length ? `（没有写${missing.join("、")}）` : ""}。`, { expected: m[1], actual: wanFixed(sum) })];
      }),
    ),
};
export const narrativeBreakdownRule: Rule = {
  id: "narrative-breakdown",
  severity: "error",
  title: "合计与“其中”各项",
  description: "“共计金额X万元……其中：……涉及金额a万元；……涉及金额b万元”（绩效目标的项目金额等）：各项之和等于合计。",
  check: (context) =>
    linesOf(context).flatMap((line) =>
      [...line.text.matchAll(/(共计金额|涉及项目金额)([\d,.]+)万元[^。]*。其中：([^。]+)/g)].flatMap((m) => {
        const parts = [...m[3].matchAll(/涉及(?:项目)?金额([\d,.]+)万元/g)].map((p) => writtenHundredths(p[1]));
        const sum = parts.reduce((a, b) => a + b, 0);
        return parts.length > 0 && sum !== writtenHundredths(m[2]) ? [at(context, line, "narrative-breakdown", "error", `“${m[1]}${m[2]}万元”下各项之和为 ${hundredthsText(sum)}万元。`, { expected: hundredthsText(writtenHundredths(m[2])), actual: hundredthsText(sum) })] : [];
      }),
    ),
};

export const narrativePerformanceFundsRule: Rule = {
  id: "narrative-performance-funds",
  severity: "error",
  title: "绩效目标涉及的资金",
  description: "编报绩效目标的项目“涉及项目预算资金A万元”不超过项目支出合计。",
  check(context) {
    const ref = context.pack.figures?.projectExpenditure;
    const project = ref ? context.table(ref.table)?.[ref.side]?.find((r) => r.id === ref.row)?.amounts[ref.column] : undefined;
    if (project === undefined || project === null) return [];
    const stated = context.facts?.performanceProjects?.amount;
    return linesOf(context).flatMap((line) => {
      const m = /涉及项目预算资金([\d,.]+)万元/.exec(line.text);
      if (!m) return [];
      if (writtenHundredths(m[1]) > printedHundredths(project)) return [at(context, line, "narrative-performance-funds", "error", `编报绩效目标的项目资金 ${m[1]}万元，超过项目支出合计 ${wanFixed(project)}万元。`)];
      // Where the 说明资料 give the figure, the text must say it.
      if (stated !== undefined && writtenHundredths(m[1]) !== printedHundredths(stated)) return [at(context, line, "narrative-performance-funds", "error", `编报绩效目标的项目资金写作 ${m[1]}万元，说明资料中为 ${wanFixed(stated)}万元。`, { expected: wanFixed(stated), actual: m[1] })];
      return [];
    });
  },
};

export const narrativeNewSpendingRule: Rule = {
  id: "narrative-new-spending",
  severity: "error",
  title: "新增的金额",
  description: "“X万元，上年无此项预算，本年新增Y万元”：Y 等于 X。",
  check: (context) =>
    linesOf(context).flatMap((line) =>
      [...line.text.matchAll(/([\d,.]+)万元，上年无此项预算，本年新增([\d,.]+)万元/g)].flatMap((m) => (writtenHundredths(m[1]) === writtenHundredths(m[2]) ? [] : [at(context, line, "narrative-new-spending", "error", `本年${m[1]}万元全部为新增，却写“本年新增${m[2]}万元”。`, { expected: m[1], actual: m[2] })])),
    ),
};

/** "X万元，比2024年预算增加Y万元" (比上年、较上年、比上年预算执行数 …): a figure and its increase. */
const INCREASE = /([\d,.]+)万元[，,]?(?:比|较)(?:上年|\d{4}年)(?:预算)?(?:执行数)?(?:增加|增长)([\d,.]+)万元/g;

export const narrativeImpossibleIncreaseRule: Rule = {
  id: "narrative-impossible-increase",
  severity: "error",
  title: "增加额大于本年数",
  description: "“X万元，比上年增加Y万元”中 Y 大于本分句写出的每一个金额时，上年数为负数，不可能：多半是照抄了别的句子的增加额。",
  check: (context) =>
    linesOf(context).flatMap((line) =>
      [...line.text.matchAll(INCREASE)].flatMap((m) => {
        // The comparison may belong to any figure of its clause (本年收入164.06万元，上年结转0万元，比上年增长23.76万元 compares the total):
        // impossible only when the increase exceeds every figure written since the clause began.
        const clauseStart = Math.max(...["。", "；", ";"].map((mark) => line.text.lastIndexOf(mark, m.index!))) + 1;
        const clause = line.text.slice(clauseStart, m.index! + m[0].length - m[2].length - 2);
        const figures = [...clause.matchAll(/([\d,.]+)万元/g)].map((f) => writtenWan(f[1]));
        const largest = Math.max(...figures.map((f) => f.fen + f.half));
        const increase = writtenWan(m[2]);
        // Beyond both rounding intervals: the prior year would be below zero whatever the unwritten digits.
        return increase.fen - increase.half > largest ? [at(context, line, "narrative-impossible-increase", "error", `“${m[0]}”：本年${m[1]}万元，比上年增加${m[2]}万元，上年数将为负数；请核实增加额是否抄自别的句子。`, { actual: m[2] })] : [];
      }),
    ),
};

export const narrativeProcurementReservedRule: Rule = {
  id: "narrative-procurement-reserved",
  severity: "error",
  title: "面向中小企业预留的政府采购",
  description: "面向中小企业预留的政府采购预算不大于政府采购预算总额，其中预留给小型和微型企业的不大于面向中小企业预留的（各句可在不同段落）。",
  check(context) {
    const lines = linesOf(context);
    const first = (pattern: RegExp) => {
      for (const line of lines) {
        const m = pattern.exec(line.text);
        if (m) return { line, text: m[1], ...writtenWan(m[1]) };
      }
      return undefined;
    };
    const total = first(/政府采购预算(?:总额)?([\d,.]+)万元/);
    const reserved = first(/面向中小企业预留[^\d。]{0,20}?([\d,.]+)万元/);
    const small = first(/(?:小型和微型企业|小微企业)[^\d。]{0,20}?([\d,.]+)万元/);
    const findings: Finding[] = [];
    // Beyond both rounding intervals: larger whatever the unwritten digits.
    const exceeds = (a: { fen: number; half: number }, b: { fen: number; half: number }) => a.fen - a.half > b.fen + b.half;
    if (reserved && total && exceeds(reserved, total)) findings.push(at(context, reserved.line, "narrative-procurement-reserved", "error", `面向中小企业预留 ${reserved.text}万元，超过政府采购预算总额 ${total.text}万元。`, { expected: `≤ ${total.text}`, actual: reserved.text }));
    if (small && reserved && exceeds(small, reserved)) findings.push(at(context, small.line, "narrative-procurement-reserved", "error", `预留给小型和微型企业的 ${small.text}万元，超过面向中小企业预留的 ${reserved.text}万元。`, { expected: `≤ ${reserved.text}`, actual: small.text }));
    return findings;
  },
};

export const narrativeTypographyRule: Rule = {
  id: "narrative-typography",
  severity: "info",
  title: "说明中的小瑕疵",
  description: "占比没有写“%”，标点重复（。。、，，），百分数多于两位小数：提示，不影响数字的核对。",
  check: (context) =>
    linesOf(context).flatMap((line) => {
      const found: Finding[] = [];
      for (const m of line.text.matchAll(/占(?:比)?(\d+\.\d+)(?![\d.%％])/g)) found.push(at(context, line, "narrative-typography", "info", `“${m[0]}”的占比没有写“%”。`));
      for (const m of line.text.matchAll(/([。，、；：！？])\1+/g)) found.push(at(context, line, "narrative-typography", "info", `标点重复：“${m[0]}”。`));
      for (const m of line.text.matchAll(/\d+\.\d{3,}[%％]/g)) found.push(at(context, line, "narrative-typography", "info", `百分数“${m[0]}”多于两位小数。`));
      return found;
    }),
};

export const narrativeCompareYearRule: Rule = {
  id: "narrative-compare-year",
  severity: "error",
  title: "比较的年份",
  description: "“比{年}年预算增加/减少/持平”“与{年}年预算持平”比较的是上一年：年份应为预算年度减一。",
  check(context) {
    // The budget year unknown (read from nothing): no year can be said to be wrong.
    if (!context.unit.year) return [];
    const expected = context.unit.year - 1;
    return linesOf(context).flatMap((line) =>
      [...line.text.matchAll(/[比与](\d{4})年(?:预算|当年预算执行数)/g)]
        .filter((m) => Number(m[1]) !== expected)
        .map((m) => at(context, line, "narrative-compare-year", "error", `“${m[0]}”比较的应是上一年（${expected}年），写成了${m[1]}年。`, { expected: String(expected), actual: m[1] })),
    );
  },
};

export const narrativeLevelRule: Rule = {
  id: "narrative-level",
  severity: "warning",
  title: "行政级别的用语",
  description: "区级单位的说明中出现“市级”（或市级单位的说明中出现“区级”），多半是从别处抄来的。级别取自文件自己的写法（“市级单位预算”“区级部门预算”），没有时取自模板包或单位名称。",
  check(context) {
    // The level the document states of itself (上海市2025年市级单位预算) wins over the pack's and the unit name's.
    const stated = linesOf(context)
      .map((line) => /(市级|区级)(?:单位|部门)预算/.exec(line.text)?.[1])
      .find((l) => l !== undefined);
    const level = stated ?? context.pack.level ?? (/区/.test(context.unit.name) ? "区级" : /市/.test(context.unit.name) ? "市级" : undefined);
    if (!level) return [];
    const wrong = level === "区级" ? "市级" : level === "市级" ? "区级" : undefined;
    if (!wrong) return [];
    return linesOf(context).flatMap((line) => (line.text.includes(wrong) ? [at(context, line, "narrative-level", "warning", `这是${level}单位的说明，却写了“${wrong}”，请核实是否照抄了别的级别的文字。`)] : []));
  },
};

export const NARRATIVE_CLAIM_RULES: readonly Rule[] = [narrativeItemsRule, narrativeExecutionChangeRule, narrativeReasonDirectionRule, narrativeProcurementRule, narrativeBreakdownRule, narrativePerformanceFundsRule, narrativeNewSpendingRule, narrativeImpossibleIncreaseRule, narrativeProcurementReservedRule, narrativeTypographyRule, narrativeCompareYearRule, narrativeLevelRule];
