/**
 * 检查 PDF: the published PDF picked in the pane, read as the command line reads it (src/io/pdf-pages.ts, the
 * same grid, the same rules), validated on its own with every finding on its page, and compared with the open
 * workbook, each difference with the workbook's cell to select. The file is only read, on this computer.
 */
import { compareReadings, type Difference } from "../core/compare";
import type { UnitInfo } from "../core/model";
import { pdfInput, placeOnPages } from "../core/pdf/document";
import { readPdfInput } from "../core/pdf/reading";
import type { WorkbookReading } from "../core/read-workbook";
import { parseSubjectCsv } from "../core/subjects/subject-list";
import { validate, validationInputOf } from "../core/validation/engine";
import type { ValidationReport } from "../core/validation/types";
import type { WorkbookPort } from "../host/workbook-port";
import { InputError } from "../io/input-error";
import { readPdfBytes } from "../io/pdf-pages";
import { fileBytes } from "./file-bytes";
import { loadPdfLibrary } from "./pdf-library";

/** The comparison with the open workbook: its differences, or why the two could not be compared table by table. */
export type PdfComparison = { differences: Difference[] } | { notCompared: string };

export type PdfCheck = { ok: true; fileName: string; packName: string; report: ValidationReport; comparison: PdfComparison } | { ok: false; message: string };

const unitDefaultsOf = (unit: UnitInfo | null): Partial<UnitInfo> => (unit ? { type: unit.type, department: unit.department } : {});

/** The PDF's own reading, or the one line that says why it is not a disclosure to read. */
export async function readPdfFile(file: File, unit: UnitInfo | null): Promise<{ reading: WorkbookReading; rowPages: ReadonlyMap<string, readonly number[]> } | { message: string }> {
  try {
    const { lib, folders } = await loadPdfLibrary();
    const input = pdfInput(await readPdfBytes(lib, await fileBytes(file), folders));
    if ("refusal" in input) return { message: `“${file.name}”：${input.refusal}` };
    const reading = readPdfInput(input, unitDefaultsOf(unit));
    if (!reading.disclosure) return { message: `“${file.name}”：${reading.problems.map((p) => p.message).join("；")}` };
    return { reading, rowPages: input.rowPages };
  } catch (error) {
    if (error instanceof InputError) return { message: `“${file.name}”：${error.message}` };
    throw error;
  }
}

async function compareWithWorkbook(pdf: WorkbookReading, rowPages: ReadonlyMap<string, readonly number[]>, port: WorkbookPort, unit: UnitInfo | null): Promise<PdfComparison> {
  const workbook = await port.readTables(unitDefaultsOf(unit));
  if (!workbook.disclosure || !workbook.pack) return { notCompared: "本工作簿中没有找到预算公开表格，未与 PDF 核对。" };
  if (workbook.pack.id !== pdf.pack?.id) return { notCompared: `PDF 是“${pdf.pack?.name ?? "未知表样"}”的表格，本工作簿是“${workbook.pack.name}”的表格，无法逐表核对。` };
  return { differences: compareReadings(pdf, workbook).map((d) => ({ ...d, published: placeOnPages([d.published], rowPages)[0] })) };
}

export async function checkPdf(file: File, port: WorkbookPort, unit: UnitInfo | null): Promise<PdfCheck> {
  const read = await readPdfFile(file, unit);
  if ("message" in read) return { ok: false, message: read.message };
  const { reading, rowPages } = read;
  // The year's complete subject list kept with this workbook applies to its published PDF too.
  const csv = await port.loadSubjects();
  const input = validationInputOf(reading, reading.disclosure!.unit, unit?.type !== undefined, csv ? parseSubjectCsv(csv, true) : undefined);
  if (!input) return { ok: false, message: `“${file.name}”：${reading.problems.map((p) => p.message).join("；")}` };
  const report = validate(input);
  return {
    ok: true,
    fileName: file.name,
    packName: reading.pack?.name ?? "",
    report: { ...report, findings: placeOnPages(report.findings, rowPages) },
    comparison: await compareWithWorkbook(reading, rowPages, port, unit),
  };
}
