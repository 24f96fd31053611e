/**
 * What the Excel adapter takes from Office.js: a batch run against the open workbook, the document's
 * settings, and which API sets the running Excel has. The add-in uses Office.js's globals; the browser
 * tests give the same port a fake workbook with Office.js's semantics (test/support/fake-excel.ts).
 */
export interface OfficeHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  settings(): Office.Settings;
  /** Whether an API set (ExcelApi 1.13 …) is there. */
  supports(set: string, version: string): boolean;
}

export const OFFICE_JS: OfficeHost = {
  run: (batch) => Excel.run(batch),
  settings: () => Office.context.document.settings,
  supports: (set, version) => typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported?.(set, version) === true,
};
