/** The WorkbookPort of a real Excel workbook, through Office.js. */
import type { UnitInfo } from "../core/model";
import type { WorkbookReading } from "../core/read-workbook";
import type { ValidationReport } from "../core/validation/types";
import { readWorkbookTables, selectCell } from "./read-workbook";
import { writeReportSheet } from "./write-report";
import type { InsertReport, InsertRequest, WorkbookPort } from "../host/workbook-port";
import { loadFactsSetting, loadPackSetting, loadSubjectsSetting, loadUnitInfo, saveFactsSetting, savePackSetting, saveSubjectsSetting, saveUnitInfo } from "./unit-settings";
import type { SheetLayout } from "../core/layout/types";
import type { NarrativeFacts } from "../core/narrative/facts";
import { finalizeWorkbook } from "./finalize";
import { convertSelectionToWan } from "./convert-selection";
import { writeNarrativeSheet } from "./write-narrative";
import { insertTables } from "./write-layouts";
import { writeUnitInfoSheet } from "./write-unit-info";
import { attachNames } from "./attach-names";
import { applyRounding, restoreExactValues } from "./rounding";
import type { RoundingChange } from "../core/rounding/changes";
import type { RecognitionOptions, TablePlacement } from "../core/recognize/recognize";

export class ExcelWorkbookPort implements WorkbookPort {
  async loadUnitInfo(): Promise<UnitInfo | null> {
    return loadUnitInfo(Office.context.document.settings);
  }

  async saveUnitInfo(info: UnitInfo): Promise<void> {
    await saveUnitInfo(Office.context.document.settings, info);
    // Also inside the workbook, where the command line reads it (document settings are Office's only).
    await Excel.run((context) => writeUnitInfoSheet(context, info));
  }

  insertTables(request: InsertRequest): Promise<InsertReport> {
    return Excel.run((context) => insertTables(context, request));
  }

  readTables(unitDefaults: Partial<UnitInfo>, options?: RecognitionOptions): Promise<WorkbookReading> {
    return Excel.run((context) => readWorkbookTables(context, unitDefaults, options));
  }

  applyRounding(changes: readonly RoundingChange[]): Promise<{ written: number; skipped: string[] }> {
    return Excel.run((context) => applyRounding(context, changes));
  }

  restoreExactValues(): Promise<number> {
    return Excel.run((context) => restoreExactValues(context));
  }

  attachNames(packId: string, placements: readonly TablePlacement[]): Promise<number> {
    return Excel.run((context) => attachNames(context, packId, placements));
  }

  selectCell(sheetName: string, address: string): Promise<void> {
    return Excel.run((context) => selectCell(context, sheetName, address));
  }

  writeReport(report: ValidationReport): Promise<string> {
    return Excel.run((context) => writeReportSheet(context, report));
  }

  async loadFacts(): Promise<NarrativeFacts | null> {
    return (loadFactsSetting(Office.context.document.settings) as NarrativeFacts | null) ?? null;
  }

  async loadSubjects(): Promise<string | null> {
    return loadSubjectsSetting(Office.context.document.settings);
  }

  saveSubjects(csv: string): Promise<void> {
    return saveSubjectsSetting(Office.context.document.settings, csv);
  }

  async loadPack(): Promise<string | null> {
    return loadPackSetting(Office.context.document.settings);
  }

  savePack(json: string): Promise<void> {
    return savePackSetting(Office.context.document.settings, json);
  }

  saveFacts(facts: NarrativeFacts): Promise<void> {
    return saveFactsSetting(Office.context.document.settings, facts);
  }

  writeNarrative(layout: SheetLayout, replaceExisting: boolean) {
    return Excel.run((context) => writeNarrativeSheet(context, layout, replaceExisting));
  }

  finalize() {
    return Excel.run((context) => finalizeWorkbook(context));
  }

  convertSelectionToWan(): Promise<number> {
    return Excel.run((context) => convertSelectionToWan(context));
  }
}
