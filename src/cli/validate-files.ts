/**
 * Validates many .xlsx files: one file per task, spread over worker threads (one per
 * core) when there are several files.
 */
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { readdir, stat } from "node:fs/promises";
import type { UnitInfo } from "../core/model";
import { InputError, openWorkbook } from "./open-workbook";
import type { FileResult } from "./report-text";
import { validateWorkbook } from "./validate-workbook";

export async function validateFile(file: string, unitDefaults: Partial<UnitInfo> = {}): Promise<FileResult> {
  try {
    const workbook = await openWorkbook(file);
    const { reading, report } = validateWorkbook(workbook, unitDefaults);
    return { file, unitName: reading.disclosure?.unit.name ?? "", report };
  } catch (error) {
    if (error instanceof InputError) return { file, unitName: "", unreadable: error.message.replace(`${file}：`, "") };
    return { file, unitName: "", unreadable: `读取时出错：${(error as Error).message}` };
  }
}

/** Files named on the command line; folders are searched for .xlsx files (Excel's ~$ lock files left out). */
export async function expandInputs(inputs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch {
      files.push(input); // reported as unreadable
      continue;
    }
    if (!info.isDirectory()) {
      files.push(input);
      continue;
    }
    const entries = await readdir(input, { recursive: true });
    files.push(...entries.filter((e) => /\.xlsx$/i.test(e) && !/(^|[\\/])~\$/.test(e)).sort().map((e) => join(input, e)));
  }
  return files;
}

export async function validateFiles(files: readonly string[], unitDefaults: Partial<UnitInfo> = {}, threads = availableParallelism()): Promise<FileResult[]> {
  const poolSize = Math.min(threads, files.length);
  if (poolSize <= 1) {
    const results: FileResult[] = [];
    for (const f of files) results.push(await validateFile(f, unitDefaults));
    return results;
  }
  const results: FileResult[] = new Array(files.length);
  let next = 0;
  const workers = Array.from({ length: poolSize }, () => new Worker(join(__dirname, "validate-worker.js"), { workerData: { unitDefaults } }));
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          const give = () => {
            if (next >= files.length) {
              void worker.terminate().then(() => resolve());
              return;
            }
            const index = next++;
            worker.once("message", (result: FileResult) => {
              results[index] = result;
              give();
            });
            worker.postMessage(files[index]);
          };
          worker.once("error", reject);
          give();
        }),
    ),
  );
  return results;
}
