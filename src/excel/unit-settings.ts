/** 单位信息 stored with the workbook (document settings), so reopening the file keeps it. */
import type { UnitInfo } from "../core/model";
import { NARRATIVE_FACTS_SETTING, PACK_SETTING, SUBJECTS_SETTING, UNIT_INFO_SETTING, parseUnitInfo } from "../core/document-settings";

export function loadUnitInfo(settings: Office.Settings): UnitInfo | null {
  return parseUnitInfo(settings.get(UNIT_INFO_SETTING));
}

/** Sets one document setting and saves the settings; `what` names it in the error (单位信息保存失败：…). */
function saveSetting(settings: Office.Settings, key: string, value: unknown, what: string): Promise<void> {
  settings.set(key, value);
  return new Promise((resolve, reject) => {
    settings.saveAsync((result) => (result.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new Error(`${what}保存失败：${result.error?.message ?? "未知原因"}`))));
  });
}

export function saveUnitInfo(settings: Office.Settings, info: UnitInfo): Promise<void> {
  return saveSetting(settings, UNIT_INFO_SETTING, info, "单位信息");
}

/** 情况说明 facts typed in the task pane, kept with the workbook like 单位信息. */
export function loadFactsSetting(settings: Office.Settings): unknown {
  return settings.get(NARRATIVE_FACTS_SETTING) ?? null;
}

export function saveFactsSetting(settings: Office.Settings, facts: unknown): Promise<void> {
  return saveSetting(settings, NARRATIVE_FACTS_SETTING, facts, "说明资料");
}

/** A complete subject list loaded in the task pane, kept with the workbook like 单位信息. */
export function loadSubjectsSetting(settings: Office.Settings): string | null {
  const value = settings.get(SUBJECTS_SETTING);
  return typeof value === "string" ? value : null;
}

export function saveSubjectsSetting(settings: Office.Settings, csv: string): Promise<void> {
  return saveSetting(settings, SUBJECTS_SETTING, csv, "科目表");
}

/** A template pack file imported in the task pane, kept with the workbook like the subject list. */
export function loadPackSetting(settings: Office.Settings): string | null {
  const value = settings.get(PACK_SETTING);
  return typeof value === "string" ? value : null;
}

export function savePackSetting(settings: Office.Settings, json: string): Promise<void> {
  return saveSetting(settings, PACK_SETTING, json, "模板包");
}
