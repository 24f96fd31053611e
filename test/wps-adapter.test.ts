/**
 * The WPS face over a fake ET object model (test/support/fake-et.ts): what it writes is what the
 * Excel face writes, it reads back what the command line reads, and its calls do not grow with cells.
 */
import { describe, expect, it } from "vitest";
import { areaAddress } from "../src/core/layout/a1";
import { cellGrids } from "../src/core/layout/cell-grids";
import { planInsertion } from "../src/core/layout/workbook";
import { SHANXI_UNIT_13 } from "../src/core/packs/shanxi-unit-13";
import { UNIT_INFO_SHEET } from "../src/core/layout/unit-info-sheet";
import { insertTables } from "../src/excel/write-layouts";
import { runValidation } from "../src/taskpane/run-validation";
import { WpsWorkbookPort } from "../src/wps/wps-port";
import { createExcelMock } from "./support/excel-mock";
import { WPS_FALLBACKS } from "../src/wps/workbook";
import { FakeEt, type FakeWorksheet } from "./support/fake-et";
import { loadExample } from "./support/reference";
import { roundTripWorkbook, validateAsFile } from "./support/workbooks";
import { randomDisclosure } from "./support/random-disclosure";
import { plainSheets } from "./support/foreign-workbooks";
import { roundingChanges } from "../src/core/rounding/changes";
import { adjustRounding } from "../src/core/rounding/adjust";
import { NARRATIVE_BODY_NAME } from "../src/core/narrative/layout";

const example = loadExample();
const allTables = [...SHANXI_UNIT_13.tables.map((t) => t.id), "P1"];
const formulasOf = (sheet: FakeWorksheet, rows: number, cols: number) => (sheet.Range(areaAddress({ firstRow: 0, lastRow: rows - 1, firstCol: 0, lastCol: cols - 1 })).Formula as unknown[][]);

/** Disclosure tables without where they were read from, and without zeros (a formula over blanks reads 0), for comparing figures. */
const figures = (value: unknown) => JSON.parse(JSON.stringify(value, (k, v) => (k === "place" || v === 0 ? undefined : v)));

async function insertedReference(options: { accessorsAsMethods?: boolean; flatRows?: boolean; formulaRefusesArrays?: boolean; addIgnoresAfter?: boolean; failing?: string[]; tableIds?: string[] } = {}) {
  const et = new FakeEt({ sheetNames: ["Sheet1"], accessorsAsMethods: options.accessorsAsMethods, flatRows: options.flatRows, formulaRefusesArrays: options.formulaRefusesArrays, addIgnoresAfter: options.addIgnoresAfter, failing: options.failing });
  const port = new WpsWorkbookPort(et.app);
  await port.saveUnitInfo(example.unit);
  const report = await port.insertTables({ packId: "shanxi-unit-13", unit: example.unit, tableIds: options.tableIds ?? allTables, data: example.tables });
  return { et, port, report };
}

describe("inserting into WPS builds that differ", () => {
  const cellsOf = (et: FakeEt) => et.sheets.map((sheet) => [sheet.name, [...sheet.cells.entries()].map(([k, c]) => [k, c.formula ?? c.value ?? null]).sort()]);

  it("writes the same cells where Formula refuses a 2-D array (falling back to single cells) and where Add ignores the position asked (moving the sheet)", async () => {
    const plain = await insertedReference();
    for (const switches of [{ formulaRefusesArrays: true }, { addIgnoresAfter: true }]) {
      WPS_FALLBACKS.clear();
      const other = await insertedReference(switches);
      expect(cellsOf(other.et), JSON.stringify(switches)).toEqual(cellsOf(plain.et));
      expect(other.et.sheets.map((s) => s.name)).toEqual(plain.et.sheets.map((s) => s.name));
      expect(WPS_FALLBACKS.get(switches.formulaRefusesArrays ? "Range.Formula" : "Worksheets.Add")).toBe(switches.formulaRefusesArrays ? "cells" : "Move");
    }
  });

  it("still writes every table when merges or the page setup fail, and says which looks could not be applied", async () => {
    const plain = await insertedReference();
    const failing = await insertedReference({ failing: ["Merge", "PageSetup"] });
    expect(cellsOf(failing.et)).toEqual(cellsOf(plain.et));
    expect(failing.report.notApplied).toEqual(expect.arrayContaining(["表三 支出总表：合并单元格", "表三 支出总表：页面设置"]));
    expect(plain.report.notApplied).toBeUndefined();
    const read = await failing.port.readTables({});
    expect(read.disclosure?.tables).toEqual((await plain.port.readTables({})).disclosure?.tables);
  });
});

describe("inserting the Shanxi tables into WPS 表格", () => {
  it("writes the same cells, merges and names as the Excel face", async () => {
    const { et, report } = await insertedReference();
    expect(report.inserted).toHaveLength(14);
    const excel = createExcelMock(["Sheet1"]);
    await insertTables(excel.context, { packId: "shanxi-unit-13", unit: example.unit, tableIds: allTables, data: example.tables });
    const plan = planInsertion(SHANXI_UNIT_13, example.unit, allTables, ["Sheet1"], example.tables);
    for (const [i, layout] of plan.layouts.entries()) {
      const sheet = et.sheet(layout.sheetName)!;
      // As typed into a cell: number-like text becomes a number unless the cell is text (@), in Excel as in WPS.
      const formats = cellGrids(layout).numberFormats;
      const expected = cellGrids(layout).formulas.map((row, r) => row.map((v, c) => (typeof v === "string" && /^\d+$/.test(v) && formats[r][c] !== "@" ? Number(v) : (v ?? ""))));
      expect(formulasOf(sheet, layout.rowCount, layout.columns.length), layout.sheetName).toEqual(expected);
      expect(sheet.merges.map((m) => areaAddress(m)).sort(), layout.sheetName).toEqual([...excel.recorded.sheets[i].merges].sort());
      // Codes stay text: their cells are formatted @ before the grid is written.
      for (const cell of layout.cells.filter((c) => c.style === "code")) expect(sheet.cell(cell.row, cell.col).format).toBe("@");
    }
    const wpsNames = et.names.map((n) => [n.name, n.refersTo.replace(/^=.*!/, "").replace(/\$/g, "")]);
    const excelNames = excel.recorded.names.map((n) => [n.name, n.address]);
    expect(wpsNames.filter(([n]) => n !== "YS_INFO")).toEqual(excelNames);
  });

  it("lays out the sheets as printed: very hidden 单位信息, frozen headers, A4 fitted to width, column widths in characters", async () => {
    const { et } = await insertedReference();
    expect(et.sheet(UNIT_INFO_SHEET)!.visible).toBe(2);
    const t3 = et.sheet("表三 支出总表")!;
    expect(t3.frozen).toBe(true);
    expect(t3.frozenRows).toBe(5);
    expect(t3.page).toMatchObject({ PaperSize: 9, FitToPagesWide: 1, FitToPagesTall: false, Zoom: false, CenterHorizontally: true });
    expect(t3.cell(1, 0).font).toMatchObject({ name: "黑体", bold: true });
    expect(t3.cell(8, 3).format).toBe("#,##0.00;-#,##0.00;");
    expect(t3.borders.map((a) => areaAddress(a))).toEqual(["A4:E20"]);
    expect(typeof t3.columnWidths.get(0)).toBe("number");
    expect(t3.columnWidths.get(0)).toBeLessThan(40);
    // Screen updating is off only during the write.
    expect(et.screenUpdating).toBe(true);
  });

  it("writes whole ranges: the number of writes grows with tables, not with cells", async () => {
    const { et } = await insertedReference();
    const cells = [...et.sheets].reduce((n, s) => n + s.cells.size, 0);
    const writes = et.rangeWrites();
    expect(cells).toBeGreaterThan(1_500);
    expect(writes).toBeLessThan(15 * 40);
    // A table ten times longer takes the same writes.
    const writesFor = async (rows: number) => {
      const fake = new FakeEt();
      const big = randomDisclosure(7, rows);
      await new WpsWorkbookPort(fake.app).insertTables({ packId: "shanxi-unit-13", unit: big.unit, tableIds: ["T3"], data: big.tables });
      return { writes: fake.rangeWrites(), cells: fake.sheets[0].cells.size };
    };
    const small = await writesFor(10);
    const large = await writesFor(100);
    expect(large.cells).toBeGreaterThan(small.cells * 3);
    expect(large.writes).toBeLessThanOrEqual(small.writes + 12);
  });

  it("never overwrites: inserting again adds (2) sheets and keeps the first copy's names", async () => {
    const { et, port } = await insertedReference();
    const before = JSON.stringify(et.sheets.map((s) => [s.name, [...s.cells]]));
    const again = await port.insertTables({ packId: "shanxi-unit-13", unit: example.unit, tableIds: ["T1", "T3"] });
    expect(again.renamed.map((r) => r.actual)).toEqual(["表一 收支总表 (2)", "表三 支出总表 (2)"]);
    expect(JSON.stringify(et.sheets.filter((s) => !s.name.endsWith("(2)")).map((s) => [s.name, [...s.cells]]))).toBe(before);
    expect(et.calls.filter((c) => c.member === "Redefine")).toEqual([]);
  });
});

describe("reading and validating in WPS 表格", () => {
  it("finds what the command line finds on the same workbook, with a figure typed over a formula", async () => {
    const { et, port } = await insertedReference({ tableIds: SHANXI_UNIT_13.tables.map((t) => t.id) });
    // 表三's 合计 typed over its formula (164.06 → 165.06), in WPS and in the file the CLI reads.
    et.sheet("表三 支出总表")!.Range("C6").Value2 = 165.06;
    const cli = await validateAsFile(
      await roundTripWorkbook(example, (wb) => {
        wb.getWorksheet("表三 支出总表")!.getCell("C6").value = 165.06;
      }),
      { type: example.unit.type, department: example.unit.department },
    );
    const { report } = await runValidation(port, example.unit);
    const key = (f: { ruleId: string; severity: string; sheet?: string; cell?: string; message: string }) => `${f.severity} ${f.ruleId} ${f.sheet ?? ""}!${f.cell ?? ""} ${f.message}`;
    expect(report.findings.filter((f) => f.severity === "error").length).toBeGreaterThan(0);
    expect(report.findings.map(key).sort()).toEqual(cli.report.findings.map(key).sort());
  });

  it("reads the same through properties exposed as methods (some WPS builds)", async () => {
    const plain = await insertedReference();
    const methods = await insertedReference({ accessorsAsMethods: true });
    const a = await plain.port.readTables({});
    const b = await methods.port.readTables({});
    expect(b.disclosure).toEqual(a.disclosure);
    expect(figures(b.disclosure?.tables.T3)).toEqual(figures(example.tables.T3));
    expect(await methods.port.loadUnitInfo()).toEqual(example.unit);
  });

  it("reads the same where a build returns a one-row range as a flat array of its cells", async () => {
    const plain = await insertedReference();
    const flat = await insertedReference({ flatRows: true });
    const a = await plain.port.readTables({});
    const b = await flat.port.readTables({});
    expect(b.disclosure).toEqual(a.disclosure);
    // Typed by hand: one-row reads (the title, 单位 lines) as flat arrays too.
    const et = new FakeEt({ flatRows: true });
    for (const sheet of plainSheets(example)) et.loadPlainSheet(sheet.name, sheet.rows as never, sheet.merges);
    // A sheet of one row: every cell of it is read, not only the first.
    et.loadPlainSheet("说明", [["2024年度单位预算情况说明", "预算收入总计", "164.06万元"]] as never, []);
    const reading = await new WpsWorkbookPort(et.app).readTables({});
    expect(figures(reading.disclosure?.tables.T3)).toEqual(figures(example.tables.T3));
    expect(reading.narrative?.lines.map((l) => l.text)).toEqual(["2024年度单位预算情况说明 预算收入总计 164.06万元"]);
  });

  it("recognises sheets typed by hand (no names), with merged headers found in the first rows", async () => {
    const et = new FakeEt();
    for (const sheet of plainSheets(example)) et.loadPlainSheet(sheet.name, sheet.rows as never, sheet.merges);
    const reading = await new WpsWorkbookPort(et.app).readTables({});
    expect(Object.keys(reading.places).sort()).toEqual(SHANXI_UNIT_13.tables.map((t) => t.id).sort());
    expect(figures(reading.disclosure?.tables.T3)).toEqual(figures(example.tables.T3));
  });

  it("turns a name whose sheet was deleted into #REF! and still reads the rest", async () => {
    const { et, port } = await insertedReference();
    et.displayAlerts = false;
    et.sheet("表五 一般公共预算支出")!.Delete();
    const reading = await port.readTables({});
    expect(et.names.some((n) => n.refersTo.startsWith("=#REF!"))).toBe(true);
    expect(figures(reading.disclosure?.tables.T3)).toEqual(figures(example.tables.T3));
  });

  it("selects a finding's cell on its sheet, and says so in Chinese when the sheet is gone", async () => {
    const { et, port } = await insertedReference();
    await port.selectCell("表三 支出总表", "D12");
    expect((et.selection as unknown as { describe(): unknown }).describe()).toEqual({ sheet: "表三 支出总表", address: "D12" });
    await expect(port.selectCell("已删除的表", "A1")).rejects.toThrow("工作表“已删除的表”不存在");
  });

  it("leaves the accountant on the sheet they were on while it adds its hidden sheets", async () => {
    const et = new FakeEt({ sheetNames: ["封面", "我的底稿"] });
    et.sheets[1].Activate();
    const port = new WpsWorkbookPort(et.app);
    await port.saveUnitInfo(example.unit);
    await port.saveSubjects("kind,code,name\nfunc,201,一般公共服务支出\n");
    expect(et.activeSheet?.name).toBe("我的底稿");
    expect(et.sheets.map((s) => s.name)).toEqual(["封面", "我的底稿", "YS_设置", "YS_单位信息"]);
  });

  it("keeps 单位信息, 说明资料 and the subject list in the very hidden YS_设置 sheet", async () => {
    const et = new FakeEt();
    const port = new WpsWorkbookPort(et.app);
    expect(await port.loadUnitInfo()).toBeNull();
    const csv = `kind,code,name\n${Array.from({ length: 3000 }, (_, i) => `func,${2010000 + i},科目${i}`).join("\n")}`;
    await port.saveSubjects(csv);
    await port.saveUnitInfo({ ...example.unit, amountUnit: "万元" });
    await port.saveFacts({ priorTotal: 140.3 } as never);
    expect(await port.loadSubjects()).toBe(csv);
    expect(await port.loadUnitInfo()).toEqual({ ...example.unit, amountUnit: "万元" });
    expect(await port.loadFacts()).toEqual({ priorTotal: 140.3 });
    expect(et.sheet("YS_设置")!.visible).toBe(2);
  });
});

describe("changing cells in WPS 表格 only on request", () => {
  it("adjusts the rounding (formulas kept), keeps the exact values, and restores them without WPS's delete prompt", async () => {
    const { et, port } = await insertedReference();
    const reading = await port.readTables({});
    const changes = roundingChanges(reading, adjustRounding(SHANXI_UNIT_13, reading.disclosure!));
    expect(changes.length).toBeGreaterThan(0);
    const result = await port.applyRounding(changes);
    expect(result.written + result.skipped.length).toBe(changes.length);
    const t3 = et.sheet("表三 支出总表")!;
    expect(t3.valueAt(10, 3)).toBe(1.45);
    expect(et.sheet("YS_精确值")!.visible).toBe(2);
    expect(await port.restoreExactValues()).toBe(result.written);
    expect(t3.valueAt(10, 3)).toBe(1.444);
    expect(et.sheet("YS_精确值")).toBeUndefined();
    expect(et.prompts).toBe(0);
  });

  it("replaces the 情况说明 sheet only when asked, and 定稿 turns YS. formulas into values", async () => {
    const { et, port } = await insertedReference();
    const layout = { ...planInsertion(SHANXI_UNIT_13, example.unit, ["T1"], [], example.tables).layouts[0], sheetName: "情况说明", names: [{ name: NARRATIVE_BODY_NAME, area: { firstRow: 0, lastRow: 5, firstCol: 0, lastCol: 0 } }] };
    expect(await port.writeNarrative(layout, false)).toEqual({ written: "情况说明" });
    expect(await port.writeNarrative(layout, false)).toEqual({ existing: "情况说明", generated: true });
    expect(await port.writeNarrative(layout, true)).toEqual({ written: "情况说明" });
    expect(et.sheets.filter((s) => s.name.startsWith("情况说明"))).toHaveLength(1);
    expect(et.prompts).toBe(0);

    const sheet = et.sheet("表三 支出总表")!;
    sheet.cell(30, 0, true).formula = "=YS.SHAREPCT(D6)";
    sheet.cell(30, 0, true).value = 100;
    const finalized = await port.finalize();
    expect(finalized).toEqual({ cells: 1, sheets: ["表三 支出总表"] });
    expect(sheet.cell(30, 0).formula).toBeUndefined();
  });

  it("converts selected 元 to 万元, leaving formulas alone", async () => {
    const et = new FakeEt({ sheetNames: ["底稿"] });
    const sheet = et.sheets[0];
    sheet.Range("A1:B2").Formula = [[14440, "=A1"], ["1,234.50", ""]];
    sheet.Activate();
    sheet.Range("A1:B2").Select();
    expect(await new WpsWorkbookPort(et.app).convertSelectionToWan()).toBe(2);
    expect(sheet.valueAt(0, 0)).toBe(1.444);
    expect(sheet.cell(0, 1).formula).toBe("=A1");
    expect(sheet.valueAt(1, 0)).toBe(0.12345);
  });

  it("says in Chinese when no workbook is open, instead of failing inside WPS", async () => {
    const port = new WpsWorkbookPort({ ActiveWorkbook: null } as never);
    await expect(port.readTables({})).rejects.toThrow("没有打开的工作簿");
  });
});

describe("the YS_设置 sheet's contents", () => {
  it("reads back what it wrote, long values split over rows, part numbers kept as text too", async () => {
    const { encodeSettings, decodeSettings } = await import("../src/core/settings-sheet");
    const long = "科".repeat(70_000);
    const rows = encodeSettings(new Map<string, unknown>([["b", { long }], ["a", 1]]));
    expect(rows.map((r) => [r[0], r[1]])).toEqual([["a", 0], ["b", 0], ["b", 1], ["b", 2]]);
    expect(rows.every((r) => r[2].length <= 30_000)).toBe(true);
    expect(decodeSettings(rows)).toEqual(new Map<string, unknown>([["a", 1], ["b", { long }]]));
    expect(decodeSettings(rows.map((r) => [r[0], String(r[1]), r[2]]))).toEqual(new Map<string, unknown>([["a", 1], ["b", { long }]]));
  });

  it("leaves out a setting whose text was cut or edited, and keeps the others", async () => {
    const { encodeSettings, decodeSettings } = await import("../src/core/settings-sheet");
    const rows = encodeSettings(new Map<string, unknown>([["a", { x: 1 }], ["b", "科目表"]]));
    const damaged = [rows[0].map((v, i) => (i === 2 ? String(v).slice(0, 3) : v)), rows[1], ["", 0, "1"], [null, null, null]];
    expect(decodeSettings(damaged)).toEqual(new Map<string, unknown>([["b", "科目表"]]));
  });
});

describe("values as WPS returns them from a hand-typed workbook", () => {
  it("reads a COM error code as its error text and full-width digits as the number, naming the cells", async () => {
    const et = new FakeEt();
    const sheets = plainSheets(example);
    for (const sheet of sheets) et.loadPlainSheet(sheet.name, sheet.rows as never, sheet.merges);
    const t3 = et.sheet(sheets[2].name)!;
    // D9 (2080199 基本支出) a #REF! as COM gives it; E9 (项目支出) typed with full-width digits.
    t3.cell(8, 3, true).value = -2146826265;
    t3.cell(8, 4, true).value = "１００";
    const { report, reading } = await runValidation(new WpsWorkbookPort(et.app), example.unit);
    const texts = [...reading.problems.map((p) => `${p.sheet}!${p.cell} ${p.message}`), ...report.findings.map((f) => `${f.sheet}!${f.cell} ${f.message}`)];
    expect(texts.some((t) => t.includes("!D9") && t.includes("#REF!"))).toBe(true);
    expect(texts.some((t) => t.includes("-2146826265"))).toBe(false);
    expect(reading.disclosure?.tables.T3.rows.find((r) => r.code === "2080199")?.amounts.project).toBe(100_000_000);
  });
});

describe("a workbook typed by hand in WPS, as a unit sends it", () => {
  it("recognises the tables, reads 元 and codes stored as numbers, and names the typo and the wrong text by their cells", async () => {
    const { textSheet, toYuan, codesAsNumbers, unmergeHeader, shiftRight } = await import("./support/foreign-workbooks");
    const sheets = plainSheets(example).map((s) => {
      if (s.tableId === "T3") {
        // 表三 in 元, codes typed as numbers, 2080505's 基本支出 typed 65,300 元 instead of 64,340.
        const yuan = codesAsNumbers(toYuan(s, [2, 3, 4], { row: 2, col: 4 }), [0]);
        const row = yuan.rows.findIndex((r) => String(r[0]) === "2080505");
        return { ...yuan, rows: yuan.rows.map((r, i) => (i === row ? r.map((v, c) => (c === 3 ? 65_300 : v)) : r)) };
      }
      // 表五 with its header typed in the first cell of each merge only, one column to the right.
      return s.tableId === "T5" ? shiftRight(unmergeHeader(s, "firstOnly"), 1) : s;
    });
    const et = new FakeEt();
    for (const sheet of sheets) et.loadPlainSheet(sheet.name, sheet.rows as never, sheet.merges);
    const notes = textSheet("说明", [["三、单位预算情况说明"], ["2024年度忻州市社会保障卡服务中心支出预算164.06万元，其中：基本支出46.06万元，占39.05%；项目支出100万元，占60.95%。"]]);
    et.loadPlainSheet(notes.name, notes.rows as never, notes.merges);
    const { reading, report } = await runValidation(new WpsWorkbookPort(et.app), example.unit);
    expect(reading.recognition!.placements).toHaveLength(13);
    expect(reading.recognition!.placements.find((p) => p.tableId === "T3")!.amountUnit).toBe("元");
    const errors = report.findings.filter((f) => f.severity === "error").map((f) => `${f.sheet}!${f.cell} ${f.message}`);
    const t3Sheet = sheets.find((s) => s.tableId === "T3")!.name;
    const typoRow = sheets.find((s) => s.tableId === "T3")!.rows.findIndex((r) => String(r[0]) === "2080505") + 1;
    expect(errors.some((e) => e.startsWith(`${t3Sheet}!C${typoRow} `) || e.startsWith(`${t3Sheet}!D${typoRow} `))).toBe(true);
    expect(errors.some((e) => e.startsWith("说明!A2 ") && e.includes("基本支出46.06万元"))).toBe(true);
  });
});
