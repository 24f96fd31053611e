/**
 * 尾差调整: chooses the printed value of every typed figure of a disclosure so that every printed
 * identity holds exactly — row sums, subject roll-ups, fixed-row sums (by the tables' own formulas)
 * and the pack's cross-table ties — with every figure within one display step (0.01 万元) of its
 * exact value and each total printed as its ordinary rounding wherever that can be had.
 *
 * The tables are solved one by one as controlled roundings (table-rounding.ts), the largest first;
 * a figure tied to one already printed is held to that value. What cannot be met is reported.
 * Method and limits: docs/rounding.md.
 */
import { toFen } from "../fixed";
import { cellAddress } from "../layout/a1";
import { criteriaMatcher } from "../layout/evaluate";
import { TOTAL_ROW_ID } from "../layout/render";
import type { LayoutCell, SheetLayout } from "../layout/types";
import { planInsertion } from "../layout/workbook";
import type { Disclosure, RowData } from "../model";
import type { FigureRef, TableSpec, TemplatePack, TieCondition, TieSpec } from "../packs/types";
import { moneyOf, tableName } from "../validation/locate";
import { ordinary, solveTable } from "./table-rounding";

/** A typed figure whose printed value differs from its ordinary rounding. */
export interface MovedFigure {
  tableId: string;
  sheetName: string;
  cell: string;
  /** Exact, ordinary rounding and adjusted value, in 分. */
  exact: number;
  ordinary: number;
  adjusted: number;
}

/** An identity left 0.01 apart because no rounding meets every identity at once. */
export interface RoundingResidual {
  description: string;
  places: { sheetName: string; cell: string }[];
  /** Printed difference in 分. */
  difference: number;
}

/** A residual's cells as the accountant finds them: 表三 支出总表!D10. */
export const residualCells = (residual: RoundingResidual): string[] => residual.places.map((p) => `${p.sheetName}!${p.cell}`);

export interface RoundingAdjustment {
  /** The disclosure with each typed figure replaced by its printed value. */
  disclosure: Disclosure;
  /** How many typed figures were considered. */
  figures: number;
  moved: MovedFigure[];
  residuals: RoundingResidual[];
}

interface CellInfo {
  leaf?: number;
  set?: number;
  exact: number;
}

/** One table: its layout, leaves, totals flattened to leaves, and where each came from. */
interface TableModel {
  table: TableSpec;
  layout: SheetLayout;
  step: number;
  leafCells: LayoutCell[];
  leafExact: number[];
  leafColumns: number[];
  sets: number[][];
  /** Exact value (分) of each set: the sum of its leaves. */
  setExact: number[];
  setCells: LayoutCell[][];
  cellInfo: Map<number, CellInfo>;
  /** Layout row of each "side|key" ("side|total" for the 合计 row). */
  rowOfKey: Map<string, number>;
}

/** A cell's key within one table. */
const at = (row: number, col: number) => row * 4096 + col;

function modelOf(pack: TemplatePack, table: TableSpec, layout: SheetLayout): TableModel {
  const grid = new Map(layout.cells.map((c) => [at(c.row, c.col), c]));
  const isAmount = (c: LayoutCell) => c.style === "amount" || c.style === "totalAmount";
  const model: TableModel = { table, layout, step: moneyOf(pack, table).step, leafCells: [], leafExact: [], leafColumns: [], sets: [], setExact: [], setCells: [], cellInfo: new Map(), rowOfKey: new Map() };
  for (const r of layout.rows) if (r.role !== "blank") model.rowOfKey.set(`${r.side}|${r.role === "total" ? TOTAL_ROW_ID : r.key}`, r.row);
  for (const cell of layout.cells)
    if (isAmount(cell) && !cell.formula && typeof cell.value === "number") {
      model.cellInfo.set(at(cell.row, cell.col), { leaf: model.leafCells.length, exact: toFen(cell.value, layout.amountUnit) });
      model.leafCells.push(cell);
      model.leafExact.push(toFen(cell.value, layout.amountUnit));
      model.leafColumns.push(cell.col);
    }
  const textAt = (row: number, col: number): string | undefined => {
    const c = grid.get(at(row, col));
    const v = c ? (c.formula ? c.result : c.value) : undefined;
    return typeof v === "string" ? v : undefined;
  };
  const matching = criteriaMatcher(textAt);
  const expanded = new Map<number, number[]>();
  const expand = (row: number, col: number): number[] => {
    const key = at(row, col);
    const info = model.cellInfo.get(key);
    if (info?.leaf !== undefined) return [info.leaf];
    const known = expanded.get(key);
    if (known) return known;
    const cell = grid.get(key);
    const leaves: number[] = [];
    expanded.set(key, leaves);
    const formula = cell?.formula;
    if (formula?.op === "sum") {
      for (const area of formula.areas) for (let r = area.firstRow; r <= area.lastRow; r++) for (let c = area.firstCol; c <= area.lastCol; c++) for (const l of expand(r, c)) leaves.push(l);
    } else if (formula?.op === "sumIfs") {
      for (const r of matching(formula.criteria, formula.pattern)) for (const l of expand(r, formula.sum.firstCol)) leaves.push(l);
    }
    return leaves;
  };
  // Totals that add the same leaves are one constraint (a 类's 合计 by row sum and by SUMIFS): found by a cheap key, then compared.
  const setIndex = new Map<string, number[]>();
  for (const cell of layout.cells) {
    if (!isAmount(cell) || !cell.formula || (cell.formula.op !== "sum" && cell.formula.op !== "sumIfs")) continue;
    const leaves = [...new Set(expand(cell.row, cell.col))].sort((a, b) => a - b);
    let sum = 0;
    for (const l of leaves) sum += l;
    const key = `${leaves.length}:${sum}:${leaves[0]}:${leaves[leaves.length - 1]}`;
    const candidates = setIndex.get(key) ?? [];
    let index = candidates.find((c) => model.sets[c].every((l, i) => l === leaves[i]));
    if (index === undefined) {
      candidates.push(model.sets.length);
      setIndex.set(key, candidates);
      index = model.sets.length;
      model.sets.push(leaves);
      model.setExact.push(leaves.reduce((sum, l) => sum + model.leafExact[l], 0));
      model.setCells.push([]);
    }
    model.setCells[index].push(cell);
    model.cellInfo.set(at(cell.row, cell.col), { set: index, exact: model.setExact[index] });
  }
  return model;
}

/** The layout cell of a figure: its row (fixed-row id, "total" or code) on its side, and its column. */
function figureCell(model: TableModel, side: string, rowKey: string, column: string): { row: number; col: number } | null {
  const row = model.rowOfKey.get(`${side}|${rowKey === TOTAL_ROW_ID ? TOTAL_ROW_ID : rowKey}`);
  const col = model.table.columns.findIndex((c) => c.key === column);
  return row !== undefined && col >= 0 ? { row, col } : null;
}

interface TiePair {
  description: string;
  left: { table: string; row: number; col: number };
  right: { table: string; row: number; col: number };
}

/** The ties of the pack that hold for this disclosure, as pairs of cells that must print alike. */
function tiePairs(pack: TemplatePack, disclosure: Disclosure, models: Map<string, TableModel>): TiePair[] {
  const exactAt = (ref: FigureRef): number | undefined => {
    const model = models.get(ref.table);
    const place = model && figureCell(model, ref.side, ref.row, ref.column);
    return place ? (model.cellInfo.get(at(place.row, place.col))?.exact ?? 0) : undefined;
  };
  const holds = (condition?: TieCondition): boolean => {
    if (!condition) return true;
    if (condition.kind === "unitType") return condition.types.includes(disclosure.unit.type);
    const a = exactAt(condition.left);
    return a !== undefined && a === exactAt(condition.right);
  };
  const pairs: TiePair[] = [];
  const add = (tie: TieSpec, leftKey: string, rightKey: string) => {
    const left = models.get(tie.left.table);
    const right = models.get(tie.right.table);
    if (!left || !right) return;
    const l = figureCell(left, tie.left.side, leftKey, tie.left.column);
    const r = figureCell(right, tie.right.side, rightKey, tie.right.column);
    if (!l || !r) return;
    const le = left.cellInfo.get(at(l.row, l.col))?.exact ?? 0;
    const re = right.cellInfo.get(at(r.row, r.col))?.exact ?? 0;
    // An inequality binds the printing only where the figures are in fact equal.
    if (tie.relation === "le" && le !== re) return;
    pairs.push({ description: tie.description, left: { table: tie.left.table, ...l }, right: { table: tie.right.table, ...r } });
  };
  for (const tie of pack.ties ?? []) {
    if (!holds(tie.when)) continue;
    if (tie.kind === "figure") add(tie, tie.left.row, tie.right.row);
    else {
      const keysOf = (table: string, side: string) => new Set((models.get(table)?.layout.rows ?? []).filter((r) => r.side === side && r.role !== "total" && /^\d+$/.test(r.key) && (!tie.classesOnly || r.key.length === 3)).map((r) => r.key));
      const right = keysOf(tie.right.table, tie.right.side);
      // Tables of the same columns showing the same figures (表五 = 表三 where all is 一般公共预算): every shared column prints alike.
      const leftSide = models.get(tie.left.table)?.table.sides.find((x) => x.id === tie.left.side);
      const rightSide = models.get(tie.right.table)?.table.sides.find((x) => x.id === tie.right.side);
      const shared = (leftSide?.columns ?? []).filter((k) => k !== tie.left.column && rightSide?.columns.includes(k) && models.get(tie.left.table)!.table.columns.find((c) => c.key === k)?.kind === "amount");
      for (const key of keysOf(tie.left.table, tie.left.side)) {
        if (!right.has(key)) continue;
        add(tie, key, key);
        for (const column of shared) add({ ...tie, relation: "le", left: { ...tie.left, column }, right: { ...tie.right, column } }, key, key);
      }
    }
  }
  return pairs;
}

export function adjustRounding(pack: TemplatePack, disclosure: Disclosure): RoundingAdjustment {
  const layouts = planInsertion(pack, disclosure.unit, pack.tables.map((t) => t.id), [], disclosure.tables).layouts;
  const models = new Map(layouts.map((layout) => [layout.tableId, modelOf(pack, pack.tables.find((t) => t.id === layout.tableId)!, layout)]));
  const pairs = tiePairs(pack, disclosure, models);
  // The printed value (分) of each decided cell, by table and cell.
  const printed = new Map<number, number>();
  const tableNumber = new Map(pack.tables.map((t, i) => [t.id, i]));
  const id = (table: string, row: number, col: number) => (tableNumber.get(table)! * 1_000_000 + row) * 4096 + col;
  // Each table's tie ends, with the other end, gathered once.
  const endsOf = new Map<string, [TiePair["left"], TiePair["left"]][]>();
  for (const pair of pairs)
    for (const [mine, other] of [
      [pair.left, pair.right],
      [pair.right, pair.left],
    ] as const) {
      const ends = endsOf.get(mine.table) ?? [];
      ends.push([mine, other]);
      endsOf.set(mine.table, ends);
    }
  const order = [...models.values()].sort((a, b) => b.leafCells.length - a.leafCells.length);
  const residuals: RoundingResidual[] = [];

  for (const model of order) {
    const lockedSets = new Map<number, number>();
    const lockedLeaves = new Map<number, number>();
    // Figures tied to ones already printed elsewhere are held to those values.
    for (const [mine, other] of endsOf.get(model.table.id) ?? []) {
      const value = printed.get(id(other.table, other.row, other.col));
      if (value === undefined || value % model.step !== 0) continue;
      const info = model.cellInfo.get(at(mine.row, mine.col));
      if (info?.leaf !== undefined && !lockedLeaves.has(info.leaf)) lockedLeaves.set(info.leaf, value / model.step);
      else if (info?.set !== undefined && !lockedSets.has(info.set)) lockedSets.set(info.set, value / model.step);
    }
    const solve = () => solveTable({ leaves: model.leafExact, step: model.step, leafColumns: model.leafColumns, sets: model.sets, lockedSets, lockedLeaves });
    let solution = solve();
    // Ties inside the table (收入总计 = 支出总计): the end with fewer leaves is held to the other, and the table solved again.
    const inside = pairs.filter((p) => p.left.table === model.table.id && p.right.table === model.table.id);
    const valueOf = (info: CellInfo | undefined) => (info?.leaf !== undefined ? solution.leaves[info.leaf] : info?.set !== undefined ? solution.sets[info.set] : 0);
    const sizeOf = (info: CellInfo | undefined) => (info?.leaf !== undefined ? 1 : info?.set !== undefined ? model.sets[info.set].length : 0);
    const isLocked = (info: CellInfo | undefined) => (info?.leaf !== undefined ? lockedLeaves.has(info.leaf) : info?.set !== undefined && lockedSets.has(info.set));
    for (let round = 0; round < 4; round++) {
      let changed = false;
      for (const pair of inside) {
        const a = model.cellInfo.get(at(pair.left.row, pair.left.col));
        const b = model.cellInfo.get(at(pair.right.row, pair.right.col));
        if (valueOf(a) === valueOf(b)) continue;
        const [held, to] = isLocked(a) || (!isLocked(b) && sizeOf(a) > sizeOf(b)) ? [b, a] : [a, b];
        if (isLocked(held)) continue;
        if (held?.leaf !== undefined) lockedLeaves.set(held.leaf, valueOf(to));
        else if (held?.set !== undefined) lockedSets.set(held.set, valueOf(to));
        changed = true;
      }
      if (!changed) break;
      solution = solve();
    }
    model.leafCells.forEach((cell, i) => printed.set(id(model.table.id, cell.row, cell.col), solution.leaves[i] * model.step));
    model.setCells.forEach((cells, s) => {
      for (const cell of cells) printed.set(id(model.table.id, cell.row, cell.col), solution.sets[s] * model.step);
      const exact = model.setExact[s];
      // A total more than one step from its exact value (the table's totals were not two laminar families).
      if (Math.abs(solution.sets[s] * model.step - exact) >= model.step)
        residuals.push({ description: `${tableName(model.table)}合计偏离精确值超过 0.01`, places: cells.map((c) => ({ sheetName: model.layout.sheetName, cell: cellAddress(c.row, c.col) })), difference: solution.sets[s] * model.step - exact });
    });
  }

  for (const pair of pairs) {
    const a = printed.get(id(pair.left.table, pair.left.row, pair.left.col)) ?? 0;
    const b = printed.get(id(pair.right.table, pair.right.row, pair.right.col)) ?? 0;
    if (a === b) continue;
    const place = (p: TiePair["left"]) => ({ sheetName: models.get(p.table)!.layout.sheetName, cell: cellAddress(p.row, p.col) });
    residuals.push({ description: pair.description, places: [place(pair.left), place(pair.right)], difference: a - b });
  }

  // The adjusted figures go back into the data, where they were typed.
  // A copy that shares no row between tables (the same rows may stand in two tables of the data).
  const tables = JSON.parse(JSON.stringify(disclosure.tables)) as Disclosure["tables"];
  const moved: MovedFigure[] = [];
  let figures = 0;
  for (const model of models.values()) {
    const infoOfRow = new Map(model.layout.rows.filter((r) => r.role !== "blank").map((r) => [`${r.row}|${r.side}`, r]));
    const dataRows = new Map<string, RowData>();
    for (const [side, rows] of Object.entries(tables[model.table.id] ?? {})) for (const r of rows) dataRows.set(`${side}|${r.id ?? r.code ?? r.name}`, r);
    model.leafCells.forEach((cell, i) => {
      const exact = model.leafExact[i];
      const adjusted = printed.get(id(model.table.id, cell.row, cell.col))!;
      if (exact % model.step !== 0) figures++;
      const usual = ordinary(exact, model.step) * model.step;
      if (adjusted !== usual) moved.push({ tableId: model.table.id, sheetName: model.layout.sheetName, cell: cellAddress(cell.row, cell.col), exact, ordinary: usual, adjusted });
      if (adjusted === exact) return;
      const column = model.table.columns[cell.col].key;
      const side = model.table.sides.find((s) => s.columns.includes(column) && infoOfRow.has(`${cell.row}|${s.id}`));
      const info = side && infoOfRow.get(`${cell.row}|${side.id}`);
      const row = info && dataRows.get(`${info.side}|${info.key}`);
      if (row) row.amounts[column] = adjusted;
    });
  }
  return { disclosure: { ...disclosure, tables }, figures, moved, residuals };
}
