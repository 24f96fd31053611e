/** The parts of an .xlsx as SheetJS kept them when read with bookFiles (path → inflated bytes). */
import type * as XLSX from "@e965/xlsx";

export type WorkbookParts = Record<string, { content?: Uint8Array }>;

/** The parts SheetJS kept for `workbook` (none for .xls, read without bookFiles). */
export const partsOf = (workbook: XLSX.WorkBook): WorkbookParts | undefined => (workbook as { files?: WorkbookParts }).files;
