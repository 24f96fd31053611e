/**
 * Validation as the task pane runs it (runValidation over a real host port, here WPS over FakeEt): the
 * prior-year figures saved under 说明 reach the rules, so the changes the text states are checked.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readDataFile } from "../src/core/data-format";
import { readNarrativeFacts } from "../src/core/narrative/facts";
import { renderNarrativeSheet } from "../src/core/narrative/layout";
import { generatePackNarrative } from "../src/core/narrative/plan";
import { findPack } from "../src/core/packs";
import { runValidation } from "../src/taskpane/run-validation";
import { WpsWorkbookPort } from "../src/wps/wps-port";
import { FakeEt } from "./support/fake-et";

const shanghai = (() => {
  const read = readDataFile(JSON.parse(readFileSync("examples/shanghai-synthetic-2026.json", "utf8")));
  if (!read.ok) throw new Error("example");
  return read.disclosure;
})();
const facts = (appropriation: number) => readNarrativeFacts({ priorYear: { appropriation, general: appropriation, fund: 0, stateCapital: 0 }, reasons: { appropriation: "人员调整" } }, "万元");

describe("the pane's validation", () => {
  it("checks the change against the prior year with the facts saved under 说明, and only then", async () => {
    const pack = findPack(shanghai.packId)!;
    const et = new FakeEt({ sheetNames: ["Sheet1"] });
    const port = new WpsWorkbookPort(et.app);
    await port.saveUnitInfo(shanghai.unit);
    await port.insertTables({ packId: pack.id, unit: shanghai.unit, tableIds: pack.tables.map((t) => t.id), data: shanghai.tables });
    const reading = await port.readTables({});
    // The 编制说明 written with a prior year of 1,800 万元.
    const paragraphs = generatePackNarrative(pack, { ...reading.disclosure!, unit: shanghai.unit }, facts(1800));
    await port.writeNarrative(renderNarrativeSheet(pack, shanghai.unit, paragraphs, pack.narrativeSheetName), false);
    const prior = async () => (await runValidation(port, shanghai.unit)).report.findings.filter((f) => f.ruleId === "narrative-prior");
    expect(await prior()).toEqual([]);
    await port.saveFacts(facts(1800));
    expect(await prior()).toEqual([]);
    // The prior year corrected afterwards to 1,700 万元: the text's 增加 no longer holds.
    await port.saveFacts(facts(1700));
    const found = await prior();
    expect(found.length).toBeGreaterThan(0);
    expect(found[0].message).toContain("上年 1700.00万元");
  });
});

describe("what the add-in keeps in the workbook, read by the command line", () => {
  it("takes the subject list and the facts of WPS's very hidden YS_设置 sheet and of Excel's document settings, as the pane does", async () => {
    const { encodeSettings, SETTINGS_SHEET } = await import("../src/core/settings-sheet");
    const { NARRATIVE_FACTS_SETTING, SUBJECTS_SETTING } = await import("../src/core/document-settings");
    const { planInsertion } = await import("../src/core/layout/workbook");
    const { readBackLayouts } = await import("../src/core/layout/read-back");
    const { layoutNames, layoutSheet, modelFile } = await import("./support/book-model");
    const { validateFile } = await import("../src/cli/validate-files");
    const pack = findPack(shanghai.packId)!;
    const layouts = planInsertion(pack, shanghai.unit, pack.tables.map((t) => t.id), [], shanghai.tables).layouts;
    const shown = readBackLayouts(layouts, shanghai.unit)!;
    const narrative = renderNarrativeSheet(pack, shanghai.unit, generatePackNarrative(pack, { ...shown, unit: shanghai.unit }, facts(1800)), pack.narrativeSheetName);
    /** The settings kept by WPS (the YS_设置 sheet), by Excel (document settings in the file), or both. */
    const book = (inSheet: Map<string, unknown> | null, inDocument: Map<string, unknown> | null = null) =>
      modelFile(
        {
          sheets: [...[...layouts, narrative].map((l) => layoutSheet(l)), ...(inSheet ? [{ name: SETTINGS_SHEET, hidden: 2 as const, rows: encodeSettings(inSheet), merges: [] }] : [])],
          names: layoutNames([...layouts, narrative]),
          ...(inDocument ? { documentSettings: inDocument } : {}),
        },
        "xlsx",
      );
    const findings = async (inSheet: Map<string, unknown> | null, inDocument: Map<string, unknown> | null = null) => (await validateFile(book(inSheet, inDocument), { type: "事业单位" })).report!.findings;
    const subjects = "kind,code,name\nfunc,205,教育支出\nfunc,20502,普通教育\nfunc,2050201,学前教育\n";
    const none = await findings(new Map());
    expect(none.filter((f) => f.ruleId === "narrative-prior")).toEqual([]);
    expect(none.some((f) => f.ruleId === "subject-list" && f.message.includes("2050201"))).toBe(true);
    const stored = new Map<string, unknown>([[NARRATIVE_FACTS_SETTING, facts(1700)], [SUBJECTS_SETTING, subjects]]);
    for (const kept of [await findings(stored), await findings(null, stored)]) {
      expect(kept.filter((f) => f.ruleId === "narrative-prior").length).toBeGreaterThan(0);
      expect(kept.some((f) => f.ruleId === "subject-list" && f.message.includes("2050201") && f.severity === "info")).toBe(false);
    }
    // Kept in both: the sheet's value is taken (facts that agree with the narrative: no narrative-prior finding).
    const both = await findings(new Map<string, unknown>([[NARRATIVE_FACTS_SETTING, facts(1800)]]), stored);
    expect(both.filter((f) => f.ruleId === "narrative-prior")).toEqual([]);
    expect(both.some((f) => f.ruleId === "subject-list" && f.message.includes("2050201") && f.severity === "info")).toBe(false);
    // Another add-in's properties in the same file are not ours.
    expect(await findings(null, new Map<string, unknown>([["Office.AutoShowTaskpaneWithDocument", true]]))).toEqual(none);
  });
});
