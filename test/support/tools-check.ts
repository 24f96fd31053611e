/**
 * Before any test runs: the tools the suite drives (LibreOffice for recalculation, Debian's Chromium for the
 * task pane, a Chinese font for its screenshots) are all there, or the run stops with one line naming what is
 * missing and the README's install command, instead of a failure per test.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { CHROMIUM } from "../e2e/support/browser";

const INSTALL = "apt-get install -y --no-install-recommends libreoffice-calc chromium fonts-wqy-zenhei";

export function missingTools(run = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: "utf8" }), exists = existsSync): string[] {
  const missing: string[] = [];
  if (run("soffice", ["--version"]).status !== 0) missing.push("LibreOffice（soffice）");
  if (!exists(CHROMIUM)) missing.push(`Chromium（${CHROMIUM}）`);
  const fonts = run("fc-list", [":lang=zh", "family"]);
  if (fonts.status !== 0 || !String(fonts.stdout ?? "").trim()) missing.push("中文字体");
  return missing;
}

export default function setup(): void {
  const missing = missingTools();
  if (missing.length > 0) throw new Error(`测试需要 ${missing.join("、")}，本机没有。请先安装：sudo ${INSTALL}（见 README“测试”）。`);
}
