#!/usr/bin/env node
// budget-tables: the command-line tool (generate, extract, validate without Excel), built to lib/cli by `npm run build:cli`.
const { existsSync } = require("node:fs");
const { join } = require("node:path");

const built = join(__dirname, "..", "lib", "cli", "budget-tables.cjs");
if (!existsSync(built)) {
  console.error("budget-tables 尚未构建：请用 npm pack 生成的安装包安装；或在项目目录 npm ci（含开发依赖）后 npm run build:cli，需要时再 npm prune --omit=dev。");
  process.exitCode = 2;
} else {
  require(built);
}
