/**
 * A rendered worksheet (版式): everything the Excel adapter and the command line
 * write, and nothing they must compute themselves.
 */
import type { AmountUnit } from "../fixed";
import type { Area } from "./a1";

/** Native spreadsheet formulas only: a reviewer without the add-in sees the same totals. */
export type Formula =
  /** SUM over cells or ranges. */
  | { op: "sum"; areas: Area[] }
  /** SUMIFS over the code column with a pattern of exact length ("208??": the 款 under 208). */
  | { op: "sumIfs"; sum: Area; criteria: Area; pattern: string }
  /** The empty-table note: shown exactly when no amount cell holds a non-zero number. */
  | { op: "emptyNote"; areas: Area[]; text: string }
  /** Text joined from cells (the hidden code column from 类 & 款 & 项). */
  | { op: "concat"; areas: Area[] };

export type CellStyle =
  | "numberLabel"
  | "title"
  | "unitLine"
  | "amountUnitLine"
  | "header"
  | "label"
  | "totalLabel"
  | "code"
  | "text"
  | "amount"
  | "totalAmount"
  | "note"
  /** 情况说明: headings and wrapped paragraphs. */
  | "heading"
  | "paragraph";

export interface LayoutCell {
  row: number;
  col: number;
  value?: string | number;
  formula?: Formula;
  /** The formula's value as computed by the core, written beside it for readers that do not calculate. */
  result?: string | number;
  style: CellStyle;
}

export interface DefinedName {
  name: string;
  /** Area on this sheet. */
  area: Area;
}

export interface PrintSetup {
  orientation: "portrait" | "landscape";
  paperSize: "A4";
  fitToWidth: 1;
  /** Header rows repeated on each printed page (0-based, inclusive); none for text sheets. */
  repeatRows?: { first: number; last: number };
  horizontallyCentered: true;
}

/** Rows of one data row in the layout, for reading back and for validation. */
export interface LayoutRowInfo {
  row: number;
  side: string;
  /** Fixed-row id, subject code, item name, or "" for blank rows. */
  key: string;
  role: "total" | "subject" | "item" | "fixed" | "blank";
}

export interface SheetLayout {
  packId: string;
  packVersion: number;
  tableId: string;
  sheetName: string;
  amountUnit: AmountUnit;
  decimals: number;
  /** Number format of amount cells (#,##0.00 with zero shown blank). */
  amountFormat: string;
  columns: { width: number; hidden: boolean }[];
  cells: LayoutCell[];
  merges: Area[];
  rowCount: number;
  headerArea: Area;
  bodyArea: Area;
  noteCell: { row: number; col: number } | null;
  rows: LayoutRowInfo[];
  names: DefinedName[];
  print: PrintSetup;
  /** A text sheet (情况说明): no table borders, no frozen header. */
  text?: boolean;
  /** A sheet for the tools, not for people (very hidden). */
  hidden?: boolean;
  /** Heights in points of rows that hold wrapped text (merged or long cells do not grow by themselves). */
  rowHeights?: { row: number; height: number }[];
}

/** SUMIFS criterion for a cell that is not blank. */
export const NON_BLANK = "<>";
