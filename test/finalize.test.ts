/** 定稿: custom-function formulas become values, native formulas stay. */
import { OfficeMockObject } from "office-addin-mock";
import { describe, expect, it, vi } from "vitest";
import { callsCustomFunction, customFunctionCells } from "../src/core/finalize";
import { finalizeWorkbook } from "../src/excel/finalize";

describe("which formulas call the add-in's functions", () => {
  it.each([
    ["=YS.BUDGETROLLUP(A6:A20,C6:C20,\"208\")", true],
    ["=ys.sharepct(C7:C9)", true],
    ["=ROUND(YS.SHAREPCT(C7,C6),2)", true],
    ["=_xldudf_YS_BUDGETROLLUP(A1:A3,B1:B3)", true],
    ["=SUM(C7:C9)", false],
    ['=SUMIFS($D$6:$D$20,$A$6:$A$20,"208??")', false],
    ['="YS.BUDGETROLLUP 的说明"', false],
    ["=MYS.TOTAL(A1)", false],
    ["YS.BUDGETROLLUP(A1)", false],
    [42, false],
  ])("%s → %s", (formula, expected) => {
    expect(callsCustomFunction(formula)).toBe(expected);
  });

  it("finds their cells in a grid", () => {
    expect(customFunctionCells([["=SUM(A1:A2)", "=YS.SHAREPCT(A1:A2)"], ["x", "=YS.BUDGETROLLUP(A1:A2,B1:B2)"]])).toEqual([
      [0, 1],
      [1, 1],
    ]);
  });
});

describe("定稿 in Excel (office-addin-mock)", () => {
  it("writes values over the custom-function cells only, in three syncs", async () => {
    const written: { address: string; values: unknown }[] = [];
    const sheet = (name: string, formulas: unknown[][], values: unknown[][]) => ({
      name,
      getUsedRangeOrNullObject: () => ({ isNullObject: false, load: () => undefined, formulas, values, rowIndex: 4, columnIndex: 1 }),
      getRangeByIndexes: (r: number, c: number) => ({
        set values(v: unknown) {
          written.push({ address: `${name}!R${r}C${c}`, values: v });
        },
      }),
    });
    const sheets = [sheet("表三 支出总表", [["=SUM(C6:C8)", "=YS.SHAREPCT(C6:C8)"]], [[164.06, 94.94]]), sheet("说明", [["文字"]], [["文字"]])];
    const context = new OfficeMockObject({
      workbook: {
        worksheets: {
          load: function (this: { items?: unknown[] }) {
            this.items = sheets;
          },
        },
      },
    }) as unknown as Excel.RequestContext;
    const sync = vi.spyOn(context, "sync");
    const result = await finalizeWorkbook(context);
    expect(result).toEqual({ cells: 1, sheets: ["表三 支出总表"] });
    expect(written).toEqual([{ address: "表三 支出总表!R4C2", values: [[94.94]] }]);
    expect(sync).toHaveBeenCalledTimes(3);
  });
});

describe("元 typed in a 万元 table", () => {
  it("converts numbers to 万元 with all their decimals, leaving formulas, blanks and text alone", async () => {
    const { yuanToWan } = await import("../src/core/convert-units");
    expect(yuanToWan([[14440, "64,340", null, "合计", 7.878]], [[14440, "64,340", "", "合计", "=SUM(A1:B1)"]])).toEqual([[1.444, 6.434, undefined, undefined, undefined]]);
  });
});
