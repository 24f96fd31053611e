// pdf.js's worker, CMaps and standard fonts, copied beside the task pane page into pdfjs/ (src/taskpane/pdf-library.ts
// loads them from there): the worker is a file of its own, and the Chinese CMaps are what a PDF with a
// non-embedded Chinese font needs to read as text at all.
const path = require("path");

const root = path.dirname(require.resolve("pdfjs-dist/package.json"));

/** CopyWebpackPlugin patterns for the pdf.js files the pane loads at run time. */
const pdfjsAssetPatterns = [
  // Already minified: not minified again.
  { from: path.join(root, "legacy", "build", "pdf.worker.min.mjs"), to: "pdfjs/pdf.worker.min.mjs", info: { minimized: true } },
  { from: path.join(root, "cmaps"), to: "pdfjs/cmaps" },
  { from: path.join(root, "standard_fonts"), to: "pdfjs/standard_fonts" },
];

module.exports = { pdfjsAssetPatterns, pdfjsRoot: root };
