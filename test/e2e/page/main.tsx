/* Test-only page: the real task pane App over an in-memory workbook, after Office.onReady (host null outside Office). */
import { createRoot } from "react-dom/client";
import { App } from "../../../src/taskpane/App";
import { ZH_CN } from "../../../src/taskpane/strings";
import { readDataFile } from "../../../src/core/data-format";
import { MemoryWorkbook } from "./memory-workbook";

const workbook = new MemoryWorkbook();
const w = window as unknown as Record<string, unknown>;
w.__workbook = workbook;
/** Puts a data file's tables into the workbook as the CLI would (the figures an accountant would have typed). */
w.__loadData = async (json: unknown) => {
  const result = readDataFile(json);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  await workbook.saveUnitInfo(result.disclosure.unit);
  return workbook.insertTables({ packId: result.disclosure.packId, unit: result.disclosure.unit, tableIds: Object.keys(result.disclosure.tables), data: result.disclosure.tables });
};

/** Sheets typed by hand (values only, none of our names), as a unit would send them. */
w.__loadPlainSheets = (sheets: { name: string; rows: unknown[][]; merges: { firstRow: number; lastRow: number; firstCol: number; lastCol: number }[] }[]) => {
  for (const s of sheets) workbook.loadPlainSheet(s.name, s.rows as never, s.merges);
};

/** ?data=reference (or shanghai): that unit's tables are in the workbook before the pane opens. */
async function start(): Promise<void> {
  const data = new URLSearchParams(location.search).get("data");
  if (data === "reference" || data === "shanghai") {
    const response = await fetch(data === "reference" ? "/examples/xinzhou-2024.json" : "/examples/shanghai-synthetic-2026.json");
    await (w.__loadData as (json: unknown) => Promise<unknown>)(await response.json());
  }
  Office.onReady(() => {
    createRoot(document.getElementById("container")!).render(<App strings={ZH_CN} port={workbook} />);
  });
}

void start();
