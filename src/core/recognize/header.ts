/**
 * Header blocks (表头): a pack's declared header as column paths, and a printed
 * header read per column (merged cells, text repeated over a merge or only in its
 * first cell, line breaks), matched to the pack's column keys by their texts.
 */
import type { TableSpec, TemplatePack } from "../packs/types";
import type { SheetCells } from "../workbook-cells";
import { mergedValue } from "../workbook-cells";
import { headerKey } from "./normalize";

/** Pseudo-keys of split code columns (类 | 款 | 项), whatever the pack prints. */
export const CODE_PART_KEYS = ["codeClass", "codeCategory", "codeItem"] as const;
const PART_LEAVES: Record<string, string> = { 类: "codeClass", 款: "codeCategory", 项: "codeItem" };

export interface SpecColumn {
  key: string;
  /** Header keys from the top row down, numbering rows left out. */
  path: string[];
  leaf: string;
}

const isNumberingRow = (row: readonly string[]): boolean => row.every((t) => /^\d+$/.test(t) || t === "<" || t === "^");

/** The pack's header over `columns`, as one path per column. */
export function specColumns(header: readonly (readonly string[])[], columns: readonly string[]): SpecColumn[] {
  const rows = header.filter((r) => !isNumberingRow(r));
  return columns.map((key, c) => {
    const path: string[] = [];
    for (let r = 0; r < rows.length; r++) {
      let rr = r;
      let cc = c;
      // Follow "^" up and "<" left to the cell that holds the text.
      for (let guard = 0; guard < 50; guard++) {
        const t = rows[rr][cc];
        if (t === "^" && rr > 0) rr--;
        else if (t === "<" && cc > 0) cc--;
        else break;
      }
      const text = headerKey(rows[rr][cc]);
      if (text !== "" && text !== "^" && text !== "<" && path[path.length - 1] !== text) path.push(text);
    }
    return { key, path, leaf: path[path.length - 1] ?? "" };
  });
}

const aliasIndexes = new WeakMap<TemplatePack, Map<string, Set<string>>>();

/** Header keys a pack treats as the same: canonical text ↔ each of its aliases (built once per pack). */
export function headerAliasIndex(pack: TemplatePack): Map<string, Set<string>> {
  const known = aliasIndexes.get(pack);
  if (known) return known;
  const index = new Map<string, Set<string>>();
  aliasIndexes.set(pack, index);
  const link = (a: string, b: string) => {
    const set = index.get(a) ?? new Set<string>([a]);
    set.add(b);
    index.set(a, set);
  };
  for (const [canonical, aliases] of Object.entries(pack.headerAliases ?? {}))
    for (const alias of aliases) {
      link(headerKey(canonical), headerKey(alias));
      link(headerKey(alias), headerKey(canonical));
    }
  return index;
}

export function sameHeader(specText: string, printed: string, aliases: Map<string, Set<string>>): boolean {
  return specText === printed || (aliases.get(specText)?.has(printed) ?? false);
}

/** The words any header of this table may print, for telling header rows from body rows. */
export function headerVocabulary(table: TableSpec, aliases: Map<string, Set<string>>): Set<string> {
  const words = new Set<string>(Object.keys(PART_LEAVES));
  const add = (header: readonly (readonly string[])[]) => {
    for (const row of header) for (const t of row) if (t !== "<" && t !== "^") words.add(headerKey(t));
  };
  add(table.header);
  for (const v of table.variants ?? []) add(v.header);
  for (const w of [...words]) for (const alias of aliases.get(w) ?? []) words.add(alias);
  words.add("编码");
  words.delete("");
  return words;
}

export interface PrintedColumn {
  col: number;
  path: string[];
  leaf: string;
  /** The printed text of the lowest header cell, for messages. */
  text: string;
}

/** Each printed column's header path (top → bottom) over `rows`, the columns from `firstCol` to `lastCol`. */
export function printedColumns(sheet: SheetCells, rows: readonly number[], firstCol: number, lastCol: number): PrintedColumn[] {
  const textAt = (r: number, c: number): string => {
    const v = mergedValue(sheet, r, c);
    return typeof v === "string" ? v : typeof v === "number" ? String(v) : "";
  };
  const columns: PrintedColumn[] = [];
  for (let c = firstCol; c <= lastCol; c++) {
    let lowest = -1;
    rows.forEach((r, i) => {
      if (headerKey(textAt(r, c)) !== "") lowest = i;
    });
    if (lowest < 0) continue;
    const path: string[] = [];
    for (let i = 0; i <= lowest; i++) {
      let text = headerKey(textAt(rows[i], c));
      // Text typed only in the first cell of a group: the cells to its right belong to it.
      for (let cc = c - 1; text === "" && cc >= firstCol; cc--) text = headerKey(textAt(rows[i], cc));
      if (text !== "" && path[path.length - 1] !== text) path.push(text);
    }
    columns.push({ col: c, path, leaf: path[path.length - 1] ?? "", text: textAt(rows[lowest], c).replace(/\s+/g, " ").trim() });
  }
  return columns;
}

export interface ColumnMapping {
  columns: Record<string, number>;
  /** Printed columns that matched no key. */
  unplaced: PrintedColumn[];
  /** Printed columns read by a header text cut short at the cell's edge (采购组织形 for 采购组织形式). */
  truncated: { column: PrintedColumn; expected: string }[];
}

/** Characters a header text may lose at the cell's edge and still be read as the pack's. */
const CUT_CHARACTERS = 2;
const cutShort = (printed: string, declared: string): boolean => printed.length >= 3 && declared.length > printed.length && declared.length - printed.length <= CUT_CHARACTERS && declared.startsWith(printed);

/** Matches printed columns to the pack's keys: the lowest header text must agree; ancestors and order break ties. */
export function mapColumns(printed: readonly PrintedColumn[], spec: readonly SpecColumn[], aliases: Map<string, Set<string>>): ColumnMapping {
  const columns: Record<string, number> = {};
  const unplaced: PrintedColumn[] = [];
  const truncated: ColumnMapping["truncated"] = [];
  const used = new Set<string>();
  for (const column of printed) {
    const part = PART_LEAVES[column.leaf];
    if (part && !used.has(part)) {
      columns[part] = column.col;
      used.add(part);
      continue;
    }
    let best: { key: string; score: number } | null = null;
    for (const s of spec) {
      if (used.has(s.key) || !sameHeader(s.leaf, column.leaf, aliases)) continue;
      const ancestors = s.path.slice(0, -1).filter((a) => column.path.some((p) => sameHeader(a, p, aliases))).length;
      const score = 10 + ancestors;
      if (!best || score > best.score) best = { key: s.key, score };
    }
    if (best) {
      columns[best.key] = column.col;
      used.add(best.key);
      continue;
    }
    const cut = spec.find((s) => !used.has(s.key) && cutShort(column.leaf, s.leaf));
    if (cut) {
      columns[cut.key] = column.col;
      used.add(cut.key);
      truncated.push({ column, expected: cut.leaf });
    } else unplaced.push(column);
  }
  // Columns of the same header text keep the pack's order, left to right (金额 under 功能分类 before 金额 under
  // 支出用途), even where a printed header groups them otherwise.
  for (let swapped = true; swapped; ) {
    swapped = false;
    spec.forEach((a, i) =>
      spec.slice(i + 1).forEach((b) => {
        if (columns[a.key] !== undefined && columns[b.key] !== undefined && columns[a.key] > columns[b.key] && sameHeader(a.leaf, b.leaf, aliases)) {
          [columns[a.key], columns[b.key]] = [columns[b.key], columns[a.key]];
          swapped = true;
        }
      }),
    );
  }
  // A header cell the pack merges over two columns (项目名称 over 分组 | 项目) may be printed over the first
  // only, the second left without header text: the column right of the first is the second's.
  const lastPrinted = Math.max(-1, ...printed.map((p) => p.col));
  spec.forEach((s, i) => {
    const before = spec[i - 1];
    if (!before || used.has(s.key) || columns[before.key] === undefined || s.path.join("/") !== before.path.join("/")) return;
    const col = columns[before.key] + 1;
    if (col < lastPrinted && !printed.some((p) => p.col === col) && !Object.values(columns).includes(col)) {
      columns[s.key] = col;
      used.add(s.key);
    }
  });
  return { columns, unplaced, truncated };
}
