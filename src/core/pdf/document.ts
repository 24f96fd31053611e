/**
 * A PDF disclosure as the cell grid every reader yields: each table with the pages it runs over as one
 * sheet ("第8页", "第8–9页"), the rest of the text as the narrative, each paragraph placed by its page.
 * A table runs on until the next page with a title above its rules; a continuation page that repeats
 * the header loses the repeat. Page footers ("─ 8 ─", "第 3 页") and the 目录 are dropped.
 */
import type { Area } from "../layout/a1";
import { HEADING_NUMBER, type NarrativeLine } from "../narrative/find-text";
import type { SheetCells, WorkbookCells } from "../workbook-cells";
import { pageLayout, type PageRow } from "./grid";
import type { PdfPage } from "./page";

export interface PdfReading {
  book: WorkbookCells;
  /** Paragraphs outside the tables, each placed by its page. */
  narrative: NarrativeLine[];
  /** The page of each row of each table sheet. */
  rowPages: ReadonlyMap<string, readonly number[]>;
  /** Pages whose text layer is empty (scanned). */
  pagesWithoutText: number[];
}

/** A page footer or header: a page number alone, dashed (─ 8 ─, - 8 -) or worded (第 3 页, 第3页 共24页). */
const PAGE_NUMBER = /^[\s\-─—–－·.]*\d{1,4}[\s\-─—–－·.]*$|^第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$|^\d{1,4}\s*\/\s*\d{1,4}$/;
/** Lines above a table that mark it as the start of a table (its title), not a continuation. */
const TITLE_LIKE = /表/;
const compact = (text: string) => text.replace(/\s+/g, "");
/** About one character of body text (points), for margins and indents. */
const CHARACTER = 12;
const SENTENCE_END = /[。：:；;！!？?]\s*$/;

interface TableSheet {
  name: string;
  firstPage: number;
  lastPage: number;
  rows: string[][];
  rowPages: number[];
  merges: Area[];
  /** The first page's table rows, to drop a header repeated on a continuation page. */
  headRows: string[];
  /** The column edges of the last table on its last page. */
  columns?: number[];
}

/** How far apart (points) two pages' column edges may print and still be the same column. */
const SAME_COLUMN = 2;

/**
 * Whether a page's table has the columns of the table before it: the edges of one are all among the edges
 * of the other (a header merged over columns on one page and not on the next draws fewer edges, never others).
 */
function sameColumns(before: readonly number[] | undefined, after: readonly number[] | undefined): boolean {
  if (!before || !after) return true;
  const within = (xs: readonly number[], ys: readonly number[]) => xs.every((x) => ys.some((y) => Math.abs(x - y) <= SAME_COLUMN));
  return within(before, after) || within(after, before);
}

const isFooter = (row: PageRow, page: PdfPage): boolean => row.table === undefined && row.cells.length === 1 && PAGE_NUMBER.test(row.cells[0].trim()) && (row.top > page.height * 0.85 || row.top < page.height * 0.1);

const isContentsPage = (rows: readonly PageRow[]): boolean => rows.slice(0, 3).some((r) => compact(r.cells.join("")) === "目录");

/** A page's paragraphs, and whether its first continues the last of the page before and its last runs on to the next page. */
interface PageParagraphs {
  lines: NarrativeLine[];
  /** The page's first line is at the left margin, not numbered, and not under a table: it may carry on a sentence cut by the page break. */
  opensRunOn: boolean;
  /** The page's last line reaches the right margin mid-sentence, and no table follows it. */
  endsOpen: boolean;
}

/**
 * Lines of a page's text outside its tables joined into paragraphs: a line runs on from the one above when that
 * one reached the right margin and this one is not indented, nor a numbered heading after a finished sentence.
 * A table between two lines ends the paragraph.
 */
function paragraphs(rows: readonly PageRow[], page: number): PageParagraphs {
  const isText = (r: PageRow) => r.table === undefined && r.cells.some((c) => c !== "");
  const lines = rows.filter(isText);
  if (lines.length === 0) return { lines: [], opensRunOn: false, endsOpen: false };
  const left = Math.min(...lines.map((l) => l.left ?? 0));
  const right = Math.max(...lines.map((l) => l.right ?? 0));
  const out: NarrativeLine[] = [];
  const atMargin = (line: PageRow) => (line.right ?? 0) >= right - CHARACTER * 1.5;
  const indented = (line: PageRow) => (line.left ?? 0) > left + CHARACTER * 0.8;
  let previous: PageRow | null = null;
  for (const line of rows) {
    if (line.table !== undefined) previous = null;
    if (!isText(line)) continue;
    const text = line.cells.join(" ").trim();
    const before = previous ? (previous.right ?? 0) : 0;
    const previousText = previous ? previous.cells.join("") : "";
    const endsSentence = SENTENCE_END.test(previousText);
    // A line wraps at the margin, or a few characters short of it when the next word did not fit; a sentence that ends short ends the paragraph.
    const wraps = before >= right - CHARACTER * 1.5 || (before >= right - CHARACTER * 4 && !endsSentence);
    const runsOn = previous !== null && out.length > 0 && !indented(line) && wraps && !(endsSentence && HEADING_NUMBER.test(text));
    if (runsOn) out[out.length - 1].text += text;
    else out.push({ row: 0, text, sheet: `第${page}页`, place: `第${out.length + 1}段` });
    previous = line;
  }
  const first = lines[0];
  const last = lines[lines.length - 1];
  return {
    lines: out,
    opensRunOn: rows.indexOf(first) === rows.findIndex((r) => r.table !== undefined || isText(r)) && !indented(first) && !HEADING_NUMBER.test(first.cells.join("").trim()),
    endsOpen: rows.indexOf(last) === rows.length - 1 && atMargin(last) && !SENTENCE_END.test(last.cells.join("")),
  };
}

export function readPdfPages(pages: readonly PdfPage[]): PdfReading {
  const sheets: TableSheet[] = [];
  const narrative: NarrativeLine[] = [];
  const pagesWithoutText: number[] = [];
  let current: TableSheet | null = null;
  // A sentence cut by a page break is one paragraph, placed where it begins; the next page's other paragraphs keep their numbers.
  let open: NarrativeLine | null = null;
  const addParagraphs = (page: PageParagraphs) => {
    const lines = [...page.lines];
    if (open && page.opensRunOn && lines.length > 0) open.text += lines.shift()!.text;
    narrative.push(...lines);
    open = page.endsOpen ? (narrative[narrative.length - 1] ?? null) : null;
  };
  for (const page of pages) {
    if (page.texts.every((t) => t.text.trim() === "")) {
      pagesWithoutText.push(page.number);
      open = null;
      continue;
    }
    const layout = pageLayout(page);
    const rows = layout.rows.filter((r) => !isFooter(r, page));
    if (layout.tables === 0) {
      current = null;
      if (!isContentsPage(rows)) addParagraphs(paragraphs(rows, page.number));
      else open = null;
      continue;
    }
    // Text beside a table on a page of the narrative (a Word document's inline table) is narrative too; a table's own title, unit line and note stay with its rows as well.
    addParagraphs(paragraphs(rows, page.number));
    const firstTableRow = rows.findIndex((r) => r.table !== undefined);
    const above = rows.slice(0, firstTableRow);
    // A table with columns of its own is another table, whatever is (or is not) printed above it (2025年固定资产清单).
    const startsTable = current === null || above.some((r) => TITLE_LIKE.test(r.cells.join(""))) || !sameColumns(current.columns, layout.tableColumns[0]);
    let dropped = 0;
    if (startsTable) {
      current = { name: `第${page.number}页`, firstPage: page.number, lastPage: page.number, rows: [], rowPages: [], merges: [], headRows: rows.filter((r) => r.table === 0).map((r) => compact(r.cells.join("|"))) };
      sheets.push(current);
    } else {
      // A continuation page: its repeated header rows (the same text as the first page's) are not rows again.
      const sheet: TableSheet = current!;
      while (dropped < sheet.headRows.length && firstTableRow + dropped < rows.length && rows[firstTableRow + dropped].table === 0 && compact(rows[firstTableRow + dropped].cells.join("|")) === sheet.headRows[dropped]) dropped++;
      sheet.lastPage = page.number;
      sheet.name = `第${sheet.firstPage}–${sheet.lastPage}页`;
    }
    const sheet: TableSheet = current!;
    sheet.columns = layout.tableColumns[layout.tableColumns.length - 1];
    const kept = new Set(rows.map((_, i) => i).filter((i) => i < firstTableRow || i >= firstTableRow + dropped));
    const offset = new Map<number, number>();
    rows.forEach((row, i) => {
      if (!kept.has(i)) return;
      offset.set(i, sheet.rows.length);
      sheet.rows.push(row.cells);
      sheet.rowPages.push(page.number);
    });
    for (const m of layout.merges) {
      const first = offset.get(m.firstRow);
      if (first === undefined) continue;
      sheet.merges.push({ ...m, firstRow: first, lastRow: first + (m.lastRow - m.firstRow) });
    }
  }
  const cells: SheetCells[] = sheets.map((s) => ({
    name: s.name,
    hidden: false,
    rowCount: s.rows.length,
    colCount: Math.max(0, ...s.rows.map((r) => r.length)),
    merges: s.merges,
    value: (row, col) => {
      const v = s.rows[row]?.[col];
      return v === undefined || v === "" ? null : v;
    },
  }));
  narrative.forEach((line, i) => (line.row = i));
  return { book: { sheets: cells, names: new Map() }, narrative, rowPages: new Map(sheets.map((s) => [s.name, s.rowPages])), pagesWithoutText };
}

/** The page of a PDF sheet's row, from its A1 address. */
function pageOfCell(rowPages: readonly number[], cell: string | undefined): number | undefined {
  const row = cell ? /^[A-Z]+(\d+)$/.exec(cell) : null;
  return row ? rowPages[Number(row[1]) - 1] : rowPages[0];
}

const PAGE_SHEET = /^第(\d+)(?:–\d+)?页$/;

/** Findings on a PDF named by their page: a table sheet's row becomes its page, a narrative line keeps its page. */
export function placeOnPages<T extends { sheet?: string; cell?: string; page?: number }>(findings: readonly T[], rowPages: ReadonlyMap<string, readonly number[]>): T[] {
  return findings.map((f) => {
    if (f.sheet === undefined) return f;
    const rows = rowPages.get(f.sheet);
    if (rows) {
      const page = pageOfCell(rows, f.cell);
      return page === undefined ? f : { ...f, sheet: `第${page}页`, cell: undefined, page };
    }
    const own = PAGE_SHEET.exec(f.sheet);
    return own ? { ...f, page: Number(own[1]) } : f;
  });
}

/** Why a PDF is not a budget disclosure to read, or null: no text layer at all, or final accounts (决算) rather than a budget. */
export function pdfRefusal(pages: readonly PdfPage[], reading: PdfReading): string | null {
  if (pages.length > 0 && reading.pagesWithoutText.length === pages.length) return "PDF 没有文字层（可能是扫描件），无法读取其中的数字；请向发文单位索取由 Excel、WPS 或 Word 直接导出的 PDF。";
  const opening = pages
    .slice(0, 3)
    .flatMap((p) => p.texts.map((t) => t.text))
    .join("")
    .replace(/\s+/g, "");
  if (/决算/.test(opening) && !/预算/.test(opening)) return "这是决算（预算执行结果）文件，不是预算公开；本工具校验的是单位或部门预算公开。";
  // Tables are read from their ruling lines; text positions alone are not read yet.
  if (reading.book.sheets.length === 0) return "PDF 中没有带表线的表格：本工具按表线读取表格，没有表线的表格（例如工作簿打印时没有加边框）暂不能读取；请给表格加上边框后重新导出 PDF，或直接校验工作簿。";
  return null;
}

/** A PDF as any input is read: its grid, its narrative and the page of each table row. */
export interface PdfInput {
  book: WorkbookCells;
  narrative?: { sheetName: string; lines: NarrativeLine[] };
  rowPages: ReadonlyMap<string, readonly number[]>;
}

/** A PDF's pages as an input, or the one line that says why they are not a disclosure to read. */
export function pdfInput(pages: readonly PdfPage[]): PdfInput | { refusal: string } {
  const reading = readPdfPages(pages);
  const refusal = pdfRefusal(pages, reading);
  if (refusal) return { refusal };
  return { book: reading.book, narrative: reading.narrative.length > 0 ? { sheetName: reading.narrative[0].sheet ?? "PDF", lines: reading.narrative } : undefined, rowPages: reading.rowPages };
}
