/**
 * A PDF page as the core reads it, whatever extracted it (pdf.js in Node or in the pane): text
 * pieces and ruling lines in points, with the origin at the page's top left and y growing down,
 * after the page's rotation and every transformation matrix have been applied.
 */

export interface PdfText {
  text: string;
  /** The piece's box: left, top, right, bottom. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A ruling line as drawn: a stroked segment given its width, or a thin filled rectangle (WPS). */
export interface PdfRule {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PdfPage {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  texts: PdfText[];
  rules: PdfRule[];
}

/** A rule at most this thick (points) is a line; anything thicker is a filled area (shading), not a rule. */
export const RULE_THICKNESS = 2.5;
/** Positions closer than this (points) are one position: rules drawn twice, or a hair apart. */
export const SAME_POSITION = 1.5;
