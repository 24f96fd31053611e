/**
 * A page's globals as a WPS build puts them (WPS's documentation, the wpsjs toolkit and public add-ins differ):
 * `current` has everything on Application and wps; `wpsRoot` keeps the add-in root on wps and the workbook
 * behind wps.EtApplication() (older builds); `wpsApplication` has the workbook on wps.Application only.
 */
import type { FakeEt } from "./fake-et";

export type Placement = "current" | "wpsRoot" | "wpsApplication";
export const PLACEMENTS: readonly Placement[] = ["current", "wpsRoot", "wpsApplication"];

export interface RegisteredFunction {
  namespace: string;
  name: string;
  callback: (...args: unknown[]) => unknown;
  metadata: unknown;
}

/** The globals of a page in that build, over the fake; functions registered through AddCustomFunction are collected (none where `withFunctions` is false). */
export function wpsScope(et: FakeEt, placement: Placement, options: { withFunctions?: boolean } = {}): { scope: Record<string, unknown>; registered: RegisteredFunction[] } {
  const registered: RegisteredFunction[] = [];
  const addCustomFunction = options.withFunctions === false ? undefined : (namespace: string, name: string, callback: (...args: unknown[]) => unknown, metadata: unknown) => registered.push({ namespace, name, callback, metadata });
  const app = et.app as unknown as Record<string, unknown>;
  // The add-in root alone: storage and panes, no workbook.
  const root = { PluginStorage: app.PluginStorage, CreateTaskPane: (url: string, title?: string) => et.app.CreateTaskPane(url, title), GetTaskPane: (id: number) => et.app.GetTaskPane(id), AddCustomFunction: addCustomFunction };
  // The workbook host alone: no add-in members.
  const book = new Proxy(app, { get: (target, key) => (key === "PluginStorage" || key === "CreateTaskPane" || key === "GetTaskPane" ? undefined : target[key as string]) });
  const hosts: Record<Placement, Record<string, unknown>> = {
    current: { wps: Object.assign(et.app, { AddCustomFunction: addCustomFunction }), Application: et.app },
    wpsRoot: { wps: { ...root, EtApplication: () => book } },
    wpsApplication: { wps: { ...root, Application: book } },
  };
  const scope: Record<string, unknown> = { ...hosts[placement] };
  scope.window = scope;
  scope.self = scope;
  return { scope, registered };
}
