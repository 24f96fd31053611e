/**
 * js/pdfjs.js of the WPS build: pdf.js (legacy build) and its worker's code, run in the page (pdf.js finds the
 * worker's message handler on pdfjsWorker and needs no worker then), left on window.YS_PDFJS for
 * src/wps/pdf-library.ts. Loaded only when a PDF is picked.
 */
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";
import * as worker from "pdfjs-dist/legacy/build/pdf.worker.mjs";

const page = window as unknown as Record<string, unknown>;
page.pdfjsWorker = worker;
page.YS_PDFJS = pdfjs;
