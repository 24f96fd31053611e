/** 打印设置 in Excel: A4, one page wide, centred, header rows repeated; one sync for every sheet. */
import { printTitleRows, type SheetPrint } from "../core/print-plan";

/** Queues a sheet's page layout (the layout writer uses it too). */
export function queuePrint(sheet: Excel.Worksheet, landscape: boolean, repeatRows?: { first: number; last: number }): void {
  const page = sheet.pageLayout;
  page.orientation = (landscape ? "Landscape" : "Portrait") as Excel.PageOrientation;
  page.paperSize = "A4" as Excel.PaperType;
  page.centerHorizontally = true;
  page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (repeatRows) page.setPrintTitleRows(printTitleRows(repeatRows));
}

export async function setUpPrinting(context: Excel.RequestContext, plan: readonly SheetPrint[]): Promise<string[]> {
  for (const sheet of plan) queuePrint(context.workbook.worksheets.getItem(sheet.sheetName), sheet.landscape, sheet.repeatRows);
  await context.sync();
  return plan.map((p) => p.sheetName);
}
