/**
 * pdf.js in the task pane: a chunk of its own, loaded when the first PDF is picked. Its worker, CMaps and
 * standard fonts are files beside the page (the build copies them into pdfjs/), so that the page's CSP needs
 * nothing more than its own origin, and isEvalSupported stays off. The WPS build puts its own loader here.
 */
import type { PdfDataFolders, PdfJs } from "../io/pdf-pages";

/** Where the build puts pdf.js's worker and data, relative to the page. */
export const PDF_FOLDER = "pdfjs/";

export async function loadPdfLibrary(): Promise<{ lib: PdfJs; folders: PdfDataFolders }> {
  const lib = await import(/* webpackChunkName: "pdfjs" */ "pdfjs-dist/legacy/build/pdf.mjs");
  const base = new URL(PDF_FOLDER, document.baseURI).href;
  lib.GlobalWorkerOptions.workerSrc = `${base}pdf.worker.min.mjs`;
  return { lib, folders: { cMapUrl: `${base}cmaps/`, standardFontDataUrl: `${base}standard_fonts/` } };
}
