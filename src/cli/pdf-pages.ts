/**
 * A PDF file's pages for the command line: the file checked and read, pdf.js loaded from its package once,
 * on the first PDF, with the CMaps and standard fonts it ships; the reading itself is src/io/pdf-pages.ts.
 */
import { readFile, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { PdfPage } from "../core/pdf/page";
import { InputError } from "../io/input-error";
import { MAX_PDF_BYTES, readPdfBytes, type PdfDataFolders, type PdfJs } from "../io/pdf-pages";

export { MAX_PDF_BYTES };

const packageRoot = () => dirname(createRequire(__filename).resolve("pdfjs-dist/package.json"));

let loaded: Promise<PdfJs> | null = null;
/** pdf.js is an ES module: loaded once, on the first PDF, by its file URL (the command line is CommonJS). */
function pdfjs(): Promise<PdfJs> {
  loaded ??= import(pathToFileURL(join(packageRoot(), "legacy", "build", "pdf.mjs")).href) as Promise<PdfJs>;
  return loaded;
}

/** The CMaps and standard fonts of the installed pdf.js. */
function dataFolders(): PdfDataFolders {
  const root = packageRoot();
  return { cMapUrl: join(root, "cmaps") + "/", standardFontDataUrl: join(root, "standard_fonts") + "/" };
}

/** pdf.js as the command line loads it, with its data: what the task pane's loader gives, for tests of the pane's code in Node. */
export async function nodePdfLibrary(): Promise<{ lib: PdfJs; folders: PdfDataFolders }> {
  return { lib: await pdfjs(), folders: dataFolders() };
}

/** Reads a PDF file into pages; refuses what it cannot read with one Chinese line that names the file. */
export async function loadPdfPages(path: string): Promise<PdfPage[]> {
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new InputError(`${path}：是文件夹，不是 PDF 文件。`);
    if (info.size > MAX_PDF_BYTES) throw new InputError(`${path}：文件有 ${(info.size / 1048576).toFixed(1)} MB，超过 ${MAX_PDF_BYTES / 1048576} MB 的上限，未读取。`);
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${path}：文件不存在或无法读取。`);
  }
  try {
    return await readPdfBytes(await pdfjs(), new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), dataFolders());
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`${path}：${error.message}`);
    throw error;
  }
}
