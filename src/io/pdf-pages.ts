/**
 * A PDF's pages as the core reads them, through pdf.js (pdfjs-dist 5.4 legacy build), in any host: the command
 * line loads pdf.js from its package, the task pane as a lazily loaded chunk with its worker as a file of its own.
 * Text pieces come from the text layer and ruling lines from the drawing operations, both in top-left page
 * coordinates. The current transformation matrix is tracked through save/restore, cm and form XObjects; stroked
 * segments and thin filled rectangles (how WPS draws its rules) are both rules. What cannot be read is refused
 * with one Chinese line (InputError), which the caller prefixes with the file's name.
 */
import type { PdfPage, PdfRule, PdfText } from "../core/pdf/page";
import { RULE_THICKNESS } from "../core/pdf/page";
import { InputError } from "./input-error";

/** Files above this size are refused before they are read. */
export const MAX_PDF_BYTES = 80 * 1024 * 1024;

type Matrix = [number, number, number, number, number, number];
/** The pdf.js module (pdfjs-dist 5.4, legacy build), however the host loaded it. */
export type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
type PdfPageProxy = import("pdfjs-dist/legacy/build/pdf.mjs").PDFPageProxy;

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** The rules a painted path draws: each straight stroked segment, or a filled path's box when it is thin. */
function pathRules(path: ArrayLike<number>, ctm: Matrix, op: "stroke" | "fill", drawOps: Record<string, number>): PdfRule[] {
  const rules: PdfRule[] = [];
  const subpaths: [number, number][][] = [];
  let current: [number, number][] = [];
  for (let i = 0; i < path.length; ) {
    const code = path[i++];
    if (code === drawOps.moveTo) {
      if (current.length > 0) subpaths.push(current);
      current = [apply(ctm, path[i], path[i + 1])];
      i += 2;
    } else if (code === drawOps.lineTo) {
      current.push(apply(ctm, path[i], path[i + 1]));
      i += 2;
    } else if (code === drawOps.curveTo) {
      current.push(apply(ctm, path[i + 4], path[i + 5]));
      i += 6;
    } else if (code === drawOps.quadraticCurveTo) {
      current.push(apply(ctm, path[i + 2], path[i + 3]));
      i += 4;
    } else if (code === drawOps.closePath) {
      if (current.length > 0) current.push(current[0]);
    } else break;
  }
  if (current.length > 0) subpaths.push(current);
  for (const points of subpaths) {
    if (op === "fill") {
      const xs = points.map((p) => p[0]);
      const ys = points.map((p) => p[1]);
      const box = { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
      if (Math.min(box.x1 - box.x0, box.y1 - box.y0) <= RULE_THICKNESS) rules.push(box);
      continue;
    }
    for (let k = 1; k < points.length; k++) {
      const [a, b] = [points[k - 1], points[k]];
      // Axis-aligned segments only: a table's rules are never slanted.
      if (Math.abs(a[0] - b[0]) <= 0.5 || Math.abs(a[1] - b[1]) <= 0.5) rules.push({ x0: Math.min(a[0], b[0]), y0: Math.min(a[1], b[1]), x1: Math.max(a[0], b[0]), y1: Math.max(a[1], b[1]) });
    }
  }
  return rules;
}

/** The rules drawn on a page, through every transformation and form. */
async function pageRules(lib: PdfJs, page: PdfPageProxy, viewport: Matrix): Promise<PdfRule[]> {
  const { OPS } = lib;
  const drawOps = (lib as unknown as { DrawOPS?: Record<string, number> }).DrawOPS ?? { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 };
  const list = await page.getOperatorList();
  const rules: PdfRule[] = [];
  let ctm: Matrix = viewport;
  const stack: Matrix[] = [];
  const strokes = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fills = new Set<number>([OPS.fill, OPS.eoFill]);
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      const matrix = args[0] as Matrix | null;
      if (matrix) ctm = multiply(ctm, [...matrix] as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath) {
      const [paint, data] = args as [number, [ArrayLike<number> | null]];
      const path = data?.[0];
      if (!path) continue;
      if (strokes.has(paint)) rules.push(...pathRules(path, ctm, "stroke", drawOps));
      if (fills.has(paint) || paint === OPS.fillStroke || paint === OPS.eoFillStroke) rules.push(...pathRules(path, ctm, "fill", drawOps));
    }
  }
  return rules;
}

type TextItems = Awaited<ReturnType<PdfPageProxy["getTextContent"]>>["items"];
type PdfView = ReturnType<PdfPageProxy["getViewport"]>;

/** The quarter turn (0, 90, 180, 270, clockwise on the page as seen) the most text runs in: 0 is left to right. */
function textQuarter(items: TextItems, viewport: Matrix): number {
  const votes = new Map<number, number>();
  for (const item of items) {
    if (!("str" in item) || item.str.trim() === "") continue;
    const m = multiply(viewport, item.transform as Matrix);
    // The baseline's direction, y growing down: (1, 0) is 0, (0, 1) runs down the page (90).
    const quarter = Math.abs(m[0]) >= Math.abs(m[1]) ? (m[0] >= 0 ? 0 : 180) : m[1] > 0 ? 90 : 270;
    votes.set(quarter, (votes.get(quarter) ?? 0) + item.str.length);
  }
  return [...votes.entries()].reduce((best, entry) => (entry[1] > best[1] ? entry : best), [0, 0])[0];
}

/**
 * The page as read: its own rotation (/Rotate) applied, then turned further by the quarter turns its text needs
 * to run left to right, for a table drawn sideways on its page, or a page rotated the other way.
 */
function uprightView(page: PdfPageProxy, items: TextItems): PdfView {
  const view = page.getViewport({ scale: 1 });
  const quarter = textQuarter(items, view.transform as Matrix);
  return quarter === 0 ? view : page.getViewport({ scale: 1, rotation: (((page.rotate - quarter) % 360) + 360) % 360 });
}

/** The text pieces of a page with their boxes, after the page's rotation. */
function pageTexts(items: TextItems, viewport: Matrix, width: number, height: number): PdfText[] {
  const texts: PdfText[] = [];
  for (const item of items) {
    if (!("str" in item) || item.str.trim() === "") continue;
    const m = multiply(viewport, item.transform as Matrix);
    const run = Math.hypot(m[0], m[1]) || 1;
    const along: [number, number] = [(m[0] / run) * item.width, (m[1] / run) * item.width];
    // The glyphs' height, pointing up from the baseline (in page coordinates y grows down).
    const up: [number, number] = [m[2], m[3]];
    const corners = [
      [m[4], m[5]],
      [m[4] + along[0], m[5] + along[1]],
      [m[4] + up[0], m[5] + up[1]],
      [m[4] + along[0] + up[0], m[5] + along[1] + up[1]],
    ];
    const box = { x0: Math.min(...corners.map((c) => c[0])), y0: Math.min(...corners.map((c) => c[1])), x1: Math.max(...corners.map((c) => c[0])), y1: Math.max(...corners.map((c) => c[1])) };
    // Text outside the page box is not printed.
    if (box.x1 < 0 || box.y1 < 0 || box.x0 > width || box.y0 > height) continue;
    texts.push({ text: item.str, ...box });
  }
  return texts;
}

/** Figures standing alone, as a table's cells print them (a sentence's figures are inside its text). */
const STANDALONE_FIGURE = /^[\s\d,.\-－]+$/;
/** A title that names a table (…预算表, 表3, 公开01表). */
const TABLE_TITLE = /表\s*$|表[一二三四五六七八九十\d]|\d+\s*表/;

/**
 * Whether a page may hold a ruled table: it has a table's title, or figures standing alone in cells,
 * or it follows a page with a table (a continuation). Narrative pages are read as text only.
 */
function mayHoldTable(texts: readonly PdfText[], previous: PdfPage | undefined): boolean {
  if (previous && previous.rules.length > 0) return true;
  if (texts.some((t) => TABLE_TITLE.test(t.text.trim()) && t.text.trim().length <= 60)) return true;
  return texts.filter((t) => STANDALONE_FIGURE.test(t.text) && /\d/.test(t.text)).length >= 6;
}

/** Where pdf.js finds its CMaps and standard fonts: without them a non-embedded Chinese font reads as no text at all. */
export interface PdfDataFolders {
  cMapUrl: string;
  standardFontDataUrl: string;
}

/** Whether the bytes start as a PDF does (%PDF- within the first KB, as readers accept it). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 5 <= head.length; i++) if (head[i] === 0x25 && head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) return true;
  return false;
}

const firstLine = (error: unknown) => String((error as Error)?.message ?? error).split("\n")[0].slice(0, 80);

/** Reads a PDF's bytes into pages; refuses what it cannot read with one Chinese line. */
export async function readPdfBytes(lib: PdfJs, bytes: Uint8Array, folders: PdfDataFolders): Promise<PdfPage[]> {
  if (bytes.length > MAX_PDF_BYTES) throw new InputError(`文件有 ${(bytes.length / 1048576).toFixed(1)} MB，超过 ${MAX_PDF_BYTES / 1048576} MB 的上限，未读取。`);
  if (!looksLikePdf(bytes)) throw new InputError("不是 PDF 文件。");
  let document: import("pdfjs-dist/legacy/build/pdf.mjs").PDFDocumentProxy;
  try {
    // pdf.js takes the buffer over (it is transferred to its worker): a copy keeps the caller's bytes.
    document = await lib.getDocument({ data: bytes.slice(), ...folders, cMapPacked: true, isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  } catch (error) {
    const name = (error as Error)?.name ?? "";
    if (name === "PasswordException") throw new InputError("PDF 设了密码，无法读取；请向发文单位索取未加密的文件，或在 PDF 阅读器中取消密码后另存。");
    throw new InputError(`PDF 文件已损坏或不完整，无法读取（${firstLine(error)}）。`);
  }
  try {
    const pages: PdfPage[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const { items } = await page.getTextContent();
      const view = uprightView(page, items);
      const viewport = view.transform as Matrix;
      const texts = pageTexts(items, viewport, view.width, view.height);
      // Drawing operations cost more than the text (fonts, images): read only where a table can be.
      const rules = mayHoldTable(texts, pages[pages.length - 1]) ? await pageRules(lib, page, viewport) : [];
      pages.push({ number, width: view.width, height: view.height, texts, rules });
      page.cleanup();
    }
    return pages;
  } catch (error) {
    throw new InputError(`PDF 文件已损坏或不完整，无法读取（${firstLine(error)}）。`);
  } finally {
    await document.destroy();
  }
}
