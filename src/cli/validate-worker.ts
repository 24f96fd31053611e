/** Worker thread of `budget-tables validate`: started once, validates the files it is sent, one at a time. */
import { parentPort, workerData } from "node:worker_threads";
import { validateFile } from "./validate-files";

parentPort?.on("message", async (file: string) => {
  parentPort!.postMessage(await validateFile(file, workerData.unitDefaults, workerData.options));
});
