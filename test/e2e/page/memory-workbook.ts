/**
 * An in-memory workbook behind the task pane's WorkbookPort, for the browser tests:
 * the same interface as the Office.js adapter, with sheets as maps of cell values
 * and workbook-scoped defined names. No recalculation: an edited amount leaves the
 * totals as they were, as a value typed over a formula would.
 */
import type { CellValue } from "../../../src/core/amount";
import { parseCellAddress } from "../../../src/core/layout/a1";
import { planInsertion } from "../../../src/core/layout/workbook";
import { cellKey, layoutCellValues } from "../../../src/core/layout/read-back";
import { freeSheetName } from "../../../src/core/layout/sheet-names";
import type { SheetLayout } from "../../../src/core/layout/types";
import type { UnitInfo } from "../../../src/core/model";
import type { NarrativeFacts } from "../../../src/core/narrative/facts";
import { DEFAULT_PACK_ID, findPack } from "../../../src/core/packs";
import { renderUnitInfoSheet, UNIT_INFO_SHEET } from "../../../src/core/layout/unit-info-sheet";
import { readWorkbookCells, type NamedArea, type WorkbookReading } from "../../../src/core/read-workbook";
import type { RecognitionOptions, TablePlacement } from "../../../src/core/recognize/recognize";
import { namesForPlacement } from "../../../src/core/recognize/attach";
import type { SheetCells } from "../../../src/core/workbook-cells";
import type { Area } from "../../../src/core/layout/a1";
import { isNarrativeName, NARRATIVE_BODY_NAME } from "../../../src/core/narrative/layout";
import { REPORT_HEADER, reportRows } from "../../../src/core/validation/report-rows";
import type { ValidationReport } from "../../../src/core/validation/types";
import type { InsertReport, InsertRequest, WorkbookPort } from "../../../src/excel/port";

export class MemoryWorkbook implements WorkbookPort {
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

  private addLayout(layout: SheetLayout): void {
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
      return { name, hidden: name === UNIT_INFO_SHEET, rowCount, colCount, merges: this.merges.get(name) ?? [], value: (r, c) => cells.get(cellKey(r, c)) ?? null };
    });
    return readWorkbookCells({ sheets, names: this.names }, unitDefaults, options);
  }

  /** Merged areas of sheets typed in the tests (the layouts' merges are not needed for reading by names). */
  merges = new Map<string, Area[]>();

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
    if (!this.sheets.has(sheetName)) throw new Error(`工作表“${sheetName}”不存在（可能已被删除或改名），请重新校验。`);
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
}
