/** What the browser tests read and change in the workbook behind the pane, whatever the host. */
import type { Area } from "../../../src/core/layout/a1";

export interface TestWorkbook {
  sheetNames(): string[];
  readonly selection: { sheet: string; cell: string } | null;
  cell(sheet: string, address: string): unknown;
  /** A value typed into a cell (over its formula, if it has one). */
  setCell(sheet: string, address: string, value: number): void;
  /** Every value on a sheet. */
  sheetValues(sheet: string): unknown[];
  /** Every sheet's cells, to tell whether anything changed. */
  snapshot(): string;
  nameList(): string[];
  /** The subject list the pane saved with the workbook. */
  savedSubjects(): string | null;
  /** The template pack file the pane saved with the workbook. */
  savedPack(): string | null;
  loadPlainSheet(name: string, rows: unknown[][], merges: Area[]): void;
}
