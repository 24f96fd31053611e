/**
 * Where the narrative is in a workbook we did not make: any sheet whose first lines carry a
 * narrative heading (情况说明, 预算编制说明, 其他相关情况说明, 名词解释, 机构设置), whatever its name.
 * Its text is read row by row (the cells of a row joined), each line keeping its sheet and row.
 */
import type { SheetCells } from "../workbook-cells";
import { safeText } from "../text";

/** The number a heading opens with: 一、 （一） （一）、 第三部分 1. 1、 (1.2025年…, not 1.5万元). */
export const HEADING_NUMBER = /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+\s*[、．.]|（[一二三四五六七八九十\d]+）[、．.]?|\d{1,2}\s*、|\d{1,2}\s*[.．](?!\d)|\d{1,2}\s*[.．](?=\d{4}\s*年))\s*/;

/** Headings that open a narrative part (机构设置 carries the statement of which units a 部门 budget includes). */
export const NARRATIVE_HEADING = /情况说明|编制说明|名词解释|机构设置/;
/** How far down a heading may stand. */
const HEADING_ROWS = 8;
const SCAN_COLS = 12;

export interface NarrativeLine {
  row: number;
  text: string;
  /** The sheet of the line, when the text spans several sheets. */
  sheet?: string;
  /** Where the line is when not a sheet row: 第12段 of a Word file. */
  place?: string;
}

function rowText(sheet: SheetCells, row: number): string {
  const parts: string[] = [];
  for (let c = 0; c < Math.min(sheet.colCount, SCAN_COLS); c++) {
    const v = sheet.value(row, c);
    if (v === null || v === undefined || typeof v === "object") continue;
    const t = safeText(v).trim();
    if (t) parts.push(t);
  }
  return parts.join(" ");
}

/** A 目录: lines that end in leader dots or page numbers (一、收入预算情况说明..... 16). */
function isContents(sheet: SheetCells): boolean {
  let entries = 0;
  let lines = 0;
  for (let r = 0; r < Math.min(sheet.rowCount, 60); r++) {
    const text = rowText(sheet, r);
    if (!text) continue;
    lines++;
    if (/(\.{3,}|…{2,}|·{3,})\s*\d*$|\s\d{1,3}$/.test(text)) entries++;
  }
  return lines > 0 && entries * 2 >= lines;
}

/** The narrative lines of every sheet that opens with a narrative heading (sheets holding tables left out). */
export function findNarrativeLines(sheets: readonly SheetCells[], tableSheets: ReadonlySet<string>): { sheetName: string; lines: NarrativeLine[] } | undefined {
  const found = sheets.filter((s) => {
    if (s.hidden || tableSheets.has(s.name) || isContents(s)) return false;
    for (let r = 0; r < Math.min(s.rowCount, HEADING_ROWS); r++) if (NARRATIVE_HEADING.test(rowText(s, r))) return true;
    return false;
  });
  if (found.length === 0) return undefined;
  const lines: NarrativeLine[] = [];
  for (const sheet of found)
    for (let r = 0; r < sheet.rowCount; r++) {
      const text = rowText(sheet, r);
      if (text) lines.push({ row: r, text, sheet: sheet.name });
    }
  return { sheetName: found[0].name, lines };
}

/** The budget year a narrative's opening lines name (“2019年部门预算”, “上海市2025年市级单位预算”), or undefined. */
export function yearOfNarrative(lines: readonly NarrativeLine[]): number | undefined {
  for (const line of lines.slice(0, 12)) {
    const m = /(\d{4})\s*年[^，。]{0,12}?(?:单位|部门)?预算/.exec(line.text);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** A document's paragraphs (Word or plain text) as narrative lines, each placed by its paragraph number. */
export function documentLines(paragraphs: readonly string[]): NarrativeLine[] {
  const lines: NarrativeLine[] = [];
  paragraphs.forEach((p, i) => {
    const text = p.replace(/\s+/g, (space) => (space.includes("\n") ? " " : space)).trim();
    if (text) lines.push({ row: i, text, place: `第${i + 1}段` });
  });
  return lines;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: " " };

/** The text of each block (paragraph, heading, list item, table cell) of mammoth's simple HTML, in order. */
export function htmlBlocks(html: string): string[] {
  return html
    .split(/<\/(?:p|h[1-6]|li|td|th)>/)
    .map((block) => block.replace(/<[^>]*>/g, "").replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name]).trim())
    .filter((text) => text !== "");
}

/** A text file's bytes: UTF-8 when they are valid UTF-8 (a byte-order mark dropped), else GBK as 记事本 on Chinese Windows saves. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("gbk").decode(bytes);
  }
}
