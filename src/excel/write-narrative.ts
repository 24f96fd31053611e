/**
 * Writes the 情况说明 sheet. Where the workbook already has the generated one (found
 * by its defined name), it is replaced only when the caller confirms; no other sheet is touched.
 */
import { freeSheetName } from "../core/layout/sheet-names";
import type { SheetLayout } from "../core/layout/types";
import { isNarrativeName, NARRATIVE_BODY_NAME } from "../core/narrative/layout";
import { parseNameReference } from "../core/read-workbook";
import { writeLayout } from "./write-layouts";

export type NarrativeWrite = { written: string } | { existing: string };

export async function writeNarrativeSheet(context: Excel.RequestContext, layout: SheetLayout, replaceExisting: boolean): Promise<NarrativeWrite> {
  const names = context.workbook.names;
  names.load("items/name,items/type,items/formula");
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();

  const body = names.items.find((n) => n.name === NARRATIVE_BODY_NAME && n.type === "Range");
  const existing = body ? parseNameReference(body.formula)?.sheetName : undefined;
  if (existing && !replaceExisting) return { existing };
  // The old sheet's names go with it; a stale one (its sheet deleted by hand) would clash with the new ones.
  for (const n of names.items) if (isNarrativeName(n.name)) n.delete();
  if (existing) sheets.getItem(existing).delete();
  const sheetName = existing ?? freeSheetName(layout.sheetName, sheets.items.map((s) => s.name));
  writeLayout(context, { ...layout, sheetName });
  await context.sync();
  return { written: sheetName };
}
