/*
 * The WPS add-in's main page (index.html, loaded when WPS starts): the ribbon callbacks WPS calls
 * by name, and the custom functions. The task pane is a page of its own (taskpane.html).
 * The start-up feature check (wps/feature-check.js) runs before this script: where it found a browser
 * feature missing, its own callbacks explain that in Chinese, and nothing else is registered.
 */
import { errorText } from "../host/self-test";
import { addinRoot, wpsApplication } from "./host";
import { registerWpsFunctions, type CustomFunctionHost } from "./functions";
import { ribbonCallbacks } from "./ribbon";
import { leaveRibbonPageRecord } from "./ribbon-requests";
import { missingFeatures } from "./features";

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

function start(): void {
  const missing = missingFeatures(scope);
  let functions = 0;
  let functionsError: string | undefined;
  if (missing.length === 0) {
    const callbacks = ribbonCallbacks(
      () => wpsApplication(scope),
      () => taskpaneUrl(location.href),
    );
    scope.OnAddinLoad = callbacks.OnAddinLoad;
    scope.OnAction = callbacks.OnAction;
    scope.GetImage = callbacks.GetImage;
    try {
      functions = registerWpsFunctions((scope.wps ?? scope.Application) as CustomFunctionHost | undefined);
    } catch (error) {
      functionsError = errorText(error);
    }
  }
  // For the pane's self-test: what this page found (the pane is another page).
  try {
    const root = addinRoot(scope);
    if (root) leaveRibbonPageRecord(root.root.PluginStorage, { functions, ...(functionsError ? { functionsError } : {}), missing });
  } catch {
    // No storage: the self-test says the ribbon page left no record.
  }
}
start();
