// Builds the command line to plain JavaScript (lib/cli/), so that `budget-tables` starts without compiling
// TypeScript. Run by `npm run build:cli`, and by `prepare` so that `npm ci` and `npm pack` leave it ready.
import { build } from "esbuild";
import { readFileSync } from "node:fs";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
await build({
  entryPoints: { "budget-tables": "src/cli/bin.ts", "validate-worker": "src/cli/validate-worker.ts" },
  outdir: "lib/cli",
  outExtension: { ".js": ".cjs" },
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  // What runs is declared in "dependencies" and installed beside the tool, not copied into it.
  external: Object.keys(pkg.dependencies),
  legalComments: "none",
  logLevel: "warning",
});
