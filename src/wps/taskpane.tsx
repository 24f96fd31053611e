/* The WPS add-in's task pane page (taskpane.html): the same pane as Excel's, started without Office.js. */
import { startTaskpane } from "../taskpane/start";

// window, not globalThis: the pane keeps to Chromium 70, which has no globalThis.
void startTaskpane(document.getElementById("container")!, window, { office: false });
