/** Waits for Office.js, with a timeout and a clear outcome for each case. */
export type OfficeStart = { kind: "excel"; displayLanguage: string } | { kind: "notExcel" } | { kind: "timeout" } | { kind: "missing" };

export function waitForOffice(timeoutMs = 10_000): Promise<OfficeStart> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return Promise.resolve({ kind: "missing" });
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ kind: "timeout" }), timeoutMs);
    Office.onReady((info) => {
      clearTimeout(timer);
      if (info.host === Office.HostType.Excel) resolve({ kind: "excel", displayLanguage: Office.context.displayLanguage });
      else resolve({ kind: "notExcel" });
    });
  });
}
