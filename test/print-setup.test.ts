/** 打印设置: each table's sheet prints A4, one page wide, its header rows on every page, in both hosts; no other sheet and no cell changes. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { planInsertion } from "../src/core/layout/workbook";
import { findPack } from "../src/core/packs";
import { printPlan } from "../src/core/print-plan";
import { readWorkbookCells } from "../src/core/read-workbook";
import { WpsWorkbookPort } from "../src/wps/wps-port";
import { ExcelWorkbookPort } from "../src/excel/office-port";
import { FakeEt } from "./support/fake-et";
import { cellsOf, plainSheets, shiftDown } from "./support/foreign-workbooks";
import { ExcelTestWorkbook } from "./e2e/page/excel-workbook";
import { loadExample } from "./support/reference";

const example = loadExample();
const pack = findPack(example.packId)!;
const layouts = planInsertion(pack, example.unit, pack.tables.map((t) => t.id), [], example.tables).layouts;

afterEach(() => vi.unstubAllGlobals());

describe("the print plan", () => {
  it("repeats each table's header rows, as the template prints them, and turns the pack's wide tables landscape", async () => {
    const et = new FakeEt({ sheetNames: ["Sheet1"] });
    const port = new WpsWorkbookPort(et.app);
    await port.insertTables({ packId: pack.id, unit: example.unit, tableIds: pack.tables.map((t) => t.id), data: example.tables });
    const plan = printPlan(await port.readTables({}));
    expect(plan).toEqual(
      layouts.filter((l) => !l.text).map((l) => ({ sheetName: l.sheetName, tableId: l.tableId, landscape: l.print.orientation === "landscape", repeatRows: { first: l.headerArea.firstRow, last: l.headerArea.lastRow } })),
    );
    expect(plan.some((p) => p.landscape)).toBe(true);
    expect(plan.some((p) => !p.landscape)).toBe(true);
  });

  it("follows a recognised table where it stands on a hand-typed sheet", () => {
    const sheets = plainSheets(example).map((s) => (s.tableId === "T3" ? shiftDown(s, 4) : s));
    const plan = printPlan(readWorkbookCells(cellsOf(sheets), {}));
    const t3 = sheets.find((s) => s.tableId === "T3")!;
    expect(plan.find((p) => p.tableId === "T3")).toEqual({ sheetName: t3.name, tableId: "T3", landscape: false, repeatRows: { first: t3.headerRows[0], last: t3.headerRows[1] } });
    expect(plan).toHaveLength(13);
  });
});

describe("setting up the print", () => {
  const plan = [
    { sheetName: "表三 支出总表", tableId: "T3", landscape: false, repeatRows: { first: 4, last: 5 } },
    { sheetName: "表五 一般公共预算支出", tableId: "T5", landscape: true, repeatRows: { first: 3, last: 5 } },
  ];

  it("in WPS: PageSetup of the planned sheets only", async () => {
    const et = new FakeEt({ sheetNames: ["Sheet1"] });
    const port = new WpsWorkbookPort(et.app);
    await port.insertTables({ packId: pack.id, unit: example.unit, tableIds: ["T3", "T5", "T6"], data: example.tables });
    for (const s of et.sheets) for (const k of Object.keys(s.page)) delete s.page[k];
    const cells = JSON.stringify(et.sheets.map((s) => [s.name, [...s.cells]]));
    expect(await port.setUpPrinting(plan)).toEqual(["表三 支出总表", "表五 一般公共预算支出"]);
    expect(et.sheet("表三 支出总表")!.page).toEqual({ Orientation: 1, PaperSize: 9, CenterHorizontally: true, Zoom: false, FitToPagesWide: 1, FitToPagesTall: false, PrintTitleRows: "$5:$6" });
    expect(et.sheet("表五 一般公共预算支出")!.page).toMatchObject({ Orientation: 2, PrintTitleRows: "$4:$6" });
    expect(et.sheet("表六 基本支出经济科目")!.page).toEqual({});
    expect(JSON.stringify(et.sheets.map((s) => [s.name, [...s.cells]]))).toBe(cells);
  });

  it("in Excel: the page layout of the planned sheets only, in one sync", async () => {
    vi.stubGlobal("Office", { AsyncResultStatus: { Succeeded: "succeeded" } });
    const workbook = new ExcelTestWorkbook();
    const port = new ExcelWorkbookPort(workbook.host);
    await port.insertTables({ packId: pack.id, unit: example.unit, tableIds: ["T3", "T5", "T6"], data: example.tables });
    const { excel } = workbook;
    excel.writes.length = 0;
    const syncs = excel.syncs;
    const cells = workbook.snapshot();
    expect(await port.setUpPrinting(plan)).toEqual(["表三 支出总表", "表五 一般公共预算支出"]);
    expect(excel.syncs - syncs).toBe(1);
    expect(excel.writes.filter((w) => w.includes("表三"))).toEqual([
      'pageLayout.orientation="Portrait" 表三 支出总表',
      'pageLayout.paperSize="A4" 表三 支出总表',
      "pageLayout.centerHorizontally=true 表三 支出总表",
      'pageLayout.zoom={"horizontalFitToPages":1,"verticalFitToPages":0} 表三 支出总表',
      "printTitleRows 表三 支出总表!$5:$6",
    ]);
    expect(excel.writes).toContain('pageLayout.orientation="Landscape" 表五 一般公共预算支出');
    expect(excel.writes.some((w) => w.includes("表六"))).toBe(false);
    expect(workbook.snapshot()).toBe(cells);
  });
});
