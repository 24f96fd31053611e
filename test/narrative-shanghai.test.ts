/**
 * The Shanghai 编制说明 and 其他相关情况说明: generated from the tables and facts in the documented
 * sentence forms, checked clean against the tables; each defect kind planted in one sentence is caught
 * with its severity and position. Generation and checking share one vocabulary (round trip).
 */
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readDataFile } from "../src/core/data-format";
import { readBackLayouts } from "../src/core/layout/read-back";
import { planInsertion } from "../src/core/layout/workbook";
import type { Disclosure } from "../src/core/model";
import { readNarrativeFacts, type NarrativeFacts } from "../src/core/narrative/facts";
import { generatePackNarrative } from "../src/core/narrative/plan";
import { narrativeParagraphs } from "../src/core/narrative/layout";
import { findPack } from "../src/core/packs";
import { validate } from "../src/core/validation/engine";
import { NARRATIVE_RULES } from "../src/core/validation/rules-narrative";
import { randomDisclosure } from "./support/random-disclosure";
import { randomShanghaiDisclosure } from "./support/random-shanghai";

const shanghai = (() => {
  const read = readDataFile(JSON.parse(readFileSync("examples/shanghai-synthetic-2026.json", "utf8")));
  if (!read.ok) throw new Error("example");
  return read.disclosure;
})();

const FACTS: NarrativeFacts = readNarrativeFacts(
  {
    priorYear: { appropriation: 1800, general: 1800, fund: 0, stateCapital: 0, threePublic: 1.5, officeCosts: 0, total: 150, generalExpenditure: 150 },
    priorYearShanxi: null,
    reasons: { appropriation: "在职人员工资正常增长，新增学前教育项目", threePublic: "公务用车运行维护费增加", income: "在职人员工资正常增长", expenditure: "在职人员工资支出正常增长", officeCosts: "办公费用变化" },
    purposes: { "2050201": "幼儿园日常运转", "2050202": "小学日常运转" },
    procurement: { goods: 12.5, works: 0, services: 30.25 },
    performanceProjects: { count: 2, amount: 10 },
    performance: { overallTarget: "保障单位正常运转", managed: { operating: { count: 1, amount: 1 }, specific: { count: 1, amount: 1 } }, disclosed: { operating: { count: 1, amount: 1 }, specific: { count: 1, amount: 1 } } },
    other: { governmentPurchase: "本单位不涉及政府购买服务项目", other: "无" },
    assets: { asOf: "2025-12-31", vehicles: { actual: 2, businessUse: 2 }, officeArea: 0, equipmentOver50: 0, equipmentOver100: 1 },
  },
  "万元",
);

/** The disclosure as a spreadsheet shows it (totals computed), and its narrative lines. */
function narrativeOf(d: Disclosure, factsFor: NarrativeFacts | ((shown: Disclosure) => NarrativeFacts)) {
  const pack = findPack(d.packId)!;
  const shown = readBackLayouts(planInsertion(pack, d.unit, pack.tables.map((t) => t.id), [], d.tables).layouts, d.unit)!;
  const facts = typeof factsFor === "function" ? factsFor(shown) : factsFor;
  // Every 项 has what it is used for (the accountant's words), so that the text has no 待填写.
  const purposes = Object.fromEntries((shown.tables.T5?.rows ?? []).filter((r) => r.code?.length === 7).map((r) => [r.code!, `${r.name}日常工作`]));
  const lines = narrativeParagraphs(pack, d.unit, generatePackNarrative(pack, { ...shown, unit: d.unit }, { ...facts, purposes: { ...purposes, ...facts.purposes } })).map((p, row) => ({ row, text: p.text }));
  const check = (edit: (ls: { row: number; text: string }[]) => void = () => undefined) => {
    const copy = lines.map((l) => ({ ...l }));
    edit(copy);
    return validate({ pack, unit: d.unit, tables: shown.tables, narrative: { sheetName: "单位编制说明", lines: copy }, facts }, NARRATIVE_RULES).findings;
  };
  return { lines, check, shown };
}
const serious = <T extends { severity: string }>(fs: T[]): T[] => fs.filter((f) => f.severity !== "info");

describe("the generated Shanghai narrative", () => {
  const { lines, check } = narrativeOf(shanghai, FACTS);

  it("follows the documented forms", () => {
    const text = lines.map((l) => l.text).join("\n");
    expect(text).toMatch(/^2026年单位预算编制说明$/m);
    expect(text).toMatch(/2026年，.+收入预算[\d.]+万元，其中：财政拨款收入[\d.]+万元，比2025年预算(增加|减少)[\d.]+万元；事业收入[\d.]+万元；事业单位经营收入[\d.]+万元；其他收入[\d.]+万元。/);
    expect(text).toMatch(/财政拨款支出主要内容如下：\n1\. “教育支出（类）普通教育（款）学前教育（项）”[\d.]+万元，主要用于幼儿园日常运转。/);
    expect(text).toMatch(/2026年“三公”经费预算数为[\d.]+万元，比2025年预算(增加|减少)[\d.]+万元。其中：（一）因公出国（境）费/);
    expect(text).toMatch(/2026年度本单位政府采购预算42\.75万元，其中：政府采购货物预算12\.50万元、政府采购工程预算0\.00万元、政府采购服务预算30\.25万元。/);
  });

  it("checks clean against its tables", () => {
    expect(serious(check())).toEqual([]);
  });

  const replace = (from: RegExp | string, to: string) => (ls: { text: string }[]) => {
    const line = ls.find((l) => (typeof from === "string" ? l.text.includes(from) : from.test(l.text)));
    if (!line) throw new Error(`no line with ${from}`);
    line.text = line.text.replace(from, to);
  };
  const itemLine = lines.find((l) => l.text.startsWith("1. “"))!;

  it.each([
    ["an item amount off by tens of 万元", (ls: { text: string }[]) => replace(/(”)([\d.]+)(万元，主要用于幼儿园)/, "$1" + "99.99" + "$3")(ls), "narrative-items", "error", itemLine.row],
    ["a 项 of the table with no item", (ls: { text: string }[]) => void ls.splice(ls.findIndex((l) => l.text.startsWith("2. “")), 1), "narrative-items", "error", undefined],
    ["a growth percentage from a base of 0", (ls: { text: string }[]) => void (ls.find((l) => l.text.startsWith("1. “"))!.text += "2025年当年预算执行数为0万元，2026年预算安排12.00万元，比2025年预算执行数增加100.00%。"), "narrative-execution-change", "error", itemLine.row],
    ["a reason that argues the opposite direction", (ls: { text: string }[]) => void (ls.find((l) => l.text.startsWith("1. “"))!.text += "2025年当年预算执行数为20.00万元，2026年预算安排12.00万元，比2025年预算执行数减少40.00%。主要原因是：经费增加。"), "narrative-reason-direction", "warning", itemLine.row],
    ["an empty 主要原因是", (ls: { text: string }[]) => void (ls.find((l) => l.text.startsWith("1. “"))!.text += "主要原因是。"), "narrative-reason", "error", itemLine.row],
    ["a pre-2019 subject name", replace("“卫生健康支出（类）", "“医疗卫生与计划生育支出（类）"), "narrative-items", "warning", undefined],
    ["市级 wording in a 区级 document", replace("本单位政府采购预算", "本单位市级政府采购预算"), "narrative-level", "warning", undefined],
    ["a comparison with the wrong year (copied from last year's text)", replace(/比2025年预算(增加|减少)/, "比2024年预算$1"), "narrative-compare-year", "error", undefined],
    ["a wrong 三公 total", replace(/“三公”经费预算数为[\d.]+万元/, "“三公”经费预算数为9.99万元"), "narrative-amount", "error", undefined],
    ["both alternatives of a change left in", replace(/比2025年预算(增加|减少)/, "比2025年预算增加（减少）"), "narrative-alternatives", "warning", undefined],
    ["both alternatives, half-width brackets and spaces", replace(/比2025年预算(增加|减少)/, "比2025年预算增长 ( 下降 ) "), "narrative-alternatives", "warning", undefined],
    ["部门 wording in a 单位 document", (ls: { text: string }[]) => void (ls.find((l) => l.text.startsWith("1. “"))!.text += "2026年部门预算安排购置车辆0辆。"), "narrative-edition", "warning", itemLine.row],
    ["an amount left out before its unit", replace(/收入预算[\d.]+万元/, "收入预算万元"), "narrative-missing-amount", "error", undefined],
    ["a percentage left out", (ls: { text: string }[]) => void (ls.find((l) => l.text.startsWith("1. “"))!.text += "比上年增长%。"), "narrative-missing-amount", "error", itemLine.row],
    ["a 款 written with （类）", replace("普通教育（款）", "普通教育（类）"), "narrative-items", "warning", itemLine.row],
    ["the income and the spending compared on different bases", replace(/(收入预算[\d.]+万元，其中：财政拨款收入[\d.]+万元，比2025年预算)/, "$1执行数"), "narrative-comparison-base", "warning", undefined],
    ["the same total of income and spending with two changes", replace(/(支出预算[\d.]+万元，其中：财政拨款支出预算[\d.]+万元，比2025年预算(?:增加|减少))([\d.]+)/, "$10.01"), "narrative-comparison-base", "warning", undefined],
  ])("catches %s", (_label, edit, ruleId, severity, row) => {
    const found = check(edit as (ls: { row: number; text: string }[]) => void).filter((f) => f.ruleId === ruleId);
    expect(found.map((f) => f.severity)).toContain(severity);
    if (row !== undefined) expect(found.map((f) => f.cell)).toContain(`A${row + 1}`);
  });

  it("reads an item whose 款 is written with （类） as the item it is: one warning, no other finding", () => {
    const found = serious(check(replace("普通教育（款）", "普通教育（类）")));
    expect(found.map((f) => `${f.severity} ${f.ruleId} ${f.message}`)).toEqual(["warning narrative-items 说明中的“普通教育”是款级科目，写成了“普通教育（类）”，应为“普通教育（款）”。"]);
  });

  it("says nothing of a unit of measure stated without a figure, nor of words of one direction side by side", () => {
    const found = check((ls) => void ls.push({ row: ls.length, text: "金额单位为万元；表中金额单位：万元（万元），增加（增长）情况见下表。" }));
    expect(found.filter((f) => ["narrative-missing-amount", "narrative-alternatives"].includes(f.ruleId))).toEqual([]);
  });

  it("catches the same reason pasted under items of opposite directions", () => {
    const findings = check((ls) => {
      ls.find((l) => l.text.startsWith("1. “"))!.text += "2025年当年预算执行数为10.00万元，2026年预算安排12.00万元，比2025年预算执行数增加20.00%。主要原因是：人员调整。";
      ls.find((l) => l.text.startsWith("2. “"))!.text += "2025年当年预算执行数为20.00万元，2026年预算安排12.00万元，比2025年预算执行数减少40.00%。主要原因是：人员调整。";
    });
    expect(findings.filter((f) => f.ruleId === "narrative-reason-direction").map((f) => f.message).join()).toContain("照抄");
  });
});

describe("round trip: every generated narrative checks clean, and any one changed figure is caught (fast-check)", () => {
  it("holds for random disclosures of both packs", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.boolean(), fc.nat(), (seed, isShanghai, pick) => {
        const d = isShanghai ? randomShanghaiDisclosure(seed, 10) : randomDisclosure(seed, 10);
        // Reasons without a direction of their own: the random figures may go either way against the prior year.
        // …and 绩效目标 funds within the 项目支出 of the random tables.
        const neutral = (shown: Disclosure): NarrativeFacts => ({
          ...FACTS,
          reasons: { appropriation: "人员和业务调整", threePublic: "用车安排调整", income: "人员和业务调整", expenditure: "人员和业务调整", officeCosts: "办公安排调整" },
          performanceProjects: { count: 2, amount: Math.floor((shown.tables.T3?.rows.find((r) => r.id === "total")?.amounts.project ?? 0) / 2 / 10_000) * 10_000 },
        });
        const { lines, check } = narrativeOf(d, neutral);
        expect(serious(check()), "clean").toEqual([]);
        // Change one figure written in the text by 1.00 万元: it must be caught.
        const figures = lines.flatMap((l, i) => [...l.text.matchAll(/(?<![\d.])(\d+\.\d{2})万元/g)].map((m) => ({ i, at: m.index!, text: m[1] })));
        if (figures.length === 0) return;
        const f = figures[pick % figures.length];
        const changed = (Number(f.text) + 1).toFixed(2);
        const findings = check((ls) => void (ls[f.i].text = ls[f.i].text.slice(0, f.at) + changed + ls[f.i].text.slice(f.at + f.text.length)));
        expect(serious(findings).length, `${lines[f.i].text} (${f.text} → ${changed})`).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });
});

describe("the change against the prior year, as the Shanghai text writes it", () => {
  it("is the difference of the printed figures, as a reader and narrative-prior subtract them", async () => {
    const { shanghaiChange } = await import("../src/core/narrative/shanghai");
    // 1.446 and 1.434 万元 print as 1.45 and 1.43: 增加0.02, not the exact 0.012 rounded to 0.01.
    expect(shanghaiChange(1_446_000, 1_434_000, 2025)).toBe("比2025年预算增加0.02万元");
    expect(shanghaiChange(1_434_000, 1_446_000, 2025)).toBe("比2025年预算减少0.02万元");
    expect(shanghaiChange(1_444_000, 1_436_000, 2025)).toBe("与2025年预算持平");
    expect(shanghaiChange(1_444_000, undefined, 2025)).toBe("比2025年预算增减待填写");
  });
});

describe("how real documents vary, each class once (found on the published Shanghai PDFs)", () => {
  const { lines, check } = narrativeOf(shanghai, FACTS);
  const itemIndex = lines.findIndex((l) => l.text.startsWith("1. “"));
  const withItem = (edit: (text: string) => string) => (ls: { text: string }[]) => void (ls[itemIndex].text = edit(ls[itemIndex].text));
  const items = (fs: { ruleId: string; severity: string; message: string }[]) => serious(fs).filter((f) => f.ruleId === "narrative-items");

  it("reads an item whatever its brackets' width and the spaces around them and its figure (fast-check)", () => {
    const bracket = fc.constantFrom("（", "(");
    const closing = fc.constantFrom("）", ")");
    const space = fc.constantFrom("", " ", "  ", "\u3000");
    fc.assert(
      fc.property(fc.tuple(bracket, closing, space, space, space, space), ([open, close, s1, s2, s3, s4]) => {
        const found = check(withItem((t) => t.replace(/（(类|款|项)）/g, (_m, level: string) => `${s1}${open}${s2}${level}${s3}${close}`).replace(/”([\d.]+)万元/, `”${s4}$1${s4}万元`)));
        expect(items(found)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it("compares a figure at the precision written: 17,192万元 stands for any figure that rounds to it", async () => {
    const { writtenMatches } = await import("../src/core/narrative/format");
    // 1 万元 = 1,000,000 分: "17,192" stands for [17,191.5, 17,192.5] 万元, "87.70" for [87.695, 87.705].
    const WAN = 1_000_000;
    expect(writtenMatches("17,192", 17_191_516_900, WAN)).toBe(true);
    expect(writtenMatches("17,192", 17_191_500_000, WAN)).toBe(true);
    expect(writtenMatches("17,192", 17_191_499_999, WAN)).toBe(false);
    expect(writtenMatches("17,192", 17_192_500_000, WAN)).toBe(true);
    expect(writtenMatches("17,192", 17_192_500_001, WAN)).toBe(false);
    expect(writtenMatches("87.70", 87_704_999, WAN)).toBe(true);
    expect(writtenMatches("87.70", 87_705_001, WAN)).toBe(false);
    expect(writtenMatches("87.70", 87_708_000, WAN)).toBe(false);
    expect(writtenMatches("87.7", 87_708_000, WAN)).toBe(true);
  });

  it("reports an item listed twice once, and counts it once in the sum", () => {
    const found = items(check((ls) => void ls.splice(itemIndex + 1, 0, { ...ls[itemIndex] })));
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain("重复列出");
  });

  it("reads the variant 其它 as 其他 in a subject's name", () => {
    const other = lines.find((l) => /^\d+\. “.*其他/.test(l.text));
    expect(other, "the example has an item named 其他…").toBeDefined();
    const found = check((ls) => void (ls.find((l) => l.row === other!.row)!.text = other!.text.replace("其他", "其它")));
    expect(items(found)).toEqual([]);
  });

  it("names a figure cut off rather than rounded, and does not report the sum that the wrong item explains", () => {
    const m = /”([\d.]+)万元/.exec(lines[itemIndex].text)!;
    const hundredths = Math.round(Number(m[1]) * 100);
    // An item whose exact figure has more digits than printed: cut off, it reads one hundredth low.
    const found = items(check(withItem((t) => t.replace(`”${m[1]}万元`, `”${((hundredths - 1) / 100).toFixed(2)}万元`))));
    expect(found).toHaveLength(1);
    expect(found[0].message).toMatch(/不符/);
  });

  it("takes the level a document states of itself", () => {
    const cityText = (ls: { text: string }[]) => {
      ls[0].text = `上海市2026年市级单位预算`;
      ls[itemIndex].text += "按照市级财政的要求安排。";
    };
    expect(check(cityText).filter((f) => f.ruleId === "narrative-level")).toEqual([]);
    expect(check((ls) => void (ls[itemIndex].text += "按照市级财政的要求安排。")).filter((f) => f.ruleId === "narrative-level")).toHaveLength(1);
  });

  it("leaves alone the years that date a history, and still asks about a stray year", () => {
    const years = (text: string) => check((ls) => void (ls[itemIndex].text += text)).filter((f) => f.ruleId === "narrative-year");
    for (const history of ["从2020年起由本单位承担。", "自2018年以来逐年增加。", "截止2025年12月31日，共有车辆2辆。", "于2019年成立。"]) expect(years(history), history).toEqual([]);
    expect(years("2020年安排10万元。")).toHaveLength(1);
  });

  it("finds an increase larger than every figure of its clause (the prior year would be negative), not one that belongs to the clause's total", () => {
    const impossible = (text: string) => check((ls) => void (ls[itemIndex].text += text)).filter((f) => f.ruleId === "narrative-impossible-increase");
    expect(impossible("政府性基金拨款支出预算0万元，比2025年预算增加1421.25万元。")).toHaveLength(1);
    expect(impossible("政府性基金拨款支出预算1421.25万元，比2025年预算增加1421.25万元。")).toEqual([]);
    expect(impossible("收入总计164.06万元，其中：本年收入164.06万元，上年结转0万元，比上年增长23.76万元。")).toEqual([]);
    expect(impossible("上年结转0万元；本年收入0.50万元，比上年增加0.60万元。")).toHaveLength(1);
  });

  it("finds a 预算安排 figure pasted from another item into the comparison with the execution figure", () => {
    const m = /”([\d.]+)万元/.exec(lines[itemIndex].text)!;
    const other = (Number(m[1]) + 220).toFixed(2);
    const found = check(withItem((t) => `${t}2025年当年预算执行数为10.00万元，2026年预算安排${other}万元，比2025年预算执行数增加60.54%。`)).filter((f) => f.ruleId === "narrative-execution-change");
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain(`本项为${m[1]}万元`);
  });
});

describe("a budget year that nothing printed", () => {
  it("asks about no year when the year is unknown, and reads it from the narrative's heading when there is one", async () => {
    const { yearOfNarrative } = await import("../src/core/narrative/find-text");
    const pack = findPack(shanghai.packId)!;
    const lines = [{ row: 0, text: "江苏省高级人民法院2019年部门预算" }, { row: 1, text: "2019年收入预算1,000万元，比2018年预算增加10万元。2020年将继续。" }];
    const unknown = validate({ pack, unit: { ...shanghai.unit, year: 0 }, tables: shanghai.tables, narrative: { sheetName: "说明", lines } }, NARRATIVE_RULES).findings;
    expect(unknown.filter((f) => f.ruleId === "narrative-year" || f.ruleId === "narrative-compare-year")).toEqual([]);
    expect(yearOfNarrative(lines)).toBe(2019);
    expect(yearOfNarrative([{ row: 0, text: "上海市2025年市级单位预算" }])).toBe(2025);
    expect(yearOfNarrative([{ row: 0, text: "2020年工作总结" }])).toBeUndefined();
    const known = validate({ pack, unit: { ...shanghai.unit, year: 2019 }, tables: shanghai.tables, narrative: { sheetName: "说明", lines } }, NARRATIVE_RULES).findings;
    expect(known.filter((f) => f.ruleId === "narrative-year")).toHaveLength(1);
  });
});

describe("政府采购 reserved for small enterprises, and the text's small defects", () => {
  const { lines, check } = narrativeOf(shanghai, FACTS);
  const procurement = lines.findIndex((l) => l.text.includes("政府采购预算"));
  const add = (text: string) => (ls: { row: number; text: string }[]) => void ls.splice(procurement + 1, 0, { row: 999, text });
  const reserved = (text: string) => check(add(text)).filter((f) => f.ruleId === "narrative-procurement-reserved");

  it("holds when the reserved parts fit (the district wording, over two paragraphs), and finds each that does not", () => {
    expect(procurement).toBeGreaterThanOrEqual(0);
    expect(reserved("2026年本单位面向中小企业预留政府采购项目预算金额30.00万元，其中，预留给小型和微型企业的政府采购项目预算为20.00万元。")).toEqual([]);
    expect(reserved("2026年本单位面向中小企业预留政府采购项目预算金额50.00万元，其中，预留给小型和微型企业的政府采购项目预算为20.00万元。").map((f) => f.message)).toEqual([expect.stringContaining("超过政府采购预算总额 42.75万元")]);
    expect(reserved("2026年本单位面向中小企业预留政府采购项目预算金额30.00万元，其中，预留给小型和微型企业的政府采购项目预算为31.00万元。").map((f) => f.message)).toEqual([expect.stringContaining("超过面向中小企业预留的 30.00万元")]);
    // Written without decimals, 43万元 may stand for 42.75: not an error.
    expect(reserved("2026年本单位面向中小企业预留政府采购项目预算金额43万元。")).toEqual([]);
  });

  it("finds parts of the 政府采购 total that do not add up to it, and nothing when they do", () => {
    const parts = lines.findIndex((l) => l.text.includes("政府采购服务预算"));
    const replaced = (from: string, to: string) => check((ls) => void (ls[parts].text = ls[parts].text.replace(from, to))).filter((f) => f.severity !== "info");
    expect(replaced("政府采购服务预算30.25万元", "政府采购服务预算30.25万元")).toEqual([]);
    const findings = replaced("政府采购服务预算30.25万元", "政府采购服务预算31.25万元");
    expect(findings.map((f) => f.ruleId)).toEqual(["narrative-procurement"]);
    expect(findings[0].severity).toBe("error");
    expect(findings[0].message).toContain("货物、工程、服务之和 43.75万元，不等于政府采购预算 42.75万元");
  });

  it("reads the parts however the set words them, a part of zero left out, at the precision written", () => {
    const procurementFindings = (text: string) => check((ls) => void ls.push({ row: ls.length, text })).filter((f) => f.ruleId === "narrative-procurement");
    expect(procurementFindings("2019年政府采购预算总金额为5227.59万元。其中拟采购货物支出1637.72万元；拟采购工程支出530万元；拟采购服务支出3059.87万元。")).toEqual([]);
    expect(procurementFindings("2019年度政府采购支出预算总额2744.84万元，其中：拟采购货物支出303.4万元、拟购买服务支出2441.44万元。")).toEqual([]);
    expect(procurementFindings("2019年度政府采购支出预算总额2744.84万元，其中：拟采购货物支出303.4万元、拟购买服务支出2442.44万元。").map((f) => f.message)).toEqual([expect.stringContaining("（没有写工程）")]);
    // 1,708万元 written without decimals stands for 1,707.50–1,708.50.
    expect(procurementFindings("2025年度本单位政府采购预算1,708万元，其中：政府采购货物预算42.50万元、政府采购工程预算0.00万元、政府采购服务预算1,665.53万元。")).toEqual([]);
    expect(procurementFindings("2025年度本单位政府采购预算1,709万元，其中：政府采购货物预算42.50万元、政府采购工程预算0.00万元、政府采购服务预算1,665.53万元。")).toHaveLength(1);
  });

  it("notes a share without %, doubled punctuation and a percentage with three decimals, as information only", () => {
    const typography = (text: string) => check((ls) => void (ls[procurement].text += text)).filter((f) => f.ruleId === "narrative-typography");
    expect(typography("其中货物占29.24。")).toHaveLength(1);
    expect(typography("如上。。")).toHaveLength(1);
    expect(typography("增长12.345%。")).toHaveLength(1);
    expect(typography("占29.24%，增长12.34%。")).toEqual([]);
    expect(typography("占29.24。。").every((f) => f.severity === "info")).toBe(true);
  });
});

describe("items compared with the prior year's 预算执行数 (fast-check)", () => {
  it("writes each comparison as the checks recompute it: percent, 持平, or new from 0, and checks clean", () => {
    const items = (shanghai.tables.T5?.rows ?? []).filter((r) => r.code?.length === 7);
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant(0), fc.constant(-1), fc.integer({ min: 1, max: 5_000_000 })), { minLength: items.length, maxLength: items.length }), (picks) => {
        const { lines, check, shown } = narrativeOf(shanghai, (s) => {
          const rows = (s.tables.T5?.rows ?? []).filter((r) => r.code?.length === 7);
          // -1: the same figure as this year's; 0: no 执行数 (new); else a figure in 分 at the 0.01 万元 step.
          const itemPriors = Object.fromEntries(rows.map((r, i) => [r.code!, picks[i] === -1 ? (r.amounts.total ?? 0) : picks[i] * 10_000]));
          // Each item its own words: one reason pasted under items moving in opposite directions is itself a finding.
          const itemReasons = Object.fromEntries(rows.map((r) => [r.code!, `${r.name}的业务安排调整`]));
          return { ...FACTS, itemPriors, itemReasons };
        });
        const shownItems = (shown.tables.T5?.rows ?? []).filter((r) => r.code?.length === 7 && (r.amounts.total ?? 0) !== 0);
        const itemLines = lines.filter((l) => /^\d+\. “/.test(l.text));
        expect(itemLines).toHaveLength(shownItems.length);
        itemLines.forEach((l, i) => {
          const pick = picks[items.findIndex((r) => r.code === shownItems[i].code)];
          if (pick === 0) expect(l.text).toMatch(/2025年无此项预算执行数，2026年预算安排[\d.]+万元，为本年新增。主要原因是：.+的业务安排调整。$/);
          else if (pick === -1) expect(l.text).toMatch(/与2025年预算执行数持平。$/);
          else expect(l.text).toMatch(/2025年当年预算执行数为[\d.]+万元，2026年预算安排[\d.]+万元，(比2025年预算执行数(增加|减少)\d+(\.\d\d)?%。主要原因是：.+的业务安排调整。|与2025年预算执行数持平。)$/);
        });
        const ruled = check().filter((f) => f.severity !== "info" && /narrative-(execution-change|change-reason|reason|items)/.test(f.ruleId));
        expect(ruled.map((f) => `${f.ruleId} ${f.message}`)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it("takes a default 主要用于 from the subject's name, for her to confirm", async () => {
    const { defaultPurpose } = await import("../src/core/narrative/items");
    expect(defaultPurpose("行政运行")).toBe("保障机关正常运转的人员经费和日常公用经费支出");
    expect(defaultPurpose(" 机关事业单位基本养老保险缴费支出 ")).toBe("按规定为在职人员缴纳的基本养老保险费");
    expect(defaultPurpose("其他普通教育支出")).toBe("其他普通教育方面的支出");
    expect(defaultPurpose("学前教育")).toBe("学前教育方面的支出");
  });

  it("computes the change shown in the form as the text writes it: half up, from the printed figures", async () => {
    const { itemChange, itemChangeLabel } = await import("../src/core/narrative/items");
    // 0.12 against 0.08 万元: +50%; 0.01 against 0.03: −66.67% (66.666… rounds up); 0.02 against 0.03: −33.33%.
    expect(itemChangeLabel(itemChange(120_000, 80_000))).toBe("增加 50.00%");
    expect(itemChangeLabel(itemChange(10_000, 30_000))).toBe("减少 66.67%");
    expect(itemChangeLabel(itemChange(20_000, 30_000))).toBe("减少 33.33%");
    // 0.01 against 0.08: −87.5%; an exact half at the last digit rounds up: 0.33 against 0.32 is +3.125% → 3.13%.
    expect(itemChangeLabel(itemChange(10_000, 80_000))).toBe("减少 87.50%");
    expect(itemChangeLabel(itemChange(330_000, 320_000))).toBe("增加 3.13%");
    // Figures below the printed step read as printed: 200 分 against 300 分 both print 0.00.
    expect(itemChangeLabel(itemChange(200, 300))).toBe("持平");
    // 1 against 1.0001 万元 is 0.01 万元 apart when printed: 1.00 vs 1.00 → 持平.
    expect(itemChangeLabel(itemChange(1_000_000, 1_000_100))).toBe("持平");
    expect(itemChangeLabel(itemChange(10_000, 0))).toBe("新增");
    expect(itemChangeLabel(itemChange(10_000, undefined))).toBe("");
  });
});

describe("last year's figures taken from last year's disclosure", () => {
  it("compares each figure with the same figure of last year's tables: the same tables give 持平 everywhere, with nothing left to fill", async () => {
    const { priorYearFromDisclosure } = await import("../src/core/narrative/plan");
    const pack = findPack(shanghai.packId)!;
    const { lines } = narrativeOf(shanghai, (shown) => ({ ...FACTS, priorYear: priorYearFromDisclosure(pack, shown) }));
    const text = lines.map((l) => l.text).join("\n");
    expect(text).not.toContain("待填写");
    expect(text).not.toMatch(/比2025年预算(增加|减少)/);
    // 财政拨款 (twice: income and expenditure), 一般公共预算, 政府性基金, 国有资本经营, “三公”, 机关运行经费 where there is one.
    expect(text.match(/与2025年预算持平/g)!.length).toBeGreaterThanOrEqual(6);
  });

  it("gives, against last year's tables with every figure 10% lower, each change as this year's figure less last year's", async () => {
    const { priorYearFromDisclosure } = await import("../src/core/narrative/plan");
    const { printedHundredths, hundredthsText } = await import("../src/core/narrative/format");
    const pack = findPack(shanghai.packId)!;
    let prior: NarrativeFacts["priorYear"] = {};
    const { lines, check, shown } = narrativeOf(shanghai, (shown) => {
      const lower = JSON.parse(JSON.stringify(shown), (k, v) => (typeof v === "number" && k !== "year" ? Math.round(v * 0.9) : v)) as Disclosure;
      prior = priorYearFromDisclosure(pack, lower);
      return { ...FACTS, priorYear: prior };
    });
    const appropriation = shown.tables.T1!.income.find((r) => r.id === "appropriation")!.amounts.incomeAmount!;
    const expected = hundredthsText(printedHundredths(appropriation) - printedHundredths(prior.appropriation!));
    expect(lines.map((l) => l.text).join("\n")).toContain(`财政拨款收入${hundredthsText(printedHundredths(appropriation))}万元，比2025年预算增加${expected}万元`);
    expect(serious(check()).filter((f) => f.ruleId === "narrative-prior" || f.ruleId === "narrative-placeholder")).toEqual([]);
  });
});

describe("the narrative on the sheets where the set's template prints it", () => {
  it("splits the Shanghai text over 单位编制说明, 其他相关情况说明 and 名词解释, and reads it back whole from them", async () => {
    const { renderNarrativeSheets } = await import("../src/core/narrative/layout");
    const { plainSheet, plainSheets: tablesOf, cellsOf: bookOf } = await import("./support/foreign-workbooks");
    const { readWorkbookCells } = await import("../src/core/read-workbook");
    const pack = findPack(shanghai.packId)!;
    const { shown } = narrativeOf(shanghai, FACTS);
    const paragraphs = generatePackNarrative(pack, { ...shown, unit: shanghai.unit }, FACTS);
    const layouts = renderNarrativeSheets(pack, shanghai.unit, paragraphs);
    expect(layouts.map((l) => [l.sheetName, l.cells[0].value, l.names.length])).toEqual([
      ["单位编制说明", "2026年单位预算编制说明", 2],
      ["其他相关情况说明", "其他相关情况说明", 0],
      ["名词解释", "名词解释", 0],
    ]);
    // Every paragraph on exactly one sheet, in order.
    const all = narrativeParagraphs(pack, shanghai.unit, paragraphs).map((p) => p.text);
    expect(layouts.flatMap((l) => l.cells.map((c) => String(c.value).replace(/^　+/, "")))).toEqual(all);
    // Read as a workbook typed that way: the three sheets are one narrative again.
    const reading = readWorkbookCells(bookOf([...tablesOf(shanghai), ...layouts.map(plainSheet)]), {});
    expect(reading.narrative?.lines.map((l) => l.text)).toEqual(all);
    // A set printed on one sheet keeps one.
    const shanxi = findPack("shanxi-unit-13")!;
    expect(renderNarrativeSheets(shanxi, shanghai.unit, [{ kind: "heading", text: "其他相关情况说明" }, { kind: "paragraph", text: "文字" }]).map((l) => l.sheetName)).toEqual(["情况说明"]);
  });
});
