/**
 * The JSON interchange format budget-tables/1 (预算公开数据交换格式): read with
 * messages that name the JSON path, and written back. Amounts in the file are in
 * its `amountUnit` (元 or 万元); in the model they are integers of 分.
 */
import { readAmount } from "./amount";
import { readCode } from "./codes";
import { FEN_PER_UNIT, toFen, type AmountUnit } from "./fixed";
import { UNIT_TYPES, type Disclosure, type RowData, type TableData, type UnitType } from "./model";
import { findPack } from "./packs";
import { safeText } from "./text";
import { FUND_SOURCES, PERFORMANCE_FORM_ID, type PerformanceTarget } from "./forms/performance";

export const FORMAT_ID = "budget-tables/1";

export interface DataFormatRow {
  id?: string;
  code?: string;
  name?: string;
  amounts?: Record<string, number | null>;
  texts?: Record<string, string>;
  /** Nesting level of an item row, where the table's items nest (0 = first level). */
  level?: number;
}

export interface DataFormatFile {
  format: typeof FORMAT_ID;
  pack: string;
  year: number;
  amountUnit: AmountUnit;
  unit: { name: string; type: UnitType; department?: string };
  tables: Record<string, Record<string, DataFormatRow[]>>;
  narrative?: Record<string, unknown>;
}

export interface DataIssue {
  path: string;
  message: string;
}

export type ReadResult = { ok: true; disclosure: Disclosure; narrative?: Record<string, unknown> } | { ok: false; issues: DataIssue[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Checks and converts a parsed JSON document. Never throws. */
export function readDataFile(json: unknown): ReadResult {
  const issues: DataIssue[] = [];
  const issue = (path: string, message: string) => issues.push({ path, message });
  if (!isObject(json)) return { ok: false, issues: [{ path: "$", message: "应为一个 JSON 对象。" }] };

  if (json.format !== FORMAT_ID) issue("$.format", `应为 "${FORMAT_ID}"，实际为 ${JSON.stringify(json.format)}。`);
  const pack = typeof json.pack === "string" ? findPack(json.pack) : undefined;
  if (!pack) issue("$.pack", `未知的模板包 ${JSON.stringify(json.pack)}。`);
  const year = json.year;
  if (typeof year !== "number" || !Number.isInteger(year) || year < 2000 || year > 2100) issue("$.year", "年度应为2000到2100之间的整数。");
  const amountUnit = json.amountUnit as AmountUnit;
  if (!(amountUnit in FEN_PER_UNIT)) issue("$.amountUnit", `金额单位应为 "元" 或 "万元"，实际为 ${JSON.stringify(json.amountUnit)}。`);

  const unit = json.unit;
  if (!isObject(unit)) issue("$.unit", "缺少单位信息（unit）。");
  else {
    if (typeof unit.name !== "string" || unit.name.trim() === "") issue("$.unit.name", "单位名称不能为空。");
    if (!UNIT_TYPES.includes(unit.type as UnitType)) issue("$.unit.type", `单位类型应为 ${UNIT_TYPES.join("、")} 之一。`);
    if (unit.department !== undefined && typeof unit.department !== "string") issue("$.unit.department", "主管部门应为文本。");
  }
  if (!isObject(json.tables)) issue("$.tables", "缺少表格数据（tables）。");
  if (issues.length > 0 || !pack || !isObject(unit) || !isObject(json.tables)) return { ok: false, issues };

  const tables: Record<string, TableData> = {};
  let performanceTargets: PerformanceTarget[] | undefined;
  for (const [tableId, tableJson] of Object.entries(json.tables)) {
    const tablePath = `$.tables.${tableId}`;
    if (tableId === PERFORMANCE_FORM_ID) {
      performanceTargets = readPerformanceForms(tableJson, tablePath, amountUnit, issue);
      continue;
    }
    const spec = pack.tables.find((t) => t.id === tableId);
    if (!spec) {
      issue(tablePath, `模板包 ${pack.id} 中没有表 ${tableId}。`);
      continue;
    }
    if (!isObject(tableJson)) {
      issue(tablePath, "应为对象，键为表的栏（rows，或 income / expenditure）。");
      continue;
    }
    const table: TableData = {};
    for (const [sideId, rowsJson] of Object.entries(tableJson)) {
      const side = spec.sides.find((s) => s.id === sideId);
      const sidePath = `${tablePath}.${sideId}`;
      if (!side) {
        issue(sidePath, `${tableId} 没有“${sideId}”栏，应为 ${spec.sides.map((s) => s.id).join(" / ")}。`);
        continue;
      }
      if (!Array.isArray(rowsJson)) {
        issue(sidePath, "应为行的数组。");
        continue;
      }
      const amountKeys = new Set(side.columns.filter((k) => spec.columns.find((c) => c.key === k)?.kind === "amount"));
      const textKeys = new Set(side.columns.filter((k) => spec.columns.find((c) => c.key === k)?.kind === "text"));
      table[sideId] = rowsJson.map((rowJson, i) => readRow(rowJson, `${sidePath}[${i}]`, amountKeys, textKeys, amountUnit, side.body.kind === "subjects", issue));
    }
    tables[tableId] = table;
  }
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    disclosure: {
      packId: pack.id,
      unit: { name: (unit.name as string).trim(), year: year as number, type: unit.type as UnitType, department: (unit.department as string | undefined) ?? "" },
      tables,
      ...(performanceTargets ? { performanceTargets } : {}),
    },
    narrative: isObject(json.narrative) ? json.narrative : undefined,
  };
}

/** tables.P1: { forms: [...] }, funds in the file's unit. */
function readPerformanceForms(json: unknown, path: string, unit: AmountUnit, issue: (path: string, message: string) => void): PerformanceTarget[] {
  if (!isObject(json) || !Array.isArray(json.forms)) {
    issue(path, "绩效目标表应为 { \"forms\": [ … ] }。");
    return [];
  }
  const text = (v: unknown) => (typeof v === "string" ? v : "");
  const money = (v: unknown, p: string): number | undefined => {
    if (v === undefined || v === null) return undefined;
    const r = readAmount(v as never);
    if (r.kind === "number") return toFen(r.value, unit);
    issue(p, `金额 ${JSON.stringify(v)} 不是数字。`);
    return undefined;
  };
  const funds = (v: unknown, p: string) => {
    const o = isObject(v) ? v : {};
    const out: Record<string, number> = { total: money(o.total, `${p}.total`) ?? 0 };
    for (const [key] of FUND_SOURCES) {
      const m = money(o[key], `${p}.${key}`);
      if (m !== undefined) out[key] = m;
    }
    return out as PerformanceTarget["funds"]["year"];
  };
  return json.forms.map((f, i): PerformanceTarget => {
    const p = `${path}.forms[${i}]`;
    const form = isObject(f) ? f : {};
    if (typeof form.project !== "string" || form.project.trim() === "") issue(`${p}.project`, "项目名称不能为空。");
    const fundsJson = isObject(form.funds) ? form.funds : {};
    const goals = isObject(form.goals) ? form.goals : {};
    return {
      project: text(form.project).trim(),
      department: text(form.department),
      attribute: text(form.attribute),
      period: text(form.period),
      funds: { period: funds(fundsJson.period, `${p}.funds.period`), year: funds(fundsJson.year, `${p}.funds.year`) },
      overview: text(form.overview),
      basis: text(form.basis),
      necessity: text(form.necessity),
      measures: text(form.measures),
      plan: text(form.plan),
      goals: { period: text(goals.period), year: text(goals.year) },
      indicators: (Array.isArray(form.indicators) ? form.indicators : []).map((x) => {
        const ind = isObject(x) ? x : {};
        return { level1: text(ind.level1), level2: text(ind.level2), level3: text(ind.level3), periodValue: text(ind.periodValue), yearValue: text(ind.yearValue) };
      }),
    };
  });
}

function readRow(
  rowJson: unknown,
  path: string,
  amountKeys: Set<string>,
  textKeys: Set<string>,
  unit: AmountUnit,
  bySubject: boolean,
  issue: (path: string, message: string) => void,
): RowData {
  const row: RowData = { amounts: {} };
  if (!isObject(rowJson)) {
    issue(path, "行应为对象。");
    return row;
  }
  if (rowJson.id !== undefined) row.id = safeText(rowJson.id);
  if (rowJson.name !== undefined) row.name = safeText(rowJson.name);
  if (rowJson.code !== undefined) {
    const reading = readCode(rowJson.code);
    if (reading.kind === "code") row.code = reading.code;
    else issue(`${path}.code`, `科目编码 ${JSON.stringify(rowJson.code)} 无效${reading.kind === "invalid" ? `：${reading.reason}` : ""}。`);
  } else if (bySubject && row.id !== "total") {
    issue(path, "按科目列示的表，每行应有科目编码（code），合计行用 \"id\": \"total\"。");
  }
  const amounts = rowJson.amounts ?? {};
  if (!isObject(amounts)) issue(`${path}.amounts`, "金额应为对象，键为栏目。");
  else
    for (const [key, value] of Object.entries(amounts)) {
      if (!amountKeys.has(key)) {
        issue(`${path}.amounts.${key}`, `没有金额栏“${key}”，应为 ${[...amountKeys].join("、")} 之一。`);
        continue;
      }
      const reading = readAmount(value as never);
      if (reading.kind === "blank") row.amounts[key] = null;
      else if (reading.kind === "number") row.amounts[key] = toFen(reading.value, unit);
      else issue(`${path}.amounts.${key}`, `金额 ${JSON.stringify(value)} 不是数字。`);
    }
  if (rowJson.level !== undefined) {
    if (typeof rowJson.level !== "number" || !Number.isInteger(rowJson.level) || rowJson.level < 0) issue(`${path}.level`, "层级应为 0 或正整数。");
    else row.level = rowJson.level;
  }
  if (rowJson.texts !== undefined) {
    if (!isObject(rowJson.texts)) issue(`${path}.texts`, "文本栏应为对象。");
    else {
      row.texts = {};
      for (const [key, value] of Object.entries(rowJson.texts)) {
        if (!textKeys.has(key)) issue(`${path}.texts.${key}`, `没有文本栏“${key}”。`);
        else row.texts[key] = safeText(value);
      }
    }
  }
  return row;
}

/** Writes the model back to the JSON format, amounts in `amountUnit`. */
export function writeDataFile(disclosure: Disclosure, amountUnit: AmountUnit = "元", narrative?: Record<string, unknown>): DataFormatFile {
  const factor = FEN_PER_UNIT[amountUnit];
  const tables: DataFormatFile["tables"] = {};
  for (const [tableId, table] of Object.entries(disclosure.tables)) {
    tables[tableId] = {};
    for (const [sideId, rows] of Object.entries(table)) {
      tables[tableId][sideId] = rows.map((row) => {
        const out: DataFormatRow = {};
        if (row.id !== undefined) out.id = row.id;
        if (row.code !== undefined) out.code = row.code;
        if (row.name !== undefined) out.name = row.name;
        out.amounts = Object.fromEntries(Object.entries(row.amounts).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, (v as number) / factor]));
        if (row.texts && Object.keys(row.texts).length > 0) out.texts = { ...row.texts };
        if (row.level !== undefined) out.level = row.level;
        return out;
      });
    }
  }
  if (disclosure.performanceTargets) {
    const money = (o: Record<string, number | undefined>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined).map(([k, v]) => [k, (v as number) / factor]));
    (tables as Record<string, unknown>)[PERFORMANCE_FORM_ID] = {
      forms: disclosure.performanceTargets.map((t) => ({ ...t, funds: { period: money(t.funds.period), year: money(t.funds.year) } })),
    };
  }
  const file: DataFormatFile = {
    format: FORMAT_ID,
    pack: disclosure.packId,
    year: disclosure.unit.year,
    amountUnit,
    unit: { name: disclosure.unit.name, type: disclosure.unit.type, department: disclosure.unit.department },
    tables,
  };
  if (narrative) file.narrative = narrative;
  return file;
}

