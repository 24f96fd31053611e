/*
 * Starts the task pane in whichever host loaded it: WPS 表格 (its object model is on the page) or
 * Excel (after Office.onReady). The views get a WorkbookPort and never learn which host it is.
 */
import { createRoot } from "react-dom/client";
import { ExcelWorkbookPort } from "../excel/office-port";
import { wpsApplication, type WpsApplication } from "../wps/host";
import { followRibbonRequests } from "../wps/ribbon-requests";
import { wpsPaneHost } from "../wps/pane-host";
import { WpsWorkbookPort } from "../wps/wps-port";
import { App } from "./App";
import { requestView } from "../host/navigation";
import { waitForOffice } from "./office-ready";
import { ZH_CN, stringsFor } from "./strings";

function showPlainMessage(container: HTMLElement, text: string): void {
  const p = document.createElement("p");
  p.setAttribute("role", "alert");
  p.style.cssText = "margin:16px;font-family:'Microsoft YaHei',sans-serif;";
  p.textContent = text;
  container.replaceChildren(p);
}

/** WPS puts its object model on the page as it loads; the WPS page gives it this long to appear. */
const WPS_WAIT_MS = 3_000;

async function waitForWps(scope: unknown, timeoutMs: number): Promise<WpsApplication | null> {
  for (let waited = 0; ; waited += 100) {
    const app = wpsApplication(scope);
    if (app || waited >= timeoutMs) return app;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * `office: false` is the WPS page, which carries no Office.js: there the pane waits for WPS's
 * object model instead, and says so in Chinese when it never comes (the page opened outside WPS).
 */
export async function startTaskpane(container: HTMLElement, scope: unknown = window, options: { office: boolean } = { office: true }): Promise<"wps" | "excel" | "none"> {
  const wps = options.office ? wpsApplication(scope) : await waitForWps(scope, WPS_WAIT_MS);
  if (!wps && !options.office) {
    showPlainMessage(container, ZH_CN.notInWps);
    return "none";
  }
  if (wps) {
    // The ribbon is another page in WPS: its clicks arrive through PluginStorage.
    followRibbonRequests(wps.PluginStorage, (view, run) => requestView(view, { run }));
    const paneHost = wpsPaneHost(wps, { userAgent: navigator.userAgent, scope });
    createRoot(container).render(<App strings={ZH_CN} port={new WpsWorkbookPort(wps)} paneHost={paneHost} />);
    return "wps";
  }
  const office = await waitForOffice();
  if (office.kind === "timeout" || office.kind === "missing") {
    showPlainMessage(container, ZH_CN.officeTimeout);
    return "none";
  }
  if (office.kind === "notExcel") {
    showPlainMessage(container, ZH_CN.notInExcel);
    return "none";
  }
  createRoot(container).render(<App strings={stringsFor(office.displayLanguage)} port={new ExcelWorkbookPort()} />);
  return "excel";
}
