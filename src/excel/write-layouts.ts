/**
 * Writes rendered layouts into Excel with Office.js, in one batch: one sync to
 * learn the existing sheet names, one to write every sheet. The number of syncs
 * does not grow with the number of tables or rows.
 */
import { areaAddress } from "../core/layout/a1";
import type { SheetLayout } from "../core/layout/types";
import { cellGrids, styleAreas } from "../core/layout/cell-grids";
import { planInsertion } from "../core/layout/workbook";
import { findPack } from "../core/packs";
import type { InsertReport, InsertRequest } from "../host/workbook-port";
import { queuePrint } from "./print-setup";
import { POINTS_PER_CHARACTER, STYLE_LOOKS, TITLE_ROW_HEIGHT } from "../core/layout/styles";

/** Areas per getRanges call: Excel limits the length of an address list. */
const AREAS_PER_CALL = 200;

export async function insertTables(context: Excel.RequestContext, request: InsertRequest): Promise<InsertReport> {
  const pack = findPack(request.packId);
  if (!pack) throw new Error(`未知的模板包：${request.packId}`);
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const names = context.workbook.names;
  names.load("items/name");
  await context.sync();

  const existingNames = names.items.map((n) => n.name);
  const plan = planInsertion(pack, request.unit, request.tableIds, sheets.items.map((s) => s.name), request.data, existingNames);
  // Workbook names are unique: a second copy of a table keeps the first copy's names (validation reads the first).
  const taken = new Set(existingNames);
  for (const layout of plan.layouts) writeLayout(context, layout, taken);
  await context.sync();
  return { inserted: plan.layouts.map((l) => ({ tableId: l.tableId, sheetName: l.sheetName })), renamed: plan.renamed };
}

export function writeLayout(context: Excel.RequestContext, layout: SheetLayout, takenNames: ReadonlySet<string> = new Set()): Excel.Worksheet {
  const sheet = context.workbook.worksheets.add(layout.sheetName);
  // Sheets for the tools (单位信息) are very hidden: no one unhides them by accident.
  if (layout.hidden) sheet.visibility = "VeryHidden";
  const width = layout.columns.length;
  const used = sheet.getRangeByIndexes(0, 0, layout.rowCount, width);
  const { formulas, numberFormats } = cellGrids(layout);
  // Formats first: codes typed as text must not become numbers.
  used.numberFormat = numberFormats;
  used.formulas = formulas as unknown as string[][];

  for (const [style, areas] of styleAreas(layout)) {
    const look = STYLE_LOOKS[style];
    // One RangeAreas per style, in chunks that keep each address list short.
    for (let i = 0; i < areas.length; i += AREAS_PER_CALL) {
      const ranges = sheet.getRanges(
        areas
          .slice(i, i + AREAS_PER_CALL)
          .map((a) => areaAddress(a))
          .join(","),
      );
      ranges.format.font.name = look.font;
      ranges.format.font.size = look.size;
      ranges.format.font.bold = look.bold ?? false;
      ranges.format.horizontalAlignment = look.horizontal as Excel.HorizontalAlignment;
      ranges.format.verticalAlignment = "Center" as Excel.VerticalAlignment;
      if (look.wrap) ranges.format.wrapText = true;
    }
  }

  if (!layout.text) {
    const table = sheet.getRangeByIndexes(layout.headerArea.firstRow, 0, layout.bodyArea.lastRow - layout.headerArea.firstRow + 1, width);
    for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"] as const) {
      const border = table.format.borders.getItem(edge);
      border.style = "Continuous" as Excel.BorderLineStyle;
      border.weight = "Thin" as Excel.BorderWeight;
    }
  }
  for (const merge of layout.merges) sheet.getRange(areaAddress(merge)).merge(false);
  layout.columns.forEach((column, c) => {
    const col = sheet.getRangeByIndexes(0, c, 1, 1);
    col.format.columnWidth = column.width * POINTS_PER_CHARACTER;
    if (column.hidden) col.columnHidden = true;
  });
  if (!layout.text) sheet.getRangeByIndexes(1, 0, 1, 1).format.rowHeight = TITLE_ROW_HEIGHT;
  for (const { row, height } of layout.rowHeights ?? []) sheet.getRangeByIndexes(row, 0, 1, 1).format.rowHeight = height;

  for (const name of layout.names) {
    if (takenNames.has(name.name)) continue;
    context.workbook.names.add(name.name, sheet.getRange(areaAddress(name.area)), `${layout.packId} ${layout.tableId}`);
  }

  queuePrint(sheet, layout.print.orientation === "landscape", layout.print.repeatRows);
  if (!layout.text) sheet.freezePanes.freezeRows(layout.headerArea.lastRow + 1);
  return sheet;
}
