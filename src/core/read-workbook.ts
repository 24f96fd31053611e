/**
 * Reads a workbook back into the data model, whatever reads the cells (Office.js
 * or ExcelJS): tables are found by the defined names the templates carry
 * (YS_PACK_…, YS_Tn_BODY), so inserted rows and moved or renamed sheets do not
 * lose them. Read-only; problems are reported with their place, never thrown.
 */
import { cellAddress, parseAreaAddress, type Area } from "./layout/a1";
import { readAmount } from "./amount";
import { toFen } from "./fixed";
import { PERFORMANCE_NAME } from "./forms/performance";
import { NARRATIVE_BODY_NAME } from "./narrative/layout";
import { readUnitInfoCells, UNIT_INFO_NAME } from "./layout/unit-info-sheet";
import { definedNamePrefix, packKey, parsePackMarker } from "./layout/names";
import type { NarrativeLine } from "./narrative/find-text";
import type { Disclosure, UnitInfo } from "./model";
import { allPacks } from "./packs";
import type { TemplatePack } from "./packs/types";
import { readTableRows, type ReadProblem, type SheetGrid } from "./read-tables";
import { amountUnitOf, NUMBER_LINE, unitNameOf } from "./recognize/normalize";
import { nameKey } from "./text";
import { findNarrativeLines } from "./narrative/find-text";
import { AMOUNT_UNIT_NAME_PART, COLUMN_NAME_PART, VARIANT_NAME_PART } from "./recognize/attach";
import { tableUnit } from "./layout/render";
import type { TableTexts } from "./validation/types";
import { tableName } from "./validation/locate";
import type { AmountUnit } from "./fixed";
import type { TableSpec } from "./packs/types";
import type { NamedArea, WorkbookCells } from "./workbook-cells";
import { columnsNotPrinted, recognizeWorkbook, type Recognition, type RecognitionOptions } from "./recognize/recognize";

export type { NamedArea };

/** Tables recognised before a workbook is read as a pack's disclosure without --pack. */
export const MIN_TABLES_FOR_PACK = 2;

export interface WorkbookReading {
  pack: TemplatePack | null;
  disclosure: Disclosure | null;
  problems: ReadProblem[];
  /** Sheet and body area of each table found. */
  places: Record<string, { sheetName: string; body: Area; header?: Area }>;
  /** Title, 单位名称 line and empty note of each table found. */
  texts: Record<string, TableTexts>;
  /** The 情况说明 text, one line per row, where the workbook has it. */
  narrative?: { sheetName: string; lines: NarrativeLine[] };
  /** 单位信息 kept in the workbook (the very hidden YS_INFO sheet of generated workbooks). */
  unitInfo?: Partial<UnitInfo>;
  /** 绩效目标表: each form's project and 年度资金总额 (分), with the cell of the figure. */
  performanceForms?: { project: string; yearFunds: number | null; sheetName: string; cell: string }[];
  /** How the tables were found when the workbook has none of our names: which sheet holds which table, and why. */
  recognition?: Recognition;
  /** What was read only in part or left unrecognised (warnings, each with its place). */
  notes?: ReadProblem[];
}

/** A table found on a sheet: by our names, or by recognition. */
export interface PlacedTable {
  table: TableSpec;
  sheetName: string;
  body: Area;
  /** The header rows, where our names or the recognition placed them. */
  header?: Area;
  /** Columns and amount unit when they differ from the pack's layout (recognised tables). */
  onSheet?: { columns: Record<string, number>; amountUnit: AmountUnit; amountUnitPrinted: boolean; missingColumns: string[]; absentColumns: string[] };
  title?: string;
  unitLine?: string;
  note?: string;
  /** Cells of the title and note, for findings about them. */
  titleCell?: string;
  noteCell?: string;
}

/** Parses a name's reference: '表三 支出总表'!$A$6:$E$20 (with or without a leading "="). */
export function parseNameReference(reference: string): NamedArea | null {
  const text = reference.replace(/^=/, "");
  // A name whose sheet was deleted refers to #REF! in every host: it names no area.
  if (text.includes("#REF!")) return null;
  const bang = text.lastIndexOf("!");
  if (bang < 0) return null;
  let sheetName = text.slice(0, bang);
  if (sheetName.startsWith("'") && sheetName.endsWith("'")) sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
  const area = parseAreaAddress(text.slice(bang + 1).replace(/\$/g, ""));
  return area ? { sheetName, area } : null;
}

/** The pack a workbook's names point to, or why there is none. */
export function packOfNames(names: ReadonlyMap<string, NamedArea>): { pack: TemplatePack } | { problem: string } {
  const markers = [...names.keys()].map(parsePackMarker).filter((m): m is NonNullable<typeof m> => m !== null);
  if (markers.length === 0) return { problem: "工作簿中没有找到预算公开模板的表格（缺少 YS_PACK 名称），请用预算公开助手插入模板或生成工作簿。" };
  const pack = allPacks().find((p) => packKey(p.id) === markers[0].packKey);
  if (!pack) return { problem: `工作簿使用的模板包“${markers[0].packKey}”未知，本版本支持：${allPacks().map((p) => p.id).join("、")}。` };
  return { pack };
}


/**
 * @param names defined names of the workbook that refer to ranges
 * @param gridOf the cells of a sheet, or undefined when the sheet does not exist
 */
export function readDisclosure(names: ReadonlyMap<string, NamedArea>, gridOf: (sheetName: string) => SheetGrid | undefined, unitDefaults: Partial<UnitInfo> = {}): WorkbookReading {
  const found = packOfNames(names);
  if ("problem" in found) return { pack: null, disclosure: null, problems: [{ sheet: "", cell: "", message: found.problem }], places: {}, texts: {} };
  const pack = found.pack;
  const unitInfo = unitInfoOf(names, gridOf);
  const placed: PlacedTable[] = [];
  const missingSheets: ReadProblem[] = [];
  for (const table of pack.tables) {
    const prefix = definedNamePrefix(table.id);
    const body = names.get(`${prefix}BODY`);
    if (!body) continue;
    if (!gridOf(body.sheetName)) {
      missingSheets.push({ sheet: body.sheetName, cell: "", message: `${tableName(table)}所在的工作表“${body.sheetName}”已被删除。`, tableId: table.id });
      continue;
    }
    const textAt = (suffix: string): string | undefined => {
      const place = names.get(`${prefix}${suffix}`);
      const value = place ? gridOf(place.sheetName)?.value(place.area.firstRow, place.area.firstCol) : null;
      return typeof value === "string" ? value : undefined;
    };
    const header = names.get(`${prefix}HEADER`);
    placed.push({ table, sheetName: body.sheetName, body: body.area, ...(header?.sheetName === body.sheetName ? { header: header.area } : {}), title: textAt("TITLE"), unitLine: textAt("UNIT"), note: textAt("NOTE"), ...confirmedLayout(pack, table, names, textAt) });
  }
  const reading = readPlacedTables(pack, placed, gridOf, unitDefaults, unitInfo);
  reading.problems.unshift(...missingSheets);
  const narrativeArea = names.get(NARRATIVE_BODY_NAME);
  const narrativeGrid = narrativeArea && gridOf(narrativeArea.sheetName);
  if (narrativeArea && narrativeGrid) {
    const lines: { row: number; text: string }[] = [];
    for (let row = narrativeArea.area.firstRow; row <= narrativeArea.area.lastRow; row++) {
      const value = narrativeGrid.value(row, narrativeArea.area.firstCol);
      if (typeof value === "string" && value.trim() !== "") lines.push({ row, text: value.trim() });
    }
    reading.narrative = { sheetName: narrativeGrid.name, lines };
  }
  const forms = new Map<number, { project?: NamedArea; funds?: NamedArea }>();
  for (const [name, place] of names) {
    const m = PERFORMANCE_NAME.exec(name);
    if (!m) continue;
    const entry = forms.get(Number(m[1])) ?? {};
    if (m[2] === "PROJECT") entry.project = place;
    else entry.funds = place;
    forms.set(Number(m[1]), entry);
  }
  if (forms.size > 0) {
    reading.performanceForms = [...forms.entries()]
      .sort(([a], [b]) => a - b)
      .flatMap(([, f]) => {
        const grid = f.funds && gridOf(f.funds.sheetName);
        if (!f.project || !f.funds || !grid) return [];
        const project = grid.value(f.project.area.firstRow, f.project.area.firstCol);
        const funds = readAmount(grid.value(f.funds.area.firstRow, f.funds.area.firstCol));
        return [{ project: typeof project === "string" ? project.trim() : "", yearFunds: funds.kind === "number" ? toFen(funds.value, "元") : null, sheetName: grid.name, cell: cellAddress(f.funds.area.firstRow, f.funds.area.firstCol) }];
      });
  }
  return reading;
}

/** 单位信息 kept in the very hidden YS_INFO sheet, where the workbook has one. */
function unitInfoOf(names: ReadonlyMap<string, NamedArea>, gridOf: (sheetName: string) => SheetGrid | undefined): Partial<UnitInfo> | undefined {
  const place = names.get(UNIT_INFO_NAME);
  const grid = place && gridOf(place.sheetName);
  return grid ? readUnitInfoCells((r, c) => grid.value(place.area.firstRow + r, place.area.firstCol + c)) : undefined;
}

/** A recognised table the accountant confirmed carries its own column names (YS_T3_COL_total …): its layout on the sheet. */
function confirmedLayout(pack: TemplatePack, table: TableSpec, names: ReadonlyMap<string, NamedArea>, textAt: (suffix: string) => string | undefined): Pick<PlacedTable, "onSheet" | "titleCell" | "noteCell"> {
  const prefix = definedNamePrefix(table.id);
  const columns: Record<string, number> = {};
  let variant: string | undefined;
  for (const [name, place] of names) {
    if (name.startsWith(`${prefix}${COLUMN_NAME_PART}`)) columns[name.slice(prefix.length + COLUMN_NAME_PART.length)] = place.area.firstCol;
    else if (name.startsWith(`${prefix}${VARIANT_NAME_PART}`)) variant = name.slice(prefix.length + VARIANT_NAME_PART.length);
  }
  if (Object.keys(columns).length === 0) return {};
  const printed = amountUnitOf(textAt(AMOUNT_UNIT_NAME_PART) ?? "");
  const { missing, absent } = columnsNotPrinted(table, columns, variant);
  const at = (suffix: string) => {
    const place = names.get(`${prefix}${suffix}`);
    return place ? cellAddress(place.area.firstRow, place.area.firstCol) : undefined;
  };
  return {
    onSheet: { columns, amountUnit: printed ?? tableUnit(pack, table).unit, amountUnitPrinted: printed !== null, missingColumns: missing, absentColumns: absent },
    titleCell: at("TITLE"),
    noteCell: at("NOTE"),
  };
}

/**
 * The unit's name as the tables print it: the name most of them print, a name cut short at a cell's edge
 * or wrapped (忻州市社会保障卡服务中) counting for the whole one it begins; the first table's on a tie. So the
 * name does not depend on which table comes first, nor is taken from one printed cut.
 */
function mostPrintedName(names: readonly string[]): string | undefined {
  const keys = names.map(nameKey);
  const votes = names.map((_, i) => keys.filter((k) => keys[i].startsWith(k)).length);
  let best = -1;
  votes.forEach((v, i) => {
    if (best < 0 || v > votes[best]) best = i;
  });
  return best < 0 ? undefined : names[best];
}

/** Reads tables already placed on their sheets into the data model: one path for named and recognised tables. */
export function readPlacedTables(pack: TemplatePack, placed: readonly PlacedTable[], gridOf: (sheetName: string) => SheetGrid | undefined, unitDefaults: Partial<UnitInfo>, unitInfo?: Partial<UnitInfo>): WorkbookReading {
  const problems: ReadProblem[] = [];
  const tables: Disclosure["tables"] = {};
  const places: WorkbookReading["places"] = {};
  const texts: WorkbookReading["texts"] = {};
  const printedNames: string[] = [];
  let year = unitDefaults.year ?? 0;
  for (const p of placed) {
    const grid = gridOf(p.sheetName)!;
    places[p.table.id] = { sheetName: grid.name, body: p.body, ...(p.header ? { header: p.header } : {}) };
    const result = readTableRows(pack, p.table, grid, p.body, p.onSheet);
    tables[p.table.id] = result.data;
    problems.push(...result.problems);
    const tableTexts: TableTexts = { sheetName: grid.name, title: p.title, unitLine: p.unitLine, note: p.note };
    // 元 printed with 分 (1,234,567.89): the figures are read, and tie, to the 分.
    const unit = p.onSheet?.amountUnit ?? tableUnit(pack, p.table).unit;
    if (unit === "元" && result.decimals > tableUnit(pack, p.table).decimals) tableTexts.printedDecimals = Math.min(result.decimals, 2);
    if (result.emptyStatement) tableTexts.emptyStatement = result.emptyStatement;
    if (p.onSheet) {
      tableTexts.columns = p.onSheet.columns;
      tableTexts.amountUnit = p.onSheet.amountUnit;
      tableTexts.missingColumns = p.onSheet.missingColumns;
      tableTexts.absentColumns = p.onSheet.absentColumns;
      tableTexts.titleCell = p.titleCell;
      tableTexts.noteCell = p.noteCell;
    }
    texts[p.table.id] = tableTexts;
    const printedName = tableTexts.unitLine ? unitNameOf(tableTexts.unitLine) : null;
    if (printedName) printedNames.push(printedName);
    const yearMatch = !year && tableTexts.title ? /(\d{4})\s*年/.exec(tableTexts.title) : null;
    if (yearMatch) year = Number(yearMatch[1]);
  }
  if (placed.length === 0) problems.push({ sheet: "", cell: "", message: "找到了模板包名称，但没有找到任何表格的数据区域。" });
  const unitName = unitDefaults.name || (mostPrintedName(printedNames) ?? "");
  // What the tables print wins; the info sheet fills in what they do not (单位类型, 主管部门); options given by the caller win over both.
  const unit: UnitInfo = {
    name: unitName || unitInfo?.name || "",
    year: year || unitInfo?.year || 0,
    type: unitDefaults.type ?? unitInfo?.type ?? "事业单位",
    department: unitDefaults.department ?? unitInfo?.department ?? "",
  };
  return { pack, disclosure: { packId: pack.id, unit, tables }, problems, places, texts, ...(unitInfo ? { unitInfo } : {}) };
}

/** The 单位 line's text: a label printed in a cell of its own (部门： | 江苏省人民检察院) is read with the name beside it. */
function unitLineText(grid: SheetGrid, cell: { row: number; col: number } | undefined): string | undefined {
  if (!cell) return undefined;
  const at = (col: number) => {
    const v = grid.value(cell.row, col);
    return typeof v === "string" ? v.trim() : "";
  };
  const own = at(cell.col);
  if (unitNameOf(own) !== "") return own;
  for (let col = cell.col + 1; col <= cell.col + 3; col++) {
    const next = at(col);
    if (next !== "" && amountUnitOf(next) === null) return `${own}${next}`;
  }
  return own;
}

/** The most titles a refusal names. */
const TITLES_NAMED = 8;

/**
 * What a workbook prints as its titles, for saying what was seen when no table was recognised: on each visible
 * sheet, the first text of its first rows that is not a 单位 line or a table number alone (2025年固定资产清单).
 */
function titlesSeen(book: WorkbookCells): string[] {
  const titles: string[] = [];
  for (const sheet of book.sheets.filter((s) => !s.hidden)) {
    const first = Array.from({ length: Math.min(sheet.rowCount, 6) }, (_, r) => Array.from({ length: sheet.colCount }, (_, c) => sheet.value(r, c)))
      .flat()
      .map((v) => (typeof v === "string" ? v.replace(NUMBER_LINE, "").trim() : ""))
      .find((t) => t.length >= 4 && t.length <= 60 && unitNameOf(t) === null && amountUnitOf(t) === null);
    if (first && !titles.includes(first)) titles.push(first);
  }
  return titles.slice(0, TITLES_NAMED);
}

/** The sheet cells of a workbook as the grid the table reader takes. */
function gridsOf(book: WorkbookCells): (sheetName: string) => SheetGrid | undefined {
  const byName = new Map(book.sheets.map((s) => [s.name, s]));
  return (sheetName) => byName.get(sheetName);
}

/**
 * Reads any workbook: through our names when it has them (inserted templates, generated
 * workbooks), otherwise by recognising the pack's tables from what they print.
 * `packId` forces the pack recognition tries.
 */
export function readWorkbookCells(book: WorkbookCells, unitDefaults: Partial<UnitInfo> = {}, options: RecognitionOptions = {}): WorkbookReading {
  const gridOf = gridsOf(book);
  const named = packOfNames(book.names);
  // Our names count only where they place a table: a 情况说明 written before the tables were confirmed carries a pack marker of its own.
  const placesTables = "pack" in named && named.pack.tables.some((t) => book.names.has(`${definedNamePrefix(t.id)}BODY`));
  if ("pack" in named && placesTables && (!options.packId || named.pack.id === options.packId) && !options.choices) {
    const reading = readDisclosure(book.names, gridOf, unitDefaults);
    reading.notes = [...(book.problems ?? [])];
    // A 情况说明 typed on a sheet of its own, without our name on it, is checked too: beside a generated one, not instead of it.
    const generated = reading.narrative;
    const typed = findNarrativeLines(book.sheets, new Set([...Object.values(reading.places).map((p) => p.sheetName), ...(generated ? [generated.sheetName] : [])]));
    if (generated && typed) reading.narrative = { sheetName: generated.sheetName, lines: [...generated.lines.map((l) => ({ ...l, sheet: l.sheet ?? generated.sheetName })), ...typed.lines] };
    else reading.narrative = generated ?? typed;
    return reading;
  }
  const recognition = recognizeWorkbook(book, options);
  if (!recognition.pack || recognition.placements.length === 0) {
    const looked = book.sheets.filter((s) => !s.hidden).map((s) => `“${s.name}”`);
    const titles = titlesSeen(book);
    const tried = options.packId ?? (options.packs ?? allPacks()).map((p) => p.name).join("、");
    const message = `工作簿中没有找到预算公开表格：看过的工作表 ${looked.length > 0 ? looked.join("、") : "（没有可见的工作表）"}${titles.length > 0 ? `，印的标题有 ${titles.map((t) => `“${t}”`).join("、")}` : ""}，都没有认得的表名和表头（比较过的模板包：${tried}）。`;
    return { pack: null, disclosure: null, problems: [{ sheet: "", cell: "", message }], places: {}, texts: {}, recognition, notes: [...(book.problems ?? [])] };
  }
  // One table alone does not tell a table set: another province's document shares a title or two with ours.
  if (recognition.placements.length < MIN_TABLES_FOR_PACK && recognition.pack.tables.length >= MIN_TABLES_FOR_PACK && !options.packId && !options.choices) {
    const only = recognition.placements.map((p) => `“${p.sheetName}”的${tableName(recognition.pack!.tables.find((t) => t.id === p.tableId)!)}`).join("、");
    const tried = (options.packs ?? allPacks()).map((p) => p.name).join("、");
    const message = `只认出了${only}，不足以确定是哪一套公开表格（${recognition.pack.name}有 ${recognition.pack.tables.length} 张表；比较过的模板包：${tried}）；可能是本工具尚未收录的表样（如其他省份的预算公开表），可用 --pack-file 给出该表样的模板包（见 budget-tables pack draft）。确属该模板包时请用 --pack ${recognition.pack.id} 指定。`;
    return { pack: null, disclosure: null, problems: [{ sheet: "", cell: "", message }], places: {}, texts: {}, recognition, notes: [...(book.problems ?? [])] };
  }
  const pack = recognition.pack;
  const placed: PlacedTable[] = recognition.placements.map((p) => {
    const grid = gridOf(p.sheetName)!;
    const textAt = (cell?: { row: number; col: number }): string | undefined => {
      const v = cell ? grid.value(cell.row, cell.col) : undefined;
      return typeof v === "string" ? v.trim() : undefined;
    };
    return {
      table: pack.tables.find((t) => t.id === p.tableId)!,
      sheetName: p.sheetName,
      body: p.body,
      header: p.header,
      onSheet: { columns: p.columns, amountUnit: p.amountUnit, amountUnitPrinted: p.amountUnitPrinted, missingColumns: p.missingColumns, absentColumns: p.absentColumns },
      title: textAt(p.title),
      unitLine: unitLineText(grid, p.unitLine),
      note: textAt(p.note),
      titleCell: cellAddress(p.title.row, p.title.col),
      ...(p.note ? { noteCell: cellAddress(p.note.row, p.note.col) } : {}),
    };
  });
  const reading = readPlacedTables(pack, placed, gridOf, unitDefaults, unitInfoOf(book.names, gridOf));
  reading.recognition = recognition;
  reading.narrative = findNarrativeLines(book.sheets, new Set(recognition.placements.map((p) => p.sheetName)));
  // placed[i] is placements[i], read.
  const unitNotes = recognition.placements.flatMap((p, i) =>
    p.amountUnitPrinted ? [] : [{ sheet: p.sheetName, cell: cellAddress(p.title.row, p.title.col), message: `${tableName(placed[i].table)}没有印金额单位（“单位：万元”或“单位：元”），按模板的${p.amountUnit}读取。`, tableId: p.tableId }],
  );
  const markerNote = "problem" in named && !named.problem.includes("缺少 YS_PACK") ? [{ sheet: "", cell: "", message: `${named.problem}已按表名和表头识别为${pack.name}。` }] : [];
  reading.notes = [...(book.problems ?? []), ...markerNote, ...recognition.notes, ...unitNotes];
  return reading;
}
