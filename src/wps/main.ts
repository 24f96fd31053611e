/*
 * The WPS add-in's main page (index.html, loaded when WPS starts): the ribbon callbacks WPS calls
 * by name, and the custom functions. The task pane is a page of its own (taskpane.html).
 */
import { wpsApplication } from "./host";
import { registerWpsFunctions, type CustomFunctionHost } from "./functions";
import { ribbonCallbacks } from "./ribbon";

const scope = globalThis as unknown as Record<string, unknown>;
const callbacks = ribbonCallbacks(
  () => wpsApplication(),
  () => location.href.replace(/[^/]*([?#].*)?$/, "") + "taskpane.html",
);
scope.OnAddinLoad = callbacks.OnAddinLoad;
scope.OnAction = callbacks.OnAction;
scope.GetImage = callbacks.GetImage;
registerWpsFunctions((scope.wps ?? scope.Application) as CustomFunctionHost | undefined);
