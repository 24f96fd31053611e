/**
 * The accountant's walkthrough, counted: a Shanghai unit's tables and 单位编制说明 typed by hand into the
 * district template's sheets (none of our names), from opening the pane to 定稿. Every click and every
 * field typed is counted; the reasons and the prior-year figures that only she has are counted apart.
 * The browser test runs it on both hosts and writes the counts to test-output/walkthrough-<host>.json,
 * which `npm run bench` reports beside the goal.
 */
import { readFileSync } from "node:fs";
import type { Locator } from "playwright-core";
import { readDataFile } from "../../src/core/data-format";
import { planInsertion } from "../../src/core/layout/workbook";
import { readBackLayouts } from "../../src/core/layout/read-back";
import { readNarrativeFacts } from "../../src/core/narrative/facts";
import { generatePackNarrative } from "../../src/core/narrative/plan";
import { narrativeParagraphs } from "../../src/core/narrative/layout";
import { findPack } from "../../src/core/packs";
import { plainSheets, workbookFile } from "../support/foreign-workbooks";
import type { Disclosure } from "../../src/core/model";

/** Interactions from opening the pane to 定稿, besides the reasons and prior figures only she can give. */
export const WALKTHROUGH_GOAL = 15;

export interface WalkthroughCount {
  clicks: number;
  /** Fields typed that the workbook or last year's disclosure could have filled. */
  typed: number;
  /** Reasons and prior-year figures that come from her alone (not counted against the goal). */
  herOwn: number;
}

/** Counts each interaction as it is made. */
export function counter(): {
  count: WalkthroughCount;
  click(l: Locator): Promise<void>;
  type(l: Locator, text: string, herOwn?: boolean): Promise<void>;
  pick(button: Locator, input: Locator, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void>;
} {
  const count: WalkthroughCount = { clicks: 0, typed: 0, herOwn: 0 };
  return {
    count,
    async click(l) {
      count.clicks++;
      await l.click();
    },
    async type(l, text, herOwn = false) {
      if (herOwn) count.herOwn++;
      else count.typed++;
      await l.fill(text);
    },
    /** A file picked: the button that opens the dialog, and the file chosen in it (two clicks). */
    async pick(button, input, file) {
      count.clicks += 2;
      await button.waitFor();
      await input.setInputFiles(file);
    },
  };
}

/** The Shanghai example's tables as typed sheets, and its 单位编制说明 typed by hand with one item 42 万元 above what 表五 holds. */
export function handTypedShanghai(): { sheets: { name: string; rows: unknown[][]; merges: unknown[] }[]; wrongItem: string } {
  const read = readDataFile(JSON.parse(readFileSync("examples/shanghai-synthetic-2026.json", "utf8")));
  if (!read.ok) throw new Error("example");
  const disclosure = read.disclosure;
  const pack = findPack(disclosure.packId)!;
  const layouts = planInsertion(pack, disclosure.unit, pack.tables.map((t) => t.id), [], disclosure.tables).layouts;
  const shown = readBackLayouts(layouts, disclosure.unit)!;
  const facts = readNarrativeFacts({ priorYear: { appropriation: 1800, general: 1800, fund: 0, stateCapital: 0 }, reasons: { appropriation: "人员调整" } }, "万元");
  const lines = narrativeParagraphs(pack, disclosure.unit, generatePackNarrative(pack, { ...shown, unit: disclosure.unit }, facts)).map((p) => p.text);
  // The second item of 财政拨款支出主要内容, its amount typed 42 万元 too high.
  const second = lines.findIndex((l) => /^2\. “.*（项）”[\d.]+万元/.test(l));
  const amount = /”([\d.]+)万元/.exec(lines[second])![1];
  const wrong = (Number(amount) + 42).toFixed(2);
  lines[second] = lines[second].replace(`”${amount}万元`, `”${wrong}万元`);
  const tables = plainSheets(disclosure).map((s) => ({ name: s.name, rows: s.rows as unknown[][], merges: s.merges as unknown[] }));
  // As the district template has it: 名词解释 and 单位编制说明 before the tables, 其他相关情况说明 after them.
  const at = (heading: string) => lines.findIndex((l) => l.startsWith(heading));
  const sheet = (name: string, from: number, to: number) => ({ name, rows: lines.slice(from, to).map((l) => [l]), merges: [] });
  const other = at("其他相关情况说明");
  const glossary = at("名词解释");
  return {
    sheets: [sheet("名词解释", glossary, lines.length), sheet(pack.narrativeSheetName ?? "单位编制说明", 0, other), ...tables, sheet("其他相关情况说明", other, glossary)],
    wrongItem: `${wrong}万元`,
  };
}

/**
 * Last year's disclosure of the same unit: the Shanghai example a year
 * earlier, every figure 10% lower (rounded to the printed 0.01 万元).
 */
export function lastYearDisclosure(): Disclosure {
  const read = readDataFile(JSON.parse(readFileSync("examples/shanghai-synthetic-2026.json", "utf8")));
  if (!read.ok) throw new Error("example");
  const lower = JSON.parse(JSON.stringify(read.disclosure.tables), (_, v) => (typeof v === "number" ? Math.round((v * 0.9) / 10_000) * 10_000 : v)) as Disclosure["tables"];
  return { ...read.disclosure, unit: { ...read.disclosure.unit, year: read.disclosure.unit.year - 1 }, tables: lower };
}

/** lastYearDisclosure as the workbook the unit would have on file. */
export function lastYearShanghai(): { name: string; mimeType: string; buffer: Buffer } {
  const disclosure = lastYearDisclosure();
  return { name: `${disclosure.unit.year}年单位预算公开.xlsx`, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: workbookFile(plainSheets(disclosure), "xlsx") };
}
