// Builds the command line to plain JavaScript (lib/cli/), so that `budget-tables` starts without compiling
// TypeScript. Run by `npm run build:cli`, and by `prepare` so that `npm ci` and `npm pack` leave it ready.
// esbuild is a development dependency: an install without it (npm ci --omit=dev in a checkout) is not broken
// by this step; the CLI then says how to build it, and the packed tarball carries the built files anyway.
import { existsSync, readFileSync } from "node:fs";

let build;
try {
  ({ build } = await import("esbuild"));
} catch {
  const built = existsSync(new URL("../lib/cli/budget-tables.cjs", import.meta.url));
  console.warn(
    built
      ? "build-cli: 没有 esbuild（只装了运行依赖），沿用已构建的 lib/cli。"
      : "build-cli: 没有 esbuild（只装了运行依赖），命令行未构建。请用 npm pack 生成的安装包安装，或先 npm ci、npm run build:cli，再 npm prune --omit=dev。",
  );
  process.exit(0);
}

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
