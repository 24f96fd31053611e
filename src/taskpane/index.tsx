/* Task pane entry: the same page in Excel and in WPS 表格; start.tsx picks the host. */
import { startTaskpane } from "./start";

void startTaskpane(document.getElementById("container")!);
