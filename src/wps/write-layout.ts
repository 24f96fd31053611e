/**
 * Writes a rendered layout into WPS 表格 through the ET object model. Calls are synchronous, so
 * every write covers a whole range: the grid of formulas and values in one call, each number format
 * and each value of each look property once per table (cells stacked into rectangles), never cell by cell.
 */
import { areaAddress, cellAddress, columnLetter, quoteSheetName, type Area } from "../core/layout/a1";
import { addressLists, cellGrids, lookAreas, numberFormatAreas } from "../core/layout/cell-grids";
import { TITLE_ROW_HEIGHT } from "../core/layout/styles";
import type { SheetLayout } from "../core/layout/types";
import { addSheetAtEnd } from "./workbook";
import {
  ALIGN_CENTER,
  ALIGN_LEFT,
  ALIGN_RIGHT,
  BORDER_THIN,
  LANDSCAPE,
  LINE_CONTINUOUS,
  PAPER_A4,
  PORTRAIT,
  SHEET_VERY_HIDDEN,
  type EtApplication,
  type EtRange,
  type EtWorkbook,
  type EtWorksheet,
} from "./et";

const ALIGNMENTS = { Left: ALIGN_LEFT, Center: ALIGN_CENTER, Right: ALIGN_RIGHT } as const;

/** Each comma-joined list of areas as one range (a reference is at most 255 characters). */
function eachRange(sheet: EtWorksheet, areas: readonly Area[], write: (range: EtRange) => void): void {
  for (const list of addressLists(areas.map((a) => areaAddress(a)))) write(sheet.Range(list));
}

/** Adds the layout's sheet after the last one; `takenNames` are workbook names not to define again. */
export function writeLayout(app: EtApplication, workbook: EtWorkbook, layout: SheetLayout, takenNames: ReadonlySet<string> = new Set()): EtWorksheet {
  const sheet = addSheetAtEnd(workbook, layout.sheetName);
  const width = layout.columns.length;
  const { formulas } = cellGrids(layout);
  // Formats first: codes typed as text must not become numbers.
  for (const [format, areas] of numberFormatAreas(layout)) eachRange(sheet, areas, (range) => (range.NumberFormat = format));
  const grid = sheet.Range(areaAddress({ firstRow: 0, lastRow: layout.rowCount - 1, firstCol: 0, lastCol: width - 1 }));
  grid.Formula = formulas.map((row) => row.map((v) => v ?? ""));

  grid.VerticalAlignment = ALIGN_CENTER;
  for (const { property, value, areas } of lookAreas(layout))
    eachRange(sheet, areas, (range) => {
      if (property === "font") range.Font.Name = value;
      else if (property === "size") range.Font.Size = value;
      else if (property === "bold") range.Font.Bold = value;
      else if (property === "horizontal") range.HorizontalAlignment = ALIGNMENTS[value as keyof typeof ALIGNMENTS];
      else range.WrapText = value;
    });
  if (!layout.text) {
    const table = sheet.Range(areaAddress({ firstRow: layout.headerArea.firstRow, lastRow: layout.bodyArea.lastRow, firstCol: 0, lastCol: width - 1 }));
    // The Borders collection as a whole: every edge and every inside line.
    table.Borders.LineStyle = LINE_CONTINUOUS;
    table.Borders.Weight = BORDER_THIN;
  }
  for (const merge of layout.merges) sheet.Range(areaAddress(merge)).Merge();
  layout.columns.forEach((column, c) => {
    // ET widths are in characters, as the layout's are.
    const cell = sheet.Range(`${columnLetter(c)}1`);
    cell.ColumnWidth = column.width;
    if (column.hidden) cell.EntireColumn.Hidden = true;
  });
  if (!layout.text) sheet.Range("A2").RowHeight = TITLE_ROW_HEIGHT;
  for (const { row, height } of layout.rowHeights ?? []) sheet.Range(cellAddress(row, 0)).RowHeight = height;

  for (const name of layout.names) {
    if (takenNames.has(name.name)) continue;
    workbook.Names.Add(name.name, `=${quoteSheetName(layout.sheetName)}!${areaAddress(name.area, true)}`);
  }

  const page = sheet.PageSetup;
  page.Orientation = layout.print.orientation === "landscape" ? LANDSCAPE : PORTRAIT;
  page.PaperSize = PAPER_A4;
  page.CenterHorizontally = true;
  page.Zoom = false;
  page.FitToPagesWide = 1;
  page.FitToPagesTall = false;
  if (layout.print.repeatRows) page.PrintTitleRows = `$${layout.print.repeatRows.first + 1}:$${layout.print.repeatRows.last + 1}`;
  if (layout.hidden) sheet.Visible = SHEET_VERY_HIDDEN;
  else if (!layout.text) freezeHeader(app, sheet, layout.headerArea.lastRow + 1);
  return sheet;
}

/** Freezes the rows above the body: panes belong to the window, so the sheet is shown first. */
function freezeHeader(app: EtApplication, sheet: EtWorksheet, rows: number): void {
  sheet.Activate();
  const window = app.ActiveWindow;
  window.FreezePanes = false;
  window.SplitColumn = 0;
  window.SplitRow = rows;
  window.FreezePanes = true;
}
