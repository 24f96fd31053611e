// Worker thread of `budget-tables validate`: validates the files it is sent, one at a time.
require("tsx/cjs/api").register();
const { parentPort, workerData } = require("node:worker_threads");
const { validateFile } = require("./validate-files.ts");

parentPort.on("message", async (file) => {
  parentPort.postMessage(await validateFile(file, workerData.unitDefaults));
});
