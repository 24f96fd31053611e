/** The 情况说明 sheet for a set of rendered tables: figures read back from the layouts (totals included). */
import { readBackLayouts } from "../layout/read-back";
import { freeSheetName } from "../layout/sheet-names";
import type { SheetLayout } from "../layout/types";
import type { UnitInfo } from "../model";
import type { TemplatePack } from "../packs/types";
import type { NarrativeFacts } from "./facts";
import { generateNarrative, type Paragraph } from "./generate";
import { NARRATIVE_SHEET_NAME, renderNarrativeSheet } from "./layout";

export function narrativeFromLayouts(tableLayouts: readonly SheetLayout[], unit: UnitInfo, facts: NarrativeFacts): Paragraph[] {
  const disclosure = readBackLayouts(tableLayouts, unit);
  if (!disclosure) throw new Error("没有可用于生成情况说明的表格。");
  return generateNarrative({ ...disclosure, unit }, facts);
}

export function planNarrativeSheet(pack: TemplatePack, unit: UnitInfo, tableLayouts: readonly SheetLayout[], facts: NarrativeFacts, existingSheetNames: readonly string[]): SheetLayout {
  const paragraphs = narrativeFromLayouts(tableLayouts, unit, facts);
  return renderNarrativeSheet(pack, unit, paragraphs, freeSheetName(NARRATIVE_SHEET_NAME, existingSheetNames));
}
