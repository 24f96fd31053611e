import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
// @ts-expect-error plain ES module without types
import { checkManifest } from "../scripts/manifest-check.mjs";

const require = createRequire(import.meta.url);
const { translateMetadata, loadTranslations } = require("../scripts/zh-cn-metadata-plugin.js");

interface Metadata {
  functions: { id: string; name: string; description: string; result: { dimensionality?: string }; parameters: { name: string; dimensionality?: string; optional?: boolean; description: string }[] }[];
}

describe("custom functions metadata", async () => {
  const generated = await generateCustomFunctionsMetadata("src/functions/functions.ts", false);
  const metadata: Metadata = JSON.parse(generated.metadataJson);

  it("generates without errors", () => {
    expect(generated.errors).toEqual([]);
  });

  it("lists BUDGETROLLUP and SHAREPCT with range parameters and spilled results", () => {
    const byId = new Map(metadata.functions.map((f) => [f.id, f]));
    const rollup = byId.get("BUDGETROLLUP")!;
    expect(rollup.parameters.map((p) => [p.name, p.dimensionality ?? "scalar", p.optional ?? false])).toEqual([
      ["codes", "matrix", false],
      ["amounts", "matrix", false],
      ["code", "scalar", true],
    ]);
    expect(rollup.result.dimensionality).toBe("matrix");
    const share = byId.get("SHAREPCT")!;
    expect(share.parameters.map((p) => [p.name, p.dimensionality ?? "scalar", p.optional ?? false])).toEqual([
      ["parts", "matrix", false],
      ["total", "scalar", true],
      ["decimals", "scalar", true],
    ]);
    expect(share.result.dimensionality).toBe("matrix");
  });

  it("has a zh-CN file with the same ids and parameters, in Chinese", () => {
    const zh: Metadata = translateMetadata(metadata, loadTranslations());
    expect(zh.functions.map((f) => f.id)).toEqual(metadata.functions.map((f) => f.id));
    zh.functions.forEach((f, i) => {
      expect(f.parameters.map((p) => p.name)).toEqual(metadata.functions[i].parameters.map((p) => p.name));
      expect(f.description).toMatch(/[\u4e00-\u9fa5]{4}/);
      for (const p of f.parameters) expect(p.description).toMatch(/[\u4e00-\u9fa5]/);
    });
  });

  it("refuses a function without a Chinese description", () => {
    expect(() => translateMetadata({ functions: [{ id: "NEWFN", parameters: [] }] }, loadTranslations())).toThrow(/NEWFN/);
  });
});

describe("offline manifest check", () => {
  const manifest = readFileSync("manifest.xml", "utf8");

  it("passes the project's manifest", async () => {
    expect(await checkManifest(manifest)).toEqual([]);
  });

  it.each([
    ["malformed XML", (m: string) => m.replace("</OfficeApp>", ""), "XML"],
    ["an undefined resid", (m: string) => m.replace('resid="Validate.Label"', 'resid="Nope.Label"'), "Nope.Label"],
    ["two runtimes", (m: string) => m.replace('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="GetStarted.LearnMoreUrl"/>'), "两个运行时"],
    ["an http URL", (m: string) => m.replace('DefaultValue="https://localhost:3000/functions.json"', 'DefaultValue="http://localhost:3000/functions.json"'), "https"],
    ["a long short string", (m: string) => m.replace('DefaultValue="预算公开"', `DefaultValue="${"预".repeat(126)}"`), "125"],
    ["a short-lived runtime", (m: string) => m.replace('lifetime="long"', 'lifetime="short"'), "lifetime"],
  ])("fails %s", async (_label, mutate, expected) => {
    const errors: string[] = await checkManifest(mutate(manifest));
    expect(errors.join("\n")).toContain(expected);
  });
});
