/**
 * A rendered layout as the grids a spreadsheet host writes in one call each: formulas and values,
 * number formats, and the cells of each style as runs of one row. Shared by the Excel and WPS faces.
 */
import type { Area } from "./a1";
import { formulaText } from "./formula-text";
import { STYLE_LOOKS, numberFormatOf } from "./styles";
import type { CellStyle, SheetLayout } from "./types";

/** The cell grid as a host wants it: formulas with "=", values, and null where nothing is written. */
export function cellGrids(layout: SheetLayout): { formulas: (string | number | null)[][]; numberFormats: string[][] } {
  const width = layout.columns.length;
  const formulas = Array.from({ length: layout.rowCount }, () => Array<string | number | null>(width).fill(null));
  const numberFormats = Array.from({ length: layout.rowCount }, () => Array<string>(width).fill("General"));
  for (const cell of layout.cells) {
    numberFormats[cell.row][cell.col] = numberFormatOf(cell.style, layout.amountFormat);
    if (cell.formula) formulas[cell.row][cell.col] = `=${formulaText(cell.formula)}`;
    else if (cell.value !== undefined) formulas[cell.row][cell.col] = cell.value;
  }
  return { formulas, numberFormats };
}

/** Addresses of the cells of each style, as runs of one row. */
export function styleAreas(layout: SheetLayout): Map<CellStyle, Area[]> {
  const byStyle = new Map<CellStyle, Area[]>();
  const sorted = [...layout.cells].sort((a, b) => a.row - b.row || a.col - b.col);
  for (const cell of sorted) {
    const areas = byStyle.get(cell.style) ?? [];
    const last = areas[areas.length - 1];
    if (last && last.firstRow === cell.row && last.lastCol === cell.col - 1) last.lastCol = cell.col;
    else if (!(last && last.firstRow === cell.row && last.lastCol >= cell.col)) areas.push({ firstRow: cell.row, lastRow: cell.row, firstCol: cell.col, lastCol: cell.col });
    byStyle.set(cell.style, areas);
  }
  return byStyle;
}

/**
 * Row runs stacked into rectangles where consecutive rows span the same columns: a body column of
 * amounts becomes one area instead of one per row, so a host writes a style once per table.
 */
export function stackRuns(areas: readonly Area[]): Area[] {
  const open = new Map<string, Area>();
  const stacked: Area[] = [];
  for (const area of [...areas].sort((a, b) => a.firstRow - b.firstRow || a.firstCol - b.firstCol)) {
    const key = `${area.firstCol}:${area.lastCol}`;
    const above = open.get(key);
    if (above && above.lastRow === area.firstRow - 1) above.lastRow = area.lastRow;
    else {
      const copy = { ...area };
      open.set(key, copy);
      stacked.push(copy);
    }
  }
  return stacked;
}

/** The cells of each number format other than General, as rectangles. */
export function numberFormatAreas(layout: SheetLayout): Map<string, Area[]> {
  const { numberFormats } = cellGrids(layout);
  const runs = new Map<string, Area[]>();
  numberFormats.forEach((row, r) =>
    row.forEach((format, c) => {
      if (format === "General") return;
      const list = runs.get(format) ?? [];
      const last = list[list.length - 1];
      if (last && last.firstRow === r && last.lastCol === c - 1) last.lastCol = c;
      else list.push({ firstRow: r, lastRow: r, firstCol: c, lastCol: c });
      runs.set(format, list);
    }),
  );
  return new Map([...runs].map(([format, areas]) => [format, stackRuns(areas)]));
}

/** Comma-joined address lists of at most `maxLength` characters (a host's limit on one reference). */
export function addressLists(addresses: readonly string[], maxLength = 255): string[] {
  const lists: string[] = [];
  let current = "";
  for (const address of addresses) {
    if (current && current.length + 1 + address.length > maxLength) {
      lists.push(current);
      current = "";
    }
    current = current ? `${current},${address}` : address;
  }
  if (current) lists.push(current);
  return lists;
}

/** One look property of cells, as a host sets it. */
export type LookProperty = "font" | "size" | "bold" | "horizontal" | "wrap";

/**
 * The cells of each value of each look property, as rectangles: 宋体 for every body style at once,
 * bold for titles, headers and totals at once. A host that pays per call (WPS) writes each property
 * once per distinct value instead of once per style. Wrap is written only where it is on.
 */
export function lookAreas(layout: SheetLayout): { property: LookProperty; value: string | number | boolean; areas: Area[] }[] {
  const groups = new Map<string, { property: LookProperty; value: string | number | boolean; runs: Area[] }>();
  const add = (property: LookProperty, value: string | number | boolean, runs: readonly Area[]) => {
    const key = `${property}:${String(value)}`;
    const group = groups.get(key) ?? { property, value, runs: [] };
    group.runs.push(...runs);
    groups.set(key, group);
  };
  for (const [style, runs] of styleAreas(layout)) {
    const look = STYLE_LOOKS[style];
    add("font", look.font, runs);
    add("size", look.size, runs);
    add("bold", look.bold ?? false, runs);
    add("horizontal", look.horizontal, runs);
    if (look.wrap) add("wrap", true, runs);
  }
  return [...groups.values()].map(({ property, value, runs }) => ({ property, value, areas: stackRuns(runs) }));
}
