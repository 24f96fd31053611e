/**
 * One reading path for every host: the same workbook model read by the command line (.xlsx written
 * by SheetJS), by the Excel adapter over FakeExcel (ExcelApi 1.13 on and off) and by the WPS adapter
 * over FakeEt (error cells as COM numbers and as text) gives the same tables, narrative, unit info,
 * recognition and findings. Its corpus is the ways the readers once disagreed.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CellValue } from "../src/core/amount";
import { renderUnitInfoSheet } from "../src/core/layout/unit-info-sheet";
import { renderNarrativeSheet } from "../src/core/narrative/layout";
import { planInsertion } from "../src/core/layout/workbook";
import type { Disclosure } from "../src/core/model";
import { findPack } from "../src/core/packs";
import type { WorkbookReading } from "../src/core/read-workbook";
import { unreadableReport, validate, validationInputOf } from "../src/core/validation/engine";
import type { ValidationReport } from "../src/core/validation/types";
import { loadWorkbook } from "../src/cli/load-workbook";
import { validateCells } from "../src/cli/validate-workbook";
import { readWorkbookTables as readExcel, workbookCells as excelCells } from "../src/excel/read-workbook";
import { readWorkbookTables as readWps, workbookCells as wpsCells } from "../src/wps/read";
import type { WorkbookCells } from "../src/core/workbook-cells";
import { layoutNames, layoutSheet, modelEt, modelExcel, modelFile, type BookModel, type ModelSheet } from "./support/book-model";
import { loadExample, referenceNarrative } from "./support/reference";
import { handTypedShanghai } from "./e2e/walkthrough";

const example = loadExample();
const pack = findPack(example.packId)!;
const layouts = (disclosure: Disclosure = example) =>
  planInsertion(
    pack,
    disclosure.unit,
    pack.tables.map((t) => t.id),
    [],
    disclosure.tables,
  ).layouts;
const narrativeSheet = (name: string, edit: (line: string) => string = (l) => l): ModelSheet => ({ name, rows: referenceNarrative().map((l) => [edit(l)]), merges: [] });
/** 单位信息 kept in the very hidden YS_单位信息 sheet, as generate and the add-in write it. */
const infoSheet = () => {
  const layout = renderUnitInfoSheet(pack, { ...example.unit, type: "事业单位" });
  return { sheet: layoutSheet(layout, 2), names: layoutNames([layout]) };
};

/** Our tables with our names, the unit info sheet, and a 情况说明 typed by hand on a sheet of its own. */
function namedBook(edit?: (line: string) => string): BookModel {
  const ls = layouts();
  const info = infoSheet();
  return { sheets: [...ls.map((l) => layoutSheet(l)), info.sheet, narrativeSheet("情况说明（手录）", edit)], names: [...layoutNames(ls), ...info.names] };
}

/** The same tables without any of our names (a workbook made elsewhere). */
function plainBook(edit?: (line: string) => string): BookModel {
  return { sheets: [...layouts().map((l) => layoutSheet(l)), narrativeSheet("情况说明（手录）", edit)], names: [] };
}

interface Summary {
  pack: string | null;
  placements: string[];
  tables: unknown;
  narrative: string[];
  unitInfo: unknown;
  findings: string[];
}

function reportOf(reading: WorkbookReading): ValidationReport {
  const input = reading.disclosure && validationInputOf(reading, reading.disclosure.unit, reading.unitInfo?.type !== undefined);
  return input ? validate(input) : unreadableReport(reading);
}

function summary(reading: WorkbookReading, report: ValidationReport): Summary {
  return {
    pack: reading.pack?.id ?? null,
    placements: (reading.recognition?.placements ?? []).map((p) => `${p.tableId}@${p.sheetName}`),
    tables: reading.disclosure?.tables ?? null,
    narrative: (reading.narrative?.lines ?? []).map((l) => `${l.sheet ?? reading.narrative!.sheetName}!${l.row}:${l.text}`),
    unitInfo: reading.unitInfo ?? null,
    findings: report.findings.map((f) => `${f.severity} ${f.ruleId} ${f.sheet ?? ""}!${f.cell ?? ""} ${f.message}`).sort(),
  };
}

const readers: Record<string, (book: BookModel) => Promise<Summary>> = {
  cli: async (book) => {
    const { reading, report } = validateCells(await loadWorkbook(modelFile(book, "xlsx")), {});
    return summary(reading, report);
  },
  "cli (.ods)": async (book) => {
    const { reading, report } = validateCells(await loadWorkbook(modelFile(book, "ods")), {});
    return summary(reading, report);
  },
  "excel (ExcelApi 1.13)": async (book) => {
    vi.stubGlobal("Office", { context: { requirements: { isSetSupported: () => true } } });
    const excel = modelExcel(book, true);
    const reading = await readExcel(excel.context, {});
    expect(excel.syncs).toBe(2);
    expect(excel.writes).toEqual([]);
    return summary(reading, reportOf(reading));
  },
  "excel (no merges API)": async (book) => {
    vi.stubGlobal("Office", { context: { requirements: { isSetSupported: () => false } } });
    const reading = await readExcel(modelExcel(book, false).context, {});
    return summary(reading, reportOf(reading));
  },
  "wps (errors as COM numbers)": async (book) => {
    const reading = readWps(modelEt(book, "com").app.ActiveWorkbook, {});
    return summary(reading, reportOf(reading));
  },
  "wps (errors as text)": async (book) => {
    const reading = readWps(modelEt(book, "text").app.ActiveWorkbook, {});
    return summary(reading, reportOf(reading));
  },
};

/** Every reader's summary, checked equal to the command line's; the command line's returned. */
async function readEverywhere(book: BookModel): Promise<Summary> {
  const read: { name: string; summary: Summary }[] = [];
  for (const [name, reader] of Object.entries(readers)) read.push({ name, summary: await reader(book) });
  const [cli, ...hosts] = read;
  for (const host of hosts) expect({ reader: host.name, ...host.summary }).toEqual({ reader: host.name, ...cli.summary });
  return cli.summary;
}

const setCell = (sheet: ModelSheet, row: number, col: number, value: CellValue): void => {
  while (sheet.rows.length <= row) sheet.rows.push([]);
  sheet.rows[row][col] = value;
};

/** Our named tables with two error values in 表三's 基本支出 (the third and fourth body rows). */
function withErrors(first: string, second: string): BookModel {
  const book = namedBook();
  const t3 = book.sheets.find((s) => s.name.startsWith("表三"))!;
  const body = book.names.find((n) => n.name === "YS_T3_BODY")!.area;
  setCell(t3, body.firstRow + 2, 3, { error: first });
  setCell(t3, body.firstRow + 3, 3, { error: second });
  return book;
}

afterEach(() => vi.unstubAllGlobals());

/** The cells a reader hands to the core, written out: each sheet's visibility, size, merges and values, and the names. */
function cellsDump(book: WorkbookCells, withMerges: boolean) {
  const sheets = book.sheets.map((s) => {
    // A blank is null or "" (an empty text result), as the rules read it; the size is that of the cells with values.
    const values: string[] = [];
    let [rows, cols] = [0, 0];
    for (let r = 0; r < s.rowCount; r++)
      for (let c = 0; c < s.colCount; c++) {
        const v = s.value(r, c);
        if (v === null || v === "") continue;
        values.push(`${r}:${c}=${JSON.stringify(v)}`);
        [rows, cols] = [Math.max(rows, r + 1), Math.max(cols, c + 1)];
      }
    // A merge of empty cells shows nothing (and SheetJS's .ods round trip drops it).
    const shown = s.merges.filter((m) => s.value(m.firstRow, m.firstCol) !== null);
    const merges = withMerges ? shown.map((m) => `${m.firstRow}:${m.firstCol}-${m.lastRow}:${m.lastCol}`).sort() : "not read";
    return { name: s.name, hidden: s.hidden, rows, cols, merges, values };
  });
  return { sheets, names: [...book.names].sort(([a], [b]) => a.localeCompare(b)), problems: book.problems ?? [] };
}

/** The cells every reader builds from one model; the merges too where the host can read them. */
async function cellsEverywhere(book: BookModel): Promise<void> {
  const cli = await loadWorkbook(modelFile(book, "xlsx"));
  const read: [string, WorkbookCells, boolean][] = [
    ["cli (.ods)", await loadWorkbook(modelFile(book, "ods")), true],
    ["excel (ExcelApi 1.13)", await (vi.stubGlobal("Office", { context: { requirements: { isSetSupported: () => true } } }), excelCells(modelExcel(book, true).context)), true],
    ["excel (no merges API)", await (vi.stubGlobal("Office", { context: { requirements: { isSetSupported: () => false } } }), excelCells(modelExcel(book, false).context)), false],
    ["wps (errors as COM numbers)", wpsCells(modelEt(book, "com").app.ActiveWorkbook), true],
    ["wps (errors as text)", wpsCells(modelEt(book, "text").app.ActiveWorkbook), true],
  ];
  for (const [reader, cells, merges] of read) expect({ reader, ...cellsDump(cells, merges) }).toEqual({ reader, ...cellsDump(cli, merges) });
}

describe("one reading path for every host", () => {
  it("builds the same cells in every reader: merges anywhere on a sheet, not only in its first rows, and a formatted empty area left out", async () => {
    const book = namedBook();
    // 表三 moved 20 rows down (its header merges below row 12), with a merged note under it and a styled area far below.
    const t3 = book.sheets.find((s) => s.name.startsWith("表三"))!;
    const down = 20;
    t3.rows = [...Array.from({ length: down }, () => []), ...t3.rows];
    t3.merges = t3.merges.map((m) => ({ ...m, firstRow: m.firstRow + down, lastRow: m.lastRow + down }));
    const under = t3.rows.length + 2;
    setCell(t3, under, 0, "注：本表为示例。");
    t3.merges.push({ firstRow: under, lastRow: under + 1, firstCol: 0, lastCol: 3 });
    t3.formattedEmpty = { row: under + 400, col: 12 };
    for (const n of book.names) if (n.sheetName === t3.name) n.area = { ...n.area, firstRow: n.area.firstRow + down, lastRow: n.area.lastRow + down };
    await cellsEverywhere(book);
    await cellsEverywhere(plainBook());
    // WPS's used range reaches the styled cell; the sheet read stops at the values, as Excel's does.
    expect(wpsCells(modelEt(book, "com").app.ActiveWorkbook).sheets.find((s) => s.name === t3.name)!.rowCount).toBe(under + 1);
  });

  it("checks a hand-typed 情况说明 beside our named tables (no false all-clear once names are attached)", async () => {
    const clean = await readEverywhere(namedBook());
    expect(clean.narrative.length).toBeGreaterThan(50);
    expect(clean.findings.filter((f) => f.startsWith("error"))).toEqual([]);
    const wrong = await readEverywhere(namedBook((l) => l.replace("基本支出64.06万元", "基本支出60.06万元")));
    const row = referenceNarrative().findIndex((l) => l.includes("基本支出64.06万元"));
    expect(wrong.findings.filter((f) => f.includes("narrative-amount"))).toContainEqual(expect.stringContaining(`情况说明（手录）!A${row + 1} `));
  });

  it("reads the unit info of the very hidden YS_单位信息 sheet in every host, so unit-type rules run", async () => {
    const read = await readEverywhere(namedBook());
    expect(read.unitInfo).toMatchObject({ type: "事业单位", name: example.unit.name });
  });

  it("recognises a workbook without our names and checks its narrative the same way", async () => {
    const read = await readEverywhere(plainBook((l) => l.replace("基本支出64.06万元", "基本支出60.06万元")));
    expect(read.placements).toHaveLength(13);
    expect(read.findings.some((f) => f.includes("narrative-amount"))).toBe(true);
  });

  it("reads an error cell as an error in every host, whatever the host's representation", async () => {
    const book = withErrors("#REF!", "#DIV/0!");
    const read = await readEverywhere(book);
    expect(read.findings.filter((f) => f.includes("是错误值 #REF!"))).toHaveLength(1);
    expect(read.findings.filter((f) => f.includes("是错误值 #DIV/0!"))).toHaveLength(1);
  });

  it("reads the newer error values (#SPILL!, #CALC!) as errors, not as amounts, in both hosts", async () => {
    const book = withErrors("#SPILL!", "#CALC!");
    const hosts = await Promise.all([readers["excel (no merges API)"](book), readers["wps (errors as COM numbers)"](book), readers["wps (errors as text)"](book)]);
    for (const host of hosts) {
      expect(host.findings.filter((f) => f.includes("是错误值 #SPILL!"))).toHaveLength(1);
      expect(host.findings.filter((f) => f.includes("是错误值 #CALC!"))).toHaveLength(1);
    }
  });

  it("leaves out the names of a deleted sheet the same way, reporting the table missing", async () => {
    const book = namedBook();
    book.sheets = book.sheets.filter((s) => !s.name.startsWith("表八"));
    const read = await readEverywhere(book);
    expect(read.findings.some((f) => f.includes("table-missing"))).toBe(true);
    expect(read.findings.some((f) => f.includes("#REF"))).toBe(false);
  });

  it("reads a named table where a column was inserted to its left (the names moved with it)", async () => {
    const book = namedBook();
    const t3 = book.sheets.find((s) => s.name.startsWith("表三"))!;
    t3.rows = t3.rows.map((r) => [null, ...r]);
    t3.merges = t3.merges.map((m) => ({ ...m, firstCol: m.firstCol + 1, lastCol: m.lastCol + 1 }));
    for (const n of book.names) if (n.sheetName === t3.name) n.area = { ...n.area, firstCol: n.area.firstCol + 1, lastCol: n.area.lastCol + 1 };
    const moved = await readEverywhere(book);
    const before = await readers.cli(namedBook());
    expect(moved.findings).toEqual(before.findings);
  });

  it("recognises the tables when a 情况说明 with our names was written before the recognition was confirmed, and checks it", async () => {
    const book = plainBook();
    book.sheets.pop();
    const narrative = renderNarrativeSheet(pack, example.unit, referenceNarrative().map((text) => ({ kind: "paragraph" as const, text: text.replace("基本支出64.06万元", "基本支出60.06万元") })));
    book.sheets.push(layoutSheet(narrative));
    book.names.push(...layoutNames([narrative]));
    const read = await readEverywhere(book);
    expect(read.placements).toHaveLength(13);
    expect(read.findings.some((f) => f.includes("没有找到任何表格"))).toBe(false);
    expect(read.findings.some((f) => f.includes("narrative-amount"))).toBe(true);
  });

  it("checks a hand-typed 情况说明 beside one the add-in generated, not only the generated one", async () => {
    const book = namedBook((l) => l.replace("基本支出64.06万元", "基本支出60.06万元"));
    const generated = renderNarrativeSheet(pack, example.unit, referenceNarrative().map((text) => ({ kind: "paragraph" as const, text })));
    book.sheets.push(layoutSheet(generated));
    book.names.push(...layoutNames([generated]));
    const read = await readEverywhere(book);
    expect(read.narrative.some((l) => l.startsWith(`${generated.sheetName}!`))).toBe(true);
    expect(read.narrative.some((l) => l.startsWith("情况说明（手录）!"))).toBe(true);
    expect(read.findings.filter((f) => f.includes("narrative-amount")).some((f) => f.includes(" 情况说明（手录）!"))).toBe(true);
  });

  it("takes no sheet-scoped name for one of ours, even under our name (a sheet copied with its names)", async () => {
    const book = plainBook();
    const ls = layouts();
    // Each table's names, scoped to its sheet and one row off: read as ours, every figure would move.
    book.names = layoutNames(ls).map((n) => ({ ...n, scope: n.sheetName, area: { ...n.area, firstRow: n.area.firstRow + 1, lastRow: n.area.lastRow + 1 } }));
    const read = await readEverywhere(book);
    expect(read.placements).toHaveLength(13);
    expect(read.tables).toEqual((await readers.cli(plainBook())).tables);
  });

  it("reads a hand-typed Shanghai workbook with its 单位编制说明 alike, and finds its wrong item in every host", async () => {
    const { sheets, wrongItem } = handTypedShanghai();
    const book: BookModel = { sheets: sheets.map((s) => ({ name: s.name, rows: s.rows as CellValue[][], merges: s.merges as ModelSheet["merges"] })), names: [] };
    await cellsEverywhere(book);
    const read = await readEverywhere(book);
    expect(read.placements).toHaveLength(9);
    expect(read.findings.filter((f) => f.includes("narrative-items") && f.includes(wrongItem))).toHaveLength(1);
  });

  it("does not recognise a hidden stale copy of a table", async () => {
    const book = plainBook();
    const stale = layoutSheet(layouts({ ...example, unit: { ...example.unit, year: 2023 } })[2], 1);
    book.sheets.push({ ...stale, name: "旧表三" });
    const read = await readEverywhere(book);
    expect(read.placements.some((p) => p.endsWith("@旧表三"))).toBe(false);
  });
});
