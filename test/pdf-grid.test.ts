/**
 * PDF pages into the cell grid (core, no pdf.js): tables from ruling lines however they are drawn,
 * merged cells from missing rules, tables running over pages with or without a repeated header,
 * footers and the 目录 dropped, paragraphs joined without adding characters, findings placed on pages.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { placeOnPages, readPdfPages, pdfRefusal } from "../src/core/pdf/document";
import { pageLayout } from "../src/core/pdf/grid";
import type { PdfPage, PdfRule, PdfText } from "../src/core/pdf/page";

const PAGE = { width: 595, height: 842 };

/** A piece of text set in a box (left, top) of one line's height. */
const text = (t: string, x: number, y: number, size = 10): PdfText => ({ text: t, x0: x, y0: y, x1: x + t.length * size, y1: y + size });

type RuleStyle = "stroke" | "thinRect" | "split";
/** A grid's rules drawn in one of the ways generators draw them: stroked lines, thin filled rectangles (WPS), or each cell edge apart. */
function gridRules(xs: number[], ys: number[], style: RuleStyle, jitter: (i: number) => number = () => 0, skip: (r: PdfRule) => boolean = () => false): PdfRule[] {
  const rules: PdfRule[] = [];
  let n = 0;
  const line = (x0: number, y0: number, x1: number, y1: number) => {
    const j = jitter(n++);
    const r = style === "thinRect" ? (y0 === y1 ? { x0, y0: y0 - 0.25 + j, x1, y1: y0 + 0.25 + j } : { x0: x0 - 0.25 + j, y0, x1: x0 + 0.25 + j, y1 }) : { x0: x0 + (x0 === x1 ? j : 0), y0: y0 + (y0 === y1 ? j : 0), x1: x1 + (x0 === x1 ? j : 0), y1: y1 + (y0 === y1 ? j : 0) };
    if (!skip(r)) rules.push(r);
  };
  for (const y of ys) {
    if (style === "split") for (let i = 0; i + 1 < xs.length; i++) line(xs[i], y, xs[i + 1], y);
    else line(xs[0], y, xs[xs.length - 1], y);
  }
  for (const x of xs) {
    if (style === "split") for (let i = 0; i + 1 < ys.length; i++) line(x, ys[i], x, ys[i + 1]);
    else line(x, ys[0], x, ys[ys.length - 1]);
  }
  return rules;
}

/** A 3-column table: a merged header 项目 over two columns, then rows. The rule between 项目's columns stops below the header. */
function tablePage(number: number, rows: string[][], options: { title?: string; header?: boolean; style?: RuleStyle; jitter?: (i: number) => number; footer?: string; xs?: number[] } = {}): PdfPage {
  const xs = options.xs ?? [50, 150, 250, 350];
  const header = options.header ?? true;
  const top = 120;
  const bandCount = rows.length + (header ? 1 : 0);
  const ys = Array.from({ length: bandCount + 1 }, (_, i) => top + i * 20);
  // The merged header: no vertical rule at x=150 within the header band.
  const skip = (r: PdfRule) => header && Math.abs((r.x0 + r.x1) / 2 - 150) < 2 && r.y1 - r.y0 > 2 && r.y0 < top + 19 && (options.style !== "split" ? false : true);
  let rules = gridRules(xs, ys, options.style ?? "stroke", options.jitter, skip);
  if (header && options.style !== "split") {
    // The vertical rule at 150 starts below the header band.
    rules = rules.filter((r) => !(Math.abs((r.x0 + r.x1) / 2 - 150) < 2 && r.y1 - r.y0 > 2));
    rules.push(options.style === "thinRect" ? { x0: 149.75, y0: top + 20, x1: 150.25, y1: ys[ys.length - 1] } : { x0: 150, y0: top + 20, x1: 150, y1: ys[ys.length - 1] });
  }
  const texts: PdfText[] = [];
  if (options.title) texts.push(text(options.title, 60, 60, 14));
  texts.push(text("单位：元", 300, 95));
  if (header) texts.push(text("项目", 130, top + 5), text("金额", 280, top + 5));
  rows.forEach((row, r) => row.forEach((cell, c) => cell && texts.push(text(cell, xs[c] + 5, top + (r + (header ? 1 : 0)) * 20 + 5))));
  if (options.footer) texts.push(text(options.footer, 280, 800));
  return { number, ...PAGE, texts, rules };
}

const cells = (page: PdfPage) => pageLayout(page).rows.map((r) => r.cells);

describe("a ruled table on a page", () => {
  it("forms rows from the horizontal rules and cells from the vertical rules that cross each band, merging where a rule is missing", () => {
    const layout = pageLayout(tablePage(1, [["201", "一般公共服务支出", "1,000"], ["20101", "人大事务", "1,000"]], { title: "2025年单位收入预算总表" }));
    expect(layout.tables).toBe(1);
    expect(layout.rows.map((r) => r.cells)).toEqual([["2025年单位收入预算总表"], ["单位：元"], ["项目", "", "金额"], ["201", "一般公共服务支出", "1,000"], ["20101", "人大事务", "1,000"]]);
    // 项目 spans the first two grid columns of the header band.
    expect(layout.merges).toEqual([{ firstRow: 2, lastRow: 2, firstCol: 0, lastCol: 1 }]);
  });

  it("reads the same grid however the rules are drawn: stroked, thin filled rectangles, each cell edge apart, a hair off", () => {
    const rows = [["201", "一般公共服务支出", "1,000"], ["20101", "人大事务", "1,000"], ["2010101", "行政运行", "1,000"]];
    const expected = pageLayout(tablePage(1, rows, { style: "stroke" }));
    fc.assert(
      fc.property(fc.constantFrom<RuleStyle>("stroke", "thinRect", "split"), fc.array(fc.double({ min: -0.6, max: 0.6, noNaN: true }), { minLength: 64, maxLength: 64 }), (style, offsets) => {
        const layout = pageLayout(tablePage(1, rows, { style, jitter: (i) => offsets[i % offsets.length] }));
        expect(layout.rows.map((r) => r.cells)).toEqual(expected.rows.map((r) => r.cells));
        expect(layout.merges).toEqual(expected.merges);
      }),
    );
  });

  it("cuts a text run that crosses a rule between two cells (a figure against the rule, the next label right after it) where the rule stands", () => {
    // Run widths as a PDF gives them: CJK one em, digits and punctuation half.
    const em = 10;
    const runWidth = (t: string) => [...t].reduce((w, ch) => w + (/[\u4e00-\u9fff、（）]/.test(ch) ? em : em / 2), 0);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99_999_999 }).map((fen) => (fen / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })),
        fc.constantFrom("一、一般公共服务支出", "二、项目支出", "住房公积金", "其他"),
        fc.constantFrom("", " "),
        (figure, label, gap) => {
          const page = tablePage(1, [["", "", ""]], { header: false });
          // The figure ends at the rule x=250; the label of the next cell starts right there, in the same run.
          const run = `${figure}${gap}${label}`;
          const x0 = 250 - runWidth(figure + gap);
          page.texts.push({ text: run, x0, y0: 125, x1: x0 + runWidth(run), y1: 135 });
          expect(cells(page).at(-1)).toEqual(["", figure, label]);
        },
      ),
    );
  });

  it("takes a border drawn as several rules a hair apart (drawn twice, a shaded edge beside it) as one boundary, not a thin row", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.3, max: 1.4, noNaN: true }), { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 2 }), (steps, column) => {
        const page = tablePage(1, [["合计", "", "100"], ["301", "工资福利支出", "100"]], { header: false });
        // Under the 合计 row (y=140), further rules each a step below the last, some over part of the width only.
        let y = 140;
        steps.forEach((step, i) => {
          y += step;
          page.rules.push(i % 2 === 0 ? { x0: 50, y0: y - 0.25, x1: 50 + column * 100, y1: y + 0.25 } : { x0: 50 + column * 100, y0: y - 0.25, x1: 350, y1: y + 0.25 });
        });
        expect(cells(page).slice(-2)).toEqual([["合计", "", "100"], ["301", "工资福利支出", "100"]]);
      }),
    );
  });

  it("reads a first row whose top border is on the page before (a continuation page): the vertical rules reach above the first horizontal rule", () => {
    fc.assert(
      fc.property(fc.double({ min: 10, max: 20, noNaN: true }), (reach) => {
        const page = tablePage(1, [["", "", ""], ["20102", "政协会议", "1,000"]], { header: false });
        // No rule on top of the first row; the vertical rules start `reach` points above the rule under it.
        page.rules = page.rules.filter((r) => !(Math.abs(r.y0 - r.y1) < 1 && Math.abs(r.y0 - 120) < 1)).map((r) => (Math.abs(r.x0 - r.x1) < 1 ? { ...r, y0: 140 - reach } : r));
        page.texts = page.texts.filter((t) => !t.text.startsWith("单位"));
        page.texts.push(text("会议费", 160, 140 - reach + 1, 8), text("110.05", 260, 140 - reach + 1, 8));
        expect(cells(page)).toEqual([
          ["", "会议费", "110.05"],
          ["20102", "政协会议", "1,000"],
        ]);
      }),
    );
  });

  it("keeps text that is not in a table as lines, split into cells at wide gaps", () => {
    const page: PdfPage = { number: 1, ...PAGE, rules: [], texts: [text("编制单位：上海市财政局", 50, 90), text("单位：元", 400, 90), text("注：本表无数据。", 50, 110)] };
    expect(cells(page)).toEqual([["编制单位：上海市财政局", "单位：元"], ["注：本表无数据。"]]);
  });

  it("reads a cell's wrapped text in reading order, joined without adding characters", () => {
    const page = tablePage(1, [["", "", ""]], { header: false });
    page.texts.push(text("科目", 160, 130, 8), text("名称", 160, 121, 8));
    expect(cells(page).at(-1)).toEqual(["", "名称科目", ""]);
  });
});

describe("a PDF's pages as the grid", () => {
  const rows1 = [["201", "一般公共服务支出", "1,000"]];
  const rows2 = [["208", "社会保障和就业支出", "500"]];

  it("runs a table over a continuation page without a title, dropping the repeated header, and drops page footers", () => {
    const reading = readPdfPages([tablePage(3, rows1, { title: "2025年单位支出预算总表", footer: "─ 3 ─" }), tablePage(4, rows2, { footer: "第 4 页" })]);
    expect(reading.book.sheets.map((s) => s.name)).toEqual(["第3–4页"]);
    const sheet = reading.book.sheets[0];
    const grid = Array.from({ length: sheet.rowCount }, (_, r) => Array.from({ length: sheet.colCount }, (_, c) => sheet.value(r, c) ?? ""));
    expect(grid.map((r) => r.join("|"))).toEqual(["2025年单位支出预算总表||", "单位：元||", "项目||金额", "201|一般公共服务支出|1,000", "单位：元||", "208|社会保障和就业支出|500"]);
    expect(reading.rowPages.get("第3–4页")).toEqual([3, 3, 3, 3, 4, 4]);
  });

  it("keeps a continuation page's rows whole when it does not repeat the header", () => {
    const reading = readPdfPages([tablePage(3, rows1, { title: "2025年单位支出预算总表" }), tablePage(4, rows2, { header: false })]);
    const sheet = reading.book.sheets[0];
    expect(sheet.rowCount).toBe(6);
    expect(sheet.value(5, 0)).toBe("208");
  });

  it("starts a new sheet at a page with a title above its table", () => {
    const reading = readPdfPages([tablePage(3, rows1, { title: "2025年单位支出预算总表" }), tablePage(4, rows2, { title: "2025年单位财政拨款收支预算总表" })]);
    expect(reading.book.sheets.map((s) => s.name)).toEqual(["第3页", "第4页"]);
  });

  it("starts a new sheet at a page whose table has columns of its own, though nothing with 表 is printed above it", () => {
    // 2025年固定资产清单: no 表 in its title, and columns that are not the table's before it.
    const other = tablePage(4, rows2, { title: "2025年固定资产清单", xs: [50, 120, 300, 350] });
    expect(readPdfPages([tablePage(3, rows1, { title: "2025年单位支出预算总表" }), other]).book.sheets.map((s) => s.name)).toEqual(["第3页", "第4页"]);
    // The same columns a hair apart carry the table on; fewer edges (a header merged over two columns) too.
    const hair = tablePage(4, rows2, { header: false, xs: [51, 151.5, 249, 350] });
    expect(readPdfPages([tablePage(3, rows1, { title: "2025年单位支出预算总表" }), hair]).book.sheets.map((s) => s.name)).toEqual(["第3–4页"]);
    const fewer = { ...tablePage(4, rows2, { header: false }), rules: tablePage(4, rows2, { header: false }).rules.filter((r) => Math.abs((r.x0 + r.x1) / 2 - 250) > 2 || r.y1 - r.y0 < 2) };
    expect(readPdfPages([tablePage(3, rows1, { title: "2025年单位支出预算总表" }), fewer]).book.sheets.map((s) => s.name)).toEqual(["第3–4页"]);
  });

  it("joins a paragraph's lines without adding characters, starts a paragraph at an indent or after a short line that ends a sentence, and leaves out the 目录", () => {
    const contents: PdfPage = { number: 1, ...PAGE, rules: [], texts: [text("目  录", 250, 60), text("一、单位主要职能", 60, 100)] };
    const narrative: PdfPage = {
      number: 2,
      ...PAGE,
      rules: [],
      texts: [
        text("2025年单位预算编制说明", 150, 60, 14),
        text("收入预算100万元，其中：财政拨款收入100万元，比2024年预算增", 50, 100, 12),
        text("加10万元，", 50, 115, 12),
        text("支出预算100万元。", 74, 130, 12),
        text("另有说明。", 50, 145, 12),
        text("─ 2 ─", 280, 800),
      ],
    };
    // The first line reaches the right margin.
    narrative.texts[1].x1 = 506;
    const reading = readPdfPages([contents, narrative]);
    expect(reading.narrative.map((l) => [l.sheet, l.text])).toEqual([
      ["第2页", "2025年单位预算编制说明"],
      ["第2页", "收入预算100万元，其中：财政拨款收入100万元，比2024年预算增加10万元，"],
      ["第2页", "支出预算100万元。"],
      ["第2页", "另有说明。"],
    ]);
  });

  it("starts a paragraph at a numbered heading after a full line that ends a sentence, but not at a figure that wraps", () => {
    const page: PdfPage = {
      number: 5,
      ...PAGE,
      rules: [],
      texts: [text("2025年度本单位编报绩效目标的项目共4个，涉及项目预算资金598.46万元。", 50, 100, 12), text("五、国有资产占有使用情况", 50, 115, 12), text("截至2024年8月31日，本单位共有车辆0辆，其中：执法执勤用车", 50, 130, 12), text("1.5辆。", 50, 145, 12)],
    };
    // Both long lines reach the right margin.
    page.texts[0].x1 = 506;
    page.texts[2].x1 = 506;
    expect(readPdfPages([page]).narrative.map((l) => l.text)).toEqual(["2025年度本单位编报绩效目标的项目共4个，涉及项目预算资金598.46万元。", "五、国有资产占有使用情况", "截至2024年8月31日，本单位共有车辆0辆，其中：执法执勤用车1.5辆。"]);
  });

  it("carries a sentence cut by a page break on into the next page's first line, placed where it begins, the next page's paragraphs keeping their numbers", () => {
    const lineAt = (t: string, y: number, full: boolean, x = 50) => Object.assign(text(t, x, y, 12), full ? { x1: 506 } : {});
    const first: PdfPage = { number: 30, ...PAGE, rules: [], texts: [lineAt("2．公务用车购置及运行费预算支出237万元。其中：", 100, false), lineAt("公务用车运行维护费预算支出237万元，比上年预算减少", 115, true), text("─ 30 ─", 280, 800)] };
    const next = (firstLine: string, x = 50): PdfPage => ({ number: 31, ...PAGE, rules: [], texts: [lineAt(firstLine, 100, false, x), lineAt("3．公务接待费预算支出101.26万元。", 115, false)] });
    const read = (page: PdfPage) => readPdfPages([first, page]).narrative.map((l) => `${l.sheet}!${l.place} ${l.text}`);
    expect(read(next("30.8万元，主要原因是车辆转隶。"))).toEqual(["第30页!第1段 2．公务用车购置及运行费预算支出237万元。其中：", "第30页!第2段 公务用车运行维护费预算支出237万元，比上年预算减少30.8万元，主要原因是车辆转隶。", "第31页!第2段 3．公务接待费预算支出101.26万元。"]);
    // An indented or numbered first line starts a paragraph of its own.
    expect(read(next("另起一段。", 74))).toContain("第31页!第1段 另起一段。");
    expect(read(next("1．另一项。"))).toContain("第31页!第1段 1．另一项。");
  });

  it("reads the text beside a table on a page of the narrative as narrative too, without the table's rows, and ends a paragraph at the table", () => {
    const page = tablePage(17, [["201", "一般公共服务支出", "1,000"]], { title: "2025年单位支出预算总表" });
    page.texts.push(text("一、收支预算总体情况说明", 50, 200, 12), text("本年收入预算合计1,000元。", 50, 215, 12));
    const reading = readPdfPages([page]);
    expect(reading.narrative.map((l) => l.text)).toEqual(["2025年单位支出预算总表", "单位：元", "一、收支预算总体情况说明", "本年收入预算合计1,000元。"]);
    expect(reading.narrative.every((l) => l.sheet === "第17页")).toBe(true);
    expect(reading.book.sheets).toHaveLength(1);
  });

  it("names each finding on a table sheet by the page of its row, and keeps a narrative finding's page", () => {
    const rowPages = new Map([["第3–4页", [3, 3, 3, 4, 4]]]);
    const placed = placeOnPages(
      [
        { ruleId: "a", sheet: "第3–4页", cell: "C5" },
        { ruleId: "b", sheet: "第3–4页", cell: "B2" },
        { ruleId: "c", sheet: "第6页", cell: "第2段" },
        { ruleId: "d" },
      ],
      rowPages,
    );
    expect(placed).toEqual([
      { ruleId: "a", sheet: "第4页", cell: undefined, page: 4 },
      { ruleId: "b", sheet: "第3页", cell: undefined, page: 3 },
      { ruleId: "c", sheet: "第6页", cell: "第2段", page: 6 },
      { ruleId: "d" },
    ]);
  });

  it("refuses a PDF without a text layer, a 决算 rather than a 预算, and tables printed without rules", () => {
    const scanned: PdfPage = { number: 1, ...PAGE, texts: [], rules: [] };
    expect(pdfRefusal([scanned], readPdfPages([scanned]))).toContain("没有文字层");
    const finalAccounts: PdfPage = { number: 1, ...PAGE, rules: [], texts: [text("2024年部门决算", 100, 100)] };
    expect(pdfRefusal([finalAccounts], readPdfPages([finalAccounts]))).toContain("决算");
    const budget = tablePage(2, [["201", "一般公共服务支出", "1,000"]], { title: "2025年部门预算支出总表" });
    expect(pdfRefusal([budget], readPdfPages([budget]))).toBeNull();
    // The same table printed without borders: named as such, not read as a narrative.
    const unruled = { ...budget, rules: [] };
    expect(pdfRefusal([unruled], readPdfPages([unruled]))).toContain("没有带表线的表格");
  });
});
