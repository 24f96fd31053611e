/* Task pane entry: render only after Office.onReady, with a plain message when Office.js cannot load or this is not Excel. */
import { createRoot } from "react-dom/client";
import { ExcelWorkbookPort } from "../excel/office-port";
import { App } from "./App";
import { waitForOffice } from "./office-ready";
import { ZH_CN, stringsFor } from "./strings";

function showPlainMessage(container: HTMLElement, text: string): void {
  const p = document.createElement("p");
  p.setAttribute("role", "alert");
  p.style.cssText = "margin:16px;font-family:'Microsoft YaHei',sans-serif;";
  p.textContent = text;
  container.replaceChildren(p);
}

async function start(): Promise<void> {
  const container = document.getElementById("container")!;
  const office = await waitForOffice();
  if (office.kind === "timeout" || office.kind === "missing") return showPlainMessage(container, ZH_CN.officeTimeout);
  if (office.kind === "notExcel") return showPlainMessage(container, ZH_CN.notInExcel);
  createRoot(container).render(<App strings={stringsFor(office.displayLanguage)} port={new ExcelWorkbookPort()} />);
}

void start();
