/** Writes the findings to a new 校验报告 sheet (only when the user asks), never over an existing sheet. */
import { freeSheetName } from "../core/layout/sheet-names";
import { REPORT_HEADER, reportRows } from "../core/validation/report-rows";
import type { ValidationReport } from "../core/validation/types";

export const REPORT_SHEET_NAME = "校验报告";

export async function writeReportSheet(context: Excel.RequestContext, report: ValidationReport): Promise<string> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const name = freeSheetName(REPORT_SHEET_NAME, sheets.items.map((s) => s.name));
  const sheet = sheets.add(name);
  const rows = [REPORT_HEADER, ...reportRows(report)];
  const range = sheet.getRangeByIndexes(0, 0, rows.length, REPORT_HEADER.length);
  range.numberFormat = rows.map((r) => r.map(() => "@"));
  range.values = rows;
  range.format.font.name = "宋体";
  sheet.getRangeByIndexes(0, 0, 1, REPORT_HEADER.length).format.font.bold = true;
  sheet.getRangeByIndexes(0, 4, rows.length, 1).format.columnWidth = 480;
  sheet.activate();
  await context.sync();
  return name;
}
