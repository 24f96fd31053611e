/**
 * The WorkbookPort of the active WPS 表格 workbook, through the ET object model. Calls are
 * synchronous; each method runs to its end and settles a promise, so the views use it as they use
 * the Excel port. Nothing domain-shaped here: layouts, readings, copies and settings come from core.
 */
import { DEFAULT_PACK_ID, findPack } from "../core/packs";
import { NARRATIVE_FACTS_SETTING, PACK_SETTING, SUBJECTS_SETTING, UNIT_INFO_SETTING, parseUnitInfo } from "../core/document-settings";
import { customFunctionCells } from "../core/finalize";
import type { SheetPrint } from "../core/print-plan";
import { yuanToWan } from "../core/convert-units";
import { areaAddress, cellAddress, quoteSheetName } from "../core/layout/a1";
import { isFormulaText } from "../core/layout/formula-text";
import { freeSheetName, missingSheetMessage } from "../core/layout/sheet-names";
import type { SheetLayout } from "../core/layout/types";
import { renderUnitInfoSheet, readUnitInfoCells, unitInfoValues, UNIT_INFO_SHEET } from "../core/layout/unit-info-sheet";
import { planInsertion } from "../core/layout/workbook";
import type { UnitInfo } from "../core/model";
import type { NarrativeFacts } from "../core/narrative/facts";
import { carriesNarrativeBody, isNarrativeName, NARRATIVE_BODY_NAME } from "../core/narrative/layout";
import type { WorkbookReading } from "../core/read-workbook";
import { namesForPlacement } from "../core/recognize/attach";
import type { RecognitionOptions, TablePlacement } from "../core/recognize/recognize";
import { EXACT_COPY_HEADER, EXACT_COPY_SHEET, type RoundingChange } from "../core/rounding/changes";
import { exactCopyAdditions, exactCopyHeader, exactCopyRestores } from "../core/rounding/exact-copy";
import { REPORT_HEADER, reportRows } from "../core/validation/report-rows";
import type { ValidationReport } from "../core/validation/types";
import type { InsertReport, InsertRequest, WorkbookPort } from "../host/workbook-port";
import { get, readRange, settle, valueGrid } from "./access";
import { SHEET_VERY_HIDDEN, type EtApplication, type EtRange, type EtWorkbook } from "./et";
import { readWorkbookTables } from "./read";
import { loadSettings, saveSetting } from "./settings";
import { addSheetAtEnd, findSheet, keepingActiveSheet, nameList, namedAreas, sheetList, sheetsByName, withoutPrompts, withoutRedraw } from "./workbook";
import { setPageSetup, writeLayout } from "./write-layout";

export class WpsWorkbookPort implements WorkbookPort {
  constructor(private readonly app: EtApplication) {}

  /** Work that adds our hidden sheets, which WPS would show one by one: the accountant stays where they were. */
  private keepingView<T>(work: () => T): Promise<T> {
    return settle(() => keepingActiveSheet(this.app, work));
  }

  private get workbook(): EtWorkbook {
    const workbook = this.app.ActiveWorkbook;
    if (!workbook) throw new Error("没有打开的工作簿：请先在 WPS 表格中新建或打开一个工作簿。");
    return workbook;
  }

  loadUnitInfo(): Promise<UnitInfo | null> {
    return settle(() => {
      const stored = parseUnitInfo(loadSettings(this.workbook).get(UNIT_INFO_SETTING));
      if (stored) return stored;
      // A workbook made by `generate` carries only the YS_INFO sheet.
      const sheet = findSheet(this.workbook, UNIT_INFO_SHEET);
      if (!sheet) return null;
      const grid = valueGrid(get(sheet.Range("A1:B4"), "Value2"), 4, 2);
      return parseUnitInfo({ department: "", ...readUnitInfoCells((r, c) => grid[r]?.[c] ?? null) });
    });
  }

  saveUnitInfo(info: UnitInfo): Promise<void> {
    return this.keepingView(() => {
      saveSetting(this.workbook, UNIT_INFO_SETTING, info);
      // Also the YS_INFO sheet that `generate` writes, where the command line reads it.
      const sheet = findSheet(this.workbook, UNIT_INFO_SHEET);
      if (sheet) sheet.Range("A1:B4").Value2 = unitInfoValues(info);
      else writeLayout(this.app, this.workbook, renderUnitInfoSheet(findPack(DEFAULT_PACK_ID)!, info), new Set(nameList(this.workbook).map((n) => get(n, "Name"))));
    });
  }

  insertTables(request: InsertRequest): Promise<InsertReport> {
    return settle(() => {
      const pack = findPack(request.packId);
      if (!pack) throw new Error(`未知的模板包：${request.packId}`);
      const workbook = this.workbook;
      const existingNames = nameList(workbook).map((n) => get(n, "Name"));
      const plan = planInsertion(pack, request.unit, request.tableIds, sheetList(workbook).map((s) => get(s, "Name")), request.data, existingNames);
      // Workbook names are unique: a second copy of a table keeps the first copy's names (validation reads the first).
      const taken = new Set(existingNames);
      const notApplied: string[] = [];
      withoutRedraw(this.app, () => {
        const sheets = plan.layouts.map((layout) => writeLayout(this.app, workbook, layout, taken, notApplied));
        sheets.find((_, i) => !plan.layouts[i].hidden)?.Activate();
      });
      return { inserted: plan.layouts.map((l) => ({ tableId: l.tableId, sheetName: l.sheetName })), renamed: plan.renamed, ...(notApplied.length ? { notApplied } : {}) };
    });
  }

  readTables(unitDefaults: Partial<UnitInfo>, options?: RecognitionOptions): Promise<WorkbookReading> {
    return settle(() => readWorkbookTables(this.workbook, unitDefaults, options));
  }

  applyRounding(changes: readonly RoundingChange[]): Promise<{ written: number; skipped: string[] }> {
    return this.keepingView(() => {
      const workbook = this.workbook;
      const sheets = sheetsByName(workbook);
      const targets = changes.map((change) => {
        const sheet = sheets.get(change.sheetName);
        if (!sheet) throw new Error(missingSheetMessage(change.sheetName));
        return { change, range: sheet.Range(change.cell) };
      });
      // A cell holding the accountant's own formula is not overwritten: it is reported instead.
      const skipped = targets.filter((t) => isFormulaText(get(t.range, "Formula")));
      const written = targets.filter((t) => !skipped.includes(t));
      let copy = findSheet(workbook, EXACT_COPY_SHEET);
      const kept = copy ? readRange(copy.UsedRange).values : [];
      const rows = exactCopyAdditions(kept, written.map((t) => t.change));
      if (!copy) {
        copy = addSheetAtEnd(workbook, EXACT_COPY_SHEET);
        copy.Visible = SHEET_VERY_HIDDEN;
      }
      let next = kept.length;
      if (next === 0) {
        copy.Range(areaAddress({ firstRow: 0, lastRow: 0, firstCol: 0, lastCol: EXACT_COPY_HEADER.length - 1 })).Value2 = [exactCopyHeader()];
        next = 1;
      }
      if (rows.length > 0) copy.Range(areaAddress({ firstRow: next, lastRow: next + rows.length - 1, firstCol: 0, lastCol: EXACT_COPY_HEADER.length - 1 })).Value2 = rows;
      for (const { change, range } of written) range.Value2 = change.after;
      return { written: written.length, skipped: skipped.map((t) => `${t.change.sheetName}!${t.change.cell}`) };
    });
  }

  restoreExactValues(): Promise<number> {
    return settle(() => {
      const workbook = this.workbook;
      const copy = findSheet(workbook, EXACT_COPY_SHEET);
      if (!copy) return 0;
      const rows = exactCopyRestores(readRange(copy.UsedRange).values);
      const sheets = sheetsByName(workbook);
      for (const { sheetName, cell, exact } of rows) {
        const sheet = sheets.get(sheetName);
        if (sheet) sheet.Range(cell).Value2 = exact;
      }
      withoutPrompts(this.app, () => copy.Delete());
      return rows.length;
    });
  }

  attachNames(packId: string, placements: readonly TablePlacement[]): Promise<number> {
    return settle(() => {
      const pack = findPack(packId);
      if (!pack) throw new Error(`未知的模板包：${packId}`);
      const workbook = this.workbook;
      // Workbook names are unique: a name already there (a table confirmed before) is left as it is.
      const taken = new Set(nameList(workbook).map((n) => get(n, "Name")));
      let added = 0;
      for (const placement of placements)
        for (const name of namesForPlacement(pack, placement)) {
          if (taken.has(name.name)) continue;
          workbook.Names.Add(name.name, `=${quoteSheetName(placement.sheetName)}!${areaAddress(name.area, true)}`);
          taken.add(name.name);
          added++;
        }
      return added;
    });
  }

  selectCell(sheetName: string, address: string): Promise<void> {
    return settle(() => {
      const sheet = findSheet(this.workbook, sheetName);
      if (!sheet) throw new Error(missingSheetMessage(sheetName));
      sheet.Activate();
      sheet.Range(address || "A1").Select();
    });
  }

  writeReport(report: ValidationReport): Promise<string> {
    return settle(() => {
      const workbook = this.workbook;
      const name = freeSheetName("校验报告", sheetList(workbook).map((s) => get(s, "Name")));
      const sheet = addSheetAtEnd(workbook, name);
      const rows = [REPORT_HEADER, ...reportRows(report)];
      const range = sheet.Range(areaAddress({ firstRow: 0, lastRow: rows.length - 1, firstCol: 0, lastCol: REPORT_HEADER.length - 1 }));
      range.NumberFormat = "@";
      range.Value2 = rows;
      range.Font.Name = "宋体";
      sheet.Range(areaAddress({ firstRow: 0, lastRow: 0, firstCol: 0, lastCol: REPORT_HEADER.length - 1 })).Font.Bold = true;
      sheet.Range("E1").ColumnWidth = 74;
      sheet.Activate();
      return name;
    });
  }

  loadFacts(): Promise<NarrativeFacts | null> {
    return settle(() => (loadSettings(this.workbook).get(NARRATIVE_FACTS_SETTING) as NarrativeFacts | undefined) ?? null);
  }

  saveFacts(facts: NarrativeFacts): Promise<void> {
    return this.keepingView(() => saveSetting(this.workbook, NARRATIVE_FACTS_SETTING, facts));
  }

  loadSubjects(): Promise<string | null> {
    return this.textSetting(SUBJECTS_SETTING);
  }

  /** A setting kept as text (the subject list's CSV, a pack file's JSON), or null. */
  private textSetting(key: string): Promise<string | null> {
    return settle(() => {
      const text = loadSettings(this.workbook).get(key);
      return typeof text === "string" ? text : null;
    });
  }

  saveSubjects(csv: string): Promise<void> {
    return this.keepingView(() => saveSetting(this.workbook, SUBJECTS_SETTING, csv));
  }

  loadPack(): Promise<string | null> {
    return this.textSetting(PACK_SETTING);
  }

  savePack(json: string): Promise<void> {
    return this.keepingView(() => saveSetting(this.workbook, PACK_SETTING, json));
  }

  writeNarrative(layout: SheetLayout, replaceExisting: boolean): Promise<{ written: string } | { existing: string; generated: boolean }> {
    return settle(() => {
      const workbook = this.workbook;
      // The narrative's first sheet carries its name; a further part (其他相关情况说明) is found by its sheet name alone.
      const first = carriesNarrativeBody(layout);
      const generated = first ? namedAreas(workbook, (n) => n === NARRATIVE_BODY_NAME).get(NARRATIVE_BODY_NAME)?.sheetName : undefined;
      // The generated sheet, or the template's own sheet of the pack's name, typed by hand.
      const existingSheet = findSheet(workbook, generated ?? layout.sheetName);
      const existing = existingSheet ? get(existingSheet, "Name") : null;
      if (existingSheet && !replaceExisting) return { existing: existing!, generated: generated !== undefined };
      // The old sheet's names go with it; a stale one (its sheet deleted by hand) would clash with the new ones.
      if (first) for (const n of nameList(workbook).filter((n) => isNarrativeName(get(n, "Name")))) n.Delete();
      const position = existingSheet ? Number(get(existingSheet, "Index") ?? 0) : 0;
      if (existingSheet) withoutPrompts(this.app, () => existingSheet.Delete());
      const sheetName = existing ?? freeSheetName(layout.sheetName, sheetList(workbook).map((s) => get(s, "Name")));
      const sheet = writeLayout(this.app, workbook, { ...layout, sheetName });
      // In the replaced sheet's place, where the template prints its narrative.
      if (existingSheet && position > 0 && position < get(workbook.Worksheets, "Count")) sheet.Move?.(workbook.Worksheets.Item(position));
      sheet.Activate();
      return { written: sheetName };
    });
  }

  finalize(): Promise<{ cells: number; sheets: string[] }> {
    return settle(() => {
      let count = 0;
      const touched: string[] = [];
      for (const sheet of sheetList(this.workbook)) {
        const { top, left, values, formulas } = readRange(sheet.UsedRange, true);
        const cells = customFunctionCells(formulas);
        if (cells.length === 0) continue;
        touched.push(get(sheet, "Name"));
        for (const [r, c] of cells) sheet.Range(cellAddress(top + r, left + c)).Value2 = values[r][c];
        count += cells.length;
      }
      return { cells: count, sheets: touched };
    });
  }

  setUpPrinting(plan: readonly SheetPrint[]): Promise<string[]> {
    return settle(() => {
      for (const sheet of plan) setPageSetup(this.workbook.Worksheets.Item(sheet.sheetName), sheet.landscape, sheet.repeatRows);
      return plan.map((p) => p.sheetName);
    });
  }

  convertSelectionToWan(): Promise<number> {
    return settle(() => {
      const selection = this.app.Selection as EtRange | null;
      if (!selection || typeof selection !== "object" || !("Value2" in selection)) throw new Error("请先选中要换算的单元格。");
      const { top, left, values, formulas } = readRange(selection, true);
      const sheet = selection.Worksheet;
      const converted = yuanToWan(values, formulas);
      let count = 0;
      converted.forEach((row, r) =>
        row.forEach((value, c) => {
          if (value === undefined) return;
          sheet.Range(cellAddress(top + r, left + c)).Value2 = value;
          count++;
        }),
      );
      return count;
    });
  }
}
