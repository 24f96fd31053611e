/** Reading workbooks we did not make: tables recognised by what they print, then validated as our own. */
import { describe, expect, it } from "vitest";
import { readLayoutValues, layoutCellValues } from "../src/core/layout/read-back";
import { planInsertion } from "../src/core/layout/workbook";
import { findPack } from "../src/core/packs";
import { readWorkbookCells } from "../src/core/read-workbook";
import { validate, validationInputOf } from "../src/core/validation/engine";
import type { ValidationReport } from "../src/core/validation/types";
import type { WorkbookCells } from "../src/core/workbook-cells";
import fc from "fast-check";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { readDataFile } from "../src/core/data-format";
import { namesForPlacement } from "../src/core/recognize/attach";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cellsOf, codesAsNumbers, joinCodes, splitCodes, plainSheets, reorderBody, setCell, shiftRight, textSheet, toYuan, unmergeHeader, workbookFile, type PlainSheet } from "./support/foreign-workbooks";
import { loadExample } from "./support/reference";

const example = loadExample();
const unitDefaults = { type: example.unit.type, department: example.unit.department };

function validateBook(book: WorkbookCells, options: { packId?: string } = {}): { report: ValidationReport; reading: ReturnType<typeof readWorkbookCells> } {
  const reading = readWorkbookCells(book, unitDefaults, options);
  const input = validationInputOf(reading, reading.disclosure!.unit, true);
  return { reading, report: validate(input!) };
}

/** The generated reference, read through our names. */
function namedReport(): ValidationReport {
  const pack = findPack(example.packId)!;
  const layouts = planInsertion(pack, example.unit, pack.tables.map((t) => t.id), [], example.tables).layouts;
  const reading = readLayoutValues(layouts, new Map(layouts.map((l) => [l.sheetName, layoutCellValues(l)])), unitDefaults);
  return validate(validationInputOf(reading, reading.disclosure!.unit, true)!);
}

describe("the reference disclosure without our names, values only", () => {
  it("is recognised table by table and validates exactly as the generated workbook", () => {
    const { reading, report } = validateBook(cellsOf(plainSheets(example)));
    expect(reading.recognition?.pack?.id).toBe("shanxi-unit-13");
    expect(reading.recognition!.placements.map((p) => p.tableId)).toEqual(["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11", "T12", "T13"]);
    expect(reading.notes).toEqual([]);
    const strip = (r: ValidationReport) => r.findings.map((f) => ({ ...f }));
    expect(strip(report)).toEqual(strip(namedReport()));
    expect(report.counts).toEqual({ error: 0, warning: 0, info: 10 });
  });
});

/** Findings as place and rule only, for comparing readings of the same figures. */
const shape = (r: ValidationReport) => r.findings.map((f) => `${f.severity} ${f.ruleId} ${f.sheet ?? ""}!${f.cell ?? ""}`).sort();
const sheetsOf = () => plainSheets(example);
const byTable = (sheets: PlainSheet[], id: string) => sheets.find((s) => s.tableId === id)!;

describe("variant workbooks of the Shanxi pack", () => {
  it("finds the tables after a 封面 and 目录, with sheets renamed and reordered", () => {
    const tables = sheetsOf().map((s, i) => ({ ...s, name: `Sheet${i + 1}` })).reverse();
    const cover = textSheet("封面", [["忻州市社会保障卡服务中心"], ["2024年单位预算公开"]]);
    // The 目录 lists every title with dots and page numbers: titles, but no table under them.
    const contents = textSheet("目录", [["目录"], ...sheetsOf().map((s, i) => [`${String(s.rows[1][0])}.....`, i + 4]), ["表三2024年预算支出总表"]]);
    const { reading, report } = validateBook(cellsOf([cover, contents, ...tables]));
    expect(Object.fromEntries(reading.recognition!.placements.map((p) => [p.tableId, p.sheetName]))).toEqual(Object.fromEntries(sheetsOf().map((s, i) => [s.tableId, `Sheet${i + 1}`])));
    expect(reading.recognition!.sheets.find((s) => s.sheetName === "目录")!.tables).toEqual([]);
    expect(report.counts).toEqual({ error: 0, warning: 0, info: 10 });
  });

  it("takes the unit's name from what most tables print, not from the first table when its name is cut at the cell's edge", () => {
    const full = example.unit.name;
    // One table's 单位名称 printed cut by one to three characters; in whichever place its sheet comes, the name is the whole one.
    for (const cut of [1, 2, 3])
      for (const first of [true, false]) {
        const tables = sheetsOf().map((s) => (s.tableId !== "T2" ? s : { ...s, rows: s.rows.map((r) => r.map((v) => (typeof v === "string" && v.includes(full) ? v.replace(full, full.slice(0, -cut)) : v))) }));
        const ordered = first ? [tables[1], ...tables.filter((_, i) => i !== 1)] : tables;
        const { reading, report } = validateBook(cellsOf(ordered));
        expect(reading.disclosure!.unit.name).toBe(full);
        expect(report.findings.filter((f) => f.ruleId === "unit-name").map((f) => `${f.severity} ${f.tableId}`)).toEqual(["warning T2"]);
      }
  });

  it("reads blank columns on the left, a title without year behind a number line, 编制单位 lines and repeated headers", () => {
    const sheets = sheetsOf().map((s) => {
      let v = unmergeHeader(s, s.tableId === "T3" ? "repeat" : "firstOnly");
      v = shiftRight(v, 2);
      if (v.tableId === "T5") v = setCell(v, 0, 2, "表五");
      if (v.tableId === "T2") v = setCell(v, 2, 2, "编制单位:忻州市社会保障卡服务中心");
      return v;
    });
    const { reading, report } = validateBook(cellsOf(sheets));
    expect(reading.recognition!.placements).toHaveLength(13);
    const t3 = reading.recognition!.placements.find((p) => p.tableId === "T3")!;
    expect(t3.columns).toEqual({ code: 2, name: 3, total: 4, basic: 5, project: 6 });
    expect(shape(report)).toEqual(shape(namedReport()).map((line) => line.replace(/!([A-Z])(\d+)/, (_, col: string, row: string) => `!${String.fromCharCode(col.charCodeAt(0) + 2)}${row}`)));
  });

  it("reads 元 where the pack prints 万元, codes stored as numbers, 合计 last and rows in another order", () => {
    const sheets = sheetsOf().map((s) => {
      if (s.tableId !== "T3") return s;
      let v = toYuan(s, [2, 3, 4], { row: 2, col: 4 });
      v = codesAsNumbers(v, [0]);
      // 合计 moved to the end, the subject rows reversed (the roll-up goes by code, not by position).
      v = reorderBody(v, (rows) => [...rows.slice(1).filter((r) => r.some((x) => x !== null)).reverse(), rows[0]]);
      return v;
    });
    const { reading, report } = validateBook(cellsOf(sheets));
    const t3 = reading.recognition!.placements.find((p) => p.tableId === "T3")!;
    expect(t3.amountUnit).toBe("元");
    expect(reading.disclosure!.tables.T3.rows.find((r) => r.id === "total")!.amounts.total).toBe(example.tables.T3.rows.find((r) => r.id === "total")!.amounts.total);
    expect(reading.disclosure!.tables.T3.rows.find((r) => r.code === "2080505")!.amounts.basic).toBe(example.tables.T3.rows.find((r) => r.code === "2080505")!.amounts.basic);
    // 元 to the 分 means no rounding differences in 表三 itself; the other tables keep theirs.
    expect(report.counts.error).toBe(0);
    expect(report.counts.warning).toBe(0);
  });

  it("reads codes split into 类 | 款 | 项 under a Shanxi header, and a title without its year (a warning, not a guess)", () => {
    const sheets = sheetsOf().map((s) => {
      if (s.tableId === "T3") return splitCodes(s, 0);
      if (s.tableId === "T5") return setCell(s, 1, 0, "一般公共预算支出预算表（不含上年结转）");
      return s;
    });
    const { reading, report } = validateBook(cellsOf(sheets));
    const t3 = reading.recognition!.placements.find((p) => p.tableId === "T3")!;
    expect(t3.columns).toEqual(expect.objectContaining({ codeClass: 0, codeCategory: 1, codeItem: 2, name: 3, total: 4 }));
    expect(reading.disclosure!.tables.T3.rows.map((r) => r.code).filter(Boolean)).toEqual(example.tables.T3.rows.map((r) => r.code).filter(Boolean));
    expect(report.counts.error).toBe(0);
    expect(report.findings.filter((f) => f.severity === "warning").map((f) => `${f.ruleId} ${f.sheet}!${f.cell}`)).toEqual(["table-title 表五 一般公共预算支出!A2"]);
  });

  it("ignores a hidden helper column and reports an unknown extra column without dropping figures", () => {
    const sheets = sheetsOf().map((s) => {
      if (s.tableId !== "T5") return s;
      let v = setCell(s, 4, 5, "备注");
      v = setCell(v, 6, 5, "含社保补助");
      return v;
    });
    const { reading, report } = validateBook(cellsOf(sheets));
    expect(report.findings.filter((f) => f.ruleId === "workbook-reading").map((f) => f.message)).toEqual([expect.stringContaining("“备注”")]);
    expect(reading.disclosure!.tables.T5.rows.length).toBe(example.tables.T5.rows.length);
  });

  it("names a missing column, and runs no row sum over it", () => {
    const sheets = sheetsOf().map((s) => (s.tableId !== "T3" ? s : { ...s, rows: s.rows.map((r) => r.slice(0, 4)) }));
    const { report } = validateBook(cellsOf(sheets));
    const missing = report.findings.filter((f) => f.ruleId === "table-column-missing");
    expect(missing).toEqual([expect.objectContaining({ severity: "error", sheet: "表三 支出总表", message: expect.stringContaining("项目支出") })]);
    expect(report.findings.filter((f) => f.ruleId === "row-sum" && f.tableId === "T3")).toEqual([]);
  });

  it("reads the same figures from an .xls copy", async () => {
    const { loadWorkbook } = await import("../src/cli/load-workbook");
    const dir = mkdtempSync(join(tmpdir(), "xls-"));
    const file = join(dir, "单位预算公开.xls");
    writeFileSync(file, workbookFile(sheetsOf(), "xls"));
    const book = await loadWorkbook(file);
    const { report } = validateBook(book);
    expect(shape(report)).toEqual(shape(namedReport()));
  });

  it("names the cell of #REF! and of text in an amount cell, and reads numbers typed as text and in full-width digits, through a file", async () => {
    const { loadWorkbook } = await import("../src/cli/load-workbook");
    const sheets = sheetsOf().map((s) => {
      if (s.tableId !== "T3") return s;
      let v = setCell(s, 8, 3, { error: "#REF!" });
      v = setCell(v, 10, 3, "一百");
      v = setCell(v, 11, 3, "６.４３４");
      return setCell(v, 5, 2, "164.058");
    });
    const file = join(mkdtempSync(join(tmpdir(), "bad-")), "坏单元格.xlsx");
    writeFileSync(file, workbookFile(sheets, "xlsx"));
    const { reading, report } = validateBook(await loadWorkbook(file));
    const unreadable = report.findings.filter((f) => f.ruleId === "cell-unreadable").map((f) => `${f.sheet}!${f.cell} ${f.message}`);
    expect(unreadable).toEqual(["表三 支出总表!D9 金额是错误值 #REF!。", "表三 支出总表!D11 金额“一百”不是数字。"]);
    expect(reading.disclosure!.tables.T3.rows.find((r) => r.code === "2080505")!.amounts.basic).toBe(6_434_000); // 6.434 万元 in 分
    expect(reading.disclosure!.tables.T3.rows.find((r) => r.id === "total")!.amounts.total).toBe(164_058_000);
  });

  it("reads an .ods copy too", async () => {
    const { loadWorkbook } = await import("../src/cli/load-workbook");
    const dir = mkdtempSync(join(tmpdir(), "ods-"));
    const file = join(dir, "单位预算公开.ods");
    writeFileSync(file, workbookFile(sheetsOf(), "ods"));
    const { report } = validateBook(await loadWorkbook(file));
    expect(report.counts).toEqual({ error: 0, warning: 0, info: 10 });
  });

  it("finds a changed figure in a recognised workbook and names its real cell", () => {
    const sheets = sheetsOf().map((s) => (s.tableId !== "T3" ? s : setCell(shiftRight(s, 1), 11, 4, 6.5)));
    const { report } = validateBook(cellsOf(sheets));
    // 2080505 基本支出 in column E of the shifted sheet: its row's 合计 (D12) and its 款's roll-up name the real cells.
    expect(report.findings.filter((f) => f.severity === "error").map((f) => `${f.sheet}!${f.cell}`)).toEqual(expect.arrayContaining(["表三 支出总表!D12"]));
  });
});

describe("an empty table's placeholder row", () => {
  const shanghaiExample = (() => {
    const result = readDataFile(JSON.parse(readFileSync(join(__dirname, "../examples/shanghai-synthetic-2026.json"), "utf8")));
    if (!result.ok) throw new Error("example");
    return result.disclosure;
  })();
  /** The empty tables of an example, each with its blank body row and which columns hold labels and which figures (by its 合计 row). */
  const emptyTables = (sheets: PlainSheet[]) =>
    sheets.flatMap((sheet) => {
      const body = sheet.rows.slice(sheet.bodyRows[0], sheet.bodyRows[1] + 1);
      const total = body.find((r) => r.some((v) => typeof v === "number"));
      const blank = body.findIndex((r) => r.every((v) => v === null || v === ""));
      if (!total || blank < 0 || total.some((v) => typeof v === "number" && v !== 0)) return [];
      const columns = total.map((_, c) => c).filter((c) => !sheet.hiddenColumns.includes(c));
      return [{ sheet, row: sheet.bodyRows[0] + blank, labels: columns.filter((c) => typeof total[c] !== "number"), figures: columns.filter((c) => typeof total[c] === "number") }];
    });
  const serious = (report: ValidationReport) => report.findings.filter((f) => f.severity !== "info").map((f) => `${f.ruleId} ${f.message}`).sort();
  const cases = [
    { name: "Shanxi (one code column)", sheets: () => plainSheets(example), type: example.unit.type },
    { name: "Shanghai (类 | 款 | 项)", sheets: () => plainSheets(shanghaiExample), type: shanghaiExample.unit.type },
  ];

  it.each(cases)("$name: 无, a dash, a slash or 0 in its code and name cells, its figures blank, 0 or the same, is the table's placeholder, not a code", ({ sheets, type }) => {
    const plain = sheets();
    const tables = emptyTables(plain);
    expect(tables.length).toBeGreaterThan(0);
    const read = (book: PlainSheet[]) => {
      const reading = readWorkbookCells(cellsOf(book), { type });
      return validate(validationInputOf(reading, reading.disclosure!.unit, true)!);
    };
    const before = serious(read(plain));
    fc.assert(
      fc.property(fc.constantFrom("无", "—", "－", "-", "/", "／", "0", "——"), fc.nat(), fc.constantFrom("blank", "0", "mark"), (mark, pick, figures) => {
        const edited = plain.map((sheet) => {
          const table = tables.find((t) => t.sheet === sheet);
          if (!table) return sheet;
          // Some of the label cells carry the mark, at least one on each side of the table (its labels before each run of figures).
          const sides = table.labels.reduce<number[][]>((runs, c) => (runs.length > 0 && runs[runs.length - 1].at(-1) === c - 1 ? [...runs.slice(0, -1), [...runs[runs.length - 1], c]] : [...runs, [c]]), []);
          const marked = sides.flatMap((side) => side.filter((_, i) => (pick >> i) % 2 === 1 || i === pick % side.length));
          let v = sheet;
          for (const c of marked) v = setCell(v, table.row, c, mark);
          for (const c of table.figures) v = setCell(v, table.row, c, figures === "blank" ? null : figures === "0" ? 0 : mark);
          return v;
        });
        expect(serious(read(edited))).toEqual(before);
      }),
      { numRuns: 60 },
    );
  });

  it.each(cases)("$name: a row with a figure under such a mark is still read and reported", ({ sheets, type }) => {
    const plain = sheets();
    const [table] = emptyTables(plain);
    const edited = plain.map((sheet) => (sheet !== table.sheet ? sheet : setCell(setCell(sheet, table.row, table.labels[0], "—"), table.row, table.figures[0], 5)));
    const reading = readWorkbookCells(cellsOf(edited), { type });
    const report = validate(validationInputOf(reading, reading.disclosure!.unit, true)!);
    expect(report.findings.filter((f) => f.severity === "error" && f.tableId === table.sheet.tableId).length).toBeGreaterThan(0);
  });
});

describe("what is not a disclosure", () => {
  it.each([
    ["a blank workbook", [textSheet("Sheet1", [])], []],
    ["a payroll sheet", [textSheet("工资表", [["2024年1月工资表"], ["姓名", "基本工资", "津贴补贴", "合计"], ["张三", 3000, 500, 3500]])], ["2024年1月工资表"]],
    ["a table with a header we do not know", [textSheet("表三", [["预算公开表3"], ["2024年预算支出总表"], ["单位：万元"], ["序号", "名称", "金额"], [1, "甲", 5]])], ["2024年预算支出总表"]],
  ])("gives a clear message for %s and guesses nothing: the sheets and titles seen, the packs tried", (_label, sheets, titles) => {
    const reading = readWorkbookCells(cellsOf(sheets as PlainSheet[]));
    expect(reading.disclosure).toBeNull();
    expect(reading.problems).toHaveLength(1);
    const message = reading.problems[0].message;
    expect(message).toMatch(/没有找到预算公开表格：看过的工作表 “/);
    expect(message.includes("印的标题有")).toBe(titles.length > 0);
    for (const title of titles as string[]) expect(message).toContain(`“${title}”`);
    expect(message).toContain("比较过的模板包：山西省");
  });
});

describe("the Shanghai district template, as units and departments print it", () => {
  const shanghai = (() => {
    const result = readDataFile(JSON.parse(readFileSync(join(__dirname, "../examples/shanghai-synthetic-2026.json"), "utf8")));
    if (!result.ok) throw new Error("example");
    return result.disclosure;
  })();
  const sheets = () => plainSheets(shanghai);
  const defaults = { type: shanghai.unit.type };
  const check = (book: WorkbookCells) => {
    const reading = readWorkbookCells(book, defaults);
    return { reading, report: validate(validationInputOf(reading, reading.disclosure!.unit, true)!) };
  };
  const serious = (r: ValidationReport) => r.findings.filter((f) => f.severity !== "info").map((f) => `${f.ruleId} ${f.sheet}!${f.cell ?? ""} ${f.message}`);

  it("is recognised as the 9-table pack from the template's sheets (封面, 目录, a trailing space in a sheet name)", () => {
    const tables = sheets().map((s) => (s.tableId === "T7" ? { ...s, name: "单位国有资本经营预算拨款表 " } : s));
    const front = [textSheet("封面", [["上海市普陀区2026年区级单位预算"], ["预算单位：" + shanghai.unit.name]]), textSheet("目录", [["目录"], ["9. 2026年单位“三公”经费和机关运行经费预算表"]]), textSheet("单位职能", [["主要职能"]])];
    const { reading, report } = check(cellsOf([...front, ...tables]));
    expect(reading.recognition!.pack!.id).toBe("shanghai-unit-9");
    expect(reading.recognition!.placements.find((p) => p.tableId === "T7")!.sheetName).toBe("单位国有资本经营预算拨款表 ");
    expect(serious(report)).toEqual([]);
  });

  it("reads the 部门 wording: titles, 编制部门, 1. 一般公共预算资金, 款 and 项 that lost their leading zero, 本部门 notes", () => {
    const variant = sheets().map((s) => {
      let v = s;
      const title = String(v.rows[1][0]);
      v = setCell(v, 1, 0, title.replace("预算单位", "部门").replace("单位“三公”", "部门“三公”"));
      v = setCell(v, 0, 0, `预算公开表${v.tableId.slice(1)}`);
      v = setCell(v, 2, 0, `编制部门：${shanghai.unit.name}`);
      if (v.tableId === "T1") v = { ...v, rows: v.rows.map((r) => r.map((x) => (x === "1、一般公共预算" ? "1. 一般公共预算资金" : x === "2、政府性基金预算" ? "2. 政府性基金" : x))) };
      if (v.tableId === "T3") v = { ...v, rows: v.rows.map((r, i) => (i < v.bodyRows[0] ? r : r.map((x, c) => (c >= 1 && c <= 2 && typeof x === "string" && /^\d{2}$/.test(x) ? Number(x) : x)))) };
      if (v.tableId === "T6") v = { ...v, rows: v.rows.map((r) => r.map((x) => (typeof x === "string" && x.startsWith("注:本单位") ? x.replace("注:本单位", "注：本部门") : x))) };
      return v;
    });
    const { reading, report } = check(cellsOf(variant));
    expect(reading.recognition!.placements).toHaveLength(9);
    expect(reading.disclosure!.tables.T1.income.find((r) => r.id === "general")!.name).toBe("1. 一般公共预算资金");
    expect(reading.disclosure!.tables.T3.rows.map((r) => r.code).filter(Boolean)).toEqual(shanghai.tables.T3.rows.map((r) => r.code).filter(Boolean));
    expect(serious(report)).toEqual([]);
  });

  it("warns on a pre-2019 类 name in the 总表 that the other tables print under its current name", () => {
    const variant = sheets().map((s) => (s.tableId === "T1" || s.tableId === "T4" ? { ...s, rows: s.rows.map((r) => r.map((x) => (typeof x === "string" && x.endsWith("卫生健康支出") ? x.replace("卫生健康支出", "医疗卫生与计划生育支出") : x))) } : s));
    const { report } = check(cellsOf(variant));
    const old = report.findings.filter((f) => f.ruleId === "subject-list" && f.severity === "warning");
    expect(old.map((f) => f.tableId).sort()).toEqual(["T1", "T4"]);
    expect(old[0].message).toContain("现行名称为“卫生健康支出”");
  });

  it("reads 类 | 款 | 项 joined into one code column", () => {
    const variant = sheets().map((s) => (s.tableId === "T3" ? joinCodes(s, [0, 1, 2]) : s.tableId === "T8" ? joinCodes(s, [0, 1]) : s));
    const { reading, report } = check(cellsOf(variant));
    expect(reading.recognition!.placements.find((p) => p.tableId === "T3")!.columns).toEqual(expect.objectContaining({ code: 0, name: 1 }));
    expect(reading.disclosure!.tables.T8.rows.map((r) => r.code).filter(Boolean)).toEqual(shanghai.tables.T8.rows.map((r) => r.code).filter(Boolean));
    expect(serious(report)).toEqual([]);
  });

  it("flags an empty-table note under a table that has figures, in either wording", () => {
    const variant = sheets().map((s) => {
      if (s.tableId !== "T9") return s;
      const under = s.bodyRows[1] + 1;
      return setCell({ ...s, rows: [...s.rows, []] }, under, 0, "注:本部门2026年无“三公”经费和机关运行经费预算，故本表为空表。");
    });
    const { report } = check(cellsOf(variant));
    expect(report.findings.filter((f) => f.ruleId === "empty-note")).toEqual([expect.objectContaining({ severity: "error", tableId: "T9", message: expect.stringContaining("有数据") })]);
  });

  it("reads the 部门 收支总表 with one 预算数 per side as its declared edition, without split-column errors", () => {
    const t1 = byTable(sheets(), "T1");
    const [h0] = t1.headerRows;
    const rows = t1.rows.map((r, i) => (i >= h0 && i < h0 + 4 ? (i === h0 ? ["本年收入", null, "本年支出", null] : i === h0 + 1 ? ["项目", "预算数", "项目", "预算数"] : [null, null, null, null]) : i === 2 ? [r[0], null, null, "单位：元"] : r.slice(0, 4)));
    const department: PlainSheet = { ...t1, rows: rows.filter((_, i) => i < h0 + 2 || i >= h0 + 4), merges: [], bodyRows: [t1.bodyRows[0] - 2, t1.bodyRows[1] - 2] };
    const { reading, report } = check(cellsOf([department, ...sheets().filter((s) => s.tableId !== "T1")]));
    const placed = reading.recognition!.placements.find((p) => p.tableId === "T1")!;
    expect(placed.variant).toBe("department");
    expect(placed.missingColumns).toEqual([]);
    expect(serious(report)).toEqual([]);
  });
});

describe("header and label spellings (fast-check)", () => {
  const respell = (text: string, spaces: number[], wide: boolean, breakAt: number) => {
    let out = wide ? text.replace(/[(),:0-9]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)) : text;
    for (const at of spaces) out = out.slice(0, at % (out.length + 1)) + " " + out.slice(at % (out.length + 1));
    return breakAt > 0 && out.length > 2 ? `${out.slice(0, breakAt % out.length)}\n${out.slice(breakAt % out.length)}` : out;
  };
  it("never crashes and keeps the mapping of every table", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(30), { maxLength: 3 }), fc.boolean(), fc.nat(12), fc.constantFrom("T1", "T2", "T3", "T4", "T6", "T10", "T12"), (spaces, wide, breakAt, tableId) => {
        const sheets = sheetsOf().map((s) => {
          if (s.tableId !== tableId) return s;
          const [h0, h1] = s.headerRows;
          return { ...s, rows: s.rows.map((r, i) => (i >= h0 && i <= h1 ? r.map((v) => (typeof v === "string" ? respell(v, spaces, wide, breakAt) : v)) : i > h1 ? r.map((v) => (typeof v === "string" && !/^\d+$/.test(v) ? respell(v, spaces, wide, 0) : v)) : r)) };
        });
        const reading = readWorkbookCells(cellsOf(sheets), unitDefaults);
        const expected = readWorkbookCells(cellsOf(sheetsOf()), unitDefaults);
        const columnsOf = (r: typeof reading) => r.recognition!.placements.find((p) => p.tableId === tableId)!.columns;
        expect(columnsOf(reading)).toEqual(columnsOf(expected));
        expect(reading.problems).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe("a workbook with a huge unused area", () => {
  it("is read up to the row bound, the rest reported, the tables still validated", async () => {
    const { loadWorkbook, MAX_SHEET_ROWS } = await import("../src/cli/load-workbook");
    const draft = textSheet("草稿", Array.from({ length: MAX_SHEET_ROWS + 5_000 }, (_, i) => [i % 7]));
    const file = join(mkdtempSync(join(tmpdir(), "huge-")), "大文件.xlsx");
    writeFileSync(file, workbookFile([...sheetsOf(), draft], "xlsx"));
    const book = await loadWorkbook(file);
    expect(book.sheets.find((s) => s.name === "草稿")!.rowCount).toBe(MAX_SHEET_ROWS);
    const { report } = validateBook(book);
    expect(report.counts).toEqual({ error: 0, warning: 1, info: 10 });
    expect(report.findings.find((f) => f.severity === "warning")).toEqual(expect.objectContaining({ ruleId: "workbook-reading", sheet: "草稿", message: expect.stringContaining("25,000 行") }));
  });
});

describe("formulas saved without their results (a file a program wrote, never opened in Excel)", () => {
  const sheetXml = (cell: string) => new TextEncoder().encode(`<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c>${cell}</row></sheetData></worksheet>`);
  const files = (cell: string, path = "xl/worksheets/sheet1.xml") => ({ [path]: { content: sheetXml(cell) } });

  it("are looked for in every way a writer closes a formula cell, and not where the result is there", async () => {
    const { hasFormulaWithoutValue } = await import("../src/io/uncached-formulas");
    const formula = fc.constantFrom('<f>SUM(A1:A2)</f>', '<f t="shared" ref="B1:B3" si="0">A1*2</f>', '<f t="shared" si="0"/>', "<f/>");
    const prefixed = (xml: string, prefix: string) => xml.replace(/<(\/?)([fvc])\b/g, `<$1${prefix}$2`);
    fc.assert(
      fc.property(formula, fc.constantFrom("", "x:"), fc.constantFrom("", " ", "\n  "), fc.boolean(), (f, prefix, space, withValue) => {
        const cell = prefixed(`<c r="B1">${f}${withValue ? `${space}<v>3</v>` : ""}${space}</c>`, prefix);
        expect(hasFormulaWithoutValue(files(cell))).toBe(!withValue);
      }),
    );
    // Only sheet parts are looked at: a formula in another part is not a cell.
    expect(hasFormulaWithoutValue(files('<c r="B1"><f>A1</f></c>', "xl/calcChain.xml"))).toBe(false);
    expect(hasFormulaWithoutValue(undefined)).toBe(false);
  });

  it("are noted per sheet, with their count and first cell, while a file saved with results has no note", async () => {
    const { loadWorkbook } = await import("../src/cli/load-workbook");
    const ExcelJS = (await import("exceljs")).default;
    const workbook = new ExcelJS.Workbook();
    const first = workbook.addWorksheet("表一");
    first.getCell("A1").value = 1;
    first.getCell("A2").value = 2;
    first.getCell("C3").value = { formula: "SUM(A1:A2)" } as never;
    first.getCell("D5").value = { formula: "C3*2" } as never;
    first.getCell("E1").value = { formula: "A1+A2", result: 3 } as never;
    workbook.addWorksheet("表二").getCell("B2").value = { formula: "1+1", result: 2 } as never;
    const dir = mkdtempSync(join(tmpdir(), "uncached-"));
    const file = join(dir, "程序生成.xlsx");
    writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    const book = await loadWorkbook(file);
    expect(book.problems).toEqual([{ sheet: "表一", cell: "C3", message: "工作表“表一”有 2 个公式没有保存计算结果（如 C3），按空白读取；请在 Excel 或 WPS 中打开、保存后再校验。" }]);
    expect(book.sheets[0].value(2, 2)).toBeNull();
    expect(book.sheets[0].value(0, 4)).toBe(3);
    // No table is found in it: the note is given beside that error, since it may be why.
    const { validateCells } = await import("../src/cli/validate-workbook");
    const { report } = validateCells(book);
    expect(report.findings.map((f) => [f.severity, f.ruleId, f.sheet, f.cell])).toEqual([
      ["error", "workbook-unreadable", undefined, undefined],
      ["warning", "workbook-reading", "表一", "C3"],
    ]);
    expect(report.counts).toEqual({ error: 1, warning: 1, info: 0 });

    // A shared formula whose first cell has no result: the scan still counts it per sheet; SheetJS, which
    // cannot read such a sheet with its formulas, leaves one note for the workbook.
    first.getCell("A6").value = { sharedFormula: "C3" } as never;
    writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    expect((await loadWorkbook(file)).problems).toEqual([{ sheet: "表一", cell: "C3", message: "工作表“表一”有 3 个公式没有保存计算结果（如 C3），按空白读取；请在 Excel 或 WPS 中打开、保存后再校验。" }]);
    const { readWorkbookBytes } = await import("../src/io/workbook-file");
    expect((await readWorkbookBytes(readFileSync(file), file, { reader: "sheetjs" })).problems).toEqual([{ sheet: "", cell: "", message: "工作簿中有公式没有保存计算结果，按空白读取；请在 Excel 或 WPS 中打开、保存后再校验。" }]);

    const saved = join(dir, "已保存.xlsx");
    writeFileSync(saved, workbookFile(sheetsOf(), "xlsx"));
    expect((await loadWorkbook(saved)).problems).toEqual([]);
  });
});

describe("names attached after the accountant confirms", () => {
  it("read the table in its own layout, and follow a column inserted on the left", () => {
    const sheets = sheetsOf().map((s) => shiftRight(unmergeHeader(s, "firstOnly"), 1));
    const recognized = validateBook(cellsOf(sheets));
    const pack = recognized.reading.pack!;
    const names = new Map(recognized.reading.recognition!.placements.flatMap((p) => namesForPlacement(pack, p).map((n) => [n.name, { sheetName: p.sheetName, area: n.area }] as const)));
    const named = validateBook({ ...cellsOf(sheets), names });
    expect(named.reading.recognition).toBeUndefined();
    expect(shape(named.report)).toEqual(shape(recognized.report));
    // A column inserted on the left of 表三 after confirming: the names move with the cells, as Excel moves them.
    const t3 = sheets.findIndex((s) => s.tableId === "T3");
    const moved = sheets.map((s, i) => (i === t3 ? shiftRight(s, 1) : s));
    const movedNames = new Map([...names].map(([n, place]) => [n, place.sheetName === sheets[t3].name ? { ...place, area: { ...place.area, firstCol: place.area.firstCol + 1, lastCol: place.area.lastCol + 1 } } : place]));
    const after = validateBook({ ...cellsOf(moved), names: movedNames });
    expect(after.report.counts).toEqual(named.report.counts);
    expect(after.reading.disclosure!.tables.T3).toEqual(named.reading.disclosure!.tables.T3);
  });
});

describe("what recognition tells the accountant, in the pack's names for the tables", () => {
  it("names 表三, not T3, for a missing amount unit and for a second copy left unread", () => {
    const sheets = plainSheets(example);
    const t3 = sheets.find((s) => s.tableId === "T3")!;
    const withoutUnit = { ...t3, rows: t3.rows.map((row) => row.map((v) => (typeof v === "string" && /^单位[:：]/.test(v) ? null : v))) };
    const copy = { ...t3, name: "表三（副本）" };
    const reading = readWorkbookCells(cellsOf([...sheets.map((s) => (s === t3 ? withoutUnit : s)), copy]), unitDefaults);
    const messages = (reading.notes ?? []).map((n) => n.message);
    expect(messages).toContain("表三没有印金额单位（“单位：万元”或“单位：元”），按模板的万元读取。");
    expect(messages).toContain("表三在“表三 支出总表”已经找到，这里的第二份未读取。");
    expect(messages.filter((m) => /\bT\d+\b/.test(m))).toEqual([]);
  });
});

describe("one table alone does not decide the table set", () => {
  const t3 = plainSheets(loadExample()).filter((s) => s.tableId === "T3");

  it("refuses a workbook whose only recognised table could belong to another province's set, naming it and --pack", () => {
    const reading = readWorkbookCells(cellsOf(t3));
    expect(reading.disclosure).toBeNull();
    expect(reading.problems[0].message).toMatch(/只认出了“表三 支出总表”的表三，不足以确定.*--pack shanxi-unit-13/);
  });

  it("reads it with --pack, and reads two tables without it", () => {
    expect(readWorkbookCells(cellsOf(t3), {}, { packId: "shanxi-unit-13" }).recognition!.placements).toHaveLength(1);
    const two = plainSheets(loadExample()).filter((s) => s.tableId === "T3" || s.tableId === "T5");
    expect(readWorkbookCells(cellsOf(two)).recognition!.placements).toHaveLength(2);
  });
});
