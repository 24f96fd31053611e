/**
 * Writes rendered layouts as an .xlsx workbook with ExcelJS: the same titles,
 * merged headers, formats, native formulas (each with its computed result, for
 * readers that do not calculate), defined names and print setup as the add-in.
 */
import ExcelJS from "exceljs";
import { areaAddress, quoteSheetName } from "../core/layout/a1";
import { formulaText } from "../core/layout/formula-text";
import type { SheetLayout } from "../core/layout/types";
import { STYLE_LOOKS, TITLE_ROW_HEIGHT, numberFormatOf } from "../core/layout/styles";

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
const ALL_BORDERS: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const A4 = 9;

export interface WriteOptions {
  /** Leave formula results out (tests use this to prove a spreadsheet engine computed them). */
  withoutResults?: boolean;
}

export function addLayoutSheet(workbook: ExcelJS.Workbook, layout: SheetLayout, options: WriteOptions = {}): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(layout.sheetName, {
    pageSetup: {
      paperSize: A4,
      orientation: layout.print.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      ...(layout.print.repeatRows ? { printTitlesRow: `${layout.print.repeatRows.first + 1}:${layout.print.repeatRows.last + 1}` } : {}),
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    views: layout.text ? [] : [{ state: "frozen", ySplit: layout.headerArea.lastRow + 1, xSplit: 0 }],
  });
  if (layout.hidden) sheet.state = "veryHidden";
  layout.columns.forEach((column, c) => {
    const col = sheet.getColumn(c + 1);
    col.width = column.width;
    if (column.hidden) col.hidden = true;
  });
  if (!layout.text) sheet.getRow(2).height = TITLE_ROW_HEIGHT;
  for (const { row, height } of layout.rowHeights ?? []) sheet.getRow(row + 1).height = height;

  for (const cell of layout.cells) {
    const target = sheet.getCell(cell.row + 1, cell.col + 1);
    if (cell.formula) {
      const formula = formulaText(cell.formula);
      target.value = (options.withoutResults ? { formula } : { formula, result: cell.result }) as ExcelJS.CellFormulaValue;
    } else if (cell.value !== undefined) {
      target.value = cell.value;
    }
    const look = STYLE_LOOKS[cell.style];
    target.numFmt = numberFormatOf(cell.style, layout.amountFormat);
    target.font = { name: look.font, size: look.size, bold: look.bold ?? false };
    target.alignment = { horizontal: look.horizontal.toLowerCase() as "left" | "center" | "right", vertical: "middle", wrapText: look.wrap ?? false };
    if (look.bordered) target.border = ALL_BORDERS;
  }
  for (const merge of layout.merges) sheet.mergeCells(merge.firstRow + 1, merge.firstCol + 1, merge.lastRow + 1, merge.lastCol + 1);
  for (const name of layout.names) workbook.definedNames.add(`${quoteSheetName(layout.sheetName)}!${areaAddress(name.area, true)}`, name.name);
  return sheet;
}

export function buildWorkbook(layouts: readonly SheetLayout[], options: WriteOptions = {}): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "预算公开助手";
  workbook.calcProperties.fullCalcOnLoad = true;
  for (const layout of layouts) addLayoutSheet(workbook, layout, options);
  return workbook;
}
