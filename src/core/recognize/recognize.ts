/**
 * Recognition (表格识别): finds a pack's standard tables in a workbook that we did
 * not make, by what they print — title, 单位 line, amount unit, header texts — and
 * says what it decided and why. Pure: it reads cell values, merges and hidden sheets.
 */
import type { AmountUnit } from "../fixed";
import { cellAddress, columnLetter, type Area } from "../layout/a1";
import { tableUnit } from "../layout/render";
import { allPacks } from "../packs";
import type { SideSpec, TableSpec, TemplatePack } from "../packs/types";
import type { ReadProblem } from "../read-tables";
import { tableName } from "../validation/locate";
import type { SheetCells, WorkbookCells } from "../workbook-cells";
import { mergedValue } from "../workbook-cells";
import { CODE_PART_KEYS, headerAliasIndex, headerVocabulary, mapColumns, printedColumns, specColumns, type ColumnMapping } from "./header";
import { nameKey, safeText } from "../text";
import { NUMBER_LINE, amountUnitOf, headerKey, titleKey, unitNameOf } from "./normalize";

type Cell = { row: number; col: number };

/** Where one table of the pack was found, and how its columns map. */
export interface TablePlacement {
  tableId: string;
  sheetName: string;
  title: Cell;
  unitLine?: Cell;
  /** The cell that prints the amount unit (单位：万元), where there is one. */
  amountUnitCell?: Cell;
  note?: Cell;
  header: Area;
  body: Area;
  /** Sheet column of each column key printed (split code parts as codeClass / codeCategory / codeItem). */
  columns: Record<string, number>;
  /** Columns the pack declares that the header lacks. */
  missingColumns: string[];
  /** Columns the printed edition leaves out by design (部门版). */
  absentColumns: string[];
  variant?: string;
  /** The amount unit printed above the table, or the pack's when none is printed. */
  amountUnit: AmountUnit;
  amountUnitPrinted: boolean;
}

export interface SheetOutcome {
  sheetName: string;
  tables: string[];
  /** Why nothing was found, for sheets without tables. */
  reason?: string;
}

export interface Recognition {
  pack: TemplatePack | null;
  placements: TablePlacement[];
  sheets: SheetOutcome[];
  /** What was left unrecognised, with its place: a header column it could not place, a second copy of a table … */
  notes: ReadProblem[];
}

/** How far a title may stand from the top of its table's header. */
const HEADER_SEARCH_ROWS = 6;
const MAX_HEADER_ROWS = 5;
/** Columns scanned for titles (a title sits in the first columns, or centred over a merge). */
const TITLE_SCAN_COLS = 30;

const textOf = (sheet: SheetCells, row: number, col: number): string => {
  const v = sheet.value(row, col);
  return typeof v === "string" ? v.trim() : "";
};

interface TitleHit {
  row: number;
  col: number;
  text: string;
  candidates: { pack: TemplatePack; table: TableSpec }[];
}

function titleIndex(packs: readonly TemplatePack[]): Map<string, { pack: TemplatePack; table: TableSpec }[]> {
  const index = new Map<string, { pack: TemplatePack; table: TableSpec }[]>();
  for (const pack of packs)
    for (const table of pack.tables)
      for (const title of [table.title, ...(table.titleAliases ?? [])]) {
        const key = titleKey(title);
        const list = index.get(key) ?? [];
        if (!list.some((e) => e.pack === pack && e.table === table)) list.push({ pack, table });
        index.set(key, list);
      }
  return index;
}

function findTitles(sheet: SheetCells, index: Map<string, { pack: TemplatePack; table: TableSpec }[]>): TitleHit[] {
  const hits: TitleHit[] = [];
  const cols = Math.min(sheet.colCount, TITLE_SCAN_COLS);
  for (let row = 0; row < sheet.rowCount; row++)
    for (let col = 0; col < cols; col++) {
      const text = textOf(sheet, row, col);
      if (text.length < 4 || text.length > 80 || !text.includes("表")) continue;
      const candidates = index.get(titleKey(text));
      if (candidates) {
        hits.push({ row, col, text, candidates });
        break;
      }
    }
  return hits;
}

const isBlankRow = (sheet: SheetCells, row: number, cols: number): boolean => {
  for (let c = 0; c < cols; c++) {
    const v = sheet.value(row, c);
    if (v !== null && v !== undefined && !(typeof v === "string" && v.trim() === "")) return false;
  }
  return true;
};

/** A row of column numbers under a header (1 2 3 … as 表十二 prints). */
function isNumberingRow(values: unknown[]): boolean {
  const present = values.filter((v) => v !== null && v !== undefined && v !== "");
  return present.length >= 3 && present.every((v, i) => nameKey(safeText(v)) === String(i + 1));
}

interface HeaderOption {
  variant?: { id: string; columns: readonly string[] };
  columns: readonly string[];
  header: readonly (readonly string[])[];
}

function headerOptions(table: TableSpec): HeaderOption[] {
  return [{ columns: table.columns.map((c) => c.key), header: table.header }, ...(table.variants ?? []).map((v) => ({ variant: v, columns: v.columns, header: v.header }))];
}

/** Columns a workbook must print for the table to be read: not the hidden helper columns (joined code, 经济科目编码). */
function requiredColumns(table: TableSpec, option: HeaderOption): string[] {
  return option.columns.filter((key) => !table.columns.find((c) => c.key === key)?.hidden && !(CODE_PART_KEYS as readonly string[]).includes(key));
}

/** Columns the pack declares that `columns` lacks, and those the edition `variantId` leaves out by design. */
export function columnsNotPrinted(table: TableSpec, columns: Readonly<Record<string, number>>, variantId?: string): { missing: string[]; absent: string[] } {
  const options = headerOptions(table);
  const option = options.find((o) => o.variant !== undefined && o.variant.id === variantId) ?? options[0];
  const variant = option.variant;
  const missing = requiredColumns(table, option).filter((k) => columns[k] === undefined && !(table.columns.find((c) => c.key === k)?.kind === "code" && table.sides.every((s) => codeSatisfied(s, columns))));
  return { missing, absent: variant ? table.columns.map((c) => c.key).filter((k) => !variant.columns.includes(k)) : [] };
}

function codeSatisfied(side: SideSpec, columns: Readonly<Record<string, number>>): boolean {
  return side.body.kind !== "subjects" || columns[side.body.codeColumn] !== undefined || columns.codeClass !== undefined;
}

/** Tries to read `table` under the title at `hit`, up to `endRow` (exclusive). */
function placeTable(pack: TemplatePack, table: TableSpec, sheet: SheetCells, hit: TitleHit, endRow: number): { placement: TablePlacement; notes: ReadProblem[]; score: number } | null {
  const cols = sheet.colCount;
  let unitLine: Cell | undefined;
  let printedUnit: AmountUnit | null = null;
  let amountUnitCell: Cell | undefined;
  let headerStart = -1;
  for (let r = hit.row + 1; r < Math.min(endRow, hit.row + 1 + HEADER_SEARCH_ROWS); r++) {
    if (isBlankRow(sheet, r, cols)) continue;
    let lineRow = false;
    for (let c = 0; c < cols; c++) {
      const t = textOf(sheet, r, c);
      if (!t) continue;
      const unit = amountUnitOf(t);
      if (unit) {
        printedUnit = unit;
        amountUnitCell = { row: r, col: c };
        lineRow = true;
      } else if (unitNameOf(t) !== null) {
        unitLine ??= { row: r, col: c };
        lineRow = true;
      } else if (NUMBER_LINE.test(t) && t.replace(NUMBER_LINE, "") === "") lineRow = true;
    }
    if (!lineRow) {
      headerStart = r;
      break;
    }
  }
  if (headerStart < 0) return null;

  const aliases = headerAliasIndex(pack);
  const vocabulary = headerVocabulary(table, aliases);
  const minHeaderRows = Math.min(...headerOptions(table).map((o) => o.header.filter((row) => !row.every((t) => /^\d+$/.test(t))).length));
  const headerRows: number[] = [];
  let lastHeaderRow = headerStart - 1;
  let leftCol = cols;
  for (let r = headerStart; r < Math.min(endRow, headerStart + MAX_HEADER_ROWS); r++) {
    const values = Array.from({ length: cols }, (_, c) => sheet.value(r, c));
    if (isNumberingRow(values)) {
      lastHeaderRow = r;
      continue;
    }
    const texts = values.map((v) => (typeof v === "string" ? headerKey(v) : v === null || v === undefined ? "" : "#"));
    const present = texts.filter((t) => t !== "");
    if (present.length === 0) break;
    if (present.includes("#")) break;
    const known = present.filter((t) => vocabulary.has(t)).length;
    if (known * 2 < present.length || known === 0) break;
    // A 合计 row right under a short header, in the label column: the body has begun (合计 first).
    const firstFilled = texts.findIndex((t) => t !== "");
    if (headerRows.length >= minHeaderRows && /^(合计|总计)$/.test(present[0]) && firstFilled <= leftCol) break;
    if (headerRows.length === 0) leftCol = firstFilled;
    headerRows.push(r);
    lastHeaderRow = r;
  }
  if (headerRows.length === 0) return null;

  // The header's columns: every column with header text in these rows (merged cells included).
  let firstCol = -1;
  let lastCol = -1;
  for (let c = 0; c < cols; c++)
    if (headerRows.some((r) => headerKey(safeText(mergedValue(sheet, r, c))) !== "")) {
      if (firstCol < 0) firstCol = c;
      lastCol = c;
    }
  const printed = printedColumns(sheet, headerRows, firstCol, lastCol);

  let best: { option: HeaderOption; columns: Record<string, number>; unplaced: typeof printed; truncated: ColumnMapping["truncated"]; score: number; missing: string[] } | null = null;
  for (const option of headerOptions(table)) {
    const spec = specColumns(option.header, option.columns);
    const { columns, unplaced, truncated } = mapColumns(printed, spec, aliases);
    const amountKeys = option.columns.filter((k) => table.columns.find((c) => c.key === k)?.kind === "amount");
    const mappedAmounts = amountKeys.filter((k) => columns[k] !== undefined).length;
    const missing = columnsNotPrinted(table, columns, option.variant?.id).missing;
    const score = mappedAmounts * 10 + Object.keys(columns).length - missing.length * 5 - unplaced.length;
    if (mappedAmounts > 0 && Object.keys(columns).length >= 2 && (!best || score > best.score)) best = { option, columns, unplaced, truncated, score, missing };
  }
  if (!best) return null;

  // The body: from under the header to the last row with content, before a note (注…) or the next table.
  const bodyFirst = lastHeaderRow + 1;
  let bodyLast = bodyFirst - 1;
  let note: Cell | undefined;
  for (let r = bodyFirst; r < endRow; r++) {
    let first = "";
    let firstFilledCol = -1;
    for (let c = 0; c < cols && first === ""; c++) {
      const v = sheet.value(r, c);
      if (v !== null && v !== undefined && safeText(v).trim() !== "") {
        first = safeText(v).trim();
        firstFilledCol = c;
      }
    }
    if (first === "") continue;
    // 注：… under the table ends its body; so does a line that starts with the colon (its 注 cut off in print).
    if (/^注?\s*[:：]/.test(first)) {
      note = { row: r, col: firstFilledCol };
      break;
    }
    if (NUMBER_LINE.test(first) && first.replace(NUMBER_LINE, "") === "" && typeof sheet.value(r, firstFilledCol) === "string") break;
    bodyLast = r;
  }
  const tableUnitSpec = tableUnit(pack, table);
  const notes: ReadProblem[] = [
    ...best.unplaced.map((p) => ({ sheet: sheet.name, cell: cellAddress(headerRows[headerRows.length - 1], p.col), message: `${tableName(table)}的栏目“${p.text}”（${columnLetter(p.col)}列）不是本表的栏目，未读取。`, tableId: table.id })),
    ...best.truncated.map(({ column, expected }) => ({ sheet: sheet.name, cell: cellAddress(headerRows[headerRows.length - 1], column.col), message: `${tableName(table)}的栏目“${column.text}”（${columnLetter(column.col)}列）印得不完整，按“${expected}”读取。`, tableId: table.id })),
  ];
  const placement: TablePlacement = {
    tableId: table.id,
    sheetName: sheet.name,
    title: { row: hit.row, col: hit.col },
    ...(unitLine ? { unitLine } : {}),
    ...(amountUnitCell ? { amountUnitCell } : {}),
    ...(note ? { note } : {}),
    header: { firstRow: headerRows[0], lastRow: lastHeaderRow, firstCol, lastCol },
    body: { firstRow: bodyFirst, lastRow: Math.max(bodyLast, bodyFirst), firstCol, lastCol },
    columns: best.columns,
    missingColumns: best.missing,
    absentColumns: best.option.variant ? table.columns.map((c) => c.key).filter((k) => !best!.option.columns.includes(k)) : [],
    ...(best.option.variant ? { variant: best.option.variant.id } : {}),
    amountUnit: printedUnit ?? tableUnitSpec.unit,
    amountUnitPrinted: printedUnit !== null,
  };
  return { placement, notes, score: best.score };
}

/**
 * Finds the tables of `packs` in the workbook. With `packId` only that pack is tried;
 * otherwise the pack whose titles match the most tables wins.
 */
export interface RecognitionOptions {
  /** Only this pack is tried. */
  packId?: string;
  packs?: readonly TemplatePack[];
  /**
   * The accountant's corrections, sheet by sheet: the table a sheet holds (with packId), or null
   * for a sheet that holds none. Sheets not named are recognised as usual.
   */
  choices?: Readonly<Record<string, string | null>>;
}

/** The title of a sheet the accountant says holds `table`: its own title if it prints one, else the first text that names a 表. */
function chosenTitle(sheet: SheetCells, table: TableSpec, pack: TemplatePack): TitleHit | null {
  const own = findTitles(sheet, titleIndex([{ ...pack, tables: [table] }]))[0];
  if (own) return own;
  for (let row = 0; row < Math.min(sheet.rowCount, HEADER_SEARCH_ROWS); row++)
    for (let col = 0; col < Math.min(sheet.colCount, TITLE_SCAN_COLS); col++) {
      const text = textOf(sheet, row, col);
      if (text.includes("表") && !NUMBER_LINE.test(text)) return { row, col, text, candidates: [{ pack, table }] };
    }
  return null;
}

export function recognizeWorkbook(book: WorkbookCells, options: RecognitionOptions = {}): Recognition {
  const packs = (options.packs ?? allPacks()).filter((p) => !options.packId || p.id === options.packId);
  const index = titleIndex(packs);
  const found: { pack: TemplatePack; placement: TablePlacement; notes: ReadProblem[] }[] = [];
  const sheets: SheetOutcome[] = [];
  for (const sheet of book.sheets) {
    // Hidden sheets are ours or the unit's own; an empty sheet (a new workbook's Sheet1) holds nothing to recognise.
    if (sheet.hidden || sheet.rowCount === 0) continue;
    const choice = options.choices?.[sheet.name];
    if (choice === null) {
      sheets.push({ sheetName: sheet.name, tables: [], reason: "已标为不是公开表格" });
      continue;
    }
    if (choice !== undefined) {
      const pack = packs[0];
      const table = pack?.tables.find((t) => t.id === choice);
      const hit = table && chosenTitle(sheet, table, pack);
      const placed = hit && placeTable(pack, table, sheet, hit, sheet.rowCount);
      if (placed) found.push({ pack, ...placed });
      sheets.push({ sheetName: sheet.name, tables: placed ? [choice] : [], ...(placed ? {} : { reason: `无法按${table ? tableName(table) : choice}读取：表头与模板不符` }) });
      continue;
    }
    const hits = findTitles(sheet, index);
    const before = found.length;
    hits.forEach((hit, i) => {
      const endRow = i + 1 < hits.length ? hits[i + 1].row : sheet.rowCount;
      let best: { pack: TemplatePack; placement: TablePlacement; notes: ReadProblem[]; score: number } | null = null;
      for (const { pack, table } of hit.candidates) {
        const placed = placeTable(pack, table, sheet, hit, endRow);
        if (placed && (!best || placed.score > best.score)) best = { pack, ...placed };
      }
      if (best) found.push(best);
    });
    const tables = found.slice(before).map((f) => f.placement.tableId);
    sheets.push({
      sheetName: sheet.name,
      tables,
      ...(tables.length === 0 ? { reason: hits.length > 0 ? `有表名“${hits[0].text}”，但下面没有认得的表头` : "没有认得的表名" } : {}),
    });
  }
  const byPack = new Map<TemplatePack, Set<string>>();
  for (const f of found) byPack.set(f.pack, (byPack.get(f.pack) ?? new Set()).add(f.placement.tableId));
  const pack = [...byPack.entries()].sort((a, b) => b[1].size - a[1].size || packs.indexOf(a[0]) - packs.indexOf(b[0]))[0]?.[0] ?? null;
  const placements: TablePlacement[] = [];
  const notes: ReadProblem[] = [];
  for (const f of found) {
    if (f.pack !== pack) continue;
    const twin = placements.find((p) => p.tableId === f.placement.tableId);
    if (twin) {
      notes.push({ sheet: f.placement.sheetName, cell: cellAddress(f.placement.title.row, f.placement.title.col), message: `${tableName(pack!.tables.find((t) => t.id === f.placement.tableId)!)}在“${twin.sheetName}”已经找到，这里的第二份未读取。`, tableId: f.placement.tableId });
      continue;
    }
    placements.push(f.placement);
    notes.push(...f.notes);
  }
  for (const s of sheets) s.tables = s.tables.filter((id) => placements.some((p) => p.tableId === id && p.sheetName === s.sheetName));
  return { pack, placements, sheets, notes };
}
