/*
 * Test-only page: the real task pane App over a test workbook. ?host=wps: WPS 表格's object model
 * (the fake ET) is put on the page as WPS does, and the pane starts through its real host switch,
 * over the WPS port. Otherwise: the real Excel port over a fake Office.js workbook (FakeExcel), after
 * Office.onReady (host null outside Office).
 */
import { createRoot } from "react-dom/client";
import { App } from "../../../src/taskpane/App";
import { startTaskpane } from "../../../src/taskpane/start";
import { ZH_CN } from "../../../src/taskpane/strings";
import { readDataFile } from "../../../src/core/data-format";
import type { WorkbookPort } from "../../../src/host/workbook-port";
import { WpsWorkbookPort } from "../../../src/wps/wps-port";
import { ExcelWorkbookPort } from "../../../src/excel/office-port";
import { ExcelTestWorkbook } from "./excel-workbook";
import type { TestWorkbook } from "./test-workbook";
import { WpsTestWorkbook } from "./wps-workbook";

const params = new URLSearchParams(location.search);
const w = window as unknown as Record<string, unknown>;
const wps = params.get("host") === "wps" ? new WpsTestWorkbook() : null;
const excel = wps ? null : new ExcelTestWorkbook();
const workbook: TestWorkbook = wps ?? excel!;
/** The port the test data goes in through (the pane makes its own in WPS, as in WPS itself). */
const port: WorkbookPort = wps ? new WpsWorkbookPort(wps.et.app) : new ExcelWorkbookPort(excel!.host);
// Outside Office, office.js may leave its enumerations undefined: the settings' saveAsync reports with this one.
const office = window as unknown as { Office: { AsyncResultStatus?: object } };
office.Office.AsyncResultStatus ??= { Succeeded: "succeeded", Failed: "failed" };
w.__workbook = workbook;
/** Puts a data file's tables into the workbook as the CLI would (the figures an accountant would have typed). */
w.__loadData = async (json: unknown) => {
  const result = readDataFile(json);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  await port.saveUnitInfo(result.disclosure.unit);
  return port.insertTables({ packId: result.disclosure.packId, unit: result.disclosure.unit, tableIds: Object.keys(result.disclosure.tables), data: result.disclosure.tables });
};

/** Sheets typed by hand (values only, none of our names), as a unit would send them. */
w.__loadPlainSheets = (sheets: { name: string; rows: unknown[][]; merges: { firstRow: number; lastRow: number; firstCol: number; lastCol: number }[] }[]) => {
  for (const s of sheets) workbook.loadPlainSheet(s.name, s.rows, s.merges);
};

/** ?data=reference (or shanghai): that unit's tables are in the workbook before the pane opens. */
async function start(): Promise<void> {
  const data = params.get("data");
  if (data === "reference" || data === "shanghai") {
    const response = await fetch(data === "reference" ? "/examples/xinzhou-2024.json" : "/examples/shanghai-synthetic-2026.json");
    await (w.__loadData as (json: unknown) => Promise<unknown>)(await response.json());
  }
  const container = document.getElementById("container")!;
  if (wps) {
    w.Application = wps.et.app;
    // The add-in root, with custom function registration as WPS 12.1.0.20540 and later have it.
    w.wps = Object.assign(wps.et.app, { AddCustomFunction: () => undefined });
    // The ribbon's page (main.js) as WPS loads it beside the pane: its callbacks, and the record it leaves for 自检.
    await import("../../../src/wps/main");
    w.__host = await startTaskpane(container, globalThis, { office: false });
    return;
  }
  Office.onReady(() => {
    createRoot(container).render(<App strings={ZH_CN} port={port} />);
  });
}

void start();
