/*
 * The WPS add-in's main page (index.html, loaded when WPS starts): the ribbon callbacks WPS calls
 * by name, and the custom functions. The task pane is a page of its own (taskpane.html).
 */
import { wpsApplication } from "./host";
import { registerWpsFunctions, type CustomFunctionHost } from "./functions";
import { ribbonCallbacks } from "./ribbon";

// No globalThis here: main.js runs in WPS's oldest engines.
const scope = window as unknown as Record<string, unknown>;
/** The pane's address beside this page's, decoded first: a user folder with Chinese characters arrives percent-encoded. */
export function taskpaneUrl(href: string): string {
  let decoded = href;
  try {
    decoded = decodeURI(href);
  } catch {
    // Not valid percent-encoding: used as it is.
  }
  return decoded.replace(/[^/]*([?#].*)?$/, "") + "taskpane.html";
}
const callbacks = ribbonCallbacks(
  () => wpsApplication(scope),
  () => taskpaneUrl(location.href),
);
scope.OnAddinLoad = callbacks.OnAddinLoad;
scope.OnAction = callbacks.OnAction;
scope.GetImage = callbacks.GetImage;
registerWpsFunctions((scope.wps ?? scope.Application) as CustomFunctionHost | undefined);
