/**
 * What the task pane and the ribbon commands need from a workbook, whatever the host: the Office.js
 * adapter (src/excel/) implements it for Excel, the ET adapter (src/wps/) for WPS 表格, and the
 * browser tests over fakes of both hosts. No view knows which one it is given.
 */
import type { Disclosure, UnitInfo } from "../core/model";
import type { WorkbookReading } from "../core/read-workbook";
import type { RecognitionOptions, TablePlacement } from "../core/recognize/recognize";
import type { RoundingChange } from "../core/rounding/changes";
import type { ValidationReport } from "../core/validation/types";
import type { SheetLayout } from "../core/layout/types";
import type { NarrativeFacts } from "../core/narrative/facts";
import type { SheetPrint } from "../core/print-plan";

export interface InsertRequest {
  packId: string;
  unit: UnitInfo;
  tableIds: readonly string[];
  /** Figures to fill in, amounts in 分; blank templates when omitted. */
  data?: Disclosure["tables"];
}

export interface InsertReport {
  inserted: { tableId: string; sheetName: string }[];
  /** Tables inserted under another name because the usual one was taken. */
  renamed: { tableId: string; wanted: string; actual: string }[];
  /** Looks this host could not apply (WPS: “表三 支出总表：合并单元格”); the tables themselves were written. */
  notApplied?: string[];
}

export interface WorkbookPort {
  loadUnitInfo(): Promise<UnitInfo | null>;
  saveUnitInfo(info: UnitInfo): Promise<void>;
  insertTables(request: InsertRequest): Promise<InsertReport>;
  /**
   * Reads the disclosure tables back (read-only): through our names, or, in a workbook without
   * them, by recognising the tables (`options.choices` carries the accountant's corrections).
   */
  readTables(unitDefaults: Partial<UnitInfo>, options?: RecognitionOptions): Promise<WorkbookReading>;
  /**
   * 尾差调整: writes the adjusted figures in one batch, keeping each replaced exact value in the very
   * hidden YS_精确值 sheet; a cell that holds a formula is not overwritten but listed in `skipped`.
   */
  applyRounding(changes: readonly RoundingChange[]): Promise<{ written: number; skipped: string[] }>;
  /** 恢复精确值: puts the kept exact values back and removes the copy; returns how many. */
  restoreExactValues(): Promise<number>;
  /** Attaches our names to recognised tables the accountant confirmed (no cell changes); returns how many. */
  attachNames(packId: string, placements: readonly TablePlacement[]): Promise<number>;
  /** Selects a cell and activates its sheet. */
  selectCell(sheetName: string, address: string): Promise<void>;
  /** Writes the findings to a new sheet; returns its name. */
  writeReport(report: ValidationReport): Promise<string>;
  loadFacts(): Promise<NarrativeFacts | null>;
  /** A year's complete subject list (CSV text) kept with the workbook, or null. */
  loadSubjects(): Promise<string | null>;
  saveSubjects(csv: string): Promise<void>;
  /** A template pack file (JSON text) imported in the pane and kept with the workbook, or null. */
  loadPack(): Promise<string | null>;
  savePack(json: string): Promise<void>;
  saveFacts(facts: NarrativeFacts): Promise<void>;
  /**
   * Writes the 情况说明 sheet. One already there — generated (`generated`), or the template's own sheet of
   * that name typed by hand — is replaced, in its place, only with `replaceExisting`.
   */
  writeNarrative(layout: SheetLayout, replaceExisting: boolean): Promise<{ written: string } | { existing: string; generated: boolean }>;
  /** 定稿: custom-function formulas become values. */
  finalize(): Promise<{ cells: number; sheets: string[] }>;
  /** 打印设置: each sheet of the plan prints A4, one page wide, its header rows repeated; returns the sheets set. Only page setup changes. */
  setUpPrinting(plan: readonly SheetPrint[]): Promise<string[]>;
  /** Converts the selected numbers from 元 to 万元 (formulas untouched); returns how many. */
  convertSelectionToWan(): Promise<number>;
}
