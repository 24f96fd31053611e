#!/usr/bin/env node
// budget-tables: the command-line tool (generate, extract, validate .xlsx without Excel).
require("tsx/cjs/api").register();
const { main } = require("../src/cli/main.ts");
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
