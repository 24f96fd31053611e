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

/** 单位信息 from a stored value: only a well-formed one, with a known 单位类型 (事业单位 otherwise). */
export function parseUnitInfo(raw: unknown): UnitInfo | null {
  if (!raw || typeof raw !== "object") return null;
  const r = raw as Record<string, unknown>;
  if (typeof r.name !== "string" || typeof r.year !== "number") return null;
  const type = UNIT_TYPES.includes(r.type as UnitInfo["type"]) ? (r.type as UnitInfo["type"]) : "事业单位";
  const amountUnit = r.amountUnit === "元" || r.amountUnit === "万元" ? r.amountUnit : undefined;
  return { name: r.name, year: r.year, type, department: typeof r.department === "string" ? r.department : "", ...(amountUnit ? { amountUnit } : {}) };
}
