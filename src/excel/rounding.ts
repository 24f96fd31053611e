/**
 * 尾差调整 and 恢复精确值 through Office.js: two syncs each (look, then write), whatever the
 * number of cells. The exact values replaced are kept in the very hidden YS_精确值 sheet.
 */
import { EXACT_COPY_HEADER, EXACT_COPY_SHEET, type RoundingChange } from "../core/rounding/changes";

export async function applyRounding(context: Excel.RequestContext, changes: readonly RoundingChange[]): Promise<{ written: number; skipped: string[] }> {
  const copy = context.workbook.worksheets.getItemOrNullObject(EXACT_COPY_SHEET);
  const used = copy.getUsedRangeOrNullObject(true);
  used.load("values");
  // A cell holding the accountant's own formula is not overwritten: it is reported instead.
  const targets = changes.map((change) => {
    const range = context.workbook.worksheets.getItem(change.sheetName).getRange(change.cell);
    range.load("formulas");
    return { change, range };
  });
  await context.sync();
  const skipped = targets.filter((t) => typeof t.range.formulas[0][0] === "string" && String(t.range.formulas[0][0]).startsWith("="));
  const written = targets.filter((t) => !skipped.includes(t)).map((t) => t.change);
  changes = written;
  // A cell adjusted twice keeps its first exact value: the copy is only added to.
  const kept = new Set(copy.isNullObject || used.isNullObject ? [] : used.values.slice(1).map((r) => `${r[0]}!${r[1]}`));
  const rows = changes.filter((c) => !kept.has(`${c.sheetName}!${c.cell}`)).map((c) => [c.sheetName, c.cell, c.exact, c.after]);
  let sheet = copy;
  let firstRow = copy.isNullObject || used.isNullObject ? 0 : used.values.length;
  if (copy.isNullObject) {
    sheet = context.workbook.worksheets.add(EXACT_COPY_SHEET);
    sheet.visibility = "VeryHidden";
  }
  if (firstRow === 0) {
    sheet.getRangeByIndexes(0, 0, 1, EXACT_COPY_HEADER.length).values = [[...EXACT_COPY_HEADER]];
    firstRow = 1;
  }
  if (rows.length > 0) sheet.getRangeByIndexes(firstRow, 0, rows.length, EXACT_COPY_HEADER.length).values = rows;
  for (const { change, range } of targets) if (changes.includes(change)) range.values = [[change.after]];
  await context.sync();
  return { written: changes.length, skipped: skipped.map((t) => `${t.change.sheetName}!${t.change.cell}`) };
}

export async function restoreExactValues(context: Excel.RequestContext): Promise<number> {
  const copy = context.workbook.worksheets.getItemOrNullObject(EXACT_COPY_SHEET);
  const used = copy.getUsedRangeOrNullObject(true);
  used.load("values");
  await context.sync();
  if (copy.isNullObject || used.isNullObject) return 0;
  const rows = used.values.slice(1).filter((r) => typeof r[0] === "string" && typeof r[1] === "string" && typeof r[2] === "number");
  for (const [sheetName, cell, exact] of rows) context.workbook.worksheets.getItem(String(sheetName)).getRange(String(cell)).values = [[exact]];
  copy.delete();
  await context.sync();
  return rows.length;
}
