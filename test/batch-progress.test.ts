/** Progress of a long batch on a terminal: its line, how often it is rewritten, and silence when piped. */
import { describe, expect, it } from "vitest";
import { batchProgress, progressLine } from "../src/cli/progress";
import type { FileResult } from "../src/cli/report-text";

const result = (errors: number, unreadable = false): FileResult =>
  unreadable ? { file: "x.xlsx", unitName: "", unreadable: "不是工作簿" } : { file: "a.xlsx", unitName: "某单位", report: { valid: errors === 0, counts: { error: errors, warning: 0, info: 0 }, findings: [] } };

describe("progress of a batch", () => {
  it("says files done of the total, the rate, the errors so far and in how many files, and the unreadable ones", () => {
    expect(progressLine(12, 118, 4_000, { errors: 5, filesWithErrors: 3, unreadable: 1 })).toBe("已完成 12/118 个文件（每秒 3.0 个），错误 5 处，在 3 个文件中；无法读取 1 个");
    expect(progressLine(1, 60, 0, { errors: 0, filesWithErrors: 0, unreadable: 0 })).toBe("已完成 1/60 个文件（每秒 0.0 个），暂无错误");
  });

  it("rewrites one line at most every 200 ms on a terminal, always shows the last file, and ends the line", () => {
    const writes: string[] = [];
    let clock = 0;
    const progress = batchProgress(4, { isTTY: true, write: (t: string) => writes.push(t) }, () => clock)!;
    progress.fileDone(result(2)); // at 0: shown
    clock = 100;
    progress.fileDone(result(0)); // 100 ms later: not rewritten
    clock = 199;
    progress.fileDone(result(0, true)); // 199 ms after the last shown: still not
    clock = 250;
    progress.fileDone(result(1)); // the last file: shown whatever the time
    progress.finish();
    expect(writes).toEqual(["\r\x1b[K已完成 1/4 个文件（每秒 0.0 个），错误 2 处，在 1 个文件中", "\r\x1b[K已完成 4/4 个文件（每秒 16.0 个），错误 3 处，在 2 个文件中；无法读取 1 个", "\n"]);
  });

  it("shows the line again once 200 ms have passed", () => {
    const writes: string[] = [];
    let clock = 0;
    const progress = batchProgress(3, { isTTY: true, write: (t: string) => writes.push(t) }, () => clock)!;
    progress.fileDone(result(0));
    clock = 200;
    progress.fileDone(result(0));
    expect(writes).toHaveLength(2);
  });

  it("writes nothing when stderr is piped, or for one file", () => {
    expect(batchProgress(10, { isTTY: false, write: () => undefined })).toBeNull();
    expect(batchProgress(10, { write: () => undefined })).toBeNull();
    expect(batchProgress(1, { isTTY: true, write: () => undefined })).toBeNull();
  });
});
