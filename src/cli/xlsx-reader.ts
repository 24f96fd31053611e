/**
 * Reads a workbook back into the data model: tables are found by the defined names
 * the templates carry (YS_PACK_…, YS_Tn_BODY), so inserted rows and renamed sheets
 * do not lose them. Read-only; problems are reported with their cell, never thrown.
 */
import type ExcelJS from "exceljs";
import { cellAddress, parseAreaAddress, type Area } from "../core/layout/a1";
import { definedNamePrefix, packKey, parsePackMarker } from "../core/layout/names";
import { readTableRows, type ReadProblem, type SheetGrid } from "../core/read-tables";
import type { Disclosure, UnitInfo } from "../core/model";
import type { TableTexts } from "../core/validation/types";
import { PACKS } from "../core/packs";
import type { TemplatePack } from "../core/packs/types";
import { plainValue } from "./cell-values";

export interface WorkbookReading {
  pack: TemplatePack | null;
  disclosure: Disclosure | null;
  problems: ReadProblem[];
  /** Sheet and body area of each table found. */
  places: Record<string, { sheetName: string; body: Area }>;
  /** Title, 单位名称 line and empty note of each table found. */
  texts: Record<string, TableTexts>;
}

function parseNameRange(range: string): { sheetName: string; area: Area } | null {
  const bang = range.lastIndexOf("!");
  if (bang < 0) return null;
  let sheetName = range.slice(0, bang);
  if (sheetName.startsWith("'") && sheetName.endsWith("'")) sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
  const area = parseAreaAddress(range.slice(bang + 1).replace(/\$/g, ""));
  return area ? { sheetName, area } : null;
}

/** A worksheet seen through the core's grid interface. */
export function sheetGrid(sheet: ExcelJS.Worksheet): SheetGrid {
  return {
    name: sheet.name,
    value: (row, col) => plainValue(sheet.getCell(row + 1, col + 1).value),
  };
}

export function readWorkbook(workbook: ExcelJS.Workbook, unitDefaults: Partial<UnitInfo> = {}): WorkbookReading {
  const problems: ReadProblem[] = [];
  const names = new Map<string, { sheetName: string; area: Area }>();
  for (const { name, ranges } of workbook.definedNames.model as { name: string; ranges: string[] }[]) {
    const parsed = ranges.length > 0 ? parseNameRange(ranges[0]) : null;
    if (parsed) names.set(name, parsed);
  }
  const markers = [...names.keys()].map(parsePackMarker).filter((m): m is NonNullable<typeof m> => m !== null);
  if (markers.length === 0) {
    return { pack: null, disclosure: null, problems: [{ sheet: "", cell: "", message: "工作簿中没有找到预算公开模板的表格（缺少 YS_PACK 名称），请用预算公开助手插入模板或生成工作簿。" }], places: {}, texts: {} };
  }
  const pack = PACKS.find((p) => packKey(p.id) === markers[0].packKey) ?? null;
  if (!pack) {
    return { pack: null, disclosure: null, problems: [{ sheet: "", cell: "", message: `工作簿使用的模板包“${markers[0].packKey}”未知，本版本支持：${PACKS.map((p) => p.id).join("、")}。` }], places: {}, texts: {} };
  }

  const tables: Disclosure["tables"] = {};
  const places: WorkbookReading["places"] = {};
  const texts: WorkbookReading["texts"] = {};
  let unitName = unitDefaults.name ?? "";
  let year = unitDefaults.year ?? 0;
  for (const table of pack.tables) {
    const prefix = definedNamePrefix(table.id);
    const body = names.get(`${prefix}BODY`);
    if (!body) continue;
    const sheet = workbook.getWorksheet(body.sheetName);
    if (!sheet) {
      problems.push({ sheet: body.sheetName, cell: "", message: `${table.id} 所在的工作表“${body.sheetName}”已被删除。` });
      continue;
    }
    places[table.id] = { sheetName: sheet.name, body: body.area };
    const grid = sheetGrid(sheet);
    const result = readTableRows(pack, table, grid, body.area);
    tables[table.id] = result.data;
    problems.push(...result.problems);
    const textAt = (suffix: string): string | undefined => {
      const place = names.get(`${prefix}${suffix}`);
      const value = place ? workbook.getWorksheet(place.sheetName) && sheetGrid(workbook.getWorksheet(place.sheetName)!).value(place.area.firstRow, place.area.firstCol) : null;
      return typeof value === "string" ? value : undefined;
    };
    texts[table.id] = { sheetName: sheet.name, title: textAt("TITLE"), unitLine: textAt("UNIT"), note: textAt("NOTE") };
    if (!unitName && texts[table.id].unitLine) unitName = texts[table.id].unitLine!.replace(/^(单位名称|编制单位)[:：]\s*/, "").trim();
    const yearMatch = !year && texts[table.id].title ? /(\d{4})\s*年/.exec(texts[table.id].title!) : null;
    if (yearMatch) year = Number(yearMatch[1]);
  }
  if (Object.keys(places).length === 0) problems.push({ sheet: "", cell: cellAddress(0, 0), message: "找到了模板包名称，但没有找到任何表格的数据区域。" });
  const unit: UnitInfo = { name: unitName, year, type: unitDefaults.type ?? "事业单位", department: unitDefaults.department ?? "" };
  return { pack, disclosure: { packId: pack.id, unit, tables }, problems, places, texts };
}
