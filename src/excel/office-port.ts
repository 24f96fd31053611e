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
import { OFFICE_JS, type OfficeHost } from "./office-host";
import { sheetSettings } from "./settings-sheet";
import { setUpPrinting } from "./print-setup";
import type { SheetPrint } from "../core/print-plan";
import { NARRATIVE_FACTS_SETTING, PACK_SETTING, parseUnitInfo, SUBJECTS_SETTING, UNIT_INFO_SETTING } from "../core/document-settings";

const textOrNull = (value: unknown): string | null => (typeof value === "string" ? value : null);

export class ExcelWorkbookPort implements WorkbookPort {
  constructor(private readonly office: OfficeHost = OFFICE_JS) {}

  async loadUnitInfo(): Promise<UnitInfo | null> {
    return loadUnitInfo(this.office.settings()) ?? parseUnitInfo(await this.keptInSheet(UNIT_INFO_SETTING));
  }

  /** A setting WPS kept in the YS_设置 sheet, for a workbook whose Excel document settings lack it. */
  private keptInSheet(key: string): Promise<unknown> {
    return this.office.run(async (context) => (await sheetSettings(context))?.get(key) ?? null);
  }

  async saveUnitInfo(info: UnitInfo): Promise<void> {
    await saveUnitInfo(this.office.settings(), info);
    // Also inside the workbook, where the command line reads it (document settings are Office's only).
    await this.office.run((context) => writeUnitInfoSheet(context, info));
  }

  insertTables(request: InsertRequest): Promise<InsertReport> {
    return this.office.run((context) => insertTables(context, request));
  }

  readTables(unitDefaults: Partial<UnitInfo>, options?: RecognitionOptions): Promise<WorkbookReading> {
    return this.office.run((context) => readWorkbookTables(context, unitDefaults, options, this.office.supports("ExcelApi", "1.13")));
  }

  applyRounding(changes: readonly RoundingChange[]): Promise<{ written: number; skipped: string[] }> {
    return this.office.run((context) => applyRounding(context, changes));
  }

  restoreExactValues(): Promise<number> {
    return this.office.run((context) => restoreExactValues(context));
  }

  attachNames(packId: string, placements: readonly TablePlacement[]): Promise<number> {
    return this.office.run((context) => attachNames(context, packId, placements));
  }

  selectCell(sheetName: string, address: string): Promise<void> {
    return this.office.run((context) => selectCell(context, sheetName, address));
  }

  writeReport(report: ValidationReport): Promise<string> {
    return this.office.run((context) => writeReportSheet(context, report));
  }

  async loadFacts(): Promise<NarrativeFacts | null> {
    const facts = loadFactsSetting(this.office.settings()) ?? (await this.keptInSheet(NARRATIVE_FACTS_SETTING));
    return facts && typeof facts === "object" ? (facts as NarrativeFacts) : null;
  }

  async loadSubjects(): Promise<string | null> {
    return loadSubjectsSetting(this.office.settings()) ?? textOrNull(await this.keptInSheet(SUBJECTS_SETTING));
  }

  saveSubjects(csv: string): Promise<void> {
    return saveSubjectsSetting(this.office.settings(), csv);
  }

  async loadPack(): Promise<string | null> {
    return loadPackSetting(this.office.settings()) ?? textOrNull(await this.keptInSheet(PACK_SETTING));
  }

  savePack(json: string): Promise<void> {
    return savePackSetting(this.office.settings(), json);
  }

  saveFacts(facts: NarrativeFacts): Promise<void> {
    return saveFactsSetting(this.office.settings(), facts);
  }

  writeNarrative(layout: SheetLayout, replaceExisting: boolean) {
    return this.office.run((context) => writeNarrativeSheet(context, layout, replaceExisting));
  }

  finalize() {
    return this.office.run((context) => finalizeWorkbook(context));
  }

  setUpPrinting(plan: readonly SheetPrint[]): Promise<string[]> {
    return this.office.run((context) => setUpPrinting(context, plan));
  }

  convertSelectionToWan(): Promise<number> {
    return this.office.run((context) => convertSelectionToWan(context));
  }
}
