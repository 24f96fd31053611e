/**
 * The browser tests' view of a WPS workbook: the fake ET object model behind the real WPS port,
 * read as the tests read the Excel workbook (excel-workbook.ts).
 */
import { parseCellAddress, type Area } from "../../../src/core/layout/a1";
import { PACK_SETTING, SUBJECTS_SETTING } from "../../../src/core/document-settings";
import { decodeSettings, SETTINGS_SHEET } from "../../../src/core/settings-sheet";
import { FakeEt } from "../../support/fake-et";
import type { TestWorkbook } from "./test-workbook";

export class WpsTestWorkbook implements TestWorkbook {
  readonly et = new FakeEt({ sheetNames: ["Sheet1"] });

  sheetNames(): string[] {
    // A new WPS workbook's own empty sheet is not one of ours.
    return this.et.sheets.map((s) => s.name).filter((n) => n !== "Sheet1");
  }

  get selection(): { sheet: string; cell: string } | null {
    const range = this.et.selection as unknown as { describe(): { sheet: string; address: string } } | null;
    if (!range) return null;
    const { sheet, address } = range.describe();
    return { sheet, cell: address };
  }

  cell(sheet: string, address: string): unknown {
    const at = parseCellAddress(address);
    return at ? (this.et.sheet(sheet)?.valueAt(at.row, at.col) ?? null) : null;
  }

  setCell(sheet: string, address: string, value: number): void {
    this.et.sheet(sheet)!.Range(address).Value2 = value;
  }

  sheetValues(sheet: string): unknown[] {
    const s = this.et.sheet(sheet);
    return s ? [...s.cells.keys()].map((k) => s.valueAt(...(k.split(":").map(Number) as [number, number]))).filter((v) => v !== null) : [];
  }

  snapshot(): string {
    return JSON.stringify(this.et.sheets.map((s) => [s.name, [...s.cells]]));
  }

  nameList(): string[] {
    return this.et.names.map((n) => n.name);
  }

  savedSubjects(): string | null {
    return this.savedSetting(SUBJECTS_SETTING);
  }

  savedPack(): string | null {
    return this.savedSetting(PACK_SETTING);
  }

  /** A setting as the WPS port keeps it: in the very hidden YS_设置 sheet. */
  private savedSetting(key: string): string | null {
    const sheet = this.et.sheet(SETTINGS_SHEET);
    if (!sheet) return null;
    const rows = new Map<number, unknown[]>();
    for (const [k, cell] of sheet.cells) {
      const [r, c] = k.split(":").map(Number);
      const row = rows.get(r) ?? [];
      row[c] = cell.value;
      rows.set(r, row);
    }
    const value = decodeSettings([...rows.values()]).get(key);
    return typeof value === "string" ? value : null;
  }


  loadPlainSheet(name: string, rows: unknown[][], merges: Area[]): void {
    this.et.loadPlainSheet(name, rows as never, merges);
  }
}
