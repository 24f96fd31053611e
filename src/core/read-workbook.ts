/**
 * Reads a workbook back into the data model, whatever reads the cells (Office.js
 * or ExcelJS): tables are found by the defined names the templates carry
 * (YS_PACK_…, YS_Tn_BODY), so inserted rows and moved or renamed sheets do not
 * lose them. Read-only; problems are reported with their place, never thrown.
 */
import { cellAddress, parseAreaAddress, type Area } from "./layout/a1";
import { readAmount } from "./amount";
import { toFen } from "./fixed";
import { PERFORMANCE_NAME } from "./forms/performance";
import { NARRATIVE_BODY_NAME } from "./narrative/layout";
import { readUnitInfoCells, UNIT_INFO_NAME } from "./layout/unit-info-sheet";
import { definedNamePrefix, packKey, parsePackMarker } from "./layout/names";
import type { Disclosure, UnitInfo } from "./model";
import { PACKS } from "./packs";
import type { TemplatePack } from "./packs/types";
import { readTableRows, type ReadProblem, type SheetGrid } from "./read-tables";
import type { TableTexts } from "./validation/types";

export interface NamedArea {
  sheetName: string;
  area: Area;
}

export interface WorkbookReading {
  pack: TemplatePack | null;
  disclosure: Disclosure | null;
  problems: ReadProblem[];
  /** Sheet and body area of each table found. */
  places: Record<string, { sheetName: string; body: Area }>;
  /** Title, 单位名称 line and empty note of each table found. */
  texts: Record<string, TableTexts>;
  /** The 情况说明 text, one line per row, where the workbook has it. */
  narrative?: { sheetName: string; lines: { row: number; text: string }[] };
  /** 单位信息 kept in the workbook (the very hidden YS_INFO sheet of generated workbooks). */
  unitInfo?: Partial<UnitInfo>;
  /** 绩效目标表: each form's project and 年度资金总额 (分), with the cell of the figure. */
  performanceForms?: { project: string; yearFunds: number | null; sheetName: string; cell: string }[];
}

/** Parses a name's reference: '表三 支出总表'!$A$6:$E$20 (with or without a leading "="). */
export function parseNameReference(reference: string): NamedArea | null {
  const text = reference.replace(/^=/, "");
  const bang = text.lastIndexOf("!");
  if (bang < 0) return null;
  let sheetName = text.slice(0, bang);
  if (sheetName.startsWith("'") && sheetName.endsWith("'")) sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
  const area = parseAreaAddress(text.slice(bang + 1).replace(/\$/g, ""));
  return area ? { sheetName, area } : null;
}

/** The pack a workbook's names point to, or why there is none. */
export function packOfNames(names: ReadonlyMap<string, NamedArea>): { pack: TemplatePack } | { problem: string } {
  const markers = [...names.keys()].map(parsePackMarker).filter((m): m is NonNullable<typeof m> => m !== null);
  if (markers.length === 0) return { problem: "工作簿中没有找到预算公开模板的表格（缺少 YS_PACK 名称），请用预算公开助手插入模板或生成工作簿。" };
  const pack = PACKS.find((p) => packKey(p.id) === markers[0].packKey);
  if (!pack) return { problem: `工作簿使用的模板包“${markers[0].packKey}”未知，本版本支持：${PACKS.map((p) => p.id).join("、")}。` };
  return { pack };
}


/** The names a reader must fetch cells for: every table's body, title, 单位 line and note, and the 情况说明. */
export function tableNames(pack: TemplatePack): string[] {
  return [...pack.tables.flatMap((t) => ["BODY", "TITLE", "UNIT", "NOTE"].map((s) => `${definedNamePrefix(t.id)}${s}`)), NARRATIVE_BODY_NAME];
}

/**
 * @param names defined names of the workbook that refer to ranges
 * @param gridOf the cells of a sheet, or undefined when the sheet does not exist
 */
export function readDisclosure(names: ReadonlyMap<string, NamedArea>, gridOf: (sheetName: string) => SheetGrid | undefined, unitDefaults: Partial<UnitInfo> = {}): WorkbookReading {
  const found = packOfNames(names);
  if ("problem" in found) return { pack: null, disclosure: null, problems: [{ sheet: "", cell: "", message: found.problem }], places: {}, texts: {} };
  const pack = found.pack;
  const problems: ReadProblem[] = [];
  const tables: Disclosure["tables"] = {};
  const places: WorkbookReading["places"] = {};
  const texts: WorkbookReading["texts"] = {};
  const infoPlace = names.get(UNIT_INFO_NAME);
  const infoGrid = infoPlace && gridOf(infoPlace.sheetName);
  const unitInfo = infoGrid ? readUnitInfoCells((r, c) => infoGrid.value(infoPlace.area.firstRow + r, infoPlace.area.firstCol + c)) : undefined;
  let unitName = unitDefaults.name ?? "";
  let year = unitDefaults.year ?? 0;

  for (const table of pack.tables) {
    const prefix = definedNamePrefix(table.id);
    const body = names.get(`${prefix}BODY`);
    if (!body) continue;
    const grid = gridOf(body.sheetName);
    if (!grid) {
      problems.push({ sheet: body.sheetName, cell: "", message: `${table.id} 所在的工作表“${body.sheetName}”已被删除。`, tableId: table.id });
      continue;
    }
    places[table.id] = { sheetName: grid.name, body: body.area };
    const result = readTableRows(pack, table, grid, body.area);
    tables[table.id] = result.data;
    problems.push(...result.problems);
    const textAt = (suffix: string): string | undefined => {
      const place = names.get(`${prefix}${suffix}`);
      const value = place ? gridOf(place.sheetName)?.value(place.area.firstRow, place.area.firstCol) : null;
      return typeof value === "string" ? value : undefined;
    };
    const tableTexts: TableTexts = { sheetName: grid.name, title: textAt("TITLE"), unitLine: textAt("UNIT"), note: textAt("NOTE") };
    texts[table.id] = tableTexts;
    if (!unitName && tableTexts.unitLine) unitName = tableTexts.unitLine.replace(/^(单位名称|编制单位)[:：]\s*/, "").trim();
    const yearMatch = !year && tableTexts.title ? /(\d{4})\s*年/.exec(tableTexts.title) : null;
    if (yearMatch) year = Number(yearMatch[1]);
  }
  if (Object.keys(places).length === 0) problems.push({ sheet: "", cell: "", message: "找到了模板包名称，但没有找到任何表格的数据区域。" });
  // What the tables print wins; the info sheet fills in what they do not (单位类型, 主管部门); options given by the caller win over both.
  const unit: UnitInfo = {
    name: unitName || unitInfo?.name || "",
    year: year || unitInfo?.year || 0,
    type: unitDefaults.type ?? unitInfo?.type ?? "事业单位",
    department: unitDefaults.department ?? unitInfo?.department ?? "",
  };
  const reading: WorkbookReading = { pack, disclosure: { packId: pack.id, unit, tables }, problems, places, texts, ...(unitInfo ? { unitInfo } : {}) };
  const narrativeArea = names.get(NARRATIVE_BODY_NAME);
  const narrativeGrid = narrativeArea && gridOf(narrativeArea.sheetName);
  if (narrativeArea && narrativeGrid) {
    const lines: { row: number; text: string }[] = [];
    for (let row = narrativeArea.area.firstRow; row <= narrativeArea.area.lastRow; row++) {
      const value = narrativeGrid.value(row, narrativeArea.area.firstCol);
      if (typeof value === "string" && value.trim() !== "") lines.push({ row, text: value.trim() });
    }
    reading.narrative = { sheetName: narrativeGrid.name, lines };
  }
  const forms = new Map<number, { project?: NamedArea; funds?: NamedArea }>();
  for (const [name, place] of names) {
    const m = PERFORMANCE_NAME.exec(name);
    if (!m) continue;
    const entry = forms.get(Number(m[1])) ?? {};
    if (m[2] === "PROJECT") entry.project = place;
    else entry.funds = place;
    forms.set(Number(m[1]), entry);
  }
  if (forms.size > 0) {
    reading.performanceForms = [...forms.entries()]
      .sort(([a], [b]) => a - b)
      .flatMap(([, f]) => {
        const grid = f.funds && gridOf(f.funds.sheetName);
        if (!f.project || !f.funds || !grid) return [];
        const project = grid.value(f.project.area.firstRow, f.project.area.firstCol);
        const funds = readAmount(grid.value(f.funds.area.firstRow, f.funds.area.firstCol));
        return [{ project: typeof project === "string" ? project.trim() : "", yearFunds: funds.kind === "number" ? toFen(funds.value, "元") : null, sheetName: grid.name, cell: cellAddress(f.funds.area.firstRow, f.funds.area.firstCol) }];
      });
  }
  return reading;
}
