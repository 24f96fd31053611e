/**
 * The command line as an IT department installs it: `npm pack`, the tarball installed into an
 * empty folder with production dependencies only, then generate, validate and extract there.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const dir = mkdtempSync(join(tmpdir(), "cli-install-"));
let bin: string;

beforeAll(() => {
  execFileSync(process.execPath, ["scripts/build-cli.mjs"]);
  const tarball = execFileSync(npm, ["pack", "--silent", "--pack-destination", dir], { encoding: "utf8" }).trim().split("\n").pop()!;
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "it-department", version: "1.0.0", private: true }));
  execFileSync(npm, ["install", "--omit=dev", "--prefer-offline", "--no-audit", "--no-fund", join(dir, tarball)], { cwd: dir, stdio: "pipe" });
  bin = join(dir, "node_modules", ".bin", "budget-tables");
}, 180_000);

const run = (...args: string[]) => spawnSync(bin, args, { cwd: dir, encoding: "utf8" });

describe("the installed command line (production dependencies only)", () => {
  it("installs no development tool and ships the built JavaScript, not TypeScript", () => {
    const installed = JSON.parse(readFileSync(join(dir, "node_modules", "budget-tables", "package.json"), "utf8"));
    expect(Object.keys(installed.dependencies).sort()).toEqual(["@e965/xlsx", "@xmldom/xmldom", "ajv", "exceljs", "fflate", "mammoth", "pdfjs-dist"]);
    expect(() => execFileSync(process.execPath, ["-e", "require.resolve('tsx')"], { cwd: dir, stdio: "pipe" })).toThrow();
    expect(run("help").status).toBe(0);
  });

  it("generates, validates and extracts", () => {
    const data = join(dir, "node_modules", "budget-tables", "examples", "xinzhou-2024.json");
    const generated = run("generate", "--data", data, "-o", "单位.xlsx");
    expect(generated.stderr).toBe("");
    expect(generated.status).toBe(0);
    const validated = run("validate", "单位.xlsx");
    expect(validated.status).toBe(0);
    expect(validated.stdout).toContain("错误 0，警告 0，提示 10");
    const extracted = run("extract", "单位.xlsx");
    expect(extracted.status).toBe(0);
    expect(JSON.parse(extracted.stdout).unit.name).toBe("忻州市社会保障卡服务中心");
  });

  it("reads a published PDF (pdf.js loaded as an ES module from the CommonJS command line, with its CMaps)", () => {
    const pdf = join(__dirname, "..", "..", "shared", "real-disclosures", "shanghai", "shanghai-caizhengju-2025-unit.pdf");
    if (!existsSync(pdf)) throw new Error(`真实公开文件不在 ${pdf}：这个测试需要 ../shared/real-disclosures。`);
    const validated = run("validate", pdf);
    expect(validated.stderr).toBe("");
    expect(validated.status).toBe(1);
    expect(validated.stdout).toContain("上海市财政局");
    expect(validated.stdout).toContain("第15页");
  });

  it("refuses an unknown option or a missing value with one Chinese line and exit 2", () => {
    for (const args of [["validate", "单位.xlsx", "--fial-on=warning"], ["validate", "单位.xlsx", "--fial-on", "warning"], ["validate", "单位.xlsx", "--format"], ["generate", "-o"]]) {
      const result = run(...args);
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
      expect(result.stderr).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(run("validate", "单位.xlsx", "--fial-on=warning").stderr).toContain("--fail-on");
  });
});
