/**
 * PDFs we make ourselves: LibreOffice prints generated workbooks (Shanxi's 13 tables with the 情况说明,
 * Shanghai's 9) to PDF, and validating the PDF gives the findings the workbook gives, placed on pages
 * instead of cells. A figure changed before printing is caught in the PDF too. Inputs that are not a
 * readable disclosure PDF are refused in one Chinese line with exit code 2.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { validateFile } from "../src/cli/validate-files";
import { convert } from "./support/libreoffice";
import { runCli } from "./support/run-cli";

const dir = mkdtempSync(join(tmpdir(), "pdf-lo-"));
const files = { xinzhou: join(dir, "xinzhou.xlsx"), shanghai: join(dir, "shanghai.xlsx"), changed: join(dir, "changed.xlsx") };
const pdfs: Record<keyof typeof files, string> = { xinzhou: "", shanghai: "", changed: "" };

/** What a finding says, without where it is (a cell in the workbook, a page in the PDF). */
const said = (findings: { ruleId: string; severity: string; message: string }[]) => findings.map((f) => `${f.severity} ${f.ruleId} ${f.message}`).sort();

beforeAll(async () => {
  expect((await runCli("generate", "--data", "examples/xinzhou-2024.json", "-o", files.xinzhou)).code).toBe(0);
  expect((await runCli("generate", "--data", "examples/shanghai-synthetic-2026.json", "-o", files.shanghai)).code).toBe(0);
  // One figure typed over after the tables were made: 表三's first 项 basic spending.
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(files.xinzhou);
  const sheet = book.worksheets.find((s) => s.name.startsWith("表三"))!;
  sheet.getCell("D9").value = 90;
  await book.xlsx.writeFile(files.changed);
  [pdfs.xinzhou, pdfs.shanghai, pdfs.changed] = convert([files.xinzhou, files.shanghai, files.changed], "pdf");
  // LibreOffice recalculates the totals when it prints: the workbook to compare with is the recalculated one.
  [files.changed] = convert([files.changed], "xlsx");
}, 300_000);

describe("a PDF printed from a workbook", () => {
  for (const name of ["xinzhou", "shanghai", "changed"] as const)
    it(`${name}: validates as its workbook does, every finding on a page`, async () => {
      const fromBook = await validateFile(files[name], { type: "事业单位" });
      const fromPdf = await validateFile(pdfs[name], { type: "事业单位" });
      expect(fromPdf.unreadable).toBeUndefined();
      expect(fromPdf.recognized!.length).toBe(name === "shanghai" ? 9 : 13);
      expect(said(fromPdf.report!.findings)).toEqual(said(fromBook.report!.findings));
      for (const f of fromPdf.report!.findings.filter((f) => f.sheet)) expect(f.page).toBeGreaterThan(0);
      if (name === "changed") expect(fromPdf.report!.findings).toContainEqual(expect.objectContaining({ ruleId: "tie:T1-T3-total", severity: "error", page: expect.any(Number) }));
    });
});

describe("the same workbook saved by LibreOffice as .ods", () => {
  it("keeps our names, a sheet whose name is quoted (单位“三公”经费…) included, and validates as the .xlsx does", async () => {
    const [ods] = convert([files.shanghai], "ods");
    const fromOds = await validateFile(ods, { type: "事业单位" });
    const fromBook = await validateFile(files.shanghai, { type: "事业单位" });
    expect(fromOds.unreadable).toBeUndefined();
    expect(said(fromOds.report!.findings)).toEqual(said(fromBook.report!.findings));
    expect(fromOds.report!.findings.filter((f) => f.severity !== "info")).toEqual([]);
  }, 120_000);
});

describe("compare: the published PDF against the workbook before it goes out", () => {
  it("finds nothing between a workbook and its own PDF", async () => {
    const run = await runCli("compare", pdfs.xinzhou, files.xinzhou);
    expect(run.out).toContain("一致");
    expect(run.code).toBe(0);
  });

  it("finds a figure changed in the workbook after printing, at its page and its cell, and a changed narrative figure", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(files.xinzhou);
    book.worksheets.find((s) => s.name.startsWith("表三"))!.getCell("D9").value = 90;
    const narrative = book.worksheets.find((s) => s.name === "情况说明")!;
    let changedRow = 0;
    narrative.eachRow((row, r) => {
      const text = String(row.getCell(1).value ?? "");
      if (!changedRow && text.includes("基本支出64.06万元")) {
        row.getCell(1).value = text.replace("基本支出64.06万元", "基本支出64.16万元");
        changedRow = r;
      }
    });
    expect(changedRow).toBeGreaterThan(0);
    const edited = join(dir, "edited.xlsx");
    await book.xlsx.writeFile(edited);
    const run = await runCli("compare", pdfs.xinzhou, edited, "--format", "json");
    expect(run.code).toBe(1);
    const { differences } = JSON.parse(run.out) as { differences: { kind: string; message: string; published: { sheet?: string; page?: number }; workbook: { sheet?: string; cell?: string } }[] };
    const figure = differences.filter((d) => d.kind === "figure");
    expect(figure).toHaveLength(1);
    expect(figure[0]).toMatchObject({ message: expect.stringContaining("公开文件 47.88，工作簿 90.00"), workbook: { sheet: "表三 支出总表", cell: "D9" }, published: { page: expect.any(Number) } });
    const text = differences.filter((d) => d.kind === "narrative");
    expect(text).toHaveLength(1);
    expect(text[0]).toMatchObject({ message: expect.stringContaining("64.06 → 64.16"), workbook: { sheet: "情况说明", cell: `A${changedRow}` } });
  });
});

describe("a page turned by its /Rotate, or drawn sideways", () => {
  /** The PDF with every page given a /Rotate: the text then runs down, up, or upside down as the page is shown. */
  const rotated = (pdf: string, degrees: number): string => {
    const text = readFileSync(pdf).toString("latin1");
    expect(text).toMatch(/\/Type\/Page\/Parent/);
    const path = join(dir, `rotated-${degrees}.pdf`);
    // The offsets of the cross-reference table shift: pdf.js rebuilds it, as readers do for such files.
    writeFileSync(path, Buffer.from(text.replace(/\/Type\/Page\/Parent/g, `/Type/Page/Rotate ${degrees}/Parent`), "latin1"));
    return path;
  };

  it.each([90, 180, 270])("reads every table and gives the same findings at %i°, turning the page until its text runs left to right", async (degrees) => {
    const plain = await validateFile(pdfs.changed, { type: "事业单位" });
    const turned = await validateFile(rotated(pdfs.changed, degrees), { type: "事业单位" });
    expect(turned.recognized!.length).toBe(13);
    expect(said(turned.report!.findings)).toEqual(said(plain.report!.findings));
  });
});

describe("PDFs that cannot be read as a disclosure", () => {
  const write = (name: string, bytes: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };

  it("a PDF with an open password gets one line that says so, and exit 2", async () => {
    const [locked] = convert([files.shanghai], "pdf", 'calc_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"123"}}');
    expect(readFileSync(locked).toString("latin1")).toContain("/Encrypt");
    const run = await runCli("validate", locked);
    expect(run.code).toBe(2);
    expect(`${run.out}\n${run.err}`).toContain("PDF 设了密码，无法读取");
    expect(`${run.out}\n${run.err}`).not.toMatch(/\n\s+at /);
  }, 120_000);

  it("a truncated PDF, a file that is not a PDF, and a page without text each get one line and exit 2", async () => {
    const truncated = write("truncated.pdf", readFileSync(pdfs.shanghai).subarray(0, 2000));
    const notPdf = write("notes.pdf", "这不是 PDF 文件");
    // One page with a drawing and no text: what a scanner's PDF looks like to a reader of text.
    const content = "0 0 0 rg 100 100 200 200 re f";
    const objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>", `<< /Length ${content.length} >>\nstream\n${content}\nendstream`];
    let pdf = "%PDF-1.4\n";
    const offsets = objects.map((o, i) => {
      const at = pdf.length;
      pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
      return at;
    });
    const xref = pdf.length;
    pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    const scanned = write("scanned.pdf", pdf);
    for (const [path, says] of [
      [truncated, "PDF"],
      [notPdf, "不是 PDF 文件"],
      [scanned, "没有文字层"],
    ] as const) {
      const run = await runCli("validate", path);
      expect(run.code).toBe(2);
      expect(`${run.out}\n${run.err}`).toContain(says);
      expect(`${run.out}\n${run.err}`).not.toMatch(/\n\s+at /);
    }
  });
});
