/**
 * Writes the 情况说明 sheet. Where the workbook already has one — the generated one (found by its
 * defined name), or the template's own sheet of that name, typed by hand — it is replaced in its
 * place only when the caller confirms; no other sheet is touched.
 */
import { freeSheetName } from "../core/layout/sheet-names";
import type { SheetLayout } from "../core/layout/types";
import { carriesNarrativeBody, isNarrativeName, NARRATIVE_BODY_NAME } from "../core/narrative/layout";
import { parseNameReference } from "../core/read-workbook";
import { writeLayout } from "./write-layouts";

/** `generated`: the sheet there is one this add-in wrote (else the template's own, typed by hand). */
export type NarrativeWrite = { written: string } | { existing: string; generated: boolean };

export async function writeNarrativeSheet(context: Excel.RequestContext, layout: SheetLayout, replaceExisting: boolean): Promise<NarrativeWrite> {
  const names = context.workbook.names;
  names.load("items/name,items/type,items/formula");
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/position");
  await context.sync();

  // The narrative's first sheet carries its name; a further part (其他相关情况说明) is found by its sheet name alone.
  const first = carriesNarrativeBody(layout);
  const body = first ? names.items.find((n) => n.name === NARRATIVE_BODY_NAME && n.type === "Range") : undefined;
  const generated = body ? parseNameReference(body.formula)?.sheetName : undefined;
  const existing = sheets.items.find((s) => s.name === (generated ?? layout.sheetName));
  if (existing && !replaceExisting) return { existing: existing.name, generated: generated !== undefined };
  // The old sheet's names go with it; a stale one (its sheet deleted by hand) would clash with the new ones.
  if (first) for (const n of names.items) if (isNarrativeName(n.name)) n.delete();
  existing?.delete();
  const sheetName = existing?.name ?? freeSheetName(layout.sheetName, sheets.items.map((s) => s.name));
  const sheet = writeLayout(context, { ...layout, sheetName });
  // In the replaced sheet's place, where the template prints its narrative.
  if (existing) sheet.position = existing.position;
  await context.sync();
  return { written: sheetName };
}
