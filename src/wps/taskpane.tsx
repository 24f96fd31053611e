/* The WPS add-in's task pane page (taskpane.html): the same pane as Excel's, started without Office.js. */
import { startTaskpane } from "../taskpane/start";

void startTaskpane(document.getElementById("container")!, globalThis, { office: false });
