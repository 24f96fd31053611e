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
  const lines = generatePackNarrative(pack, { ...shown, unit: d.unit }, { ...facts, purposes: { ...purposes, ...facts.purposes } }).map((p, row) => ({ row, text: p.text }));
  const check = (edit: (ls: { row: number; text: string }[]) => void = () => undefined) => {
    const copy = lines.map((l) => ({ ...l }));
    edit(copy);
    return validate({ pack, unit: d.unit, tables: shown.tables, narrative: { sheetName: "单位编制说明", lines: copy }, facts }, NARRATIVE_RULES).findings;
  };
  return { lines, check, shown };
}
const serious = (fs: { severity: string }[]) => fs.filter((f) => f.severity !== "info");

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
  ])("catches %s", (_label, edit, ruleId, severity, row) => {
    const found = check(edit as (ls: { row: number; text: string }[]) => void).filter((f) => f.ruleId === ruleId);
    expect(found.map((f) => f.severity)).toContain(severity);
    if (row !== undefined) expect(found.map((f) => f.cell)).toContain(`A${row + 1}`);
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
