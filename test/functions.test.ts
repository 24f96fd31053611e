import { describe, expect, it } from "vitest";
import {
  budgetRollupFunction as excelRollup,
  sharePctFunction as excelShare,
} from "../src/functions/functions";
import { PARAMETER_NOT_FOUND, WPS_FUNCTIONS } from "../src/wps/functions";
import { CustomFunctionsErrorStub } from "./support/custom-functions-global";

/**
 * Every case runs in each host as it calls the functions: Excel (CustomFunctions.Error on failure), and WPS (a
 * text beginning with the error code; a single figure for one code) with an omitted argument passed as
 * undefined, or as COM's parameter-not-found, as some WPS builds pass it.
 */
const wps = (name: string) =>
  WPS_FUNCTIONS.find((f) => f.name === name)!.implementation;
/** WPS's answer in Excel's shape: an error as CustomFunctions.Error, one figure as a 1×1 array. */
function asExcel(result: unknown): unknown {
  if (typeof result === "string") {
    const match = /^(#[A-Z/0!?]+) (.*)$/s.exec(result);
    if (match) return new CustomFunctionsErrorStub(match[1], match[2]);
  }
  return typeof result === "number" ? [[result]] : result;
}
/** A WPS function called as WPS calls it: every argument after the `required` ones passed, an omitted one as `absent`. */
const wpsCall =
  (name: string, required: number, absent: unknown) =>
  (...args: unknown[]) =>
    asExcel(wps(name)(...[...args, ...Array(3 - args.length).fill(undefined)].map((a, i) => (i >= required && a === undefined ? absent : a))));
const HOSTS = [
  { host: "Excel", rollup: excelRollup, share: excelShare },
  ...([
    ["WPS, omitted as undefined", undefined],
    ["WPS, omitted as parameter-not-found", PARAMETER_NOT_FOUND],
  ] as const).map(([host, absent]) => ({ host: host as string, rollup: wpsCall("BUDGETROLLUP", 2, absent), share: wpsCall("SHAREPCT", 1, absent) })),
] as const;

/** 表三 of the reference, rows as printed (subtotal rows included), 合计 column. */
const TABLE3_ROWS: [string, number][] = [
  ["合计", 164.06],
  ["208", 155.76],
  ["20801", 147.88],
  ["2080199", 147.88],
  ["20805", 7.88],
  ["2080502", 1.44],
  ["2080505", 6.43],
  ["210", 2.87],
  ["21007", 0.06],
  ["2100799", 0.06],
  ["21011", 2.81],
  ["2101102", 2.81],
  ["221", 5.43],
  ["22102", 5.43],
  ["2210201", 5.43],
];
const codes = TABLE3_ROWS.map(([c]) => [c]);
const amounts = TABLE3_ROWS.map(([, a]) => [a]);

function single(result: unknown): number {
  expect(Array.isArray(result)).toBe(true);
  return (result as number[][])[0][0];
}

describe.each(HOSTS)("in $host", ({ rollup, share }) => {
  describe("BUDGETROLLUP on the reference's 表三", () => {
    it.each([
      ["20801", 147.88],
      ["210", 2.87],
      ["20805", 7.87],
      ["208", 155.75],
      ["221", 5.43],
      ["2080505", 6.43],
      ["211", 0],
    ])("code %s totals %d", (code, expected) => {
      expect(single(rollup(codes, amounts, code))).toBeCloseTo(expected, 10);
    });

    it("reads codes stored as numbers and the requested code as a number", () => {
      const numericCodes = TABLE3_ROWS.slice(1).map(([c]) => [Number(c)]);
      const numericAmounts = TABLE3_ROWS.slice(1).map(([, a]) => [a]);
      expect(single(rollup(numericCodes, numericAmounts, 208))).toBeCloseTo(
        155.75,
        10,
      );
    });

    it("spills one total per row; a parent's own wrong figure is ignored; the leaves add to 164.05", () => {
      const spilled = rollup(codes, amounts) as (number | string)[][];
      expect(spilled).toHaveLength(TABLE3_ROWS.length);
      expect(spilled[0][0]).toBe("");
      const byCode = new Map(TABLE3_ROWS.map(([c], i) => [c, spilled[i][0]]));
      expect(byCode.get("20805")).toBeCloseTo(7.87, 10);
      expect(byCode.get("208")).toBeCloseTo(155.75, 10);
      expect(byCode.get("2080199")).toBeCloseTo(147.88, 10);
      const grand = (["208", "210", "221"] as const).reduce(
        (s, c) => s + (byCode.get(c) as number),
        0,
      );
      expect(Math.round(grand * 100)).toBe(16405);
    });

    it("treats blank cells as 0 and reads amounts held as text", () => {
      const result = rollup(
        [["2080502"], ["2080505"], [""], ["2080199"]],
        [["1,234.50"], [" １２３ "], [""], [null]],
        "208",
      );
      expect(single(result)).toBeCloseTo(1357.5, 10);
    });

    it.each([
      [
        "a code argument of 4 digits",
        [["208"]],
        [[1]],
        "2080",
        "#VALUE!",
        "2080",
      ],
      [
        "ranges of different shape",
        [["208"], ["210"]],
        [[1]],
        undefined,
        "#VALUE!",
        "大小不一致",
      ],
      [
        "text in an amount cell",
        [["208"], ["210"]],
        [[1], ["一百"]],
        undefined,
        "#VALUE!",
        "第2行",
      ],
      [
        "an error value in an amount cell",
        [["208"]],
        [["#REF!"]],
        undefined,
        "#VALUE!",
        "#REF!",
      ],
      ["a malformed code", [["20A"]], [[1]], undefined, "#VALUE!", "20A"],
      [
        "a code of 4 digits in the range",
        [["2080"]],
        [[1]],
        undefined,
        "#VALUE!",
        "位数为4",
      ],
    ])(
      "gives an error for %s",
      (_label, c, a, code, errorCode, messagePart) => {
        const result = rollup(c as unknown[][], a as unknown[][], code);
        expect(result).toBeInstanceOf(CustomFunctionsErrorStub);
        expect((result as unknown as CustomFunctionsErrorStub).code).toBe(
          errorCode,
        );
        expect(
          (result as unknown as CustomFunctionsErrorStub).message,
        ).toContain(messagePart);
      },
    );
  });

  describe("SHAREPCT", () => {
    it("gives the reference's 类 shares, adding to exactly 100", () => {
      const shares = share([[155.76], [2.87], [5.43]], 164.06) as number[][];
      expect(shares).toEqual([[94.94], [1.75], [3.31]]);
      expect(Math.round(shares.flat().reduce((s, v) => s + v, 0) * 100)).toBe(
        10000,
      );
    });

    it("gives 基本支出 and 项目支出 shares", () => {
      expect(share([[64.06], [100]])).toEqual([[39.05], [60.95]]);
      expect(share([[64.06, 100]], 164.06)).toEqual([[39.05, 60.95]]);
    });

    it("gives one share rounded half up", () => {
      expect(share([[64.06]], 164.06)).toEqual([[39.05]]);
      expect(share([[1]], 8)).toEqual([[12.5]]);
      expect(share([[1]], 3, 0)).toEqual([[33]]);
      expect(share([["１２３"]], "1,230")).toEqual([[10]]);
    });

    it("breaks ties by the larger value, then the earlier row", () => {
      // Three equal thirds: 33.33 each, one unit missing goes to the first row.
      expect(share([[1], [1], [1]])).toEqual([[33.34], [33.33], [33.33]]);
      // Equal remainders (1/6 and 2/6 of 100 with 0 decimals → 16.67, 33.33, 50): 16 and 33 floors.
      expect(share([[1], [2], [3]], undefined, 0)).toEqual([[17], [33], [50]]);
    });

    it("counts blank parts as 0", () => {
      expect(share([[null], [""], [5]])).toEqual([[0], [0], [100]]);
    });

    it.each([
      ["a zero total", [[1]], 0, undefined, "#DIV/0!"],
      ["all parts blank", [[null], [""]], undefined, undefined, "#DIV/0!"],
      ["a negative total", [[1]], -5, undefined, "#NUM!"],
      ["a negative part", [[1], [-1]], 10, undefined, "#NUM!"],
      ["text in a part", [[1], ["abc"]], undefined, undefined, "#VALUE!"],
      ["an error value", [[{ code: "#DIV/0!" }]], 3, undefined, "#VALUE!"],
      ["text as total", [[1]], "总额", undefined, "#VALUE!"],
      ["decimals out of range", [[1]], 3, 9, "#NUM!"],
    ])("gives an error for %s", (_label, parts, total, decimals, errorCode) => {
      const result = share(parts as unknown[][], total, decimals);
      expect(result).toBeInstanceOf(CustomFunctionsErrorStub);
      expect((result as unknown as CustomFunctionsErrorStub).code).toBe(
        errorCode,
      );
      expect((result as unknown as CustomFunctionsErrorStub).message).toMatch(
        /[\u4e00-\u9fa5]/,
      );
    });
  });
});
