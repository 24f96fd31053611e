/**
 * The variant layouts of the recognition tests, printed to PDF: a workbook typed the way units type theirs
 * (a 封面 and 目录 in front, sheets renamed and reordered, blank columns on the left, headers unmerged,
 * amounts in 元, codes stored as numbers, 合计 last, codes split into 类 | 款 | 项 or joined, an extra
 * column), ruled and set up to print one page wide, then printed by LibreOffice. Each PDF is read to the
 * tables and findings its workbook gives, pages instead of cells.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { validateFile } from "../src/cli/validate-files";
import { readDataFile } from "../src/core/data-format";
import { cellsOf, codesAsNumbers, joinCodes, plainSheets, reorderBody, setCell, shiftRight, splitCodes, textSheet, toYuan, unmergeHeader, type PlainSheet } from "./support/foreign-workbooks";
import { compareReadings } from "../src/core/compare";
import { cellAddress } from "../src/core/layout/a1";
import { readWorkbookCells } from "../src/core/read-workbook";
import { loadInput } from "../src/cli/load-input";
import { readPdfInput } from "../src/core/pdf/reading";
import { convert } from "./support/libreoffice";
import { asPrinted, printableWorkbook } from "./support/printable-workbook";
import { loadExample } from "./support/reference";

const shanxi = loadExample();
const shanghai = (() => {
  const result = readDataFile(JSON.parse(readFileSync(join(__dirname, "../examples/shanghai-synthetic-2026.json"), "utf8")));
  if (!result.ok) throw new Error("example");
  return result.disclosure;
})();

const variants: Record<string, { sheets: PlainSheet[]; unitType: string }> = {
  "a 封面 and 目录 in front, the tables' sheets renamed and in reverse order": {
    unitType: shanxi.unit.type,
    sheets: [
      textSheet("封面", [["忻州市社会保障卡服务中心"], ["2024年单位预算公开"]]),
      textSheet("目录", [["目录"], ...plainSheets(shanxi).map((s, i) => [`${String(s.rows[1][0])}.....`, i + 4])]),
      ...plainSheets(shanxi)
        .map((s, i) => ({ ...s, name: `Sheet${i + 1}` }))
        .reverse(),
    ],
  },
  "blank columns on the left, headers unmerged (repeated, or in the first cell only), an 编制单位 line": {
    unitType: shanxi.unit.type,
    sheets: plainSheets(shanxi).map((s) => {
      let v = shiftRight(unmergeHeader(s, s.tableId === "T3" ? "repeat" : "firstOnly"), 2);
      if (v.tableId === "T2") v = setCell(v, 2, 2, "编制单位:忻州市社会保障卡服务中心");
      return v;
    }),
  },
  "表三 in 元 with codes stored as numbers, 合计 last and the subjects in reverse order": {
    unitType: shanxi.unit.type,
    sheets: plainSheets(shanxi).map((s) =>
      s.tableId !== "T3" ? s : reorderBody(codesAsNumbers(toYuan(s, [2, 3, 4], { row: 2, col: 4 }), [0]), (rows) => [...rows.slice(1).filter((r) => r.some((x) => x !== null)).reverse(), rows[0]]),
    ),
  },
  "表三's codes split into 类 | 款 | 项, 表五 with a 备注 column": {
    unitType: shanxi.unit.type,
    sheets: plainSheets(shanxi).map((s) => (s.tableId === "T3" ? splitCodes(s, 0) : s.tableId === "T5" ? setCell(setCell(s, 4, 5, "备注"), 6, 5, "含社保补助") : s)),
  },
  "Shanghai: 类 | 款 | 项 joined into one code column": {
    unitType: shanghai.unit.type,
    sheets: plainSheets(shanghai).map((s) => (s.tableId === "T3" ? joinCodes(s, [0, 1, 2]) : s.tableId === "T8" ? joinCodes(s, [0, 1]) : s)),
  },
};

const dir = mkdtempSync(join(tmpdir(), "pdf-variants-"));
const names = Object.keys(variants);
const files = names.map((_, i) => join(dir, `variant-${i}.xlsx`));
let pdfs: string[] = [];

/** What a finding says, without where it is (a cell in the workbook, a page in the PDF). */
const said = (findings: { ruleId: string; severity: string; message: string }[]) => findings.map((f) => `${f.severity} ${f.ruleId} ${f.message}`).sort();

beforeAll(async () => {
  for (const [i, name] of names.entries()) writeFileSync(files[i], await printableWorkbook(variants[name].sheets));
  pdfs = convert(files, "pdf");
}, 300_000);

describe("a variant workbook printed to PDF reads as the workbook", () => {
  names.forEach((name, i) =>
    it(name, async () => {
      const unitDefaults = { type: variants[name].unitType as "事业单位" };
      const fromBook = await validateFile(files[i], unitDefaults);
      const fromPdf = await validateFile(pdfs[i], unitDefaults);
      expect(fromBook.unreadable).toBeUndefined();
      expect(fromPdf.unreadable).toBeUndefined();
      expect(fromPdf.recognized!.map((r) => r.table)).toEqual(fromBook.recognized!.map((r) => r.table));
      expect(said(fromPdf.report!.findings)).toEqual(said(fromBook.report!.findings));
      for (const f of fromPdf.report!.findings.filter((f) => f.sheet)) expect(f.page).toBeGreaterThan(0);
    }),
  );
});

describe("compare: every single-figure change made to the workbook after its PDF was printed", () => {
  it("is found, as one figure, at the workbook's cell that changed", async () => {
    const name = "blank columns on the left, headers unmerged (repeated, or in the first cell only), an 编制单位 line";
    const i = names.indexOf(name);
    const unitDefaults = { type: variants[name].unitType as "事业单位" };
    const input = await loadInput(pdfs[i]);
    if (!input.rowPages) throw new Error("a PDF");
    const published = readPdfInput({ book: input.book, narrative: input.narrative, rowPages: input.rowPages }, unitDefaults);
    const printed = variants[name].sheets.map(asPrinted);
    expect(compareReadings(published, readWorkbookCells(cellsOf(printed), unitDefaults))).toEqual([]);
    let changes = 0;
    printed.forEach((sheet, s) => {
      for (let r = sheet.bodyRows[0]; r <= sheet.bodyRows[1] && sheet.tableId; r++)
        sheet.rows[r].forEach((value, c) => {
          // Each figure of a table (codes aside), one at a time, 1 more than printed.
          if (typeof value !== "number") return;
          const changed = printed.map((other, k) => (k !== s ? other : setCell(other, r, c, value + 1)));
          const found = compareReadings(published, readWorkbookCells(cellsOf(changed), unitDefaults));
          expect(found.map((d) => `${d.kind} ${d.workbook.sheet}!${d.workbook.cell}`), `${sheet.name}!${cellAddress(r, c)}`).toEqual([`figure ${sheet.name}!${cellAddress(r, c)}`]);
          changes++;
        });
    });
    expect(changes).toBeGreaterThan(150);
  });
});
