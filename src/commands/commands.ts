/*
 * Ribbon commands of the 预算公开 tab (shared runtime): each opens the task pane on
 * the right view and completes the event.
 */
import { requestView, type View } from "../host/navigation";

/* global Office */

function openPane(view: View, run = false) {
  return async (event: Office.AddinCommands.Event): Promise<void> => {
    requestView(view, { run });
    try {
      await Office.addin.showAsTaskpane();
    } finally {
      event.completed();
    }
  };
}

export const insertTemplates = openPane("templates");
/** 校验: runs validation and opens the pane on the results view. */
export const validateWorkbook = openPane("validation", true);
export const showTaskpane = openPane("templates");
/** 定稿: opens the 说明 view on the confirmation; nothing changes before the user confirms. */
export const finalizeWorkbook = openPane("narrative", true);

Office.onReady(() => {
  Office.actions.associate("insertTemplates", insertTemplates);
  Office.actions.associate("validateWorkbook", validateWorkbook);
  Office.actions.associate("showTaskpane", showTaskpane);
  Office.actions.associate("finalizeWorkbook", finalizeWorkbook);
});
