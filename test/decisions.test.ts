/**
 * The product's decisions at their edges: where a printed difference stops being rounding, which precision a tie
 * between 元 and 万元 tables is compared at, how close a written share or growth rate must be, and how SHAREPCT
 * breaks an exact half and a tie. Each case sits on the boundary, so that moving it by one unit breaks a test.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Disclosure } from "../src/core/model";
import { findPack } from "../src/core/packs";
import { largestRemainderShares } from "../src/core/shares";
import { validate } from "../src/core/validation/engine";
import { checkAtMost, checkSum } from "../src/core/validation/intervals";
import { narrativeChangeRule, narrativeShareRule } from "../src/core/validation/rules-narrative";
import { tiesRule } from "../src/core/validation/rules-ties";
import { sharePctFunction } from "../src/functions/functions";

/** 0.01 万元 in 分. */
const STEP = 10_000;

describe("a printed sum against its printed parts (intervals of half the last printed digit)", () => {
  it("takes one figure 0.01 off another as rounding, and 0.02 off as an error", () => {
    expect(checkSum(100 * STEP, [101 * STEP], STEP).status).toBe("rounding");
    expect(checkSum(100 * STEP, [99 * STEP], STEP).status).toBe("rounding");
    expect(checkSum(100 * STEP, [102 * STEP], STEP).status).toBe("error");
    expect(checkSum(100 * STEP, [98 * STEP], STEP).status).toBe("error");
  });

  it("widens the slack by half a unit per printed part: three parts may be 0.02 off, not 0.03", () => {
    expect(checkSum(100 * STEP, [33 * STEP, 33 * STEP, 36 * STEP], STEP).status).toBe("rounding");
    expect(checkSum(100 * STEP, [33 * STEP, 33 * STEP, 37 * STEP], STEP).status).toBe("error");
    expect(checkSum(100 * STEP, [33 * STEP, 33 * STEP, 34 * STEP], STEP).status).toBe("ok");
  });

  it("holds 甲 ≤ 乙 as printed: 0.01 over is rounding, 0.02 over an error", () => {
    expect(checkAtMost(100 * STEP, 100 * STEP, STEP)).toBe("ok");
    expect(checkAtMost(101 * STEP, 100 * STEP, STEP)).toBe("rounding");
    expect(checkAtMost(102 * STEP, 100 * STEP, STEP)).toBe("error");
  });

  it("is exact for any parts that add up, and never an error within half a unit per figure (fast-check)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: -1, max: 1 }), (units, off) => {
        const parts = units.map((u) => u * STEP);
        const total = parts.reduce((a, b) => a + b, 0);
        expect(checkSum(total, parts, STEP).status).toBe("ok");
        expect(checkSum(total + off * STEP, parts, STEP).status).not.toBe("error");
        // (n + 1) halves of slack: n parts and the total.
        expect(checkSum(total + (parts.length + 1) * STEP, parts, STEP).status).toBe("error");
      }),
    );
  });
});

describe("a tie between a 元 table and a 万元 table", () => {
  const shanghai = findPack("shanghai-unit-9")!;
  const unit = { name: "示例单位", department: "示例部门", year: 2025, type: "行政单位" as const };
  /** 表八 (元) 30212 against 表九 (万元) 因公出国（境）费. */
  const tie = (basicYuan: number, threePublicWan: number) => {
    const tables: Disclosure["tables"] = {
      T8: { rows: [{ id: "total", amounts: { total: basicYuan * 100 } }, { code: "302", name: "商品和服务支出", amounts: { total: basicYuan * 100 } }, { code: "30212", name: "因公出国（境）费用", amounts: { total: basicYuan * 100 } }] },
      T9: { rows: [{ id: "amounts", amounts: { travelAbroad: Math.round(threePublicWan * 1_000_000) } }] },
    };
    return validate({ pack: shanghai, unit, tables }, [tiesRule]).findings.filter((f) => f.ruleId === "tie:S8-S9-travelAbroad");
  };

  it("compares at the 万元 table's precision: 1,921,434元 against 192.14万元 is rounding, not an error", () => {
    expect(tie(1_921_434, 192.14).map((f) => f.severity)).toEqual(["info"]);
    expect(tie(1_921_400, 192.14)).toEqual([]);
    // 192.15万元 printed for 1,921,434元 would be 0.01 over: still rounding; 192.12 is 0.02 under, an error.
    expect(tie(1_921_434, 192.12).map((f) => f.severity)).toEqual(["error"]);
  });
});

describe("a share or growth rate written in the text", () => {
  const shanghai = findPack("shanghai-unit-9")!;
  const unit = { name: "示例单位", department: "示例部门", year: 2025, type: "行政单位" as const };
  const check = (rule: typeof narrativeShareRule, text: string) => validate({ pack: shanghai, unit, tables: {}, narrative: { sheetName: "说明", lines: [{ row: 0, text }] } }, [rule]).findings.filter((f) => f.severity === "error");

  it("finds shares 0.03 off each, though they still add to 100.00%", () => {
    const right = "支出预算164.06万元，其中：基本支出64.06万元，占39.05%；项目支出100.00万元，占60.95%。";
    expect(check(narrativeShareRule, right)).toEqual([]);
    const off = check(narrativeShareRule, right.replace("占39.05%", "占39.08%").replace("占60.95%", "占60.92%"));
    expect(off.map((f) => f.expected)).toEqual(["39.05%", "60.95%"]);
  });

  it("allows the one unit of the last digit that largest-remainder rounding moves, and no more", () => {
    // 1/3 each: 33.34 + 33.33 + 33.33; writing 33.33 for the first is rounding's own choice, 33.35 is not.
    const thirds = (a: string) => `支出预算3.00万元，其中：甲1.00万元，占${a}%；乙1.00万元，占33.33%；丙1.00万元，占33.33%。`;
    expect(check(narrativeShareRule, thirds("33.34"))).toEqual([]);
    expect(check(narrativeShareRule, thirds("33.35")).length).toBeGreaterThan(0);
  });

  it("takes a growth rate within half a unit of its last written digit: 16.934% is 16.93 only, an exact 16.935% either neighbour", () => {
    const growth = (diff: string, p: string) => `支出${(2000 + Number(diff)).toFixed(2)}万元，比上年增加${diff}万元，增长${p}%。`;
    // 338.68 on 2,000.00 is 16.934%.
    expect(check(narrativeChangeRule, growth("338.68", "16.93"))).toEqual([]);
    expect(check(narrativeChangeRule, growth("338.68", "16.94")).map((f) => f.expected)).toEqual(["16.93%"]);
    // 338.70 on 2,000.00 is exactly 16.935%: the printed amounts are themselves rounded, so the unrounded figures may
    // have given 16.93 or 16.94, and a reviewer could not sign either as wrong. One unit further is wrong.
    expect(check(narrativeChangeRule, growth("338.70", "16.94"))).toEqual([]);
    expect(check(narrativeChangeRule, growth("338.70", "16.93"))).toEqual([]);
    expect(check(narrativeChangeRule, growth("338.70", "16.92"))).toHaveLength(1);
    expect(check(narrativeChangeRule, growth("338.70", "16.95"))).toHaveLength(1);
    // Written with one decimal, 16.9% stands for 16.934%; 17.0% does not.
    expect(check(narrativeChangeRule, growth("338.68", "16.9"))).toEqual([]);
    expect(check(narrativeChangeRule, growth("338.68", "17.0"))).toHaveLength(1);
  });
});

describe("SHAREPCT at an exact half and at a tie", () => {
  it("rounds one share at an exact half up: 1 of 8 with no decimals is 13", () => {
    expect(sharePctFunction([[1]], 8, 0)).toEqual([[13]]);
    expect(sharePctFunction([[3]], 8, 0)).toEqual([[38]]);
    expect(sharePctFunction([[1]], 8, 1)).toEqual([[12.5]]);
  });

  it("gives the unit that equal remainders compete for to the larger part, then to the earlier row", () => {
    // 1 and 3 of 8: 12.5 and 37.5, both remainders one half; 50 in all, so one of them rounds up: the larger.
    expect(sharePctFunction([[1], [3]], 8, 0)).toEqual([[12], [38]]);
    expect(sharePctFunction([[3], [1]], 8, 0)).toEqual([[38], [12]]);
    // Equal parts: the earlier row.
    expect(sharePctFunction([[1], [1]], 8, 0)).toEqual([[13], [12]]);
  });

  it("gives the units missing to equal parts to the earliest rows, in order", () => {
    // Seven equal parts of 100 with no decimals: 14 each, two units missing, to the first two rows.
    expect(largestRemainderShares({ parts: Array(7).fill(1), total: 7, decimals: 0 })).toEqual([15, 15, 14, 14, 14, 14, 14]);
    expect(largestRemainderShares({ parts: Array(12).fill(1), total: 12, decimals: 0 })).toEqual([9, 9, 9, 9, 8, 8, 8, 8, 8, 8, 8, 8]);
  });

  it("refuses a total that is not positive, by name", () => {
    expect(() => largestRemainderShares({ parts: [1], total: 0, decimals: 2 })).toThrow("total must be positive");
    expect(() => largestRemainderShares({ parts: [1], total: -5, decimals: 2 })).toThrow("total must be positive");
  });

  it("always adds up to the rounded whole, each share within one unit of its exact quota (fast-check)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 10 }), fc.integer({ min: 0, max: 3 }), (parts, decimals) => {
        const total = parts.reduce((a, b) => a + b, 0);
        fc.pre(total > 0);
        const shares = largestRemainderShares({ parts, total, decimals });
        const unit = 10 ** decimals;
        const units = shares.map((s) => Math.round(s * unit));
        expect(units.reduce((a, b) => a + b, 0)).toBe(100 * unit);
        parts.forEach((p, i) => expect(Math.abs(units[i] - (p * 100 * unit) / total)).toBeLessThan(1));
      }),
    );
  });
});
