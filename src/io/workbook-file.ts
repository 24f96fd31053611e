/**
 * A workbook file's bytes (.xlsx, .xls, .ods) as the cells the core reads: values as last calculated, merges,
 * hidden sheets, defined names, the add-in's document settings, and notes on what was read only in part.
 * Node-free, so that the command line and the task pane (last year's disclosure, picked by the accountant)
 * read a file the same way.
 */
import type { WorkbookCells } from "../core/workbook-cells";
import { MAX_SHEET_ROWS } from "../core/workbook-cells";
import { fileKind } from "./file-kind";
import { documentSettingsField } from "./office-settings-file";
import type { WorkbookParts } from "./workbook-parts";
import { zipParts } from "./zip-parts";
import { scannedWorkbook } from "./xlsx-package";
import type { MarkupText } from "./markup-text";

/**
 * Which reader takes an .xlsx: "scan" reads its parts directly (xlsx-package.ts), at about the cost of
 * unzipping it, and hands to SheetJS what it does not read the same way; "sheetjs" reads everything with
 * SheetJS. Both give the same cells; the tests read every workbook both ways.
 */
export type XlsxReader = "scan" | "sheetjs";

export interface WorkbookReadOptions {
  reader?: XlsxReader;
  /** Unzips a package into its parts, null where it cannot (the command line passes Node's zlib; fflate otherwise). */
  unzip?: (bytes: Uint8Array) => WorkbookParts | null;
  /** How a sheet part's XML is searched (the command line searches bytes; a decoded string otherwise). */
  markupOf?: (bytes: Uint8Array) => MarkupText;
}

/** Reads a workbook's bytes into cells, as loadWorkbook reads a file (`path` names it in a refusal and tells .ods). */
export async function readWorkbookBytes(bytes: Uint8Array, path: string, options: WorkbookReadOptions = {}): Promise<WorkbookCells> {
  const kind = fileKind(bytes);
  const unzip = options.unzip ?? zipParts;
  const parts = (options.reader ?? "scan") === "scan" && kind === "zip" ? (unzip(bytes) ?? zipParts(bytes)) : null;
  const scanned = parts && scannedWorkbook(parts, MAX_SHEET_ROWS, options.markupOf);
  if (parts && scanned) return { ...scanned, ...documentSettingsField(parts) };
  // SheetJS loads only for a file the scan leaves to it (its start-up costs a batch worker 140 ms).
  const { sheetJsCells } = await import(/* webpackChunkName: "sheetjs-cells" */ "./sheetjs-cells");
  return sheetJsCells(bytes, path, kind === "ole");
}

