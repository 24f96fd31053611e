/**
 * The Jiangsu 12-table pack, written only as data, and the format and reading it needed, each held as a
 * class of variation: grouped rows, nested 政府采购 rows, a tie to the sum of a side's rows, a header merged
 * over two columns printed over one, same-named columns in print order, header text cut at the cell's edge,
 * the 单位 line in two cells, 此表为空 inside a table.
 */
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readDataFile } from "../src/core/data-format";
import { planInsertion } from "../src/core/layout/workbook";
import type { Disclosure, RowData } from "../src/core/model";
import { nestedChildren, topLevelRows } from "../src/core/nested-items";
import { findPack } from "../src/core/packs";
import { readWorkbookCells } from "../src/core/read-workbook";
import { validate, validationInputOf } from "../src/core/validation/engine";
import type { Finding } from "../src/core/validation/types";
import { NON_BLANK } from "../src/core/layout/types";
import { cellsOf, plainSheets, setCell, type PlainSheet } from "./support/foreign-workbooks";

function loadJiangsu(): Disclosure {
  const read = readDataFile(JSON.parse(readFileSync("examples/jiangsu-example-2019.json", "utf8")));
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return read.disclosure;
}
const example = loadJiangsu();
const pack = findPack("jiangsu-dept-12")!;
// The set prints no year on most tables: the year is given, as a reviewer knows it.
const unitDefaults = { type: example.unit.type, department: example.unit.department, year: example.unit.year };

/** Findings at error or warning level of printed sheets, recognised as a workbook we did not make. */
function printedFindings(sheets: readonly PlainSheet[]): { found: string[]; reading: ReturnType<typeof readWorkbookCells> } {
  const reading = readWorkbookCells(cellsOf(sheets), unitDefaults);
  const report = validate(validationInputOf(reading, reading.disclosure!.unit, true)!);
  return { reading, found: report.findings.filter((f: Finding) => f.severity !== "info").map((f: Finding) => `${f.ruleId} ${f.message}`) };
}
const sheetOf = (sheets: PlainSheet[], tableId: string) => sheets.find((s) => s.tableId === tableId)!;
const rowOf = (sheet: PlainSheet, label: string, col: number) => sheet.rows.findIndex((r) => r[col] === label);

describe("the Jiangsu example department", () => {
  it("generated with live formulas, then printed as values only, is recognised table by table and has nothing to report", () => {
    const { reading, found } = printedFindings(plainSheets(example));
    expect(reading.recognition?.pack?.id).toBe("jiangsu-dept-12");
    expect(reading.recognition!.placements.map((p) => p.tableId)).toEqual(pack.tables.map((t) => t.id));
    expect(found).toEqual([]);
    // Every figure read back as the example holds it.
    expect(reading.disclosure!.tables.T1.use.find((r) => r.id === "expenditureSubtotal")!.amounts.useAmount).toBe(example.tables.T1.use.find((r) => r.id === "expenditureSubtotal")!.amounts.useAmount);
    expect(reading.disclosure!.tables.T12.rows.map((r) => r.level)).toEqual(example.tables.T12.rows.map((r) => r.level));
  });

  it("sums nested 政府采购 rows by formula: each row its next level, the 合计 the first level, by SUMIFS over the 品目大类 column", () => {
    const layout = planInsertion(pack, example.unit, ["T12"], [], example.tables).layouts[0];
    const total = layout.cells.find((c) => c.formula?.op === "sumIfs")!;
    expect(total.formula).toMatchObject({ op: "sumIfs", pattern: NON_BLANK, criteria: { firstCol: 0, lastCol: 0 } });
    expect(total.result).toBe(1624.42);
    const rows = example.tables.T12.rows.filter((r) => r.id !== "total");
    expect(layout.cells.filter((c) => c.formula?.op === "sum").length).toBe(nestedChildren(rows.map((r) => r.level ?? 0)).size);
  });
});

describe("nested item rows (ItemBodySpec.levelColumns)", () => {
  /** A random tree flattened in print order, levels possibly skipped under a parent, amounts that add up. */
  const trees = fc.array(fc.record({ depth: fc.integer({ min: 0, max: 3 }), amount: fc.integer({ min: 1, max: 9_999_999 }) }), { minLength: 1, maxLength: 30 }).map((leaves) => {
    const rows: RowData[] = [];
    let category = -1;
    leaves.forEach((leaf, i) => {
      if (i === 0 || leaf.depth === 0) {
        category++;
        rows.push({ name: `类${category}`, amounts: {}, level: 0 });
      }
      rows.push({ name: `项${i}`, amounts: { total: leaf.amount }, level: leaf.depth === 0 ? 3 : 1 + (leaf.depth % 3) });
    });
    // Parents are the sums of their children, from the deepest up.
    const levels = rows.map((r) => r.level!);
    const children = nestedChildren(levels);
    for (const i of [...children.keys()].sort((a, b) => b - a)) rows[i].amounts.total = children.get(i)!.reduce((s, c) => s + (rows[c].amounts.total ?? 0), 0);
    return rows;
  });

  it("each row's parent is the nearest row above of a shallower level: every row below a parent is counted once, in the 合计 through its top row", () => {
    fc.assert(
      fc.property(trees, (rows) => {
        const levels = rows.map((r) => r.level!);
        const children = nestedChildren(levels);
        const leaves = rows.filter((_, i) => !children.has(i)).reduce((s, r) => s + r.amounts.total!, 0);
        expect(topLevelRows(levels).reduce((s, i) => s + rows[i].amounts.total!, 0)).toBe(leaves);
        const counted = [...topLevelRows(levels), ...[...children.values()].flat()].sort((a, b) => a - b);
        expect(counted).toEqual(rows.map((_, i) => i));
        for (const [parent, kids] of children)
          for (const k of kids) {
            expect(levels[k]).toBeGreaterThan(levels[parent]);
            // Nothing between a parent and its child is shallower than the child yet deeper than the parent.
            expect(levels.slice(parent + 1, k).some((l) => l > levels[parent] && l < levels[k])).toBe(false);
          }
      }),
    );
  });

  it("a purchase changed by 1.00 is an error at the row above it, and only there; by 0.01, a rounding note", () => {
    for (const [delta, expected] of [
      [100, ["error 表十二“办公设备购置费”总计 300.00 不等于其下一级各行之和 301.00"]],
      [1, ["info 四舍五入差异：表十二“办公设备购置费”总计 300.00 ∈ [299.995, 300.005]；其下一级各行之和 300.01 ∈ [299.975, 300.045]，区间重叠，属于逐项四舍五入造成的差异。"]],
    ] as const) {
      const sheets = plainSheets(example);
      const t12 = sheetOf(sheets, "T12");
      const itemRow = t12.rows.findIndex((r) => r[3] === "复印机");
      const changed = setCell(t12, itemRow, 5, Math.round((t12.rows[itemRow][5] as number) * 100 + delta) / 100);
      const reading = readWorkbookCells(cellsOf(sheets.map((s) => (s === t12 ? changed : s))), unitDefaults);
      const report = validate(validationInputOf(reading, reading.disclosure!.unit, true)!);
      const items = report.findings.filter((f) => f.ruleId === "items-total").map((f) => `${f.severity} ${f.message.replace(/[（，]?(相差|在).*$/, "")}`);
      expect(items, `delta ${delta}`).toEqual(expected);
    }
  });
});

describe("grouped fixed rows (收入预算总表: 小计 under each source of funds)", () => {
  it("each 小计 is read under its own group, in whatever order the groups are printed", () => {
    const sheets = plainSheets(example);
    const t2 = sheetOf(sheets, "T2");
    const [first, last] = t2.bodyRows;
    const body = t2.rows.slice(first, last + 1);
    // The groups as blocks of rows (a group's label only on its first row, as merged cells print).
    const blocks: (typeof body)[] = [];
    for (const row of body) (row[0] !== null || blocks.length === 0 ? blocks.push([row]) : blocks[blocks.length - 1].push(row));
    fc.assert(
      fc.property(fc.shuffledSubarray(blocks.slice(1), { minLength: blocks.length - 1, maxLength: blocks.length - 1 }), (order) => {
        const rows = [...t2.rows.slice(0, first), blocks[0].flat().length ? blocks[0] : [], ...order].flat();
        const reordered: PlainSheet = { ...t2, rows: [...t2.rows.slice(0, first), ...[blocks[0], ...order].flat(), ...t2.rows.slice(last + 1)], merges: [] };
        expect(rows.length).toBeGreaterThan(0);
        const { reading, found } = printedFindings(sheets.map((s) => (s === t2 ? reordered : s)));
        expect(found).toEqual([]);
        const read = reading.disclosure!.tables.T2.rows;
        expect(read.find((r) => r.id === "otherSubtotal")!.amounts.amount).toBe(example.tables.T2.rows.find((r) => r.id === "otherSubtotal")!.amounts.amount);
        expect(read.find((r) => r.id === "generalSubtotal")!.amounts.amount).toBe(example.tables.T2.rows.find((r) => r.id === "generalSubtotal")!.amounts.amount);
      }),
      { numRuns: 20 },
    );
  });
});

describe("headers as real documents print them", () => {
  it("a header the pack merges over two columns, printed over the first only, still places the second", () => {
    const sheets = plainSheets(example);
    const t2 = sheetOf(sheets, "T2");
    const { reading, found } = printedFindings(sheets.map((s) => (s === t2 ? { ...t2, merges: t2.merges.filter((m) => m.firstRow !== t2.headerRows[0]) } : s)));
    expect(found).toEqual([]);
    expect(reading.recognition!.placements.find((p) => p.tableId === "T2")!.columns).toMatchObject({ group: 0, item: 1, amount: 2 });
  });

  it("columns of the same header text stay in print order when the printed grouping puts one under the other group (功能分类 over one column)", () => {
    const sheets = plainSheets(example);
    const t1 = sheetOf(sheets, "T1");
    const [top] = t1.headerRows;
    // 功能分类 over 功能科目名称 only; 支出用途 over the three columns right of it, as 高级人民法院 prints it.
    const regrouped: PlainSheet = {
      ...t1,
      rows: t1.rows.map((r, i) => (i === top + 1 ? ["项目名称", "金额", "功能分类", "支出用途", null, null] : r)),
      merges: [...t1.merges.filter((m) => m.firstRow !== top + 1), { firstRow: top + 1, lastRow: top + 1, firstCol: 3, lastCol: 5 }],
    };
    const { reading, found } = printedFindings(sheets.map((s) => (s === t1 ? regrouped : s)));
    expect(found).toEqual([]);
    expect(reading.recognition!.placements.find((p) => p.tableId === "T1")!.columns).toMatchObject({ functionAmount: 3, useAmount: 5 });
  });

  it("a header text cut by one or two characters at the cell's edge is read, with a warning; cut by three it is not", () => {
    for (const cut of [1, 2, 3]) {
      const sheets = plainSheets(example);
      const t12 = sheetOf(sheets, "T12");
      const header = t12.headerRows[0];
      const { reading } = printedFindings(sheets.map((s) => (s === t12 ? setCell(t12, header, 4, "采购组织形式".slice(0, -cut)) : s)));
      const placement = reading.recognition!.placements.find((p) => p.tableId === "T12")!;
      const notes = (reading.notes ?? []).filter((n) => n.tableId === "T12").map((n) => n.message);
      if (cut <= 2) {
        expect(placement.columns.method, `cut ${cut}`).toBe(4);
        expect(notes).toEqual([`表十二的栏目“${"采购组织形式".slice(0, -cut)}”（E列）印得不完整，按“采购组织形式”读取。`]);
      } else {
        expect(placement.columns.method, `cut ${cut}`).toBeUndefined();
        expect(notes[0]).toContain("不是本表的栏目");
      }
    }
  });

  it("reads the 单位 line printed as a label and a name in two cells, and 单位：万 with its 元 wrapped", () => {
    const sheets = plainSheets(example);
    const t3 = sheetOf(sheets, "T3");
    const unitRow = t3.rows.findIndex((r) => typeof r[0] === "string" && r[0].startsWith("部门名称"));
    const split = { ...setCell(setCell(setCell(t3, unitRow, 0, "部门："), unitRow, 1, "江苏省示例厅"), unitRow, 4, "单位：万"), merges: t3.merges.filter((m) => m.firstRow !== unitRow) };
    const { reading, found } = printedFindings(sheets.map((s) => (s === t3 ? split : s)));
    expect(found).toEqual([]);
    expect(reading.recognition!.placements.find((p) => p.tableId === "T3")).toMatchObject({ amountUnit: "万元", amountUnitPrinted: true });
  });
});

describe("ties and notes declared as data", () => {
  it("当年支出小计 ties to the sum of the 功能分类 rows: off by the rounding of the rows is a note, beyond it an error", () => {
    for (const [delta, expected] of [
      [0.01, "info"],
      [0.05, "error"],
    ] as const) {
      const sheets = plainSheets(example);
      const t1 = sheetOf(sheets, "T1");
      const r = rowOf(t1, "三、国防支出", 2);
      const changed = setCell(t1, r, 3, delta);
      const reading = readWorkbookCells(cellsOf(sheets.map((s) => (s === t1 ? changed : s))), unitDefaults);
      const report = validate(validationInputOf(reading, reading.disclosure!.unit, true)!);
      const tie = report.findings.filter((f) => f.ruleId === "tie:J1-function");
      expect(tie.map((f) => f.severity), `delta ${delta}`).toEqual([expected]);
    }
  });

  it("an empty table says so under it, in any of the set's wordings, or inside it (此表为空); a template hint instead is an error", () => {
    const sheets = plainSheets(example);
    const t10 = sheetOf(sheets, "T10");
    const noteRow = t10.rows.findIndex((r) => typeof r[0] === "string" && r[0].startsWith("注"));
    for (const [note, inside, error] of [
      ["注：本部门无相关收支项目", null, false],
      ["注：本部门无该项目", null, false],
      ["注:本部门无该项目", null, false],
      ["注：“科目编码”和“科目名称”为必填项", "此表为空", false],
      ["注：“科目编码”和“科目名称”为必填项", null, true],
    ] as const) {
      let printed = setCell(t10, noteRow, 0, note);
      if (inside) printed = setCell(printed, t10.bodyRows[0] + 1, 0, inside);
      const { found } = printedFindings(sheets.map((s) => (s === t10 ? printed : s)));
      expect(found.filter((f) => f.startsWith("empty-note")).length, `${note} ${inside}`).toBe(error ? 1 : 0);
      expect(found.filter((f) => !f.startsWith("empty-note")), `${note} ${inside}`).toEqual([]);
    }
  });
});

describe("subject names of a year before the bundled list's", () => {
  it("a name the bundled list (names of 2023 on) does not give is a warning for a later document and a note for an earlier one", async () => {
    const { PARTIAL_SUBJECTS } = await import("../src/core/subjects/subject-list");
    // The example prints 20805 as 行政事业单位离退休, its 2019 name (行政事业单位养老支出 in the bundled list).
    expect(example.tables.T5.rows.find((r) => r.code === "20805")!.name).toBe("行政事业单位离退休");
    for (const [year, severity] of [
      [2019, "info"],
      [2023, "warning"],
    ] as const) {
      const reading = readWorkbookCells(cellsOf(plainSheets(example)), { ...unitDefaults, year });
      const report = validate({ ...validationInputOf(reading, reading.disclosure!.unit, true)!, subjects: PARTIAL_SUBJECTS });
      const named = report.findings.filter((f) => f.ruleId === "subject-list" && f.tableId === "T5" && f.message.startsWith("科目 20805 的名称"));
      expect(named.map((f) => f.severity), String(year)).toEqual([severity]);
    }
  });
});

describe("a pack without a narrative generator", () => {
  it("generate writes its tables and says why no 情况说明 was written; the core refuses to write one in another set's wording", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { runCli } = await import("./support/run-cli");
    const { generatePackNarrative } = await import("../src/core/narrative/plan");
    const dir = mkdtempSync(join(tmpdir(), "no-generator-"));
    const data = JSON.parse(readFileSync("examples/jiangsu-example-2019.json", "utf8"));
    data.narrative = { reasons: {} };
    writeFileSync(join(dir, "data.json"), JSON.stringify(data));
    const run = await runCli("generate", "--data", join(dir, "data.json"), "-o", join(dir, "out.xlsx"));
    expect(run.code).toBe(0);
    expect(run.err).toContain("提示：模板包“江苏省 省级部门预算公开（12张表）”没有情况说明的生成器，未写情况说明");
    expect(() => generatePackNarrative(pack, example, { priorYear: {}, reasons: {} } as never)).toThrow("没有情况说明的生成器");
  });
});
