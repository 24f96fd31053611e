/** The form of the tables: readable cells, empty notes, titles, 单位名称, tables present, 机关运行经费 by unit type. */
import { fillPattern, tableUnit } from "../layout/render";
import { FEN_PER_UNIT, formatAmount } from "../fixed";
import { checkSum } from "./intervals";
import { hasAnyAmount } from "../model";
import { nameKey } from "../text";
import { columnTitle, placeOf, tableName } from "./locate";
import { noteKey, titleKey, unitNameOf } from "../recognize/normalize";
import type { Finding, Rule } from "./types";
import type { ReadProblem } from "../read-tables";
import { PERFORMANCE_FORM_ID } from "../forms/performance";

export const unreadableCellRule: Rule = {
  id: "cell-unreadable",
  severity: "error",
  title: "无法读取的单元格",
  description: "金额单元格中是文字（如“一百”）、错误值（#REF!、#DIV/0!），或科目编码格式不对。",
  check: (context) =>
    (context.problems ?? []).map((p) => ({ ruleId: "cell-unreadable", severity: "error" as const, tableId: p.tableId, sheet: p.sheet || undefined, cell: p.cell || undefined, message: p.message })),
};

export const readingNotesRule: Rule = {
  id: "workbook-reading",
  severity: "warning",
  title: "读取和识别说明",
  description: "识别别处来的工作簿时不能确定或只读取了一部分的内容：不认得的栏目、同一张表的第二份、没有印金额单位、超过行数上限的工作表。",
  check: (context) => (context.notes ?? []).map(readingNoteFinding),
};

/** A reading note as its finding: a warning with its place (also given where no table could be read). */
export function readingNoteFinding(p: ReadProblem): Finding {
  return { ruleId: "workbook-reading", severity: "warning", tableId: p.tableId, sheet: p.sheet || undefined, cell: p.cell || undefined, message: p.message };
}

export const missingColumnRule: Rule = {
  id: "table-column-missing",
  severity: "error",
  title: "缺少栏目",
  description: "识别出的表缺少模板规定的栏目（如表三缺少“项目支出”），这一栏的金额无法校验。",
  check(context) {
    const findings: Finding[] = [];
    for (const table of context.pack.tables) {
      const texts = context.texts?.[table.id];
      for (const key of texts?.missingColumns ?? [])
        findings.push({ ruleId: "table-column-missing", severity: "error", tableId: table.id, sheet: texts!.sheetName, ...(texts!.titleCell ? { cell: texts!.titleCell } : {}), message: `${tableName(table)}缺少栏目“${columnTitle(table, key)}”，这一栏的金额无法校验。`, expected: columnTitle(table, key) });
    }
    return findings;
  },
};

export const emptyNoteRule: Rule = {
  id: "empty-note",
  severity: "error",
  title: "空表说明",
  description: "没有数据的表必须在表下注明模板包的空表说明（如“注：本表无数据”“注:本单位{年}年无……，故本表为空表。”，本单位/本部门、冒号全角半角均可）；有数据的表下面不能有任何空表说明。",
  check(context) {
    const findings: Finding[] = [];
    for (const table of context.pack.tables) {
      const texts = context.texts?.[table.id];
      if (!texts || !table.emptyNote) continue;
      const note = fillPattern(table.emptyNote, context.unit);
      const place = { tableId: table.id, sheet: texts.sheetName, ...(texts.noteCell ? { cell: texts.noteCell } : {}) };
      // Compared loosely: spaces ignored, either colon (注: / 注：), 本单位 or 本部门.
      const written = texts.note ?? "";
      // The note under the table, or a row inside it (此表为空), in the pack's wording or one of its documents' wordings.
      const said = [written, texts.emptyStatement ?? ""].filter((t) => t !== "").map(noteKey);
      const hasNote = [note, ...(table.emptyNoteAliases ?? []).map((a) => fillPattern(a, context.unit))].some((n) => said.includes(noteKey(n)));
      const saysEmpty = hasNote || /本表(为空表|无数据)|故本表为空/.test(noteKey(written));
      const empty = !hasAnyAmount(context.table(table.id));
      if (empty && !hasNote)
        findings.push({ ruleId: "empty-note", severity: "error", ...place, message: written ? `${tableName(table)}没有数据，表下的说明“${written}”应为“${note}”。` : `${tableName(table)}没有数据，但没有注明“${note}”。`, expected: note, ...(written ? { actual: written } : {}) });
      if (!empty && saysEmpty)
        findings.push({ ruleId: "empty-note", severity: "error", ...place, message: `${tableName(table)}有数据，表下却注明了“${written}”。` });
    }
    return findings;
  },
};

export const titleRule: Rule = {
  id: "table-title",
  severity: "error",
  title: "表名与年度",
  description: "每张表的标题与模板一致，并带有单位信息中的年度。",
  check(context) {
    const findings: Finding[] = [];
    for (const table of context.pack.tables) {
      const texts = context.texts?.[table.id];
      if (!texts) continue;
      const expected = fillPattern(table.title, context.unit);
      const title = texts.title ?? "";
      const place = { tableId: table.id, sheet: texts.sheetName, ...(texts.titleCell ? { cell: texts.titleCell } : {}) };
      if (nameKey(title) === nameKey(expected)) continue;
      // A recognised title in another edition's wording (部门, number line, no year) is fine when its year is right.
      const edition = texts.titleCell !== undefined && titleKey(title) !== "" && [table.title, ...(table.titleAliases ?? [])].some((t) => titleKey(t) === titleKey(title));
      const printedYear = /(\d{4})\s*年/.exec(title)?.[1];
      const yearless = edition && printedYear === undefined && (table.titleAliases ?? []).some((t) => !t.includes("{year}") && titleKey(t) === titleKey(title));
      if (edition && (printedYear === String(context.unit.year) || yearless)) continue;
      if (edition && printedYear === undefined)
        findings.push({ ruleId: "table-title", severity: "warning", ...place, message: `${tableName(table)}标题“${title}”没有年度，应为“${expected}”。`, expected, actual: title });
      else findings.push({ ruleId: "table-title", severity: "error", ...place, message: `${tableName(table)}标题为“${title}”，应为“${expected}”。`, expected, actual: title });
    }
    return findings;
  },
};

export const unitNameRule: Rule = {
  id: "unit-name",
  severity: "error",
  title: "单位名称一致",
  description: "每张表的“单位名称”都与单位信息相同。",
  check(context) {
    const findings: Finding[] = [];
    for (const table of context.pack.tables) {
      const texts = context.texts?.[table.id];
      if (!texts) continue;
      const expected = fillPattern(context.pack.unitLine, context.unit);
      if (nameKey(texts.unitLine ?? "") === nameKey(expected)) continue;
      // A recognised table may word the line its own way (编制单位: / 单位名称： / 编制部门：): the name must agree.
      const printed = texts.titleCell !== undefined ? unitNameOf(texts.unitLine ?? "") : null;
      if (printed && [context.unit.name, context.unit.department].some((n) => n && nameKey(n) === nameKey(printed))) continue;
      // The name cut short (wrapped onto the next line, or cut at the cell's edge): printed, but not whole.
      if (printed && nameKey(printed).length >= 4 && nameKey(context.unit.name).startsWith(nameKey(printed))) {
        findings.push({ ruleId: "unit-name", severity: "warning", tableId: table.id, sheet: texts.sheetName, message: `${tableName(table)}的单位名称“${printed}”印得不完整（折行或被截断），应为“${context.unit.name}”。`, expected: context.unit.name, actual: printed });
        continue;
      }
        findings.push({ ruleId: "unit-name", severity: "error", tableId: table.id, sheet: texts.sheetName, message: `${tableName(table)}的“${texts.unitLine ?? ""}”与单位信息不符，应为“${expected}”。`, expected, actual: texts.unitLine });
    }
    return findings;
  },
};

export const missingTableRule: Rule = {
  id: "table-missing",
  severity: "warning",
  title: "缺少表格",
  description: "模板包中的表在工作簿里找不到（未插入、工作表被删除，或定义的名称被删除）。",
  check(context) {
    if (!context.texts) return [];
    return context.pack.tables
      .filter((t) => !context.texts![t.id])
      .map((t) => ({ ruleId: "table-missing", severity: "warning" as const, tableId: t.id, message: `工作簿中找不到${tableName(t)}（${fillPattern(t.title, context.unit)}）。` }));
  },
};

export const officeCostsRule: Rule = {
  id: "office-costs-unit-type",
  severity: "error",
  title: "机关运行经费与单位类型",
  description: "机关运行经费只属于行政单位和参照公务员法管理的事业单位：其他事业单位的机关运行经费表应为空。",
  check(context) {
    const ref = context.pack.figures?.officeCosts;
    const table = ref && context.pack.tables.find((t) => t.id === ref.table);
    if (!ref || !table || context.unitTypeKnown === false || context.unit.type !== "事业单位") return [];
    const row = context.table(ref.table)?.[ref.side]?.find((r) => r.id === ref.row);
    // Tables where 机关运行经费 is all the table holds (山西表十一) count any amount; elsewhere the figure itself.
    const whole = table.sides.every((s) => s.columns.every((k) => table.columns.find((c) => c.key === k)?.kind !== "amount" || k === ref.column || ["general", "fund", "stateCapital"].includes(k)));
    const amount = whole ? (hasAnyAmount(context.table(ref.table)) ? 1 : 0) : (row?.amounts[ref.column] ?? 0);
    if (!amount) return [];
    const where = { tableId: table.id, ...placeOf(context, table, row, ref.column) };
    return [{ ruleId: "office-costs-unit-type", severity: "error", ...where, sheet: context.texts?.[table.id]?.sheetName, message: `本单位是事业单位（不参照公务员法管理），不应有机关运行经费，${tableName(table)}的机关运行经费应为空。` }];
  },
};

export const performanceFundsRule: Rule = {
  id: "performance-funds",
  severity: "error",
  title: "绩效目标表资金与项目支出",
  description: "项目支出绩效目标表的年度资金总额（元）等于该项目在项目支出预算表（本年预算）中的合计（万元），按万元的四舍五入范围比较；表中找不到该项目时警告。",
  check(context) {
    const ref = context.pack.performanceProjects;
    const table = ref && context.pack.tables.find((t) => t.id === ref.table);
    const projects = ref && context.table(ref.table)?.[ref.side];
    if (!ref || !table || !projects) return [];
    const { unit, decimals } = tableUnit(context.pack, table);
    const step = FEN_PER_UNIT[unit] / 10 ** decimals;
    const where = tableName(table);
    const findings: Finding[] = [];
    for (const form of context.performanceForms ?? []) {
      const place = { tableId: PERFORMANCE_FORM_ID, sheet: form.sheetName, cell: form.cell };
      if (nameKey(form.project) === "") {
        findings.push({ ruleId: "performance-funds", severity: "warning", ...place, message: `绩效目标表尚未填写项目名称，无法与${where}核对资金。` });
        continue;
      }
      const row = projects.find((r) => r.id !== "total" && nameKey(r.name ?? "") === nameKey(form.project));
      if (!row) {
        findings.push({ ruleId: "performance-funds", severity: "warning", ...place, message: `绩效目标表的项目“${form.project}”在${where}中找不到。` });
        continue;
      }
      const inTable = row.amounts[ref.column] ?? 0;
      const funds = form.yearFunds ?? 0;
      const status = checkSum(inTable, [funds], step).status;
      if (status === "error")
        findings.push({
          ruleId: "performance-funds",
          severity: "error",
          ...place,
          message: `绩效目标表“${form.project}”年度资金总额 ${formatAmount(funds / 100, 2, true)} 元，与${where}该项目${columnTitle(table, ref.column)} ${formatAmount(inTable / FEN_PER_UNIT[unit], decimals)} ${unit}不符。`,
          expected: `${inTable / 100}`,
          actual: `${funds / 100}`,
        });
    }
    return findings;
  },
};
