/**
 * pdf.js in the WPS task pane, in place of src/taskpane/pdf-library.ts (the WPS build swaps the module). The WPS
 * scripts are one file each, lowered for WPS's older Chromium, so pdf.js is a script of its own (js/pdfjs.js,
 * src/wps/pdf-script.ts), added to the page when the first PDF is picked. It runs pdf.js's worker code in the
 * page: a page opened from the jsaddons folder (file:) cannot start a worker, and older engines have no module
 * workers. CMaps and standard fonts are files beside the page, in pdfjs/.
 */
import type { PdfDataFolders, PdfJs } from "../io/pdf-pages";

export const PDF_FOLDER = "pdfjs/";
/** The script the WPS build writes, and the global it leaves pdf.js in. */
const PDF_SCRIPT = "js/pdfjs.js";
const PDF_GLOBAL = "YS_PDFJS";

let loading: Promise<PdfJs> | null = null;

function loadScript(): Promise<PdfJs> {
  const page = window as unknown as Record<string, PdfJs | undefined>;
  const loaded = page[PDF_GLOBAL];
  if (loaded) return Promise.resolve(loaded);
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = new URL(PDF_SCRIPT, document.baseURI).href;
    script.onload = () => {
      const lib = page[PDF_GLOBAL];
      if (lib) resolve(lib);
      else reject(new Error(`${PDF_SCRIPT} 没有加载 PDF 读取程序`));
    };
    script.onerror = () => reject(new Error(`无法加载 ${PDF_SCRIPT}（加载项文件夹不完整？）`));
    document.head.appendChild(script);
  });
}

export async function loadPdfLibrary(): Promise<{ lib: PdfJs; folders: PdfDataFolders }> {
  loading ??= loadScript();
  loading.catch(() => (loading = null));
  const lib = await loading;
  const base = new URL(PDF_FOLDER, document.baseURI).href;
  return { lib, folders: { cMapUrl: `${base}cmaps/`, standardFontDataUrl: `${base}standard_fonts/` } };
}
