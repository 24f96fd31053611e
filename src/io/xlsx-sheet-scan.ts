/**
 * One worksheet part of an .xlsx (xl/worksheets/sheetN.xml) read by scanning its text, not by parsing
 * every element. A real district template declares its ruled table areas over thousands of rows, so
 * almost all of a sheet's XML is empty styled cells (<c r="B812" s="7"/>). Only a cell with content
 * has a child element (<v>, <is> or <f>) and a closing tag (</c>), so the scan jumps from one child
 * element to the next and reads those cells alone: a template's 1.5 MB of sheet XML costs what its few
 * hundred filled cells cost. The jump searches for the end of a child's name (v>, is>, f>, "f t="):
 * none of these letters starts anything in an empty cell's markup, so a native search skips the empty
 * cells about nine times as fast as it can look for "</c>", whose "<" starts every one of them.
 *
 * Values are read as SheetJS reads them (the reader it stands in for, which still reads every other
 * format): the cached result of a formula, shared and inline strings, numbers, booleans and errors.
 * A sheet this scan does not read the same way (a cell without its address, a date cell, a shared
 * string that is not there, more rows than are read) returns null, and the whole file is read by
 * SheetJS instead.
 */
import type { CellValue } from "../core/amount";
import type { Area } from "../core/layout/a1";
import { normalizeCell, UNKNOWN_ERROR } from "../core/cell-value";
import { attributeOf, unescapeSpreadsheetText } from "./xml-text";
import type { MarkupText } from "./markup-text";

export interface ScannedSheet {
  /** Values by 0-based row and column; a row or cell that is not there is empty. */
  rows: (CellValue[] | undefined)[];
  rowCount: number;
  colCount: number;
  merges: Area[];
  /** Formulas saved without their result (a program wrote the formula alone): how many, and the first by row. */
  formulasWithoutValue: { count: number; first: { row: number; col: number } | null };
}

/**
 * The error literals of an .xlsx cell of type "e" that SheetJS reads as themselves (its BErr table, less its
 * own "#WTF?"); any other, Excel's newer #SPILL! among them, reads as an unknown error in both readers.
 */
const KNOWN_ERRORS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"]);

/** "AB12" → row 11, column 27; null when it is not a cell address. */
function cellPosition(address: string): { row: number; col: number } | null {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(address);
  if (!match) return null;
  let col = 0;
  for (let i = 0; i < match[1].length; i++) col = col * 26 + match[1].charCodeAt(i) - 64;
  return { row: Number(match[2]) - 1, col: col - 1 };
}

/** "A1:H3000" as an area; null for anything else (SheetJS ignores a dimension without a colon too). */
function rangeOf(reference: string): Area | null {
  const [first, last] = reference.split(":");
  const start = first && cellPosition(first);
  const end = last && cellPosition(last);
  if (!start || !end || start.row > end.row || start.col > end.col) return null;
  return { firstRow: start.row, lastRow: end.row, firstCol: start.col, lastCol: end.col };
}

/** The text of the first element `name` (any namespace prefix) inside `xml`, or undefined. */
function elementText(xml: string, name: "v" | "is"): string | undefined {
  return ELEMENT_PATTERNS[name].exec(xml)?.[1];
}
const elementPattern = (name: string) => new RegExp(`<(?:\\w+:)?${name}(?:\\s[^>]*)?>([\\s\\S]*?)</(?:\\w+:)?${name}>`);
const ELEMENT_PATTERNS = { v: elementPattern("v"), is: elementPattern("is") };

/**
 * A string item (<si> of the shared strings, <is> of an inline string): its plain text, or the text of
 * its runs (<r><t>…</t></r>) without the phonetic guides (<rPh>) a Japanese or Chinese input method adds.
 */
export function stringItemText(item: string): string {
  const body = item.trim();
  const plain = /^<(?:\w+:)?t(?:\s[^>]*)?>/.exec(body);
  if (plain) return unescapeSpreadsheetText(body.slice(plain[0].length).split(/<\/(?:\w+:)?t>/)[0] ?? "");
  const runs = body.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "");
  let text = "";
  for (const run of runs.matchAll(/<(?:\w+:)?t\b[^<>]*>([^<]*)<\/(?:\w+:)?t>/g)) text += run[1];
  return unescapeSpreadsheetText(text);
}

/** A formula cell with no value to show: a number or string cell (or one of no type) whose <v> is missing or empty. */
function isFormulaWithoutValue(attributes: string, content: string): boolean {
  if (!FORMULA_ELEMENT.test(content)) return false;
  const type = attributeOf(attributes, "t");
  return (type === undefined || type === "n" || type === "s") && !elementText(content, "v");
}
const FORMULA_ELEMENT = /<(?:\w+:)?f\b/;

/** Marks a sheet the scan does not read exactly as SheetJS would. */
class NotScannable extends Error {}

/** One filled cell's value from its opening tag's attributes and its content. */
function cellContent(attributes: string, content: string, sharedStrings: readonly string[]): CellValue {
  const type = attributeOf(attributes, "t");
  const raw = elementText(content, "v");
  const stored = raw === undefined || raw === "" ? undefined : raw;
  if (type === undefined || type === "n") return stored === undefined ? null : normalizeCell(parseFloat(stored));
  switch (type) {
    case "s": {
      if (stored === undefined) return null;
      const text = sharedStrings[parseInt(stored, 10)];
      if (text === undefined) throw new NotScannable();
      return normalizeCell(text);
    }
    case "str":
      return normalizeCell(stored === undefined ? "" : unescapeSpreadsheetText(stored));
    case "inlineStr": {
      const item = elementText(content, "is");
      return normalizeCell(item === undefined ? "" : stringItemText(item));
    }
    case "b":
      return stored === "1" || stored === "true";
    case "e": {
      const literal = stored === undefined ? "" : unescapeSpreadsheetText(stored);
      return normalizeCell(KNOWN_ERRORS.has(literal) ? literal : UNKNOWN_ERROR, { isError: true });
    }
    case "d":
      throw new NotScannable(); // an ISO date (rare in .xlsx): SheetJS turns it into a serial number
    default:
      return normalizeCell(stored === undefined ? undefined : unescapeSpreadsheetText(stored));
  }
}

/**
 * Marks that only a filled cell holds: the end of its child element's name (<v>…</v>, <is>, <f>…</f>, and a
 * shared formula's <f t="shared" si="0"/>), with or without a namespace prefix.
 */
const CHILD_MARKS = ["v>", "is>", "f>", "f t="];

/**
 * The closing tag (</c>) of the first filled cell after `from`: the nearest child mark after `from`, then the
 * cell's closing tag after it. Each mark's next position is kept until the scan passes it.
 */
function filledCellFinder(xml: MarkupText): (from: number, closing: string) => number {
  const next = CHILD_MARKS.map(() => -Infinity);
  return (from, closing) => {
    let nearest = -1;
    CHILD_MARKS.forEach((mark, i) => {
      if (next[i] !== -1 && next[i] < from) next[i] = xml.indexOf(mark, from);
      if (next[i] >= 0 && (nearest < 0 || next[i] < nearest)) nearest = next[i];
    });
    return nearest < 0 ? -1 : xml.indexOf(closing, nearest);
  };
}

/**
 * Reads one worksheet part. `maxRows` is the reader's row cap: a sheet declared over more rows, or with
 * a filled cell beyond them, is left to SheetJS, which cuts it and says so. Null where the scan does not
 * read the sheet as SheetJS would.
 */
export function scanSheetXml(xml: MarkupText, sharedStrings: readonly string[], maxRows: number): ScannedSheet | null {
  // <sheetData> (or <x:sheetData>): the first mention of the name in a worksheet is the element.
  const name = xml.indexOf("sheetData", 0);
  const openStart = name < 0 ? xml.length : xml.lastIndexOf("<", name);
  if (name >= 0 && openStart < 0) return null;
  const prefix = name < 0 ? "" : xml.slice(openStart + 1, name);
  const openEnd = name < 0 ? xml.length : xml.indexOf(">", name);
  if (openEnd < 0 || !/^(\w+:)?$/.test(prefix)) return null;
  const bodyStart = Math.min(xml.length, openEnd + 1);
  // The one closing tag, found from the part's end: what follows it (merges, margins) is short, the rows are not.
  const bodyEnd = name < 0 || xml.slice(openEnd - 1, openEnd) === "/" ? bodyStart : xml.lastIndexOf(`</${prefix}sheetData>`, xml.length);
  if (bodyEnd < bodyStart) return null;

  const dimension = /<(?:\w+:)?dimension\b[^>]*?"(\w*:\w*)"/.exec(xml.slice(0, openStart));
  const declared = dimension ? rangeOf(dimension[1]) : null;
  if (declared && declared.lastRow >= maxRows) return null;

  const rows: (CellValue[] | undefined)[] = [];
  let lastRow = -1;
  let lastCol = -1;
  const formulasWithoutValue: ScannedSheet["formulasWithoutValue"] = { count: 0, first: null };
  const closing = `</${prefix}c>`;
  const opening = `<${prefix}c`;
  const nextFilledCell = filledCellFinder(xml);
  try {
    for (let end = nextFilledCell(bodyStart, closing); end >= 0 && end < bodyEnd; end = nextFilledCell(end + closing.length, closing)) {
      // The cell's opening tag: the last "<c" before its end that is the element c itself (not <color> of a rich text run).
      let start = xml.lastIndexOf(opening, end);
      while (start >= 0 && !/[\s>/]/.test(xml.slice(start + opening.length, start + opening.length + 1))) start = xml.lastIndexOf(opening, start - 1);
      if (start < bodyStart) return null;
      const tagEnd = xml.indexOf(">", start);
      const attributes = xml.slice(start + opening.length, tagEnd);
      const address = attributeOf(attributes, "r");
      const position = address === undefined ? null : cellPosition(address);
      if (!position || position.row >= maxRows) return null;
      const content = xml.slice(tagEnd + 1, end);
      if (isFormulaWithoutValue(attributes, content)) {
        const first = formulasWithoutValue.first;
        formulasWithoutValue.count++;
        if (!first || position.row < first.row || (position.row === first.row && position.col < first.col)) formulasWithoutValue.first = position;
      }
      const value = cellContent(attributes, content, sharedStrings);
      if (value === null) continue;
      (rows[position.row] ??= [])[position.col] = value;
      if (position.row > lastRow) lastRow = position.row;
      if (position.col > lastCol) lastCol = position.col;
    }
  } catch (error) {
    if (error instanceof NotScannable) return null;
    throw error;
  }

  // Rows and columns in use: up to the last filled cell, however far the template's styles reach.
  const rowCount = lastRow + 1;
  const colCount = lastCol + 1;
  const merges: Area[] = [];
  for (const merge of xml.slice(bodyEnd, xml.length).matchAll(/<(?:\w+:)?mergeCell ref=["']([A-Z0-9:]+)['"]\s*\/?>/g)) {
    const area = rangeOf(merge[1]) ?? rangeOf(`${merge[1]}:${merge[1]}`);
    if (area) merges.push(area);
  }
  return { rows, rowCount, colCount, merges, formulasWithoutValue };
}
