/** Converts the selected cells from 元 to 万元 in place, on the user's request (two syncs). */
import { yuanToWan } from "../core/convert-units";

export async function convertSelectionToWan(context: Excel.RequestContext): Promise<number> {
  const range = context.workbook.getSelectedRange();
  range.load("values,formulas,rowIndex,columnIndex,rowCount,columnCount");
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  await context.sync();
  const converted = yuanToWan(range.values, range.formulas);
  let count = 0;
  converted.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value === undefined) return;
      sheet.getRangeByIndexes(range.rowIndex + r, range.columnIndex + c, 1, 1).values = [[value]];
      count++;
    }),
  );
  await context.sync();
  return count;
}
