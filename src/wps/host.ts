/**
 * Which host the task pane runs in. WPS puts its object model on the page as `Application` (and
 * `wps`); Office.js defines `Office`. The pane asks WPS first: WPS pages carry no Office.js.
 */
import type { EtApplication, WpsAddinRoot } from "./et";

export type WpsApplication = EtApplication & WpsAddinRoot;

export function wpsApplication(scope: unknown = globalThis): WpsApplication | null {
  const s = scope as { Application?: unknown; wps?: unknown };
  for (const candidate of [s.Application, s.wps]) {
    // Excel's own pages have no such global; a WPS one has the workbook and the add-in root on it.
    if (candidate && typeof candidate === "object" && "ActiveWorkbook" in candidate && "PluginStorage" in candidate) return candidate as WpsApplication;
  }
  return null;
}
