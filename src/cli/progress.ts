/**
 * Progress of a long batch on stderr, when stderr is a terminal: files done of the total, the rate, and the
 * errors so far, on one line rewritten in place. Nothing is written when stderr is piped or saved to a file,
 * so that a script or a JSON consumer sees exactly what it saw before.
 */
import type { FileResult } from "./report-text";

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/** The line: “已完成 12/118 个文件（每秒 3.4 个），错误 5 处，在 3 个文件中；无法读取 1 个”. */
export function progressLine(done: number, total: number, elapsedMs: number, tally: { errors: number; filesWithErrors: number; unreadable: number }): string {
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const errors = tally.errors > 0 ? `，错误 ${tally.errors} 处，在 ${tally.filesWithErrors} 个文件中` : "，暂无错误";
  const unreadable = tally.unreadable > 0 ? `；无法读取 ${tally.unreadable} 个` : "";
  return `已完成 ${done}/${total} 个文件（每秒 ${rate.toFixed(1)} 个）${errors}${unreadable}`;
}

/** How often the line is rewritten at most (the last file always shows). */
const EVERY_MS = 200;

/** A progress reporter for `total` files, or null where nothing is to be shown (not a terminal, one file). */
export function batchProgress(total: number, stream: ProgressStream, now: () => number = Date.now): { fileDone(result: FileResult): void; finish(): void } | null {
  if (!stream.isTTY || total < 2) return null;
  const started = now();
  let done = 0;
  let shownAt = -Infinity;
  const tally = { errors: 0, filesWithErrors: 0, unreadable: 0 };
  return {
    fileDone(result) {
      done++;
      const errors = result.report?.counts.error ?? 0;
      tally.errors += errors;
      if (errors > 0) tally.filesWithErrors++;
      if (result.unreadable) tally.unreadable++;
      const at = now();
      if (done < total && at - shownAt < EVERY_MS) return;
      shownAt = at;
      // \r and erase-line: the line is rewritten where it stands.
      stream.write(`\r\x1b[K${progressLine(done, total, at - started, tally)}`);
    },
    finish() {
      if (done > 0) stream.write("\n");
    },
  };
}
