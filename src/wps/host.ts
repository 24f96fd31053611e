/**
 * Which host the task pane runs in, and where WPS put its objects. WPS builds differ: the workbook is on
 * `Application`, or behind `wps.EtApplication()`, or on `wps.Application`; the add-in's own members
 * (PluginStorage, CreateTaskPane, GetTaskPane) are on `wps`, or on `Application`. Each is looked for in
 * that order, members tested with try/catch and `!== undefined` (a COM object may answer `in` wrongly),
 * and where each was found is kept for the self-test. Office.js pages have none of these globals.
 */
import type { EtApplication, WpsAddinRoot } from "./et";

export type WpsApplication = EtApplication & WpsAddinRoot;

/** Where the workbook host and the add-in root were found (the self-test reports it). */
export interface WpsPlacement {
  workbook: "Application" | "wps.EtApplication()" | "wps.Application";
  addin: "wps" | "Application";
}

const placements = new WeakMap<object, WpsPlacement>();

/** A member's value, or undefined where reading it throws. */
function member(target: unknown, key: string): unknown {
  if (target === null || (typeof target !== "object" && typeof target !== "function")) return undefined;
  try {
    return (target as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

const has = (target: unknown, key: string): boolean => member(target, key) !== undefined;

function call(target: unknown, key: string): unknown {
  const fn = member(target, key);
  if (typeof fn !== "function") return undefined;
  try {
    return (fn as () => unknown).call(target);
  } catch {
    return undefined;
  }
}

const ADDIN_MEMBERS = new Set(["PluginStorage", "CreateTaskPane", "GetTaskPane"]);

/** The workbook host and the add-in root as one object: the add-in's members from the root, the rest from the workbook host. */
function joined(book: object, root: object): WpsApplication {
  if (book === root) return book as WpsApplication;
  return new Proxy(book, {
    get(target, key) {
      const from = typeof key === "string" && ADDIN_MEMBERS.has(key) ? root : target;
      const value = member(from, key as string);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(from) : value;
    },
    set(target, key, value) {
      (target as Record<string | symbol, unknown>)[key] = value;
      return true;
    },
  }) as WpsApplication;
}

/** The add-in's own root (PluginStorage, task panes): on `wps`, else on `Application`; null outside WPS. */
export function addinRoot(scope: unknown): { root: WpsAddinRoot; at: WpsPlacement["addin"] } | null {
  const roots: [WpsPlacement["addin"], unknown][] = [
    ["wps", member(scope, "wps")],
    ["Application", member(scope, "Application")],
  ];
  const found = roots.find(([, candidate]) => has(candidate, "PluginStorage"));
  return found ? { root: found[1] as WpsAddinRoot, at: found[0] } : null;
}

export function wpsApplication(scope: unknown): WpsApplication | null {
  const wps = member(scope, "wps");
  const books: [WpsPlacement["workbook"], unknown][] = [
    ["Application", member(scope, "Application")],
    ["wps.EtApplication()", call(wps, "EtApplication")],
    ["wps.Application", member(wps, "Application")],
  ];
  const book = books.find(([, candidate]) => has(candidate, "ActiveWorkbook"));
  const root = addinRoot(scope);
  if (!book || !root) return null;
  const app = joined(book[1] as object, root.root);
  placements.set(app, { workbook: book[0], addin: root.at });
  return app;
}

/** Where `wpsApplication` found the objects of this host. */
export const wpsPlacement = (app: WpsApplication): WpsPlacement | undefined => placements.get(app);
