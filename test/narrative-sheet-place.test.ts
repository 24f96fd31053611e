/**
 * 说明 written where the template has it: the template's own narrative sheet (typed by hand, none of our
 * names) is replaced in its place after the accountant confirms, in both hosts; without the confirmation
 * nothing changes.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { findPack } from "../src/core/packs";
import { renderNarrativeSheet } from "../src/core/narrative/layout";
import { readDataFile } from "../src/core/data-format";
import { readFileSync } from "node:fs";
import { WpsWorkbookPort } from "../src/wps/wps-port";
import { ExcelWorkbookPort } from "../src/excel/office-port";
import type { WorkbookPort } from "../src/host/workbook-port";
import type { TestWorkbook } from "./e2e/page/test-workbook";
import { ExcelTestWorkbook } from "./e2e/page/excel-workbook";
import { WpsTestWorkbook } from "./e2e/page/wps-workbook";
import { plainSheets } from "./support/foreign-workbooks";

const read = readDataFile(JSON.parse(readFileSync("examples/shanghai-synthetic-2026.json", "utf8")));
if (!read.ok) throw new Error("example");
const shanghai = read.disclosure;
const pack = findPack(shanghai.packId)!;
const layout = renderNarrativeSheet(pack, shanghai.unit, [{ kind: "paragraph", text: "生成的说明文字。" }], pack.narrativeSheetName);

afterEach(() => vi.unstubAllGlobals());

const hosts: [string, () => { workbook: TestWorkbook; port: WorkbookPort }][] = [
  [
    "Excel",
    () => {
      vi.stubGlobal("Office", { AsyncResultStatus: { Succeeded: "succeeded" } });
      const workbook = new ExcelTestWorkbook();
      return { workbook, port: new ExcelWorkbookPort(workbook.host) };
    },
  ],
  [
    "WPS",
    () => {
      const workbook = new WpsTestWorkbook();
      return { workbook, port: new WpsWorkbookPort(workbook.et.app) };
    },
  ],
];

describe.each(hosts)("the template's own narrative sheet, in %s", (_, open) => {
  it("is offered for replacement, and replaced in its place once confirmed", async () => {
    const { workbook, port } = open();
    const tables = plainSheets(shanghai);
    // The template's order: the tables, its 单位编制说明 typed by hand after 表五, the rest.
    for (const s of tables.slice(0, 5)) workbook.loadPlainSheet(s.name, s.rows, s.merges);
    workbook.loadPlainSheet("单位编制说明", [["2026年单位预算编制说明"], ["手工录入的说明。"]], []);
    for (const s of tables.slice(5)) workbook.loadPlainSheet(s.name, s.rows, s.merges);
    const before = workbook.sheetNames();
    const unchanged = workbook.snapshot();

    expect(await port.writeNarrative(layout, false)).toEqual({ existing: "单位编制说明", generated: false });
    expect(workbook.snapshot()).toBe(unchanged);

    expect(await port.writeNarrative(layout, true)).toEqual({ written: "单位编制说明" });
    expect(workbook.sheetNames()).toEqual(before);
    const text = workbook.sheetValues("单位编制说明").map(String);
    expect(text.some((t) => t.includes("生成的说明文字。"))).toBe(true);
    expect(text.some((t) => t.includes("手工录入的说明。"))).toBe(false);
    // Now ours: written again, it is the generated sheet that is offered.
    expect(await port.writeNarrative(layout, false)).toEqual({ existing: "单位编制说明", generated: true });
  });
});
