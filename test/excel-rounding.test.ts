/** 尾差调整 through Office.js (office-addin-mock): two syncs, exact values kept, formulas never overwritten. */
import { OfficeMockObject } from "office-addin-mock";
import { describe, expect, it, vi } from "vitest";
import { applyRounding, restoreExactValues } from "../src/excel/rounding";
import { EXACT_COPY_SHEET, type RoundingChange } from "../src/core/rounding/changes";

function mockContext(cells: Record<string, unknown>, copyRows: unknown[][] | null) {
  const written: Record<string, unknown> = {};
  let copy = copyRows;
  const range = (sheet: string, address: string) => ({
    load: () => undefined,
    formulas: [[cells[`${sheet}!${address}`] ?? ""]],
    set values(v: unknown[][]) {
      written[`${sheet}!${address}`] = v;
    },
  });
  const sheetOf = (name: string) => ({
    visibility: "Visible",
    getRange: (address: string) => range(name, address),
    getRangeByIndexes: (row: number, col: number, rows: number, cols: number) => ({
      set values(v: unknown[][]) {
        written[`${name}@${row},${col},${rows}x${cols}`] = v;
      },
    }),
  });
  const data = {
    workbook: {
      worksheets: {
        getItem: (name: string) => sheetOf(name),
        getItemOrNullObject: (name: string) =>
          name === EXACT_COPY_SHEET && copy
            ? { isNullObject: false, ...sheetOf(name), delete: () => ((copy = null), (written.deleted = true)), getUsedRangeOrNullObject: () => ({ isNullObject: false, load: () => undefined, values: copy }) }
            : { isNullObject: true, getUsedRangeOrNullObject: () => ({ isNullObject: true, load: () => undefined }) },
        add: (name: string) => ({ ...sheetOf(name), name }),
      },
    },
  };
  return { context: new OfficeMockObject(data) as unknown as Excel.RequestContext, written };
}

const change = (cell: string, exact: number, after: number): RoundingChange => ({ sheetName: "表三 支出总表", cell, exact, after });

describe("尾差调整 in Excel", () => {
  it("writes the changes and the exact copy in two syncs, and leaves a cell with a formula alone", async () => {
    const { context, written } = mockContext({ "表三 支出总表!D12": "=D13+D14" }, null);
    const sync = vi.spyOn(context, "sync");
    const result = await applyRounding(context, [change("D11", 1.444, 1.45), change("D12", 6.434, 6.43)]);
    expect(sync).toHaveBeenCalledTimes(2);
    expect(result).toEqual({ written: 1, skipped: ["表三 支出总表!D12"] });
    expect(written["表三 支出总表!D11"]).toEqual([[1.45]]);
    expect(written["表三 支出总表!D12"]).toBeUndefined();
    expect(written[`${EXACT_COPY_SHEET}@1,0,1x4`]).toEqual([["表三 支出总表", "D11", 1.444, 1.45]]);
  });

  it("restores the kept exact values in two syncs and removes the copy", async () => {
    const { context, written } = mockContext({}, [["工作表", "单元格", "精确值", "调整后"], ["表三 支出总表", "D11", 1.444, 1.45]]);
    const sync = vi.spyOn(context, "sync");
    expect(await restoreExactValues(context)).toBe(1);
    expect(sync).toHaveBeenCalledTimes(2);
    expect(written["表三 支出总表!D11"]).toEqual([[1.444]]);
    expect(written.deleted).toBe(true);
  });
});
