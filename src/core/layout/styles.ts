/**
 * How each layout style looks in a workbook: fonts found on every Chinese Windows
 * (宋体 for the body, 黑体 for titles). Beside the layout, shared by both writers (Office.js and the CLI).
 */
import type { CellStyle } from "./types";

export interface StyleLook {
  font: string;
  size: number;
  bold?: boolean;
  horizontal: "Left" | "Center" | "Right";
  wrap?: boolean;
  bordered: boolean;
}

export const BODY_FONT = "宋体";
export const TITLE_FONT = "黑体";

export const STYLE_LOOKS: Record<CellStyle, StyleLook> = {
  numberLabel: { font: BODY_FONT, size: 10, horizontal: "Left", bordered: false },
  title: { font: TITLE_FONT, size: 16, bold: true, horizontal: "Center", bordered: false },
  unitLine: { font: BODY_FONT, size: 10, horizontal: "Left", bordered: false },
  amountUnitLine: { font: BODY_FONT, size: 10, horizontal: "Right", bordered: false },
  header: { font: BODY_FONT, size: 10, bold: true, horizontal: "Center", wrap: true, bordered: true },
  label: { font: BODY_FONT, size: 10, horizontal: "Left", bordered: true },
  totalLabel: { font: BODY_FONT, size: 10, bold: true, horizontal: "Left", bordered: true },
  code: { font: BODY_FONT, size: 10, horizontal: "Left", bordered: true },
  text: { font: BODY_FONT, size: 10, horizontal: "Left", bordered: true },
  amount: { font: BODY_FONT, size: 10, horizontal: "Right", bordered: true },
  totalAmount: { font: BODY_FONT, size: 10, bold: true, horizontal: "Right", bordered: true },
  note: { font: BODY_FONT, size: 10, horizontal: "Left", bordered: false },
  heading: { font: TITLE_FONT, size: 12, bold: true, horizontal: "Left", bordered: false },
  paragraph: { font: BODY_FONT, size: 11, horizontal: "Left", wrap: true, bordered: false },
};

/** Excel column width: characters to points (about 6.5 pt per character of 宋体 10). */
export const POINTS_PER_CHARACTER = 6.5;
export const TITLE_ROW_HEIGHT = 30;

/** Number format of a layout cell. Codes and labels are text (@), so 2080199 stays text. */
export function numberFormatOf(style: CellStyle, amountFormat: string): string {
  if (style === "amount" || style === "totalAmount") return amountFormat;
  if (style === "code" || style === "label" || style === "totalLabel" || style === "text") return "@";
  return "General";
}
