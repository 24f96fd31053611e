/* The WPS add-in's task pane page (taskpane.html): the same pane as Excel's, started without Office.js. */
import { startTaskpane } from "../taskpane/start";
import { missingFeatures } from "./features";

// window, not globalThis: the pane keeps to Chromium 70, which has no globalThis.
// Where the start-up check found a feature missing, its message stays in the pane.
if (missingFeatures(window).length === 0) void startTaskpane(document.getElementById("container")!, window, { office: false });
