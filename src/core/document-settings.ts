/**
 * What the add-in keeps with a workbook, whatever the host keeps it in (Excel's document settings,
 * or the YS_设置 sheet in WPS): the keys, and 单位信息 read back defensively.
 */
import { UNIT_TYPES, type UnitInfo } from "./model";

/** 单位信息 typed in the task pane. */
export const UNIT_INFO_SETTING = "ys.unitInfo";
/** 情况说明 facts typed in the task pane. */
export const NARRATIVE_FACTS_SETTING = "ys.narrativeFacts";
/** A year's complete subject list (CSV text) loaded in the task pane. */
export const SUBJECTS_SETTING = "ys.subjectList";
/** A template pack file (its JSON text) imported in the task pane (导入模板包…), for whoever opens the workbook next. */
export const PACK_SETTING = "ys.templatePack";

/** Whether a setting is one of ours (every key above), not another add-in's. */
export const isOurSetting = (key: string): boolean => key.startsWith("ys.");

/**
 * The settings a workbook keeps, from both places a host keeps them: Excel's document settings and the
 * YS_设置 sheet that WPS writes. A key in both is taken from the sheet, which travels with the cells.
 */
export function keptSettings(documentSettings: ReadonlyMap<string, unknown> | null | undefined, sheetSettings: ReadonlyMap<string, unknown> | null | undefined): Map<string, unknown> | null {
  if (!documentSettings && !sheetSettings) return null;
  return new Map([...(documentSettings ?? []), ...(sheetSettings ?? [])]);
}

/** 单位信息 from a stored value: only a well-formed one, with a known 单位类型 (事业单位 otherwise). */
export function parseUnitInfo(raw: unknown): UnitInfo | null {
  if (!raw || typeof raw !== "object") return null;
  const r = raw as Record<string, unknown>;
  if (typeof r.name !== "string" || typeof r.year !== "number") return null;
  const type = UNIT_TYPES.includes(r.type as UnitInfo["type"]) ? (r.type as UnitInfo["type"]) : "事业单位";
  const amountUnit = r.amountUnit === "元" || r.amountUnit === "万元" ? r.amountUnit : undefined;
  return { name: r.name, year: r.year, type, department: typeof r.department === "string" ? r.department : "", ...(amountUnit ? { amountUnit } : {}) };
}
