/** pdf.js's worker module, imported by the WPS build to run it in the page; only its message handler is read. */
declare module "pdfjs-dist/legacy/build/pdf.worker.mjs" {
  export const WorkerMessageHandler: unknown;
}
