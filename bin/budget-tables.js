#!/usr/bin/env node
// budget-tables: the command-line tool (generate, extract, validate without Excel), built to lib/cli by `npm run build:cli`.
const { existsSync } = require("node:fs");
const { join } = require("node:path");

const built = join(__dirname, "..", "lib", "cli", "budget-tables.cjs");
if (!existsSync(built)) {
  console.error("budget-tables 尚未构建：请在项目目录运行 npm run build:cli（npm ci 会自动构建）。");
  process.exitCode = 2;
} else {
  require(built);
}
