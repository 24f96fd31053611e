/**
 * The ribbon and the task pane are separate pages in WPS: a ribbon button leaves its request in
 * PluginStorage (shared by the add-in's pages, not saved with the file) and the pane picks it up.
 */
import type { View } from "../host/navigation";
import type { WpsAddinRoot } from "./et";

export const VIEW_REQUEST_KEY = "ys.viewRequest";
export const TASKPANE_ID_KEY = "ys.taskpaneId";

export interface RibbonRequest {
  view: View;
  run: boolean;
  /** Increases with every click, so the pane acts on each click once. */
  serial: number;
}

type Storage = WpsAddinRoot["PluginStorage"];

export function readRequest(storage: Storage): RibbonRequest | null {
  try {
    const parsed = JSON.parse(storage.getItem(VIEW_REQUEST_KEY) ?? "null") as RibbonRequest | null;
    return parsed && typeof parsed.view === "string" && typeof parsed.serial === "number" ? parsed : null;
  } catch {
    return null;
  }
}

export function leaveRequest(storage: Storage, view: View, run: boolean): RibbonRequest {
  const request = { view, run, serial: (readRequest(storage)?.serial ?? 0) + 1 };
  storage.setItem(VIEW_REQUEST_KEY, JSON.stringify(request));
  return request;
}

/**
 * In the pane: applies the request waiting when it opens (a click that opened it), then each new one.
 * Returns a function that stops looking.
 */
export function followRibbonRequests(storage: Storage, apply: (view: View, run: boolean) => void, everyMs = 400): () => void {
  let seen = 0;
  const look = () => {
    const request = readRequest(storage);
    if (!request || request.serial <= seen) return;
    seen = request.serial;
    apply(request.view, request.run);
  };
  look();
  const timer = setInterval(look, everyMs);
  return () => clearInterval(timer);
}

/** What main.js (the ribbon's page) found when it loaded, for the pane's self-test: it is another page. */
export const RIBBON_PAGE_KEY = "ys.ribbonPage";

export interface RibbonPageRecord {
  /** Custom functions registered (0 where the build has no AddCustomFunction). */
  functions: number;
  /** Why registering failed, where it threw. */
  functionsError?: string;
  /** Browser features the start-up check found missing (the ribbon then only explains). */
  missing: string[];
}

export function leaveRibbonPageRecord(storage: Storage, record: RibbonPageRecord): void {
  storage.setItem(RIBBON_PAGE_KEY, JSON.stringify(record));
}

export function readRibbonPageRecord(storage: Storage): RibbonPageRecord | null {
  try {
    const parsed = JSON.parse(storage.getItem(RIBBON_PAGE_KEY) ?? "null") as RibbonPageRecord | null;
    return parsed && typeof parsed.functions === "number" ? parsed : null;
  } catch {
    return null;
  }
}
