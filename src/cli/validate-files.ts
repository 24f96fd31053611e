/**
 * Validates many workbook files: in this thread for a few files; for a batch large enough to
 * pay for them, this thread plus worker threads (started once, one file each at a time).
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { readdir, stat } from "node:fs/promises";
import type { UnitInfo } from "../core/model";
import { InputError } from "./load-workbook";
import { loadInput } from "./load-input";
import { placeOnPages } from "../core/pdf/document";
import type { FileResult } from "./report-text";
import { validateCells, type ValidateOptions } from "./validate-workbook";
import { tableName } from "../core/validation/locate";

/** Files a folder is searched for: workbooks and published PDFs (.et is listed so that it gets its own message). */
export const WORKBOOK_FILE = /\.(xlsx|xlsm|xls|ods|et|pdf)$/i;

/**
 * A result as data of its own. A string cut from a file's text (a cell's value, a sentence of the narrative) can
 * keep the whole text alive in V8, and a batch keeps every file's result until its report is written: copied out,
 * a result holds about 20 KB instead of 130 KB (measured by `npm run bench -- batch`).
 */
const detached = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export async function validateFile(file: string, unitDefaults: Partial<UnitInfo> = {}, options: ValidateOptions = {}): Promise<FileResult> {
  try {
    const input = await loadInput(file);
    const { reading, report: read } = validateCells(input.book, unitDefaults, { ...options, narrative: options.narrative ?? input.narrative });
    // A PDF's findings name their page.
    const report = input.rowPages ? { ...read, findings: placeOnPages(read.findings, input.rowPages) } : read;
    const tableNames = reading.pack ? Object.fromEntries(reading.pack.tables.map((t) => [t.id, tableName(t)])) : undefined;
    return detached({ file, unitName: reading.disclosure?.unit.name ?? "", report, ...(reading.pack ? { packName: reading.pack.name } : {}), ...(reading.disclosure ? { year: reading.disclosure.unit.year } : {}), ...(tableNames ? { tableNames } : {}), ...(reading.recognition ? { recognized: reading.recognition.placements.map((p) => ({ table: p.tableId, sheet: p.sheetName })) } : {}) });
  } catch (error) {
    if (error instanceof InputError) return { file, unitName: "", unreadable: error.message.replace(`${file}：`, "") };
    return { file, unitName: "", unreadable: `读取时出错：${(error as Error).message}` };
  }
}

/** Files named on the command line; folders are searched for workbooks (Excel's ~$ lock files left out). */
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
    files.push(...entries.filter((e) => WORKBOOK_FILE.test(e) && !/(^|[\\/])~\$/.test(e)).sort().map((e) => join(input, e)));
  }
  return files;
}

/** Files sent ahead to each worker, so that it never waits for this thread to hand out the next. */
const WORKER_QUEUE_DEPTH = 2;

/** Files per worker below which one thread is faster than starting workers (measured by `npm run bench`). */
export const FILES_PER_WORKER = 8;

/** The pool size for a batch: one thread for small batches, else up to one worker per core. */
export function poolSizeFor(fileCount: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(cores, Math.floor(fileCount / FILES_PER_WORKER)));
}

/** The worker script: the built one beside the built CLI, or the TypeScript one when running from sources. */
function workerScript(): string {
  const built = join(__dirname, "validate-worker.cjs");
  return __filename.endsWith(".ts") || !existsSync(built) ? join(__dirname, "validate-worker.js") : built;
}

/** `onFileDone` hears of each file as it finishes, in the order they finish (progress on a terminal). */
export async function validateFiles(
  files: readonly string[],
  unitDefaults: Partial<UnitInfo> = {},
  threads = poolSizeFor(files.length),
  options: ValidateOptions & { workerScript?: string; onFileDone?: (result: FileResult) => void } = {},
): Promise<FileResult[]> {
  const poolSize = Math.min(threads, files.length);
  const { workerScript: script = workerScript(), onFileDone = () => undefined, ...validateOptions } = options;
  if (poolSize <= 1) {
    const results: FileResult[] = [];
    for (const f of files) {
      results.push(await validateFile(f, unitDefaults, validateOptions));
      onFileDone(results[results.length - 1]);
    }
    return results;
  }
  const results: FileResult[] = new Array(files.length);
  let next = 0;
  // This thread is one of the pool: it is already warm, so the pool never runs slower than one thread.
  // A worker does not inherit this process's loader flags (--import tsx): the built worker needs none, and the
  // one run from sources registers tsx itself; inherited, tsx's hooks would take the built worker's 700 KB
  // through source-map handling, about 0.7 s before its first file.
  const workers = Array.from({ length: poolSize - 1 }, () => new Worker(script, { execArgv: [], workerData: { unitDefaults, options: { packId: validateOptions.packId, subjectsCsv: validateOptions.subjectsCsv } } }));
  const here = async () => {
    while (next < files.length) {
      const index = next++;
      results[index] = await validateFile(files[index], unitDefaults, validateOptions);
      onFileDone(results[index]);
      // Let the workers' messages in between files.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  try {
    await Promise.all([
      here(),
      ...workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            // Two files in flight per worker: it starts the next the moment it finishes one, even while
            // this thread is busy with a file of its own and cannot hand out more.
            let inFlight = 0;
            const give = () => {
              while (inFlight < WORKER_QUEUE_DEPTH && next < files.length) {
                const index = next++;
                inFlight++;
                worker.postMessage({ index, file: files[index] });
              }
              if (inFlight === 0) resolve();
            };
            worker.on("message", ({ index, result }: { index: number; result: FileResult }) => {
              results[index] = result;
              onFileDone(result);
              inFlight--;
              give();
            });
            worker.once("error", reject);
            give();
          }),
      ),
    ]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
