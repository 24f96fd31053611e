/**
 * 尾差调整 and 恢复精确值 through Office.js: two syncs each (look, then write), whatever the
 * number of cells. The exact values replaced are kept in the very hidden YS_精确值 sheet.
 */
import { EXACT_COPY_HEADER, EXACT_COPY_SHEET, type RoundingChange } from "../core/rounding/changes";
import { isFormulaText } from "../core/layout/formula-text";
import { exactCopyAdditions, exactCopyHeader, exactCopyRestores } from "../core/rounding/exact-copy";

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
  const skipped = targets.filter((t) => isFormulaText(t.range.formulas[0][0]));
  const written = targets.filter((t) => !skipped.includes(t)).map((t) => t.change);
  changes = written;
  const rows = exactCopyAdditions(copy.isNullObject || used.isNullObject ? [] : used.values, changes);
  let sheet = copy;
  let firstRow = copy.isNullObject || used.isNullObject ? 0 : used.values.length;
  if (copy.isNullObject) {
    sheet = context.workbook.worksheets.add(EXACT_COPY_SHEET);
    sheet.visibility = "VeryHidden";
  }
  if (firstRow === 0) {
    sheet.getRangeByIndexes(0, 0, 1, EXACT_COPY_HEADER.length).values = [exactCopyHeader()];
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
  const rows = exactCopyRestores(used.values);
  for (const { sheetName, cell, exact } of rows) context.workbook.worksheets.getItem(sheetName).getRange(cell).values = [[exact]];
  copy.delete();
  await context.sync();
  return rows.length;
}
