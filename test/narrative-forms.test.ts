/**
 * Narrative sentences as documents word them, whatever the pack: shares listed one to a paragraph after
 * “其中：”, growth rates after 比上年 / 与上年相比 / 较上年, thousands separators, the spaces of a justified
 * PDF line, a template's “（按……填写）” hint. Generated over each class; each tolerance held at its edge.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findPack } from "../src/core/packs";
import { NARRATIVE_RULES } from "../src/core/validation/rules-narrative";
import { validate } from "../src/core/validation/engine";
import type { Finding } from "../src/core/validation/types";
import type { Disclosure, UnitInfo } from "../src/core/model";
import { readDataFile } from "../src/core/data-format";
import { readFileSync } from "node:fs";

const pack = findPack("jiangsu-dept-12")!;
const unit: UnitInfo = { name: "江苏省示例厅", year: 2019, type: "行政单位", department: "" };

function narrativeFindings(paragraphs: readonly string[], ruleIds: readonly string[], tables: Disclosure["tables"] = {}): Finding[] {
  const lines = paragraphs.map((text, row) => ({ row, text, place: `第${row + 1}段` }));
  return validate({ pack, unit, tables, narrative: { sheetName: "说明", lines } }, NARRATIVE_RULES).findings.filter((f) => ruleIds.includes(f.ruleId));
}

/** 1234567 hundredths as printed: with or without thousands separators, trailing zeros kept or dropped. */
const written = (hundredths: number, separators: boolean, trim: boolean): string => {
  const fixed = (hundredths / 100).toFixed(2);
  const [whole, fraction] = fixed.split(".");
  const grouped = separators ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : whole;
  const f = trim ? fraction.replace(/0+$/, "") : fraction;
  return f ? `${grouped}.${f}` : grouped;
};
/** Spaces a PDF puts in a justified line: after a Chinese character or before one, never inside a number. */
const CJK = /[\u4e00-\u9fff（）“”、，：；。]/;
const justified = (text: string, spaces: readonly boolean[]): string => {
  const chars = [...text];
  return chars.map((ch, i) => (spaces[i % spaces.length] && i + 1 < chars.length && (CJK.test(ch) || CJK.test(chars[i + 1])) ? `${ch} ` : ch)).join("");
};

describe("shares (占P%)", () => {
  const parts = fc.array(fc.integer({ min: 1, max: 500_000_00 }), { minLength: 2, maxLength: 4 });
  const forms = fc.record({ separators: fc.boolean(), trim: fc.boolean(), spaces: fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }), onePerParagraph: fc.boolean() });

  it("listed one to a paragraph after “其中：” or in one, with separators and spacing: right shares are silent, one moved by 0.02 is an error", () => {
    fc.assert(
      fc.property(parts, forms, (amounts, form) => {
        const total = amounts.reduce((s, a) => s + a, 0);
        // Shares by largest remainder, as an accountant prints them.
        const exact = amounts.map((a) => (a * 10000) / total);
        const floors = exact.map(Math.floor);
        let left = 10000 - floors.reduce((s, f) => s + f, 0);
        const order = exact.map((e, i) => [e - floors[i], i] as const).sort((a, b) => b[0] - a[0]);
        for (const [, i] of order) if (left-- > 0) floors[i]++;
        const item = (i: number, bump = 0) => `第${i + 1}项${written(amounts[i], form.separators, form.trim)}万元，占${((floors[i] + bump) / 100).toFixed(2)}%`;
        const build = (bump: number) => {
          const head = `本年支出预算合计${written(total, form.separators, form.trim)}万元，其中：`;
          const items = amounts.map((_, i) => item(i, i === 0 ? bump : 0) + (i === amounts.length - 1 ? "。" : "；"));
          return (form.onePerParagraph ? [head, ...items] : [head + items.join("")]).map((p) => justified(p, form.spaces));
        };
        expect(narrativeFindings(build(0), ["narrative-share"])).toEqual([]);
        const wrong = narrativeFindings(build(2), ["narrative-share"]);
        expect(wrong.length).toBeGreaterThan(0);
        expect(wrong.some((f) => f.ruleId === "narrative-share" && f.severity === "error")).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it("a share written with one decimal is right within half its last digit (14.1% for 14.099%), not beyond", () => {
    const paragraphs = (p: string) => ["合计13,377.11万元，其中：", "基本支出6,522.75万元，占48.76%；", "项目支出4,968.34万元，占37.14%；", `单位预留机动经费1,886.02万元，占${p}%。`];
    expect(narrativeFindings(paragraphs("14.1"), ["narrative-share"])).toEqual([]);
    // 14.2% is wrong, and the group then adds to 100.10%.
    expect(narrativeFindings(paragraphs("14.2"), ["narrative-share"]).map((f) => f.expected)).toEqual(["14.10%", "100.00%"]);
  });
});

describe("growth rates (增长P%)", () => {
  const cases = fc.record({
    prior: fc.integer({ min: 100, max: 100_000_00 }),
    change: fc.integer({ min: 1, max: 50_000_00 }),
    up: fc.boolean(),
    connector: fc.constantFrom("比上年", "与上年相比", "与上年相比，", "较上年", "，与上年相比", "。与上年相比"),
    verb: fc.constantFrom("增加", "增长"),
    separators: fc.boolean(),
    spaces: fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
  });

  /**
   * Whether a rate written in hundredths of a percent (units ± ½) is one the printed figures allow: some rate at a
   * corner of their intervals (current ± ½ hundredth of 万元, change ± ½) lies on each side of the written interval's
   * edges, or within it. Worked out corner by corner, in integers, independently of the checker's own formula.
   */
  const allowed = (current: number, change: number, up: boolean, units: number): boolean => {
    const rates = [-1n, 1n].flatMap((dc) =>
      [-1n, 1n].map((dd) => {
        // In quarter-hundredths: current + dc/2, change + dd/2, last year's = current ∓ change.
        const c = 2n * BigInt(current) + dc;
        const d = 2n * BigInt(change) + dd;
        return { num: d, den: up ? c - d : c + d };
      }),
    );
    // rate × 10,000 against units ± ½: rate·20,000 compared with (2·units ± 1).
    const above = (r: { num: bigint; den: bigint }, edge: bigint) => r.num * 20000n >= edge * r.den;
    const below = (r: { num: bigint; den: bigint }, edge: bigint) => r.num * 20000n <= edge * r.den;
    const u = BigInt(units);
    return rates.every((r) => r.den > 0n) && rates.some((r) => above(r, 2n * u - 1n)) && rates.some((r) => below(r, 2n * u + 1n));
  };

  it("in every wording, with separators and spacing: a rate the printed figures allow is silent, another is an error naming the rate of the printed figures", () => {
    const seen = { exact: 0, allowed: 0, error: 0 };
    fc.assert(
      fc.property(cases, fc.integer({ min: -3, max: 3 }), (c, shift) => {
        const current = c.up ? c.prior + c.change : c.prior - c.change;
        fc.pre(current > 0);
        const rate = Math.floor((c.change * 10000 * 2 + c.prior) / (2 * c.prior)); // hundredths of a percent, half up
        fc.pre(rate >= 1 && rate + shift >= 1);
        const sentence = (r: number) =>
          justified(`项目支出${written(current, c.separators, false)}万元${c.connector}${c.up ? c.verb : "减少"}${written(c.change, c.separators, false)}万元，${c.up ? "增长" : "下降"}${(r / 100).toFixed(2)}%。`, c.spaces);
        // The rate of the printed figures, rounded half up, is always one they allow.
        expect(narrativeFindings([sentence(rate)], ["narrative-change"])).toEqual([]);
        const found = narrativeFindings([sentence(rate + shift)], ["narrative-change"]);
        const isAllowed = allowed(current, c.change, c.up, rate + shift);
        seen[shift === 0 ? "exact" : isAllowed ? "allowed" : "error"]++;
        expect(found.map((f) => f.expected)).toEqual(isAllowed ? [] : [`${(rate / 100).toFixed(2)}%`]);
      }),
      { numRuns: 200 },
    );
    // Both kinds of other rate came up: ones the printed figures allow, and errors.
    expect(seen.allowed).toBeGreaterThan(5);
    expect(seen.error).toBeGreaterThan(5);
  });

  it("takes a rate from unrounded figures that the printed ones allow: 4,225 元 → 5,200 元 is 23.08%, printed 0.42 → 0.52 万元", () => {
    const text = (p: string) => [`“三公”经费0.52万元，比上年增加0.10万元，增长${p}%。`];
    expect(narrativeFindings(text("23.08"), ["narrative-change"])).toEqual([]);
    expect(narrativeFindings(text("23.81"), ["narrative-change"])).toEqual([]);
    // Beyond anything 0.515–0.525 against 0.095–0.105 allows (22.09%–25.61%): an error that says so.
    const [f] = narrativeFindings(text("26.00"), ["narrative-change"]);
    expect(f.message).toBe("“增加0.10万元，增长26.00%”：按上年0.42万元（本年0.52万元减去0.10万元）计算应为23.81%；按印出金额各自的四舍五入范围，只能在22.09%至25.61%之间。");
  });

  it("says when a rate was cut instead of rounded (16.07% for 16.0776%)", () => {
    const [f] = narrativeFindings(["支出9370.12万元，与上年相比增加1297.83万元，增长16.07%。"], ["narrative-change"]);
    expect(f.message).toBe("“增加1297.83万元，增长16.07%”：按上年8072.29万元（本年9370.12万元减去1297.83万元）计算应为16.08%（似为截去尾数，而不是四舍五入）；按印出金额各自的四舍五入范围，只能约为16.08%。");
  });
});

describe("the template's hints to whoever fills it in", () => {
  it("a bracketed （按/请/根据……填写/填列） is an error; a sentence that says where figures come from is not", () => {
    const hints = ["（按“部门预算公开06表”中实际发生经济分类支出事项填写）", "（请根据批复数填列）", "（根据实际情况填报）"];
    for (const hint of hints) expect(narrativeFindings([`公用经费1,130.74万元。${hint}`], ["narrative-placeholder"]).map((f) => f.ruleId), hint).toEqual(["narrative-placeholder"]);
    expect(narrativeFindings(["根据《江苏省财政厅关于2019年省级部门预算的批复》（苏财预〔2019〕7号）填列。"], ["narrative-placeholder"])).toEqual([]);
  });
});

describe("财政拨款支出 items one to a paragraph under their 类 heading", () => {
  const read = readDataFile(JSON.parse(readFileSync("examples/jiangsu-example-2019.json", "utf8")));
  if (!read.ok) throw new Error("example");
  const tables = read.disclosure.tables;
  const items = (second: string) => [
    "（一）一般公共服务支出（类）",
    "1.政协事务（款）行政运行（项）5,223.22 万元，与上年相比增加790.44万元。",
    `2.政协事务（款）${second}（项）支出3,159.78万元。`,
    "3.政协事务（款）政协会议（项）1,282.56万元。",
    "4.政协事务（款）委员视察（项）426万元。",
    "5.政协事务（款）其他政协事务支出（项）100万元。",
    "（二）社会保障和就业（类）",
    "1.行政事业单位离退休（款）未归口管理的行政单位离退休（项）277.05万元。",
    "2.行政事业单位离退休（款）机关事业单位基本养老保险缴费（项）415.33万元。",
    "3.行政事业单位离退休（款）机关事业单位职业年金缴费支出（项）166.13万元。",
    "（三）住房保障支出（类）",
    "1.住房改革支出（款）住房公积金（项）492.87万元。",
    "2.住房改革支出（款）提租补贴（项）1,754.17万元。",
  ];

  it("are read with the heading's 类 (支出 left out or not), and all agree with the table", () => {
    expect(narrativeFindings(items("一般行政管理事务"), ["narrative-items"], tables)).toEqual([]);
  });

  it("an item under a transposed name with the table's amount is one error naming the table's item", () => {
    const found = narrativeFindings(items("一般行政事务管理"), ["narrative-items"], tables);
    expect(found.map((f) => [f.severity, f.cell, f.message])).toEqual([["error", "第3段", "说明中的“一般行政事务管理（项）”3159.78万元，在表中是 2010202 “一般行政管理事务”（金额相同，名称不同）。"]]);
  });
});
