/**
 * Reads a table's rows back from any grid of cell values (Office.js or ExcelJS)
 * into the data model. Never throws: a bad cell becomes a problem naming the cell,
 * and its amount is left empty.
 */
import { describeBadAmount, readAmount, type CellValue } from "./amount";
import { LEVEL_LENGTHS, readCode, type Classification } from "./codes";
import { FEN_PER_UNIT, toFen } from "./fixed";
import { cellAddress, type Area } from "./layout/a1";
import { TOTAL_ROW_ID, fillPattern, tableUnit } from "./layout/render";
import type { RowData, TableData } from "./model";
import type { FixedRowSpec, TableSpec, TemplatePack } from "./packs/types";
import { FUNCTION_CLASSES } from "./subjects/function-classes";
import { nameKey, toHalfWidth, trimAll } from "./text";
import type { AmountUnit } from "./fixed";
import { labelKey } from "./recognize/normalize";
import { economicCodeOfName, PARTIAL_SUBJECTS } from "./subjects/subject-list";
import { nestedNameAndLevel } from "./nested-items";
import { mergedValue } from "./workbook-cells";

export interface SheetGrid {
  name: string;
  /** 0-based row and column. */
  value(row: number, col: number): CellValue;
  /** Merged areas, where the grid knows them: a label merged over several columns is read in each. */
  merges?: readonly Area[];
}

export interface ReadProblem {
  sheet: string;
  /** A1 address, "" when the problem is not in one cell. */
  cell: string;
  message: string;
  tableId?: string;
}

const text = (v: CellValue): string => (typeof v === "string" ? trimAll(toHalfWidth(v)) : typeof v === "number" ? String(v) : "");

/** Where a table's columns are and how its amounts are printed, when not as the pack lays them out. */
export interface TableLayoutOnSheet {
  /** Sheet column of each column key; keys not printed are absent. */
  columns: Readonly<Record<string, number>>;
  amountUnit: AmountUnit;
}

/** Row labels that mark the 合计 row of a subject or item table, whatever the pack prints. */
const TOTAL_LABELS = new Set(["合计", "总计", "部门合计", "单位合计"]);
/** Placeholder rows of blank templates (…, ……). */
const PLACEHOLDER = /^[.…。·]+$/;
/** What an empty table prints in its one row instead of a code or a name: 无, a dash, a slash, or 0. */
const PLACEHOLDER_MARK = /^(无|[—－\-–―/／]+|0)$/;
/** A row that says, inside the table, that the table is empty (无 / 此表为空 / 本表无数据). */
const EMPTY_STATEMENT = /^(无|此表为空|本表为空|本表无数据|空表)[。.]?$/;

/** Decimals a cell prints: a text figure's written decimals ("877,080.00" → 2), a number's fraction in 分 (up to 2). */
function printedDecimals(raw: CellValue, fen: number, fenPerUnit: number): number {
  if (typeof raw === "string") return /\.(\d+)\s*$/.exec(raw.trim())?.[1].length ?? 0;
  const cents = fenPerUnit / 100;
  return fen % fenPerUnit === 0 ? 0 : cents >= 1 && fen % cents === 0 && (fen / cents) % 10 === 0 ? 1 : 2;
}

export function readTableRows(pack: TemplatePack, table: TableSpec, grid: SheetGrid, body: Area, onSheet?: TableLayoutOnSheet): { data: TableData; problems: ReadProblem[]; decimals: number; emptyStatement?: string } {
  let decimals = 0;
  let emptyStatement: string | undefined;
  const problems: ReadProblem[] = [];
  const unit = onSheet?.amountUnit ?? tableUnit(pack, table).unit;
  // Our layout's columns start where its body does: a column inserted to the left moves the names and the table with them.
  const colOf = new Map<string, number>(onSheet ? Object.entries(onSheet.columns) : table.columns.map((c, i) => [c.key, body.firstCol + i]));
  const kindOf = new Map(table.columns.map((c) => [c.key, c.kind]));
  const valueAt = (row: number, key: string): CellValue => {
    const col = colOf.get(key);
    return col === undefined ? null : grid.value(row, col);
  };
  const data: TableData = {};
  const problem = (row: number, col: number, message: string) => problems.push({ sheet: grid.name, cell: cellAddress(row, col), message, tableId: table.id });

  for (const side of table.sides) {
    const amountKeys = side.columns.filter((k) => kindOf.get(k) === "amount" && colOf.has(k));
    const textKeys = side.columns.filter((k) => kindOf.get(k) === "text" && colOf.has(k));
    const readAmounts = (row: number): { amounts: RowData["amounts"]; any: boolean } => {
      const amounts: RowData["amounts"] = {};
      let any = false;
      for (const key of amountKeys) {
        const col = colOf.get(key)!;
        const raw = grid.value(row, col);
        const reading = readAmount(raw);
        if (reading.kind === "number") {
          amounts[key] = toFen(reading.value, unit);
          decimals = Math.max(decimals, printedDecimals(raw, amounts[key], FEN_PER_UNIT[unit]));
          any = true;
        } else if (reading.kind !== "blank") {
          problem(row, col, `金额${describeBadAmount(reading)}。`);
          any = true;
        }
      }
      return { amounts, any };
    };
    const readTexts = (row: number): Record<string, string> | undefined => {
      const texts = Object.fromEntries(textKeys.map((k) => [k, text(valueAt(row, k))]).filter(([, v]) => v !== ""));
      return Object.keys(texts).length > 0 ? texts : undefined;
    };
    const rows: RowData[] = [];
    const body0 = side.body;

    if (body0.kind === "fixed" && side.labelColumn === undefined) {
      // A single unlabelled row (Shanghai 表9): rows by position.
      const specs = body0.rows.filter((s) => !s.blank);
      specs.forEach((spec, i) => {
        const r = body.firstRow + i;
        if (r <= body.lastRow) rows.push({ id: spec.id, name: spec.label, amounts: readAmounts(r).amounts, place: { row: r } });
      });
    } else if (body0.kind === "fixed" || body0.kind === "classNames") {
      const labelCol = colOf.get(side.labelColumn!);
      if (labelCol === undefined) {
        data[side.id] = rows;
        continue;
      }
      const specs: FixedRowSpec[] = [...(body0.kind === "fixed" ? body0.rows : []), ...(side.footer ?? [])].filter((s) => !s.blank);
      // Footer rows of the other sides: a 支出合计 whose label is merged over this side's label column belongs to them.
      const othersFooter = table.sides.filter((o) => o !== side).flatMap((o) => o.footer ?? []);
      const used = new Set<number>();
      const groupCol = side.groupColumn !== undefined ? colOf.get(side.groupColumn) : undefined;
      let next = 0;
      for (let r = body.firstRow; r <= body.lastRow; r++) {
        const label = text(mergedValue(grid, r, labelCol));
        const group = groupCol !== undefined ? text(mergedValue(grid, r, groupCol)) : undefined;
        const { amounts, any } = readAmounts(r);
        if (!any && label !== "" && matchFixedRow(specs, label, next, used, group) < 0 && othersFooter.length > 0 && matchFixedRow(othersFooter, label, 0, new Set()) >= 0) continue;
        if (label === "" || (PLACEHOLDER.test(label) && !any)) {
          if (any) problem(r, labelCol, "这一行有金额但没有项目名称。");
          continue;
        }
        const found = matchFixedRow(specs, label, next, used, group);
        if (found >= 0) {
          next = found + 1;
          used.add(found);
          rows.push({ id: specs[found].id, name: label, amounts, place: { row: r } });
          continue;
        }
        const classCode = body0.kind === "classNames" ? classCodeOfLabel(label) : undefined;
        if (classCode) {
          rows.push({ id: classCode, name: label, amounts, place: { row: r } });
          continue;
        }
        problem(r, labelCol, body0.kind === "classNames" ? `无法识别的行“${label}”：不是支出功能分类的类名称。` : `无法识别的行“${label}”：不是本表的固定行，或顺序有变。`);
      }
    } else {
      const subjects = body0.kind === "subjects" ? body0 : null;
      const codeCol = subjects ? colOf.get(subjects.codeColumn) : undefined;
      // Split codes (类 | 款 | 项): the pack's part columns, or the parts a workbook prints under a joined-code pack.
      const partKeys = subjects?.codeParts ?? (subjects && colOf.has("codeClass") ? ["codeClass", "codeCategory", "codeItem"] : []);
      const partCols = partKeys.map((k) => colOf.get(k)).filter((c): c is number => c !== undefined);
      const nameCol = colOf.get(body0.nameColumn) ?? -1;
      const labelCols = [...(subjects ? [colOf.get(subjects.totalRow.labelColumn)] : []), ...partCols, codeCol, nameCol].filter((c): c is number => c !== undefined && c >= 0);
      const labelOf = (r: number): string => labelCols.map((c) => text(grid.value(r, c))).find((t) => t !== "") ?? "";
      const totalLabel = subjects ? subjects.totalRow.label : fillPattern(body0.kind === "items" ? body0.totalRow.label : "", { year: 0, name: "" });
      // The 合计 row: where its label stands, first or last; else the first row of tables whose 合计 has no label (表十二's unit row).
      let totalRow = -1;
      for (let r = body.firstRow; r <= body.lastRow && totalRow < 0; r++) {
        const label = nameKey(labelOf(r));
        if ((totalLabel !== "" && label === nameKey(totalLabel)) || TOTAL_LABELS.has(label)) totalRow = r;
      }
      if (totalRow < 0 && (totalLabel === "" || body0.kind === "items")) totalRow = body.firstRow;
      const readName = (r: number): string => (nameCol >= 0 ? text(grid.value(r, nameCol)) : "");
      // An empty table's placeholder row: its code and name cells print 无, a dash, a slash or 0, and its figures nothing, 0 or the same marks.
      const isPlaceholderRow = (r: number): boolean => {
        const labels = labelCols.map((c) => text(grid.value(r, c)));
        const figures = amountKeys.map((k) => text(grid.value(r, colOf.get(k)!)));
        return labels.some((t) => PLACEHOLDER_MARK.test(t)) && [...labels, ...figures].every((t) => t === "" || PLACEHOLDER_MARK.test(t) || Number(t) === 0);
      };
      const codeLengths = LEVEL_LENGTHS[subjects && subjects.classification !== "revenue" ? subjects.classification : "function"];
      const codeAt = (r: number) => readCode(partCols.length > 0 ? joinCodeParts(partCols.map((c) => grid.value(r, c))) : codeCol !== undefined ? grid.value(r, codeCol) : null, codeLengths);
      /** The first readable code below row r, if any. */
      const nextCode = (r: number): string | undefined => {
        for (let next = r + 1; next <= body.lastRow; next++) {
          const reading = codeAt(next);
          if (reading.kind === "code") return reading.code;
        }
        return undefined;
      };
      for (let r = body.firstRow; r <= body.lastRow; r++) {
        const name = readName(r);
        if (r !== totalRow && isPlaceholderRow(r)) {
          // 无 in it says the table is empty, as a row of its own does.
          if (EMPTY_STATEMENT.test(nameKey(name || labelOf(r)))) emptyStatement = name || labelOf(r);
          continue;
        }
        const { amounts, any } = readAmounts(r);
        if (r === totalRow) {
          rows.push({ id: TOTAL_ROW_ID, name: body0.kind === "items" ? name : totalLabel || "合计", amounts, place: { row: r } });
          continue;
        }
        if (!any && PLACEHOLDER.test(name || labelOf(r))) continue;
        if (!any && EMPTY_STATEMENT.test(nameKey(name || labelOf(r)))) {
          emptyStatement = name || labelOf(r);
          continue;
        }
        if (!subjects) {
          const nested = body0.kind === "items" && body0.levelColumns ? nestedNameAndLevel(body0.levelColumns, (key) => text(valueAt(r, key))) : null;
          const itemName = nested ? nested.name : name;
          if (itemName === "") {
            if (!any) continue;
            const printed = [...textKeys.map((k) => text(valueAt(r, k))), ...amountKeys.map((k) => text(valueAt(r, k)))].filter((t) => t !== "");
            problem(r, Math.max(nameCol, 0), `这一行${printed.length > 0 ? `（${printed.join("，")}）` : ""}有金额但没有名称。`);
            // A nested row without its name still adds to the row above it: the name is the defect, not the sum.
            if (body0.kind === "items" && body0.levelColumns) rows.push({ name: "", amounts, place: { row: r }, level: body0.levelColumns.length - 1 });
            continue;
          }
          const item: RowData = { name: itemName, amounts, place: { row: r }, ...(nested ? { level: nested.level } : {}) };
          const texts = readTexts(r);
          if (texts) item.texts = texts;
          rows.push(item);
          continue;
        }
        const where = partCols.length > 0 ? partCols[0] : (codeCol ?? Math.max(nameCol, 0));
        let reading = codeAt(r);
        // No code printed: a 类 row by its name (一、社会保障和就业支出), or an 经济分类 row by its name (表六 prints no codes).
        if (reading.kind === "blank" && name !== "") {
          const byName = subjects.classification === "function" ? classCodeOfLabel(name) : subjects.classification === "economic" && (codeCol === undefined || table.columns.find((c) => c.key === subjects.codeColumn)?.hidden) ? economicCodeOfName(name) : undefined;
          if (byName) reading = { kind: "code", code: byName };
        }
        if (reading.kind === "blank") {
          if (any || name !== "") problem(r, where, `这一行${name ? `（${name}）` : ""}没有科目编码。`);
          continue;
        }
        if (reading.kind === "invalid") {
          // One typo is one finding: where the name and the rows around it say which code it is, the row is checked as that code.
          const previous = [...rows].reverse().find((row) => row.code !== undefined)?.code;
          const inferred = name !== "" && subjects.classification !== "revenue" ? inferredCode(name, subjects.classification, previous, nextCode(r)) : undefined;
          problem(r, where, `科目编码“${reading.text}”${reading.reason}。${inferred ? `按科目名称“${name}”和前后各行，应为 ${inferred}；其余校验按 ${inferred} 核对。` : ""}`);
          if (!inferred) continue;
          reading = { kind: "code", code: inferred };
        }
        const row: RowData = { code: reading.code, name, amounts, place: { row: r } };
        const texts = readTexts(r);
        if (texts) row.texts = texts;
        rows.push(row);
      }
    }
    data[side.id] = rows;
  }
  return { data, problems, decimals, ...(emptyStatement ? { emptyStatement } : {}) };
}


/** 208 | 5 | 2 → "2080502"; blank parts end the code. */
export function joinCodeParts(parts: readonly CellValue[]): string | null {
  let code = "";
  for (const [i, part] of parts.entries()) {
    const t = text(part);
    if (t === "") break;
    code += i === 0 ? t : t.padStart(2, "0");
  }
  return code === "" ? null : code;
}

/**
 * Picks the fixed row a label stands for: the declared label in order first, then any unused row by its wording
 * or aliases. Where rows are grouped (小计 under each source of funds), the printed group must be the row's.
 */
function matchFixedRow(specs: readonly FixedRowSpec[], label: string, next: number, used: ReadonlySet<number>, group?: string): number {
  const inGroup = (s: FixedRowSpec) => s.group === undefined || group === undefined || group === "" || labelKey(s.group) === labelKey(group);
  const exact = specs.findIndex((s, i) => i >= next && nameKey(s.label) === nameKey(label) && inGroup(s));
  if (exact >= 0) return exact;
  const key = labelKey(label);
  const matches = (s: FixedRowSpec) => inGroup(s) && (labelKey(s.label) === key || (s.aliases ?? []).some((a) => labelKey(a) === key));
  const after = specs.findIndex((s, i) => i >= next && !used.has(i) && matches(s));
  return after >= 0 ? after : specs.findIndex((s, i) => !used.has(i) && matches(s));
}

/** 类 code of a printed 类 row label: “二、外交支出” → 202 (old names too: 医疗卫生与计划生育支出 → 210). */
export function classCodeOfLabel(label: string): string | undefined {
  const name = nameKey(label.replace(/^[一二三四五六七八九十]+、/, ""));
  return FUNCTION_CLASSES.find((c) => nameKey(c.name) === name)?.code ?? OLD_CLASS_NAMES[name];
}

/**
 * The code a subject row stands for when its printed code cannot be read (a 类 typed “7” for 210): the code its
 * name gives, where that fits between the codes of the rows around it (codes are printed in order, a parent before
 * its children, which is the order of the codes as text). Undefined where the name says nothing or does not fit.
 */
export function inferredCode(name: string, classification: Classification, previous: string | undefined, next: string | undefined): string | undefined {
  const byName = classification === "function" ? (classCodeOfLabel(name) ?? PARTIAL_SUBJECTS.codeOf("function", name)) : classification === "economic" ? economicCodeOfName(name) : PARTIAL_SUBJECTS.codeOf(classification, name);
  if (!byName) return undefined;
  const fits = (previous === undefined || previous < byName) && (next === undefined || byName < next);
  return fits ? byName : undefined;
}

/** 类 names before the 2019 renaming, still printed in 2019 documents. */
const OLD_CLASS_NAMES: Record<string, string> = { 医疗卫生与计划生育支出: "210", 文化体育与传媒支出: "207", 国土海洋气象等支出: "220", 资源勘探信息等支出: "215" };
