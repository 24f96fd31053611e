/**
 * Callbacks of the 预算公开 tab in WPS (ribbon.xml). WPS calls them synchronously by name from the
 * add-in's main page: each leaves a request for the task pane and shows it, creating it once.
 */
import type { View } from "../host/navigation";
import type { WpsAddinRoot, WpsTaskPane } from "./et";
import type { WpsApplication } from "./host";
import { leaveRequest, TASKPANE_ID_KEY } from "./ribbon-requests";

/** Button ids of ribbon.xml → the view each opens, and whether it runs that view's action. */
export const RIBBON_BUTTONS: Record<string, { view: View; run: boolean; image: string }> = {
  ysInsertTemplates: { view: "templates", run: false, image: "images/insert-32.png" },
  ysValidate: { view: "validation", run: true, image: "images/validate-32.png" },
  ysFinalize: { view: "narrative", run: true, image: "images/finalize-32.png" },
  ysTaskpane: { view: "templates", run: false, image: "images/taskpane-32.png" },
  ysSelfTest: { view: "selfTest", run: true, image: "images/icon-32.png" },
};

export const TASKPANE_TITLE = "预算公开助手";
export const TASKPANE_WIDTH = 380;

export interface RibbonControl {
  Id: string;
}

/** The pane made earlier, if its stored id still names one (an id from before a restart throws or gives nothing). */
export function storedPane(root: WpsAddinRoot): WpsTaskPane | null {
  const id = Number(root.PluginStorage.getItem(TASKPANE_ID_KEY));
  if (!Number.isInteger(id) || id <= 0) return null;
  try {
    return root.GetTaskPane(id) ?? null;
  } catch {
    return null;
  }
}

export function ribbonCallbacks(app: () => WpsApplication | null, taskpaneUrl: () => string) {
  function showPane(root: WpsApplication): void {
    const existing = storedPane(root);
    const pane = existing ?? root.CreateTaskPane(taskpaneUrl(), TASKPANE_TITLE);
    if (!existing) {
      root.PluginStorage.setItem(TASKPANE_ID_KEY, String(pane.ID));
      pane.Width = TASKPANE_WIDTH;
    }
    pane.Visible = true;
  }

  return {
    OnAddinLoad(): boolean {
      return true;
    },
    OnAction(control: RibbonControl): boolean {
      const button = RIBBON_BUTTONS[control.Id];
      const root = app();
      if (!button || !root) return false;
      leaveRequest(root.PluginStorage, button.view, button.run);
      showPane(root);
      return true;
    },
    GetImage(control: RibbonControl): string {
      return RIBBON_BUTTONS[control.Id]?.image ?? "images/icon-32.png";
    },
  };
}
