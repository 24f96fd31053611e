/** Small helpers for writing template packs as data. */
import type { ColumnSpec, FigureRef, SubjectColumnRef } from "./types";

export const amount = (key: string, width = 14): ColumnSpec => ({ key, kind: "amount", width });
export const label = (key: string, width: number): ColumnSpec => ({ key, kind: "label", width });
export const code = (key: string, width = 11): ColumnSpec => ({ key, kind: "code", width });
/** A figure of a table: row (fixed-row id, "total" or code) and column. */
export const fig = (table: string, side: string, row: string, column: string): FigureRef => ({ table, side, row, column });
/** A column of a side, matched row by row by subject code. */
export const col = (table: string, side: string, column: string): SubjectColumnRef => ({ table, side, column });
