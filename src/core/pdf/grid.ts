/**
 * One PDF page as rows of cells: tables from their ruling lines, other text as lines.
 * Horizontal rules give a table's row bands; the vertical rules that cross a band give its cells;
 * a missing rule between two grid cells merges them. Each text piece goes to the cell that holds
 * its centre. Text outside every table becomes a row of its own, split where a wide gap is.
 */
import type { Area } from "../layout/a1";
import { RULE_THICKNESS, SAME_POSITION, type PdfPage, type PdfRule, type PdfText } from "./page";

/** An axis-aligned rule: at `pos` across, from `from` to `to` along. */
interface Segment {
  pos: number;
  from: number;
  to: number;
  /** The outermost positions of the collinear pieces joined into this segment (a border drawn twice, a hair apart). */
  low?: number;
  high?: number;
}

export interface PageRow {
  /** Top of the row on the page (points). */
  top: number;
  cells: string[];
  /** Index of the table on the page, for rows of a ruled table. */
  table?: number;
  /** Left and right ends of a text line, for joining lines into paragraphs. */
  left?: number;
  right?: number;
}

export interface PageLayout {
  rows: PageRow[];
  /** Merged cells, rows counted in `rows`. */
  merges: Area[];
  tables: number;
  /** Each table's column edges (x, left to right), top to bottom: a page that carries a table on prints its columns where they were. */
  tableColumns: number[][];
}

/** Rules as horizontal and vertical segments, collinear pieces joined. */
function segmentsOf(rules: readonly PdfRule[]): { horizontal: Segment[]; vertical: Segment[] } {
  const horizontal: Segment[] = [];
  const vertical: Segment[] = [];
  for (const r of rules) {
    const width = Math.abs(r.x1 - r.x0);
    const height = Math.abs(r.y1 - r.y0);
    const [x0, x1] = [Math.min(r.x0, r.x1), Math.max(r.x0, r.x1)];
    const [y0, y1] = [Math.min(r.y0, r.y1), Math.max(r.y0, r.y1)];
    if (height <= RULE_THICKNESS && width > height && width >= SAME_POSITION * 2) horizontal.push({ pos: (y0 + y1) / 2, from: x0, to: x1 });
    else if (width <= RULE_THICKNESS && height > width && height >= SAME_POSITION * 2) vertical.push({ pos: (x0 + x1) / 2, from: y0, to: y1 });
  }
  return { horizontal: joined(horizontal), vertical: joined(vertical) };
}

/** Collinear segments that touch or overlap, as one. */
function joined(segments: Segment[]): Segment[] {
  const sorted = [...segments].sort((a, b) => a.pos - b.pos || a.from - b.from);
  const out: Segment[] = [];
  for (const s of sorted) {
    const last = out.find((o) => s.pos - o.high! <= SAME_POSITION && s.pos >= o.low! - SAME_POSITION && s.from <= o.to + SAME_POSITION && s.to >= o.from - SAME_POSITION);
    if (last) {
      last.from = Math.min(last.from, s.from);
      last.to = Math.max(last.to, s.to);
      last.high = Math.max(last.high!, s.pos);
    } else out.push({ ...s, low: s.pos, high: s.pos });
  }
  return out;
}

/** A boundary between rows or columns: where rules a hair apart stand (a border drawn twice, a shaded edge beside it). */
interface Boundary {
  /** Where the boundary is taken to be: the middle of its rules. */
  pos: number;
  from: number;
  to: number;
}

/** Rules a hair apart from the next as one boundary, in order: a chain of rules 1 pt apart is one border, not a row. */
function clustered(segments: readonly Segment[]): Boundary[] {
  const out: Boundary[] = [];
  for (const s of [...segments].sort((a, b) => a.low! - b.low!)) {
    const last = out[out.length - 1];
    if (last && s.low! - last.to <= SAME_POSITION) last.to = Math.max(last.to, s.high!);
    else out.push({ pos: s.low!, from: s.low!, to: s.high! });
  }
  for (const b of out) b.pos = (b.from + b.to) / 2;
  return out;
}

/** Whether a rule draws the boundary `b`. */
const draws = (rule: Segment, b: Boundary): boolean => rule.high! >= b.from - SAME_POSITION && rule.low! <= b.to + SAME_POSITION;

class UnionFind {
  private parent: number[];
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]];
    return i;
  }
  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}

interface RuledTable {
  xs: number[];
  ys: number[];
  xBounds: Boundary[];
  yBounds: Boundary[];
  horizontal: Segment[];
  vertical: Segment[];
}

/** How far (points) vertical rules must reach past the outermost horizontal rule to stand for a row without its border. */
const OPEN_EDGE = 4;

/** Groups of rules that cross one another: each with at least two of each direction is a table. */
function tablesOf(horizontal: readonly Segment[], vertical: readonly Segment[]): RuledTable[] {
  const all = horizontal.length;
  const groups = new UnionFind(all + vertical.length);
  horizontal.forEach((h, i) =>
    vertical.forEach((v, j) => {
      if (v.pos >= h.from - SAME_POSITION && v.pos <= h.to + SAME_POSITION && h.pos >= v.from - SAME_POSITION && h.pos <= v.to + SAME_POSITION) groups.union(i, all + j);
    }),
  );
  const byRoot = new Map<number, { horizontal: Segment[]; vertical: Segment[] }>();
  const entry = (root: number) => byRoot.get(root) ?? byRoot.set(root, { horizontal: [], vertical: [] }).get(root)!;
  horizontal.forEach((h, i) => entry(groups.find(i)).horizontal.push(h));
  vertical.forEach((v, j) => entry(groups.find(all + j)).vertical.push(v));
  return [...byRoot.values()]
    .map((g) => {
      const xBounds = clustered(g.vertical);
      const yBounds = clustered(g.horizontal);
      // A row whose top or bottom border is drawn on another page (a continuation page's first row): the
      // vertical rules reach past the last horizontal one, and where they end is the row's edge.
      if (yBounds.length > 0 && g.vertical.length > 0) {
        const top = Math.min(...g.vertical.map((v) => v.from));
        const bottom = Math.max(...g.vertical.map((v) => v.to));
        if (top < yBounds[0].from - OPEN_EDGE) yBounds.unshift({ pos: top, from: top, to: top });
        if (bottom > yBounds[yBounds.length - 1].to + OPEN_EDGE) yBounds.push({ pos: bottom, from: bottom, to: bottom });
      }
      return { ...g, xBounds, yBounds, xs: xBounds.map((b) => b.pos), ys: yBounds.map((b) => b.pos) };
    })
    .filter((t) => t.xs.length >= 2 && t.ys.length >= 2)
    .sort((a, b) => a.ys[0] - b.ys[0]);
}

/** The grid cells of a table joined where no rule separates them: the top-left cell of each cell's area, and the merged areas. */
function cellAreas(t: RuledTable): { owner: number[][]; merges: Area[] } {
  const rows = t.ys.length - 1;
  const cols = t.xs.length - 1;
  const id = (r: number, c: number) => r * cols + c;
  const uf = new UnionFind(rows * cols);
  for (let r = 0; r < rows; r++) {
    const mid = (t.ys[r] + t.ys[r + 1]) / 2;
    for (let c = 0; c + 1 < cols; c++) if (!t.vertical.some((v) => draws(v, t.xBounds[c + 1]) && v.from <= mid && v.to >= mid)) uf.union(id(r, c), id(r, c + 1));
  }
  for (let c = 0; c < cols; c++) {
    const mid = (t.xs[c] + t.xs[c + 1]) / 2;
    for (let r = 0; r + 1 < rows; r++) if (!t.horizontal.some((h) => draws(h, t.yBounds[r + 1]) && h.from <= mid && h.to >= mid)) uf.union(id(r, c), id(r + 1, c));
  }
  const boxes = new Map<number, Area & { count: number }>();
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const root = uf.find(id(r, c));
      const box = boxes.get(root);
      if (box) {
        box.firstRow = Math.min(box.firstRow, r);
        box.lastRow = Math.max(box.lastRow, r);
        box.firstCol = Math.min(box.firstCol, c);
        box.lastCol = Math.max(box.lastCol, c);
        box.count++;
      } else boxes.set(root, { firstRow: r, lastRow: r, firstCol: c, lastCol: c, count: 1 });
    }
  const owner = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => id(r, c)));
  const merges: Area[] = [];
  for (const box of boxes.values()) {
    const area = (box.lastRow - box.firstRow + 1) * (box.lastCol - box.firstCol + 1);
    // Only rectangular areas merge; an L-shaped gap in the rules leaves its cells apart.
    if (area !== box.count || area === 1) continue;
    merges.push({ firstRow: box.firstRow, lastRow: box.lastRow, firstCol: box.firstCol, lastCol: box.lastCol });
    for (let r = box.firstRow; r <= box.lastRow; r++) for (let c = box.firstCol; c <= box.lastCol; c++) owner[r][c] = id(box.firstRow, box.firstCol);
  }
  return { owner, merges };
}

/** The index of the band that holds `p` among sorted boundaries, or -1. */
function bandOf(bounds: readonly number[], p: number): number {
  for (let i = 0; i + 1 < bounds.length; i++) if (p >= bounds[i] && p < bounds[i + 1]) return i;
  return -1;
}

/**
 * Pieces grouped into printed lines by their baselines (the bottom of a piece's box), top to bottom, each
 * line left to right. Boxes overlap between lines (a font's box is taller than its glyphs): baselines do not.
 */
function printedLines(pieces: readonly PdfText[]): PdfText[][] {
  const lines: { baseline: number; tolerance: number; pieces: PdfText[] }[] = [];
  for (const p of [...pieces].sort((a, b) => a.y1 - b.y1 || a.x0 - b.x0)) {
    const tolerance = Math.max((p.y1 - p.y0) * 0.4, 1);
    const line = lines.find((l) => Math.abs(l.baseline - p.y1) <= Math.min(l.tolerance, tolerance));
    if (line) line.pieces.push(p);
    else lines.push({ baseline: p.y1, tolerance, pieces: [p] });
  }
  return lines.sort((a, b) => a.baseline - b.baseline).map((l) => l.pieces.sort((a, b) => a.x0 - b.x0));
}

/** Pieces read in order (top to bottom by line, then left to right) and joined without adding characters. */
export function joinPieces(pieces: readonly PdfText[]): string {
  return printedLines(pieces)
    .map((l) => l.map((p) => p.text).join(""))
    .join("")
    .trim();
}

/** Text outside the tables as lines: pieces that share a line's height, left to right, split at wide gaps into cells. */
function textLines(pieces: readonly PdfText[]): PageRow[] {
  return printedLines(pieces).map((line) => {
    const height = Math.max(...line.map((p) => p.y1 - p.y0));
    const chunks: PdfText[][] = [];
    for (const p of line) {
      const last = chunks[chunks.length - 1];
      // A gap of several characters' width separates two things printed on one line (编制单位：… and 单位：元).
      if (last && p.x0 - last[last.length - 1].x1 <= Math.max(height * 2, 6)) last.push(p);
      else chunks.push([p]);
    }
    return {
      top: Math.min(...line.map((p) => p.y0)),
      cells: chunks.map((c) => c.map((p) => p.text).join("").trim()),
      left: line[0].x0,
      right: Math.max(...line.map((p) => p.x1)),
    };
  });
}

/** Advance of a character in ems: CJK and full-width forms take one, digits, Latin and ASCII punctuation half. */
const advance = (ch: string): number => (/[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFF60\u3000-\u303F“”‘’]/.test(ch) ? 1 : 0.5);

/**
 * A piece whose text runs over a rule between two cells (a figure right-aligned against the rule, and the
 * next cell's label straight after it, extracted as one run: "27,664.22 一、一般公共服务支出") is cut where
 * the rule stands, by the characters' advances; each part then goes to its own cell.
 */
function splitAtRules(piece: PdfText, t: RuledTable, owner: readonly (readonly number[])[]): PdfText[] {
  const r = bandOf(t.ys, (piece.y0 + piece.y1) / 2);
  if (r < 0) return [piece];
  const chars = [...piece.text];
  const total = chars.reduce((sum, ch) => sum + advance(ch), 0);
  const margin = (piece.y1 - piece.y0) * 0.25;
  const cuts: number[] = [];
  for (let c = 1; c + 1 < t.xs.length; c++) {
    const x = t.xs[c];
    if (x <= piece.x0 + margin || x >= piece.x1 - margin || owner[r][c - 1] === owner[r][c]) continue;
    // The character boundary nearest the rule.
    let at = 0;
    let best = Infinity;
    let position = piece.x0;
    chars.forEach((ch, i) => {
      position += ((piece.x1 - piece.x0) * advance(ch)) / total;
      if (Math.abs(position - x) < best) {
        best = Math.abs(position - x);
        at = i + 1;
      }
    });
    if (at > 0 && at < chars.length && !cuts.includes(at)) cuts.push(at);
  }
  if (cuts.length === 0) return [piece];
  const bounds = [0, ...cuts.sort((a, b) => a - b), chars.length];
  const xAt = (i: number) => piece.x0 + ((piece.x1 - piece.x0) * chars.slice(0, i).reduce((sum, ch) => sum + advance(ch), 0)) / total;
  return bounds.slice(1).map((end, k) => ({ ...piece, text: chars.slice(bounds[k], end).join(""), x0: xAt(bounds[k]), x1: xAt(end) }));
}

/** A page's tables and text as rows of cells, top to bottom. */
export function pageLayout(page: PdfPage): PageLayout {
  const { horizontal, vertical } = segmentsOf(page.rules);
  const tables = tablesOf(horizontal, vertical);
  const free: PdfText[] = [];
  const grids = tables.map((t) => ({ t, ...cellAreas(t), pieces: new Map<number, PdfText[]>() }));
  const inTable = (p: PdfText) => grids.find((g) => (p.x0 + p.x1) / 2 >= g.t.xs[0] && (p.x0 + p.x1) / 2 <= g.t.xs[g.t.xs.length - 1] && (p.y0 + p.y1) / 2 >= g.t.ys[0] && (p.y0 + p.y1) / 2 <= g.t.ys[g.t.ys.length - 1]);
  const pieces = page.texts.flatMap((p) => {
    const g = inTable(p);
    return g ? splitAtRules(p, g.t, g.owner) : [p];
  });
  for (const piece of pieces) {
    if (piece.text.trim() === "") continue;
    const cx = (piece.x0 + piece.x1) / 2;
    const cy = (piece.y0 + piece.y1) / 2;
    const grid = inTable(piece);
    const r = grid ? bandOf(grid.t.ys, cy) : -1;
    const c = grid ? bandOf(grid.t.xs, cx) : -1;
    if (!grid || r < 0 || c < 0) {
      free.push(piece);
      continue;
    }
    const owner = grid.owner[r][c];
    grid.pieces.set(owner, [...(grid.pieces.get(owner) ?? []), piece]);
  }
  const rows: (PageRow & { merges?: Area[] })[] = textLines(free);
  grids.forEach((g, index) => {
    const cols = g.t.xs.length - 1;
    for (let r = 0; r + 1 < g.t.ys.length; r++) {
      const cells = Array.from({ length: cols }, (_, c) => {
        const id = r * cols + c;
        return g.owner[r][c] === id ? joinPieces(g.pieces.get(id) ?? []) : "";
      });
      rows.push({ top: g.t.ys[r], cells, table: index, merges: g.merges.filter((m) => m.firstRow === r) });
    }
  });
  rows.sort((a, b) => a.top - b.top);
  const merges: Area[] = [];
  rows.forEach((row, i) => {
    for (const m of row.merges ?? []) merges.push({ ...m, firstRow: i, lastRow: i + (m.lastRow - m.firstRow) });
    delete row.merges;
  });
  return { rows, merges, tables: tables.length, tableColumns: tables.map((t) => t.xs) };
}
