/**
 * The browser tests' view of an Excel workbook: the fake Office.js workbook (test/support/fake-excel.ts)
 * behind the real ExcelWorkbookPort, read as the tests read the WPS workbook. Office.js's own globals
 * are not used: outside Excel they have no workbook to run against.
 */
import { cellAddress, parseCellAddress, type Area } from "../../../src/core/layout/a1";
import { cellKey } from "../../../src/core/layout/read-back";
import { PACK_SETTING, SUBJECTS_SETTING } from "../../../src/core/document-settings";
import type { OfficeHost } from "../../../src/excel/office-host";
import { FakeExcel, type FakeCell } from "../../support/fake-excel";
import type { TestWorkbook } from "./test-workbook";

/** A new Excel workbook's own empty sheet, not one of ours. */
const FIRST_SHEET = "Sheet1";

export class ExcelTestWorkbook implements TestWorkbook {
  readonly excel = new FakeExcel([{ name: FIRST_SHEET, cells: new Map() }], [], { mergesApi: true });
  /** The port's way to the workbook: Excel.run over the fake, its document settings, ExcelApi 1.13. */
  readonly host: OfficeHost = {
    run: (batch) => batch(this.excel.context),
    settings: () => this.excel.settings,
    supports: () => true,
  };

  sheetNames(): string[] {
    return this.excel.sheets.map((s) => s.name).filter((n) => n !== FIRST_SHEET);
  }

  get selection(): { sheet: string; cell: string } | null {
    const at = this.excel.selection;
    return at ? { sheet: at.sheet, cell: cellAddress(at.area.firstRow, at.area.firstCol) } : null;
  }

  private sheet(name: string) {
    return this.excel.sheets.find((s) => s.name === name);
  }

  cell(sheet: string, address: string): unknown {
    const at = parseCellAddress(address);
    const model = this.sheet(sheet);
    return at && model ? this.excel.valueAt(model, at.row, at.col) : null;
  }

  setCell(sheet: string, address: string, value: number): void {
    const at = parseCellAddress(address)!;
    this.excel.setCell(this.sheet(sheet)!, at.row, at.col, value, undefined);
  }

  sheetValues(sheet: string): unknown[] {
    const model = this.sheet(sheet);
    if (!model) return [];
    const keys = new Set([...model.cells.keys(), ...(model.formulas?.keys() ?? [])]);
    return [...keys].map((k) => this.excel.valueAt(model, ...(k.split(":").map(Number) as [number, number]))).filter((v) => v !== null);
  }

  snapshot(): string {
    return JSON.stringify(this.excel.sheets.map((s) => [s.name, [...s.cells], [...(s.formulas ?? [])]]));
  }

  nameList(): string[] {
    return this.excel.names.map((n) => n.name);
  }

  savedSubjects(): string | null {
    const value = this.excel.settingsStore.get(SUBJECTS_SETTING);
    return typeof value === "string" ? value : null;
  }

  savedPack(): string | null {
    const value = this.excel.settingsStore.get(PACK_SETTING);
    return typeof value === "string" ? value : null;
  }

  loadPlainSheet(name: string, rows: unknown[][], merges: Area[]): void {
    const cells = new Map<string, FakeCell>();
    rows.forEach((row, r) => row.forEach((v, c) => v !== null && v !== undefined && v !== "" && cells.set(cellKey(r, c), v as FakeCell)));
    this.excel.sheets.push({ name, cells, merges: merges.map((m) => ({ ...m })) });
    this.excel.changed();
  }
}
