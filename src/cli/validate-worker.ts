/**
 * Worker thread of `budget-tables validate`: started once, validates the files it is sent strictly
 * one after another (a second file waits in the queue, so the worker never idles between files),
 * answering each with its index.
 */
import { parentPort, workerData } from "node:worker_threads";
import { validateFile } from "./validate-files";

let queue: Promise<void> = Promise.resolve();
parentPort?.on("message", ({ index, file }: { index: number; file: string }) => {
  queue = queue.then(async () => parentPort!.postMessage({ index, result: await validateFile(file, workerData.unitDefaults, workerData.options) }));
});
