/** A1 addresses (单元格地址) for 0-based row and column indices. */

export interface Area {
  firstRow: number;
  lastRow: number;
  firstCol: number;
  lastCol: number;
}

export function columnLetter(col: number): string {
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellAddress(row: number, col: number, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${columnLetter(col)}${d}${row + 1}`;
}

export function areaAddress(area: Area, absolute = false): string {
  const start = cellAddress(area.firstRow, area.firstCol, absolute);
  if (area.firstRow === area.lastRow && area.firstCol === area.lastCol) return start;
  return `${start}:${cellAddress(area.lastRow, area.lastCol, absolute)}`;
}

export function parseCellAddress(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(address.trim());
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

export function parseAreaAddress(address: string): Area | null {
  const [a, b = a] = address.split(":");
  const start = parseCellAddress(a);
  const end = parseCellAddress(b);
  if (!start || !end) return null;
  return { firstRow: start.row, lastRow: end.row, firstCol: start.col, lastCol: end.col };
}

/** Sheet name quoted for a reference ('表一 收支总表'!A1). */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function singleCell(row: number, col: number): Area {
  return { firstRow: row, lastRow: row, firstCol: col, lastCol: col };
}

/** Groups sorted row indices of one column into contiguous areas. */
export function rowsToAreas(rows: readonly number[], col: number): Area[] {
  const sorted = [...rows].sort((a, b) => a - b);
  const areas: Area[] = [];
  for (const row of sorted) {
    const last = areas[areas.length - 1];
    if (last && last.lastRow === row - 1) last.lastRow = row;
    else areas.push(singleCell(row, col));
  }
  return areas;
}

export function colsToAreas(cols: readonly number[], row: number): Area[] {
  const sorted = [...cols].sort((a, b) => a - b);
  const areas: Area[] = [];
  for (const col of sorted) {
    const last = areas[areas.length - 1];
    if (last && last.lastCol === col - 1) last.lastCol = col;
    else areas.push(singleCell(row, col));
  }
  return areas;
}
