/**
 * Renders a pack table, the 单位信息 and optional data into a SheetLayout: the
 * same layout is written by the Excel adapter and by the command line.
 */
import { ancestorCodes } from "../codes";
import { nestedChildren } from "../nested-items";
import { FUNCTION_CLASSES } from "../subjects/function-classes";
import { chineseNumeral } from "../text";
import { FEN_PER_UNIT, type AmountUnit } from "../fixed";
import type { RowData, TableData, UnitInfo } from "../model";
import { BODY_ROWS, type FixedRowSpec, type SideSpec, type TableSpec, type TemplatePack } from "../packs/types";
import { colsToAreas, rowsToAreas, singleCell, type Area } from "./a1";
import { evaluateLayout } from "./evaluate";
import { definedNamePrefix, packMarkerName } from "./names";
import { NON_BLANK, type DefinedName, type Formula, type LayoutCell, type LayoutRowInfo, type SheetLayout } from "./types";

/** Id of the 合计 row of subject and item tables in the data. */
export const TOTAL_ROW_ID = "total";

export const NUMBER_LABEL_ROW = 0;
export const TITLE_ROW = 1;
export const UNIT_ROW = 2;
export const HEADER_START_ROW = 3;

export function fillPattern(pattern: string, unit: Pick<UnitInfo, "name" | "year">): string {
  return pattern.replace(/\{year\}/g, String(unit.year)).replace(/\{unit\}/g, unit.name);
}

/** 类, 款 or 项 of a code as printed in split columns: 208 | 05 | 02. */
export function codePart(code: string, part: number): string {
  return part === 0 ? code.slice(0, 3) : part === 1 ? code.slice(3, 5) : code.slice(5, 7);
}

export function tableUnit(pack: TemplatePack, table: TableSpec): { unit: AmountUnit; decimals: number; line: string } {
  return { unit: table.amountUnit ?? pack.amountUnit, decimals: table.decimals ?? pack.decimals, line: table.amountUnitLine ?? pack.amountUnitLine };
}

/** #,##0.00 with zero shown blank, as the printed tables leave empty cells empty. */
export function amountFormat(decimals: number): string {
  const base = decimals > 0 ? `#,##0.${"0".repeat(decimals)}` : "#,##0";
  return `${base};-${base};`;
}

/** One planned row of a side. */
interface PlannedRow {
  role: LayoutRowInfo["role"];
  key: string;
  label: string;
  code?: string;
  data?: RowData;
  fixed?: FixedRowSpec;
  /** Subject rows with children: totals by SUMIFS of the next level. */
  childPattern?: string;
  /** Nested item rows: the column the row's name stands in (its level's), and the rows of the next level under it (indexes into the body). */
  labelColumn?: string;
  children?: number[];
}

/** A 类 row label as Shanghai prints it: 二、外交支出 (numbered in sequence). */
export function classLabel(index: number, code: string): string {
  return `${chineseNumeral(index + 1)}、${CLASS_NAMES.get(code) ?? code}`;
}
const CLASS_NAMES = new Map(FUNCTION_CLASSES.map((c) => [c.code, c.name]));

/** A blank ruled row (for typing in a template, or padding a shorter side). */
const blankRow = (): PlannedRow => ({ role: "blank", key: "", label: "" });

function planBody(side: SideSpec, rows: RowData[] | undefined, hasData: boolean, unit: UnitInfo): PlannedRow[] {
  const body = side.body;
  if (body.kind === "fixed") {
    return body.rows.map((spec) => {
      const data = rows?.find((r) => r.id === spec.id && spec.id !== "");
      return { role: spec.blank ? "blank" : "fixed", key: spec.id, label: spec.label, fixed: spec, data };
    });
  }
  const planned: PlannedRow[] = [];
  if (body.kind === "classNames") {
    const codes = hasData ? (rows ?? []).filter((r) => /^\d{3}$/.test(r.id ?? "")).map((r) => r.id!) : [...body.template];
    codes.forEach((code, i) => planned.push({ role: "fixed", key: code, label: classLabel(i, code), data: rows?.find((r) => r.id === code) }));
    const blankCount = hasData ? 0 : body.blankRows;
    for (let i = 0; i < blankCount; i++) planned.push(blankRow());
    return planned;
  }
  let total: PlannedRow;
  if (body.kind === "subjects") {
    total = { role: "total", key: "合计", label: body.totalRow.label, childPattern: "???" };
    const present = (rows ?? []).filter((r) => r.id !== TOTAL_ROW_ID);
    const parents = new Set(present.flatMap((r) => (r.code ? ancestorCodes(r.code) : [])));
    for (const row of present) {
      const code = row.code ?? "";
      planned.push({ role: "subject", key: code, label: row.name ?? "", code, data: row, childPattern: parents.has(code) ? `${code}??` : undefined });
    }
  } else {
    const present = (rows ?? []).filter((r) => r.id !== TOTAL_ROW_ID);
    const totalLabel = body.totalRow.omitLabelWhenEmpty && hasData && present.length === 0 ? "" : fillPattern(body.totalRow.label, unit);
    total = { role: "total", key: "合计", label: totalLabel };
    for (const row of present) planned.push({ role: "item", key: row.name ?? "", label: row.name ?? "", data: row, ...(body.levelColumns ? { labelColumn: body.levelColumns[row.level ?? 0] ?? body.nameColumn } : {}) });
    // Nested items: each row sums the rows of the next level under it (indexes count the total row, which comes first).
    if (body.levelColumns) for (const [parent, children] of nestedChildren(present.map((r) => r.level ?? 0))) planned[parent].children = children.map((i) => i + 1);
  }
  // An empty table with data prints one blank ruled row beside its total row, unless the total row is itself blank.
  const blankCount = hasData ? (planned.length === 0 && total.label !== "" ? 1 : 0) : body.blankRows;
  for (let i = 0; i < blankCount; i++) planned.push(blankRow());
  const last = body.kind === "subjects" && body.totalRow.position === "last";
  return last ? [...planned, total] : [total, ...planned];
}

function planFooter(side: SideSpec, rows: RowData[] | undefined): PlannedRow[] {
  return (side.footer ?? []).map((spec) => ({
    role: spec.blank ? "blank" : "fixed",
    key: spec.id,
    label: spec.label,
    fixed: spec,
    data: rows?.find((r) => r.id === spec.id && spec.id !== ""),
  }));
}

/** Parses the header grid into cells and merges ("<" continues left, "^" continues up). */
function renderHeader(table: TableSpec, year: number, cells: LayoutCell[], merges: Area[]): void {
  const grid = table.header;
  const owner: (Area | null)[][] = grid.map((row) => row.map(() => null));
  grid.forEach((row, r) => {
    row.forEach((text, c) => {
      if (text === "<") owner[r][c] = owner[r][c - 1];
      else if (text === "^") owner[r][c] = owner[r - 1][c];
      else owner[r][c] = { firstRow: r, lastRow: r, firstCol: c, lastCol: c };
      const area = owner[r][c]!;
      area.lastRow = Math.max(area.lastRow, r);
      area.lastCol = Math.max(area.lastCol, c);
    });
  });
  const seen = new Set<Area>();
  grid.forEach((row, r) =>
    row.forEach((text, c) => {
      const area = owner[r][c]!;
      if (seen.has(area)) return;
      seen.add(area);
      cells.push({ row: HEADER_START_ROW + r, col: c, value: fillPattern(text, { year, name: "" }), style: "header" });
      if (area.lastRow > area.firstRow || area.lastCol > area.firstCol) {
        merges.push({ firstRow: HEADER_START_ROW + area.firstRow, lastRow: HEADER_START_ROW + area.lastRow, firstCol: area.firstCol, lastCol: area.lastCol });
      }
      // Fill the merged area's other cells with header style (borders).
      for (let rr = area.firstRow; rr <= area.lastRow; rr++)
        for (let cc = area.firstCol; cc <= area.lastCol; cc++)
          if (rr !== area.firstRow || cc !== area.firstCol) cells.push({ row: HEADER_START_ROW + rr, col: cc, style: "header" });
    }),
  );
}

export interface RenderInput {
  pack: TemplatePack;
  table: TableSpec;
  unit: UnitInfo;
  /** Rows with amounts in 分; omitted for a blank template. */
  data?: TableData;
  /** Sheet name to use (a free name chosen by the caller); default the table's. */
  sheetName?: string;
}

export function renderTable({ pack, table, unit, data, sheetName }: RenderInput): SheetLayout {
  const { unit: amountUnit, decimals, line: amountUnitLine } = tableUnit(pack, table);
  const colIndex = new Map(table.columns.map((c, i) => [c.key, i]));
  const col = (key: string): number => {
    const index = colIndex.get(key);
    if (index === undefined) throw new Error(`pack ${pack.id} table ${table.id}: unknown column ${key}`);
    return index;
  };
  const width = table.columns.length;
  const cells: LayoutCell[] = [];
  const merges: Area[] = [];
  const hasData = data !== undefined;

  if (table.numberLabel) cells.push({ row: NUMBER_LABEL_ROW, col: 0, value: table.numberLabel, style: "numberLabel" });
  cells.push({ row: TITLE_ROW, col: 0, value: fillPattern(table.title, unit), style: "title" });
  merges.push({ firstRow: TITLE_ROW, lastRow: TITLE_ROW, firstCol: 0, lastCol: width - 1 });
  const unitLineEnd = Math.max(0, Math.floor(width / 2) - 1);
  cells.push({ row: UNIT_ROW, col: 0, value: fillPattern(pack.unitLine, unit), style: "unitLine" });
  if (unitLineEnd > 0) merges.push({ firstRow: UNIT_ROW, lastRow: UNIT_ROW, firstCol: 0, lastCol: unitLineEnd });
  const lastVisible = table.columns.map((c, i) => (c.hidden ? -1 : i)).reduce((a, b) => Math.max(a, b), 0);
  cells.push({ row: UNIT_ROW, col: lastVisible, value: amountUnitLine, style: "amountUnitLine" });

  renderHeader(table, unit.year, cells, merges);
  const bodyStart = HEADER_START_ROW + table.header.length;

  const bodies = table.sides.map((side) => planBody(side, data?.[side.id], hasData, unit));
  const footers = table.sides.map((side) => planFooter(side, data?.[side.id]));
  const bodyHeight = Math.max(...bodies.map((b) => b.length));
  const footerHeight = Math.max(0, ...footers.map((f) => f.length));
  // A shorter side is padded with blank ruled rows, as printed (表一's income side under its five rows).
  for (const body of bodies) while (body.length < bodyHeight) body.push(blankRow());
  for (const footer of footers) while (footer.length < footerHeight) footer.push(blankRow());
  const lastRow = bodyStart + bodyHeight + footerHeight - 1;
  const rowsInfo: LayoutRowInfo[] = [];
  const amountAreas: Area[] = [];
  const fen = FEN_PER_UNIT[amountUnit];

  table.sides.forEach((side, s) => {
    const placed: { row: number; planned: PlannedRow }[] = [
      ...bodies[s].map((planned, i) => ({ row: bodyStart + i, planned })),
      ...footers[s].map((planned, i) => ({ row: bodyStart + bodyHeight + i, planned })),
    ];
    const sideAmountCols = side.columns.filter((k) => table.columns[col(k)].kind === "amount");
    const rowSumTargets = new Set((side.rowSums ?? []).map((r) => r.target));
    const columnAmountKeys = sideAmountCols.filter((k) => !rowSumTargets.has(k));
    const rowOf = new Map(placed.filter((p) => p.planned.key !== "").map((p) => [p.planned.key, p.row]));
    const bodyRows = bodies[s].map((_, i) => bodyStart + i);
    const bodyArea = (key: string): Area => ({ firstRow: bodyStart, lastRow: bodyStart + bodyHeight - 1, firstCol: col(key), lastCol: col(key) });
    if (sideAmountCols.length > 0) {
      const first = Math.min(...sideAmountCols.map(col));
      const last = Math.max(...sideAmountCols.map(col));
      amountAreas.push({ firstRow: bodyStart, lastRow: lastRow, firstCol: first, lastCol: last });
    }

    for (const [index, { row, planned }] of placed.entries()) {
      rowsInfo.push({ row, side: side.id, key: planned.key, role: planned.role });
      const isTotal = planned.role === "total" || (planned.fixed?.sumOf !== undefined);
      for (const key of side.columns) {
        const spec = table.columns[col(key)];
        const c = col(key);
        const cell: LayoutCell = { row, col: c, style: "label" };
        if (spec.kind === "amount") {
          cell.style = isTotal ? "totalAmount" : "amount";
          if (planned.role !== "blank") {
            const formula = amountFormula(planned, key, c, row, side, rowSumTargets, columnAmountKeys, rowOf, bodyRows, bodyArea, col);
            if (formula) cell.formula = formula;
            else {
              const v = planned.data?.amounts[key];
              if (v !== null && v !== undefined) cell.value = v / fen;
            }
          }
        } else if (spec.kind === "code") {
          cell.style = "code";
          const body = side.body;
          const part = body.kind === "subjects" ? (body.codeParts ?? []).indexOf(key) : -1;
          if (planned.role === "total" && body.kind === "subjects" && body.totalRow.labelColumn === key && planned.label) {
            cell.value = planned.label;
            cell.style = "totalLabel";
          } else if (part >= 0) {
            const text = planned.role === "subject" ? codePart(planned.code!, part) : "";
            if (text) cell.value = text;
          } else if (body.kind === "subjects" && body.codeParts && (planned.role === "subject" || planned.role === "blank")) {
            // The hidden joined code: 类 & 款 & 项, so that typed rows roll up too.
            cell.formula = { op: "concat", areas: body.codeParts.map((k) => singleCell(row, col(k))) };
          } else if (planned.role === "subject") cell.value = planned.code;
        } else if (spec.kind === "text") {
          cell.style = "text";
          const text = planned.data?.texts?.[key] ?? (planned.labelColumn === key ? planned.label : undefined);
          if (text) cell.value = text;
        } else {
          const isLabelColumn = key === side.labelColumn;
          const totalInOtherColumn = planned.role === "total" && side.body.kind === "subjects" && side.body.totalRow.labelColumn !== key;
          const ownColumn = planned.labelColumn === undefined || planned.role !== "item" ? isLabelColumn : planned.labelColumn === key;
          if (ownColumn && planned.label && !totalInOtherColumn) cell.value = planned.label;
          // A group's label stands once, merged down over the group's rows (一般公共预算资金 over its 小计 and items).
          const group = planned.fixed?.group;
          if (key === side.groupColumn && group !== undefined && placed[index - 1]?.planned.fixed?.group !== group) {
            cell.value = group;
            let last = index;
            while (placed[last + 1]?.planned.fixed?.group === group) last++;
            if (last > index) merges.push({ firstRow: row, lastRow: placed[last].row, firstCol: c, lastCol: c });
          }
          cell.style = isTotal ? "totalLabel" : "label";
        }
        cells.push(cell);
      }
      // The 合计 label spans the code columns and the name column where it stands left of the name.
      if (planned.role === "total" && side.body.kind === "subjects") {
        const a = col(side.body.totalRow.labelColumn);
        const b = col(side.body.nameColumn);
        if (b > a) merges.push({ firstRow: row, lastRow: row, firstCol: a, lastCol: b });
      }
    }
  });

  const noteRow = lastRow + 1;
  let noteCell: SheetLayout["noteCell"] = null;
  if (table.emptyNote) {
    cells.push({ row: noteRow, col: 0, formula: { op: "emptyNote", areas: amountAreas, text: fillPattern(table.emptyNote, unit) }, style: "note" });
    merges.push({ firstRow: noteRow, lastRow: noteRow, firstCol: 0, lastCol: Math.min(width - 1, 3) });
    noteCell = { row: noteRow, col: 0 };
  }

  const headerArea: Area = { firstRow: HEADER_START_ROW, lastRow: bodyStart - 1, firstCol: 0, lastCol: width - 1 };
  const bodyAreaAll: Area = { firstRow: bodyStart, lastRow, firstCol: 0, lastCol: width - 1 };
  const prefix = definedNamePrefix(table.id);
  const names: DefinedName[] = [
    { name: `${prefix}TITLE`, area: singleCell(TITLE_ROW, 0) },
    { name: `${prefix}UNIT`, area: singleCell(UNIT_ROW, 0) },
    { name: `${prefix}HEADER`, area: headerArea },
    { name: `${prefix}BODY`, area: bodyAreaAll },
  ];
  if (noteCell) names.push({ name: `${prefix}NOTE`, area: singleCell(noteCell.row, noteCell.col) });
  // The pack marker stands on the title cell of each table: YS_PACK_<pack>_<version>_<table>.
  names.push({ name: packMarkerName(pack, table.id), area: singleCell(TITLE_ROW, 0) });

  const layout: SheetLayout = {
    packId: pack.id,
    packVersion: pack.version,
    tableId: table.id,
    sheetName: sheetName ?? table.sheetName,
    amountUnit,
    decimals,
    amountFormat: amountFormat(decimals),
    columns: table.columns.map((c) => ({ width: c.width, hidden: c.hidden ?? false })),
    cells,
    merges,
    rowCount: noteRow + 1,
    headerArea,
    bodyArea: bodyAreaAll,
    noteCell,
    rows: rowsInfo.sort((a, b) => a.row - b.row),
    names,
    print: {
      orientation: table.landscape ? "landscape" : "portrait",
      paperSize: "A4",
      fitToWidth: 1,
      repeatRows: { first: HEADER_START_ROW, last: bodyStart - 1 },
      horizontallyCentered: true,
    },
  };
  evaluateLayout(layout);
  return layout;
}

function amountFormula(
  planned: PlannedRow,
  key: string,
  c: number,
  row: number,
  side: SideSpec,
  rowSumTargets: Set<string>,
  columnAmountKeys: string[],
  rowOf: Map<string, number>,
  bodyRows: number[],
  bodyArea: (key: string) => Area,
  col: (key: string) => number,
): Formula | undefined {
  if (rowSumTargets.has(key)) {
    const sum = side.rowSums!.find((r) => r.target === key)!;
    return { op: "sum", areas: colsToAreas(sum.sources.map(col), row) };
  }
  if (!columnAmountKeys.includes(key)) return undefined;
  if (planned.fixed?.sumOf) {
    const rows = planned.fixed.sumOf.flatMap((id) => (id === BODY_ROWS ? bodyRows : [rowOf.get(id)])).filter((r): r is number => r !== undefined);
    return { op: "sum", areas: rowsToAreas(rows, c) };
  }
  const body = side.body;
  if (planned.children && body.kind === "items") return { op: "sum", areas: rowsToAreas(planned.children.map((i) => bodyRows[i]), c) };
  if (planned.role === "total" && body.kind === "items") {
    const itemRows = bodyRows.filter((r) => r !== row);
    if (itemRows.length === 0) return undefined;
    if (!body.levelColumns) return { op: "sum", areas: rowsToAreas(itemRows, c) };
    // Nested items: the 合计 adds the rows that fill the first level's column.
    const area = (column: number): Area => ({ firstRow: Math.min(...itemRows), lastRow: Math.max(...itemRows), firstCol: column, lastCol: column });
    return { op: "sumIfs", sum: area(c), criteria: area(col(body.levelColumns[0])), pattern: NON_BLANK };
  }
  if (planned.childPattern && body.kind === "subjects") {
    return { op: "sumIfs", sum: bodyArea(key), criteria: bodyArea(body.codeColumn), pattern: planned.childPattern };
  }
  return undefined;
}
