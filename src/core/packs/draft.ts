/**
 * A draft template pack from one sample disclosure (模板包草稿): each table's title, header grid, column kinds,
 * fixed rows, subject bodies, amount unit and empty-table note as printed, and the equalities between totals
 * that hold in the sample, each marked for a person to confirm. A starting point, never a finished pack: what
 * it cannot decide is listed.
 */
import type { Classification } from "../codes";
import { readAmount, type CellValue } from "../amount";
import { classCodeOfLabel } from "../read-tables";
import { amountUnitOf, NUMBER_LINE, unitNameOf } from "../recognize/normalize";
import { toFen, type AmountUnit } from "../fixed";
import { nameKey, safeText } from "../text";
import { mergedValue, type SheetCells, type WorkbookCells } from "../workbook-cells";
import type { BodySpec, ColumnSpec, FigureRef, FixedRowSpec, SideSpec, TableSpec, TemplatePack, TieSpec } from "./types";

export interface PackDraft {
  pack: TemplatePack;
  /** What the draft could not decide, each naming the sheet or page and the table. */
  undecided: string[];
}

/**
 * The 科目 list a sample's codes belong to: economic codes (their 类 in two levels) start with 3 in the 部门预算
 * 支出经济分类 (301 工资福利支出) and with 5 in the 政府预算支出经济分类 (501 机关工资福利支出); others are 功能分类.
 */
function classificationOf(codes: readonly string[], economic: boolean): Classification {
  const printed = codes.filter((c) => /^\d{3,7}$/.test(c));
  if (!economic) return "function";
  return printed.length > 0 && printed.every((c) => c.startsWith("5")) ? "government-economic" : "economic";
}

/** Words that end a table's body: a note under it. */
const NOTE = /^注?\s*[:：]|^注\s*\d?[.、．]/;
const CODE = /^\d{3}(\d{2}){0,2}$/;
const TOTAL_LABEL = /^(合计|总计|小计)$|(合计|总计|小计)$/;
/** Amount column keys for the header texts every set prints; other amount columns are numbered. */
const AMOUNT_KEYS: Record<string, string> = { 合计: "total", 总计: "total", 金额: "amount", 预算数: "amount", 基本支出: "basic", 项目支出: "project", 人员经费: "personnel", 公用经费: "publicExpense" };

/** Codes printed split into 类 | 款 | 项 columns: the keys recognition reads them by. */
const CODE_PARTS: Record<string, string> = { 类: "codeClass", 款: "codeCategory", 项: "codeItem" };

const text = (v: CellValue): string => (typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "");
const isAmount = (v: CellValue): boolean => {
  const t = text(v);
  return t !== "" && !CODE.test(t.replace(/\s/g, "")) && readAmount(v).kind === "number";
};

interface Block {
  sheet: SheetCells;
  title: { row: number; text: string };
  unit: AmountUnit | null;
  header: number[];
  body: number[];
  note?: string;
  firstCol: number;
  lastCol: number;
}

/** A title: the only text of its row, naming a 表, not a unit line or a number line alone. */
function titleOf(sheet: SheetCells, row: number): string | null {
  const texts: string[] = [];
  for (let c = 0; c < sheet.colCount; c++) {
    const t = text(sheet.value(row, c));
    if (t) texts.push(t);
  }
  if (texts.length !== 1) return null;
  const t = texts[0];
  if (t.length < 4 || t.length > 60 || !/表(（[^（）]{1,12}）)?$/.test(t) || unitNameOf(t) !== null || amountUnitOf(t) !== null) return null;
  if (NUMBER_LINE.test(t) && t.replace(NUMBER_LINE, "") === "") return null;
  return t.replace(NUMBER_LINE, "").trim();
}

function blocksOf(sheet: SheetCells): Block[] {
  const titles: { row: number; text: string }[] = [];
  for (let r = 0; r < sheet.rowCount; r++) {
    const t = titleOf(sheet, r);
    if (t) titles.push({ row: r, text: t });
  }
  return titles.flatMap((title, i) => {
    const end = i + 1 < titles.length ? titles[i + 1].row : sheet.rowCount;
    let unit: AmountUnit | null = null;
    let r = title.row + 1;
    // The lines between the title and the header: 部门名称：… and 单位：万元.
    for (; r < end; r++) {
      const cells = Array.from({ length: sheet.colCount }, (_, c) => text(sheet.value(r, c))).filter((t) => t !== "");
      if (cells.length === 0) continue;
      const lineOnly = cells.every((t) => unitNameOf(t) !== null || amountUnitOf(t) !== null || /^(万|元)$/.test(t) || (NUMBER_LINE.test(t) && t.replace(NUMBER_LINE, "") === ""));
      for (const t of cells) unit = amountUnitOf(t) ?? unit;
      if (!lineOnly) break;
    }
    const header: number[] = [];
    for (; r < end; r++) {
      const values = Array.from({ length: sheet.colCount }, (_, c) => sheet.value(r, c));
      const texts = values.map(text).filter((t) => t !== "");
      if (texts.length === 0) {
        if (header.length > 0) break;
        continue;
      }
      const bodyLike = values.some(isAmount) || values.some((v) => CODE.test(text(v))) || (header.length > 0 && /^(合计|总计)$/.test(texts[0]) && texts.length <= 2);
      if (bodyLike) break;
      header.push(r);
    }
    if (header.length === 0) return [];
    const body: number[] = [];
    let note: string | undefined;
    for (; r < end; r++) {
      const first = Array.from({ length: sheet.colCount }, (_, c) => text(sheet.value(r, c))).find((t) => t !== "") ?? "";
      if (first === "") continue;
      if (NOTE.test(first)) {
        note = first;
        break;
      }
      body.push(r);
    }
    let firstCol = sheet.colCount;
    let lastCol = -1;
    for (const row of header)
      for (let c = 0; c < sheet.colCount; c++)
        if (text(sheet.value(row, c)) !== "" || sheet.merges.some((m) => row >= m.firstRow && row <= m.lastRow && c >= m.firstCol && c <= m.lastCol)) {
          firstCol = Math.min(firstCol, c);
          lastCol = Math.max(lastCol, c);
        }
    return [{ sheet, title, unit, header, body, ...(note ? { note } : {}), firstCol, lastCol }];
  });
}

/** The printed header as the pack's grid: merged cells as "<" (continues left) and "^" (continues up). */
function headerGrid(block: Block): string[][] {
  const { sheet, header, firstCol, lastCol } = block;
  return header.map((row) =>
    Array.from({ length: lastCol - firstCol + 1 }, (_, i) => {
      const col = firstCol + i;
      const merge = sheet.merges.find((m) => row >= m.firstRow && row <= m.lastRow && col >= m.firstCol && col <= m.lastCol && m.firstRow >= header[0]);
      if (merge && col > merge.firstCol && row === Math.max(merge.firstRow, header[0])) return "<";
      if (merge && row > Math.max(merge.firstRow, header[0])) return "^";
      return text(sheet.value(row, col));
    }),
  ).map((cells) =>
    // A blank header cell right of a text in the same row belongs to it (项目名称 over two columns, its rule printed).
    cells.map((t, i) => (t === "" && i > 0 && cells.slice(0, i).some((x) => x !== "" && x !== "^") ? "<" : t)),
  );
}

function columnKind(block: Block, col: number, leaf: string): ColumnSpec["kind"] {
  // The header says it where the body cannot (an empty table): 科目编码 / 类 款 项 / 功能科目名称 / 项目名称.
  if (/(编码|代码)$/.test(nameKey(leaf)) || /^(类|款|项)$/.test(nameKey(leaf))) return "code";
  if (/(名称|项目)$/.test(nameKey(leaf))) return "label";
  const values = block.body.map((r) => block.sheet.value(r, col)).filter((v) => text(v) !== "");
  if (values.length === 0) return "amount";
  // Codes are text in a column of several rows; a lone 106 in a one-row table is an amount.
  if (values.length >= 2 && values.filter((v) => typeof v === "string" && CODE.test(v.trim())).length * 2 > values.length) return "code";
  if (values.filter(isAmount).length * 2 > values.length) return "amount";
  return "label";
}

interface DraftTable {
  spec: TableSpec;
  block: Block;
  /** Each fixed or total row's amounts as read from the sample, by side, row id and column key, in 分. */
  figures: { side: string; row: string; column: string; fen: number; label: string }[];
  /** Subject rows by side: code → column → 分. */
  subjects: { side: string; column: string; byCode: Map<string, number> }[];
}

function draftTable(block: Block, index: number, packUnit: AmountUnit, undecided: string[]): DraftTable {
  const where = `${block.sheet.name}“${block.title.text}”`;
  const grid = headerGrid(block);
  const width = block.lastCol - block.firstCol + 1;
  const leaves = Array.from({ length: width }, (_, i) => {
    for (let r = grid.length - 1; r >= 0; r--) {
      let c = i;
      while (c > 0 && grid[r][c] === "<") c--;
      let rr = r;
      while (rr > 0 && grid[rr][c] === "^") rr--;
      const t = grid[rr][c];
      if (t && t !== "<" && t !== "^") return t;
    }
    return "";
  });
  const kinds = Array.from({ length: width }, (_, i) => columnKind(block, block.firstCol + i, leaves[i]));
  const used = new Set<string>();
  const keyFor = (kind: ColumnSpec["kind"], leaf: string, i: number): string => {
    const part = CODE_PARTS[nameKey(leaf)];
    const base = kind === "code" ? (part ?? "code") : kind === "label" ? "name" : (AMOUNT_KEYS[nameKey(leaf)] ?? "amount");
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}${n}`;
    used.add(key);
    if (leaves[i] === "") undecided.push(`${where}第${i + 1}栏没有表头文字，按${kind === "amount" ? "金额" : "文字"}栏起草。`);
    return key;
  };
  const columns: ColumnSpec[] = kinds.map((kind, i) => ({ key: keyFor(kind, leaves[i], i), kind, width: kind === "amount" ? 16 : kind === "code" ? 12 : 30 }));
  // Sides: a label (or code) column after an amount column starts another side.
  const sideCols: number[][] = [];
  kinds.forEach((kind, i) => {
    if (sideCols.length === 0 || (kind !== "amount" && kinds[i - 1] === "amount")) sideCols.push([]);
    sideCols[sideCols.length - 1].push(i);
  });
  const figures: DraftTable["figures"] = [];
  const subjects: DraftTable["subjects"] = [];
  const sides: SideSpec[] = sideCols.map((cols, s) => {
    const id = sideCols.length === 1 ? "rows" : `side${s + 1}`;
    const keys = cols.map((i) => columns[i].key);
    const codeCol = cols.find((i) => kinds[i] === "code");
    const labelCols = cols.filter((i) => kinds[i] === "label");
    const amountCols = cols.filter((i) => kinds[i] === "amount");
    const valueAt = (r: number, i: number) => block.sheet.value(r, block.firstCol + i);
    const labelAt = (r: number, i: number) => text(mergedValue(block.sheet, r, block.firstCol + i));
    const filled = (i: number) => new Set(block.body.filter((r) => text(valueAt(r, i)) !== ""));
    // Several label columns filled row by row like a staircase are nested items (政府采购); a column filled only
    // where the one on its left is (采购组织形式 beside 采购物品名称) describes those rows and is not a level.
    const levels = labelCols.filter((i, k) => k === 0 || ![...filled(i)].every((r) => filled(labelCols[k - 1]).has(r)));
    const nested = labelCols.length >= 3 && levels.length >= 3;
    if (nested) for (const i of labelCols.slice(1)) columns[i] = { ...columns[i], kind: "text" };
    // Two label columns side by side: the left one names groups of the right one's rows (一般公共预算资金 › 小计).
    const labelCol = nested ? labelCols[0] : labelCols[labelCols.length - 1];
    const groupCol = !nested && labelCols.length === 2 ? labelCols[0] : undefined;
    const amountsOf = (r: number) => amountCols.map((i) => ({ column: columns[i].key, fen: readAmount(valueAt(r, i)).kind === "number" ? toFen((readAmount(valueAt(r, i)) as { value: number }).value, block.unit ?? packUnit) : 0 }));
    let body: BodySpec;
    let footer: FixedRowSpec[] | undefined;
    const partCols = cols.filter((i) => kinds[i] === "code" && Object.values(CODE_PARTS).includes(columns[i].key));
    if (partCols.length >= 2) {
      // 类 | 款 | 项 printed apart: a hidden column joins them (by formula in our templates), as the pack format wants.
      const joined = partCols.map((i) => columns[i].key);
      const codeOf = (r: number) => partCols.map((i, k) => (k === 0 ? text(valueAt(r, i)) : text(valueAt(r, i)) === "" ? "" : text(valueAt(r, i)).padStart(2, "0"))).join("");
      columns.push({ key: "code", kind: "code", width: 9, hidden: true });
      keys.push("code");
      grid.forEach((row, r) => row.push(r === 0 ? "编码" : "^"));
      const nameCol = labelCol ?? partCols[0];
      body = { kind: "subjects", classification: classificationOf(block.body.map((r) => text(valueAt(r, partCols[0]))), partCols.length === 2), codeColumn: "code", codeParts: joined, nameColumn: columns[nameCol].key, totalRow: { label: "合计", labelColumn: joined[0], position: "last" }, blankRows: 15 };
      for (const { column } of amountsOf(block.body[0] ?? 0)) {
        const byCode = new Map<string, number>();
        for (const r of block.body) if (CODE.test(codeOf(r))) byCode.set(codeOf(r), amountsOf(r).find((a) => a.column === column)!.fen);
        subjects.push({ side: id, column, byCode });
      }
      const totalRow = block.body.find((r) => cols.some((i) => /^(合计|总计)$/.test(nameKey(text(valueAt(r, i))))));
      if (totalRow !== undefined) for (const a of amountsOf(totalRow)) figures.push({ side: id, row: "total", column: a.column, fen: a.fen, label: "合计" });
    } else if (codeCol !== undefined) {
      const codes = block.body.map((r) => text(valueAt(r, codeCol))).filter((t) => CODE.test(t));
      const nameCol = labelCol ?? codeCol;
      const totalAt = block.body.findIndex((r) => cols.some((i) => /^(合计|总计)$/.test(nameKey(text(valueAt(r, i))))));
      body = { kind: "subjects", classification: classificationOf(codes, codes.length > 0 && codes.every((c) => /^[35]/.test(c))), codeColumn: columns[codeCol].key, nameColumn: columns[nameCol].key, totalRow: { label: "合计", labelColumn: columns[codeCol].key, ...(totalAt === block.body.length - 1 && totalAt > 0 ? { position: "last" as const } : {}) }, blankRows: 15 };
      for (const { column } of amountsOf(block.body[0] ?? 0)) {
        const byCode = new Map<string, number>();
        for (const r of block.body) {
          const code = text(valueAt(r, codeCol));
          if (CODE.test(code)) byCode.set(code, amountsOf(r).find((a) => a.column === column)!.fen);
        }
        subjects.push({ side: id, column, byCode });
      }
      if (totalAt >= 0) for (const a of amountsOf(block.body[totalAt])) figures.push({ side: id, row: "total", column: a.column, fen: a.fen, label: "合计" });
    } else if (nested) {
      body = { kind: "items", nameColumn: columns[labelCol!].key, levelColumns: levels.map((i) => columns[i].key), totalRow: { label: "合计" }, blankRows: 15 };
      const totalRow = block.body.find((r) => /^(合计|总计)$/.test(nameKey(text(valueAt(r, labelCol!)))));
      if (totalRow !== undefined) for (const a of amountsOf(totalRow)) figures.push({ side: id, row: "total", column: a.column, fen: a.fen, label: "合计" });
    } else if (labelCol === undefined) {
      body = { kind: "fixed", rows: [{ id: "amounts", label: "" }] };
      if (block.body.length > 1) undecided.push(`${where}这一侧没有行名栏却有 ${block.body.length} 行，只起草了第一行。`);
      if (block.body[0] !== undefined) for (const a of amountsOf(block.body[0])) figures.push({ side: id, row: "amounts", column: a.column, fen: a.fen, label: "" });
    } else {
      // A label merged over this side's label column from the left (当年支出小计 over two sides) is this side's row.
      const labelled = block.body.filter((r) => labelAt(r, labelCol) !== "");
      const classRows = labelled.filter((r) => classCodeOfLabel(text(valueAt(r, labelCol))) !== undefined);
      if (classRows.length >= 3 && classRows.length * 2 > labelled.length) {
        body = { kind: "classNames", template: classRows.map((r) => classCodeOfLabel(text(valueAt(r, labelCol)))!), blankRows: 0 };
        // Its 合计/总计 rows stand at the bottom: footer rows adding every 类 row.
        // (A 合计 whose figures stand in another side's columns is that side's.)
        const totals = labelled.filter((r) => TOTAL_LABEL.test(nameKey(labelAt(r, labelCol))) && amountCols.some((i) => text(valueAt(r, i)) !== ""));
        if (totals.length > 0) {
          footer = totals.map((r, n) => ({ id: `total${n + 1}`, label: labelAt(r, labelCol), sumOf: ["*body"] }));
          totals.forEach((r, n) => {
            for (const a of amountsOf(r)) figures.push({ side: id, row: `total${n + 1}`, column: a.column, fen: a.fen, label: labelAt(r, labelCol) });
          });
        }
        // Rows with this side's amount that are not 类 rows; a label whose amount stands in another side is that side's.
        const others = labelled.filter((r) => !classRows.includes(r) && !totals.includes(r) && amountCols.some((i) => text(valueAt(r, i)) !== "")).map((r) => text(valueAt(r, labelCol)));
        if (others.length > 0) undecided.push(`${where}类名称行之外的行（${others.join("、")}）未起草；如是合计行，请写成 footer。`);
      } else {
        const rows: FixedRowSpec[] = labelled.map((r, n) => {
          const group = groupCol !== undefined ? labelAt(r, groupCol) : "";
          return { id: `row${n + 1}`, label: labelAt(r, labelCol), ...(group && group !== labelAt(r, labelCol) ? { group } : {}) };
        });
        // A 合计/小计 row that adds the rows above it (since the last such row) in the sample.
        let start = 0;
        labelled.forEach((r, n) => {
          if (!TOTAL_LABEL.test(nameKey(rows[n].label)) || n === start) return;
          const parts = labelled.slice(start, n);
          const adds = amountsOf(r).every((a) => a.fen === parts.reduce((sum, p) => sum + amountsOf(p).find((x) => x.column === a.column)!.fen, 0));
          if (adds && amountsOf(r).some((a) => a.fen !== 0)) rows[n] = { ...rows[n], sumOf: parts.map((_, k) => rows[start + k].id) };
          start = n + 1;
        });
        // Beside another side, the rows from the first 合计/小计 on stand at the bottom of both: footer rows.
        const footerAt = sideCols.length > 1 ? rows.findIndex((row) => TOTAL_LABEL.test(nameKey(row.label))) : -1;
        body = { kind: "fixed", rows: footerAt >= 0 ? rows.slice(0, footerAt) : rows };
        if (footerAt >= 0) footer = rows.slice(footerAt);
        labelled.forEach((r, n) => {
          for (const a of amountsOf(r)) figures.push({ side: id, row: rows[n].id, column: a.column, fen: a.fen, label: rows[n].label });
        });
      }
    }
    return { id, columns: keys, ...(labelCol !== undefined ? { labelColumn: columns[labelCol].key } : {}), ...(groupCol !== undefined ? { groupColumn: columns[groupCol].key } : {}), body, ...(footer ? { footer } : {}) };
  });
  const spec: TableSpec = {
    id: `T${index + 1}`,
    sheetName: block.title.text.replace(/^\d{4}\s*年度?/, "").slice(0, 31),
    title: block.title.text.replace(/\d{4}(\s*年)/, "{year}$1"),
    landscape: width > 5,
    ...(block.unit && block.unit !== packUnit ? { amountUnit: block.unit, decimals: block.unit === "万元" ? 2 : 0, amountUnitLine: `单位：${block.unit}` } : {}),
    columns,
    header: grid,
    sides,
    ...(block.note && figures.every((f) => f.fen === 0) && subjects.every((s) => [...s.byCode.values()].every((v) => v === 0)) ? { emptyNote: block.note } : {}),
  };
  return { spec, block, figures, subjects };
}

/** Equalities between totals of different tables (or sides) that hold in the sample, for a person to confirm. */
function proposedTies(tables: readonly DraftTable[]): TieSpec[] {
  const ties: TieSpec[] = [];
  const totals = tables.flatMap((t) => t.figures.filter((f) => f.fen !== 0 && (f.row === "total" || f.row === "amounts" || TOTAL_LABEL.test(nameKey(f.label)))).map((f) => ({ ...f, table: t.spec.id })));
  totals.forEach((a, i) =>
    totals.slice(i + 1).forEach((b) => {
      if (a.fen !== b.fen || (a.table === b.table && a.side === b.side)) return;
      const ref = (f: typeof a): FigureRef => ({ table: f.table, side: f.side, row: f.row, column: f.column });
      ties.push({ id: `draft-${ties.length + 1}`, kind: "figure", relation: "eq", left: ref(a), right: ref(b), description: `样本中成立，请确认：${a.table}“${a.label || a.column}”= ${b.table}“${b.label || b.column}”` });
    }),
  );
  const bySubject = tables.flatMap((t) => t.subjects.map((s) => ({ ...s, table: t.spec.id })));
  bySubject.forEach((a, i) =>
    bySubject.slice(i + 1).forEach((b) => {
      if (a.table === b.table) return;
      const common = [...a.byCode.keys()].filter((k) => b.byCode.has(k));
      if (common.length < 3 || common.length !== a.byCode.size || common.length !== b.byCode.size || !common.every((k) => a.byCode.get(k) === b.byCode.get(k))) return;
      ties.push({ id: `draft-${ties.length + 1}`, kind: "perSubject", relation: "eq", left: { table: a.table, side: a.side, column: a.column }, right: { table: b.table, side: b.side, column: b.column }, description: `样本中逐科目相等，请确认是否普遍成立（或只在某种条件下成立，加 when）：${a.table} = ${b.table}` });
    }),
  );
  return ties;
}

/** Drafts a pack from a sample's cells; `id` and `name` are placeholders for a person to replace. */
export function draftPack(book: WorkbookCells, narrativeHeadings: readonly string[] = []): PackDraft {
  const undecided: string[] = [];
  const blocks = book.sheets.filter((s) => !s.hidden).flatMap(blocksOf);
  const units = blocks.map((b) => b.unit).filter((u): u is AmountUnit => u !== null);
  const packUnit: AmountUnit = units.filter((u) => u === "万元").length * 2 >= units.length && units.length > 0 ? "万元" : "元";
  if (units.length === 0) undecided.push("样本没有印金额单位，按元起草。");
  const seen = new Set<string>();
  const tables = blocks
    .filter((b) => {
      const key = nameKey(b.title.text);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((b, i) => draftTable(b, i, packUnit, undecided));
  if (tables.length === 0) undecided.push("样本中没有找到表格：表名应单独占一行、以“表”结尾，下面是表头和表体。");
  for (const t of tables) if (t.block.body.length === 0) undecided.push(`${t.block.sheet.name}“${t.block.title.text}”下面没有表体。`);
  const unitLine = book.sheets.flatMap((s) => Array.from({ length: Math.min(s.rowCount, 8) }, (_, r) => Array.from({ length: s.colCount }, (_, c) => text(s.value(r, c))))).flat().find((t) => unitNameOf(t) !== null);
  const pack: TemplatePack = {
    $schema: "../schema/template-pack-1.schema.json",
    id: "draft",
    version: 1,
    name: "（草稿）请填写模板包名称",
    description: `由样本起草：${tables.length} 张表。表间关系都只在样本中成立过，请逐条确认。${narrativeHeadings.length > 0 ? `样本说明的标题：${narrativeHeadings.join("；")}。` : ""}`,
    region: "",
    amountUnit: packUnit,
    decimals: packUnit === "万元" ? 2 : 0,
    unitLine: unitLine ? `${unitLine.replace(/[:：].*$/, "")}：{unit}` : "单位名称：{unit}",
    amountUnitLine: `单位：${packUnit}`,
    tables: tables.map((t) => t.spec),
    ties: proposedTies(tables),
  };
  return { pack, undecided };
}

/** Headings of a narrative (一、… / （一）…) as printed: what the set's 情况说明 is made of. */
export function narrativeHeadings(lines: readonly { text: string }[]): string[] {
  return lines.map((l) => safeText(l.text).trim()).filter((t) => /^[一二三四五六七八九十]+、/.test(t) && t.length <= 40 && !/[。；]$/.test(t));
}
