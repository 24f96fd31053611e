/**
 * One `budget-tables validate` batch as the command line runs it, in a process of its own (cold, as
 * each run of the tool is): validate the files with the given number of threads and render the
 * text report. Run by bench/run.ts once per thread count; prints the milliseconds taken.
 */
import { validateFiles } from "../src/cli/validate-files";
import { fileText, summaryTable } from "../src/cli/report-text";

async function main(): Promise<void> {
  const [threads, workerScript, ...files] = process.argv.slice(2);
  const start = performance.now();
  const results = await validateFiles(files, { type: "行政单位" }, Number(threads), { workerScript });
  const text = results.map(fileText).join("\n\n") + summaryTable(results);
  console.log(JSON.stringify({ ms: performance.now() - start, files: results.length, characters: text.length }));
}

void main();
