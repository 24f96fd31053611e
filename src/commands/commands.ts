/*
 * Ribbon commands of the 预算公开 tab (shared runtime): each opens the task pane on
 * the right view and completes the event.
 */
import { requestView, type View } from "../taskpane/navigation";

/* global Office */

function openPane(view: View) {
  return async (event: Office.AddinCommands.Event): Promise<void> => {
    requestView(view);
    try {
      await Office.addin.showAsTaskpane();
    } finally {
      event.completed();
    }
  };
}

export const insertTemplates = openPane("templates");
/** 校验: opens the results view (validation runs there). */
export const validateWorkbook = openPane("validation");
export const showTaskpane = openPane("templates");

Office.onReady(() => {
  Office.actions.associate("insertTemplates", insertTemplates);
  Office.actions.associate("validateWorkbook", validateWorkbook);
  Office.actions.associate("showTaskpane", showTaskpane);
});
