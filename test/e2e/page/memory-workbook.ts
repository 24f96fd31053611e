/**
 * An in-memory workbook behind the task pane's WorkbookPort, for the browser tests:
 * the same interface as the Office.js adapter, with sheets as maps of cell values
 * and workbook-scoped defined names. No recalculation: an edited amount leaves the
 * totals as they were, as a value typed over a formula would.
 */
import type { CellValue } from "../../../src/core/amount";
import { parseCellAddress } from "../../../src/core/layout/a1";
import { planInsertion } from "../../../src/core/layout/workbook";
import { evaluateLayout } from "../../../src/core/layout/evaluate";
import { cellKey, layoutCellValues } from "../../../src/core/layout/read-back";
import { freeSheetName, missingSheetMessage } from "../../../src/core/layout/sheet-names";
import type { SheetLayout } from "../../../src/core/layout/types";
import type { UnitInfo } from "../../../src/core/model";
import type { NarrativeFacts } from "../../../src/core/narrative/facts";
import { DEFAULT_PACK_ID, findPack } from "../../../src/core/packs";
import { renderUnitInfoSheet, UNIT_INFO_SHEET } from "../../../src/core/layout/unit-info-sheet";
import { readWorkbookCells, type NamedArea, type WorkbookReading } from "../../../src/core/read-workbook";
import type { RecognitionOptions, TablePlacement } from "../../../src/core/recognize/recognize";
import { namesForPlacement } from "../../../src/core/recognize/attach";
import { EXACT_COPY_HEADER, EXACT_COPY_SHEET, type RoundingChange } from "../../../src/core/rounding/changes";
import type { SheetCells } from "../../../src/core/workbook-cells";
import type { Area } from "../../../src/core/layout/a1";
import { isNarrativeName, NARRATIVE_BODY_NAME } from "../../../src/core/narrative/layout";
import { REPORT_HEADER, reportRows } from "../../../src/core/validation/report-rows";
import type { ValidationReport } from "../../../src/core/validation/types";
import type { InsertReport, InsertRequest, WorkbookPort } from "../../../src/host/workbook-port";
import type { TestWorkbook } from "./test-workbook";

export class MemoryWorkbook implements WorkbookPort, TestWorkbook {
  sheets = new Map<string, Map<string, CellValue>>();
  names = new Map<string, NamedArea>();
  selection: { sheet: string; cell: string } | null = null;
  settings = new Map<string, unknown>();
  syncs = 0;

  sheetNames(): string[] {
    return [...this.sheets.keys()];
  }

  cell(sheet: string, address: string): CellValue {
    const at = parseCellAddress(address);
    return at ? (this.sheets.get(sheet)?.get(cellKey(at.row, at.col)) ?? null) : null;
  }

  setCell(sheet: string, address: string, value: CellValue): void {
    const at = parseCellAddress(address)!;
    this.sheets.get(sheet)!.set(cellKey(at.row, at.col), value);
  }

  /** The layouts inserted, for recalculating their formulas as Excel would after the add-in writes. */
  private layouts = new Map<string, SheetLayout>();

  /** Excel recalculates after the add-in writes values: the sheet's formulas are evaluated again from its cells. */
  private recalculate(sheetName: string): void {
    const layout = this.layouts.get(sheetName);
    const sheet = this.sheets.get(sheetName);
    if (!layout || !sheet) return;
    for (const c of layout.cells) if (!c.formula && typeof sheet.get(cellKey(c.row, c.col)) === "number") c.value = sheet.get(cellKey(c.row, c.col)) as number;
    evaluateLayout(layout);
    for (const [key, value] of layoutCellValues(layout)) if (layout.cells.some((c) => c.formula && cellKey(c.row, c.col) === key)) sheet.set(key, value);
  }

  private addLayout(layout: SheetLayout): void {
    this.layouts.set(layout.sheetName, layout);
    this.sheets.set(layout.sheetName, layoutCellValues(layout));
    // Like Excel's workbook names: unique, so a second copy of a table keeps the first copy's names.
    for (const n of layout.names) if (!this.names.has(n.name)) this.names.set(n.name, { sheetName: layout.sheetName, area: n.area });
  }

  /** A sheet typed by hand: values only, no names (what a unit sends in). */
  loadPlainSheet(name: string, rows: CellValue[][], merges: Area[] = []): void {
    this.sheets.set(name, new Map(rows.flatMap((row, r) => row.flatMap((v, c) => (v === null || v === undefined ? [] : [[cellKey(r, c), v] as const])))));
    this.merges.set(name, merges);
  }

  async loadUnitInfo(): Promise<UnitInfo | null> {
    return (this.settings.get("unit") as UnitInfo | undefined) ?? null;
  }

  async saveUnitInfo(info: UnitInfo): Promise<void> {
    this.settings.set("unit", info);
    // As the Office.js adapter does: the very hidden 单位信息 sheet, written or updated.
    const layout = renderUnitInfoSheet(findPack(DEFAULT_PACK_ID)!, info);
    this.sheets.delete(layout.sheetName);
    this.addLayout(layout);
  }

  async insertTables(request: InsertRequest): Promise<InsertReport> {
    const pack = findPack(request.packId)!;
    const plan = planInsertion(pack, request.unit, request.tableIds, this.sheetNames(), request.data, [...this.names.keys()]);
    for (const layout of plan.layouts) this.addLayout(layout);
    return { inserted: plan.layouts.map((l) => ({ tableId: l.tableId, sheetName: l.sheetName })), renamed: plan.renamed };
  }

  async readTables(unitDefaults: Partial<UnitInfo>, options: RecognitionOptions = {}): Promise<WorkbookReading> {
    // As Excel's names and cells: the same core reader, through our names or by recognition.
    const sheets = [...this.sheets.entries()].map(([name, cells]): SheetCells => {
      let rowCount = 0;
      let colCount = 0;
      for (const key of cells.keys()) {
        const [r, c] = key.split(":").map(Number);
        rowCount = Math.max(rowCount, r + 1);
        colCount = Math.max(colCount, c + 1);
      }
      return { name, hidden: name === UNIT_INFO_SHEET || name === EXACT_COPY_SHEET, rowCount, colCount, merges: this.merges.get(name) ?? [], value: (r, c) => cells.get(cellKey(r, c)) ?? null };
    });
    return readWorkbookCells({ sheets, names: this.names }, unitDefaults, options);
  }

  /** Merged areas of sheets typed in the tests (the layouts' merges are not needed for reading by names). */
  merges = new Map<string, Area[]>();

  async applyRounding(changes: readonly RoundingChange[]): Promise<{ written: number; skipped: string[] }> {
    // As the Office.js adapter: exact values kept (the first time a cell is adjusted) in the hidden copy sheet.
    const copy = this.sheets.get(EXACT_COPY_SHEET) ?? new Map<string, CellValue>(EXACT_COPY_HEADER.map((h, c) => [cellKey(0, c), h] as const));
    this.sheets.set(EXACT_COPY_SHEET, copy);
    const rows = Math.max(...[...copy.keys()].map((k) => Number(k.split(":")[0]))) + 1;
    const kept = new Set(Array.from({ length: rows - 1 }, (_, i) => `${copy.get(cellKey(i + 1, 0))}!${copy.get(cellKey(i + 1, 1))}`));
    let next = rows;
    for (const c of changes) {
      if (!kept.has(`${c.sheetName}!${c.cell}`)) [c.sheetName, c.cell, c.exact, c.after].forEach((v, col) => copy.set(cellKey(next, col), v));
      if (!kept.has(`${c.sheetName}!${c.cell}`)) next++;
      this.setCell(c.sheetName, c.cell, c.after);
    }
    for (const name of new Set(changes.map((c) => c.sheetName))) this.recalculate(name);
    return { written: changes.length, skipped: [] };
  }

  async restoreExactValues(): Promise<number> {
    const copy = this.sheets.get(EXACT_COPY_SHEET);
    if (!copy) return 0;
    let restored = 0;
    for (let r = 1; copy.has(cellKey(r, 0)); r++) {
      this.setCell(String(copy.get(cellKey(r, 0))), String(copy.get(cellKey(r, 1))), copy.get(cellKey(r, 2)) as number);
      restored++;
    }
    this.sheets.delete(EXACT_COPY_SHEET);
    for (const name of this.layouts.keys()) this.recalculate(name);
    return restored;
  }

  async attachNames(packId: string, placements: readonly TablePlacement[]): Promise<number> {
    const pack = findPack(packId)!;
    let added = 0;
    for (const placement of placements)
      for (const name of namesForPlacement(pack, placement))
        if (!this.names.has(name.name)) {
          this.names.set(name.name, { sheetName: placement.sheetName, area: name.area });
          added++;
        }
    return added;
  }

  async selectCell(sheetName: string, address: string): Promise<void> {
    if (!this.sheets.has(sheetName)) throw new Error(missingSheetMessage(sheetName));
    this.selection = { sheet: sheetName, cell: address };
  }

  async writeReport(report: ValidationReport): Promise<string> {
    const name = freeSheetName("校验报告", this.sheetNames());
    const rows = [REPORT_HEADER, ...reportRows(report)];
    this.sheets.set(name, new Map(rows.flatMap((row, r) => row.map((v, c) => [cellKey(r, c), v] as const))));
    return name;
  }

  async loadFacts(): Promise<NarrativeFacts | null> {
    return (this.settings.get("facts") as NarrativeFacts | undefined) ?? null;
  }

  async loadSubjects(): Promise<string | null> {
    return (this.settings.get("subjects") as string | undefined) ?? null;
  }

  async loadPack(): Promise<string | null> {
    return (this.settings.get("pack") as string | undefined) ?? null;
  }

  async savePack(json: string): Promise<void> {
    this.settings.set("pack", json);
  }

  savedPack(): string | null {
    return (this.settings.get("pack") as string | undefined) ?? null;
  }

  async saveSubjects(csv: string): Promise<void> {
    this.settings.set("subjects", csv);
  }

  async saveFacts(facts: NarrativeFacts): Promise<void> {
    this.settings.set("facts", facts);
  }

  async writeNarrative(layout: SheetLayout, replaceExisting: boolean): Promise<{ written: string } | { existing: string }> {
    const existing = this.names.get(NARRATIVE_BODY_NAME)?.sheetName;
    if (existing && this.sheets.has(existing) && !replaceExisting) return { existing };
    if (existing) {
      this.sheets.delete(existing);
      for (const name of [...this.names.keys()]) if (isNarrativeName(name)) this.names.delete(name);
    }
    const sheetName = existing ?? freeSheetName(layout.sheetName, this.sheetNames());
    this.addLayout({ ...layout, sheetName });
    return { written: sheetName };
  }

  async finalize(): Promise<{ cells: number; sheets: string[] }> {
    return { cells: 0, sheets: [] };
  }

  async convertSelectionToWan(): Promise<number> {
    return 0;
  }

  // What the browser tests look at, the same for every host's test workbook (see TestWorkbook).
  sheetValues(sheet: string): unknown[] {
    return [...(this.sheets.get(sheet)?.values() ?? [])];
  }

  snapshot(): string {
    return JSON.stringify([...this.sheets].map(([n, m]) => [n, [...m]]));
  }

  nameList(): string[] {
    return [...this.names.keys()];
  }

  savedSubjects(): string | null {
    return (this.settings.get("subjects") as string | undefined) ?? null;
  }
}
