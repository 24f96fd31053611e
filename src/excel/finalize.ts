/** 定稿 in Excel: custom-function formulas become their values; everything else is left as it is. */
import { customFunctionCells } from "../core/finalize";

export async function finalizeWorkbook(context: Excel.RequestContext): Promise<{ cells: number; sheets: string[] }> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const used = sheets.items.map((sheet) => {
    const range = sheet.getUsedRangeOrNullObject(true);
    range.load("formulas,values,rowIndex,columnIndex");
    return { sheet, range };
  });
  await context.sync();
  let count = 0;
  const touched: string[] = [];
  for (const { sheet, range } of used) {
    if (range.isNullObject) continue;
    const cells = customFunctionCells(range.formulas);
    if (cells.length === 0) continue;
    touched.push(sheet.name);
    for (const [r, c] of cells) sheet.getRangeByIndexes(range.rowIndex + r, range.columnIndex + c, 1, 1).values = [[range.values[r][c]]];
    count += cells.length;
  }
  await context.sync();
  return { cells: count, sheets: touched };
}
