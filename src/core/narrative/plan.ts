/** The 情况说明 sheet for a set of rendered tables: figures read back from the layouts (totals included). */
import { readBackLayouts } from "../layout/read-back";
import { freeSheetName } from "../layout/sheet-names";
import type { SheetLayout } from "../layout/types";
import type { Disclosure, UnitInfo } from "../model";
import type { TemplatePack } from "../packs/types";
import type { NarrativeFacts } from "./facts";
import { generateNarrative, shanxiComparedFigures, type Paragraph } from "./generate";
import { renderNarrativeSheets } from "./layout";
import { generateShanghaiNarrative, shanghaiComparedFigures } from "./shanghai";

/** The pack's narrative from a disclosure and the facts: Shanxi's 情况说明 or Shanghai's 编制说明 and 其他相关情况说明. */
export function generatePackNarrative(pack: TemplatePack, disclosure: Disclosure, facts: NarrativeFacts): Paragraph[] {
  if (pack.narrative === "shanghai") return generateShanghaiNarrative(pack, disclosure, facts);
  if (pack.narrative === "shanxi") return generateNarrative(disclosure, facts);
  throw new Error(`模板包“${pack.name}”没有情况说明的生成器。`);
}

/**
 * The prior-year figures the pack's text compares with, taken from last year's disclosure of the same set (as its
 * tables print them). The items' 预算执行数 are not among them: they come from the 决算.
 */
export function priorYearFromDisclosure(pack: TemplatePack, lastYear: Disclosure): NarrativeFacts["priorYear"] {
  if (pack.narrative === "shanghai") return shanghaiComparedFigures(lastYear);
  if (pack.narrative === "shanxi") return shanxiComparedFigures(lastYear);
  return {};
}

/** Whether the pack's narrative lists the 财政拨款支出主要内容 item by item (the 说明 form then asks for each item). */
export const narrativeWritesItems = (pack: TemplatePack): boolean => pack.narrative === "shanghai" && pack.itemsTable !== undefined;

export function narrativeFromLayouts(tableLayouts: readonly SheetLayout[], unit: UnitInfo, facts: NarrativeFacts, pack?: TemplatePack): Paragraph[] {
  const disclosure = readBackLayouts(tableLayouts, unit);
  if (!disclosure) throw new Error("没有可用于生成情况说明的表格。");
  return pack ? generatePackNarrative(pack, { ...disclosure, unit }, facts) : generateNarrative({ ...disclosure, unit }, facts);
}

/** The narrative's sheets for a generated workbook: one, or the parts the pack prints on sheets of their own, each under a free name. */
export function planNarrativeSheets(pack: TemplatePack, unit: UnitInfo, tableLayouts: readonly SheetLayout[], facts: NarrativeFacts, existingSheetNames: readonly string[]): SheetLayout[] {
  const paragraphs = narrativeFromLayouts(tableLayouts, unit, facts, pack);
  const taken = [...existingSheetNames];
  return renderNarrativeSheets(pack, unit, paragraphs).map((layout) => {
    const sheetName = freeSheetName(layout.sheetName, taken);
    taken.push(sheetName);
    return { ...layout, sheetName };
  });
}
