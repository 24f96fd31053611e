/**
 * The WPS add-in as `npm run build:wps` writes it: a ribbon.xml WPS's publish check accepts, every
 * callback it names defined by main.js, functions.json matching what main.js registers, scripts an
 * older Chromium parses, and ribbon clicks reaching the task pane through PluginStorage.
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { parse } from "acorn";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { followRibbonRequests, leaveRequest } from "../src/wps/ribbon-requests";
import { FakeEt } from "./support/fake-et";

/** xml2js (a dev dependency without types): parses XML or rejects. */
const { parseStringPromise } = createRequire(import.meta.url)("xml2js") as { parseStringPromise(xml: string): Promise<any> };
const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const out = join("dist-wps", `${pkg.name}_${pkg.version}`);
const read = (file: string) => readFileSync(join(out, file), "utf8");

/** main.js run as WPS runs it: a page with `wps` (the add-in root) and `location` on its global. */
function loadMain(et = new FakeEt({ sheetNames: ["Sheet1"] })) {
  const registered: { namespace: string; name: string; callback: (...args: unknown[]) => unknown; metadata: unknown }[] = [];
  const root = Object.assign(et.app, { AddCustomFunction: (namespace: string, name: string, callback: (...args: unknown[]) => unknown, metadata: unknown) => registered.push({ namespace, name, callback, metadata }) });
  const scope: Record<string, unknown> = { wps: root, Application: root, location: { href: "file:///home/u/.local/share/Kingsoft/wps/jsaddons/budget-tables_0.1.0/index.html" }, console };
  scope.globalThis = scope;
  scope.window = scope;
  runInNewContext(read("js/main.js"), scope);
  return { scope, registered, et };
}

beforeAll(() => {
  const result = spawnSync(process.execPath, ["scripts/build-wps.mjs"], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`build:wps failed:\n${result.stdout}\n${result.stderr}`);
}, 120_000);

describe("the built WPS add-in", () => {
  it("has the files WPS loads, and the deployment files an IT department edits", () => {
    expect(readdirSync(out).sort()).toEqual(["functions.json", "images", "index.html", "js", "manifest.xml", "ribbon.xml", "taskpane.html"]);
    expect(readdirSync(join("dist-wps", "deploy")).sort()).toEqual(["jsplugins.xml", "oem.ini", "publish.xml"]);
  });

  it("has a ribbon.xml that parses as CustomUI and starts with <customUI (WPS's publish check rejects a declaration)", async () => {
    const text = read("ribbon.xml");
    expect(text.startsWith("<customUI")).toBe(true);
    const xml = await parseStringPromise(text);
    expect(xml.customUI.$.xmlns).toBe("http://schemas.microsoft.com/office/2006/01/customui");
    const tab = xml.customUI.ribbon[0].tabs[0].tab[0];
    expect(tab.$.label).toBe("预算公开");
    expect(tab.group[0].button.map((b: { $: { label: string } }) => b.$.label)).toEqual(["插入模板", "校验", "定稿", "任务窗格"]);
  });

  it("defines in main.js every callback the ribbon names, synchronous", async () => {
    const xml = readFileSync(join(out, "ribbon.xml"), "utf8");
    const names = [...new Set([...xml.matchAll(/\s(?:on[A-Z]\w*|get[A-Z]\w*)="(\w+)"/g)].map((m) => m[1]))];
    expect(names.sort()).toEqual(["GetImage", "OnAction", "OnAddinLoad"]);
    const { scope } = loadMain();
    for (const name of names) expect(typeof scope[name], name).toBe("function");
    const result = (scope.OnAction as (c: { Id: string }) => unknown)({ Id: "ysValidate" });
    expect(result).toBe(true);
    expect(result).not.toBeInstanceOf(Promise);
    for (const id of [...xml.matchAll(/<button id="(\w+)"/g)].map((m) => m[1])) expect((scope.GetImage as (c: { Id: string }) => string)({ Id: id })).toMatch(/^images\/\w+-32\.png$/);
  });

  it("opens one task pane from the ribbon and leaves the request for it", () => {
    const { scope, et } = loadMain();
    const click = scope.OnAction as (c: { Id: string }) => boolean;
    click({ Id: "ysValidate" });
    click({ Id: "ysFinalize" });
    expect(et.panes).toHaveLength(1);
    expect(et.panes[0]).toMatchObject({ Visible: true, url: "file:///home/u/.local/share/Kingsoft/wps/jsaddons/budget-tables_0.1.0/taskpane.html" });
    expect(JSON.parse(et.storage.get("ys.viewRequest")!)).toEqual({ view: "narrative", run: true, serial: 2 });
  });

  it("registers the functions functions.json describes, under the manifest's namespace, working on ranges", async () => {
    const { registered } = loadMain();
    const json = JSON.parse(read("functions.json")) as { functions: { name: string; description: string; parameters: { name: string; type: string }[]; result: { type: string } }[] };
    expect(registered.map((r) => r.name)).toEqual(json.functions.map((f) => f.name));
    for (const r of registered) {
      const { description, parameters, result } = json.functions.find((f) => f.name === r.name)!;
      expect(r.metadata).toEqual({ description, parameters, result });
    }
    const manifest = await parseStringPromise(read("manifest.xml"));
    expect(manifest.JsPlugin.Functions[0].Namespace[0]).toBe("YS");
    expect(manifest.JsPlugin.Functions[0].Uri[0]).toBe("/functions.json");
    expect(new Set(registered.map((r) => r.namespace))).toEqual(new Set(["YS"]));
    expect(json.functions.flatMap((f) => f.parameters.map((p) => p.type))).toEqual(["any[][]", "any[][]", "any?", "any[][]", "any?", "number?"]);

    const rollup = registered.find((r) => r.name === "BUDGETROLLUP")!.callback;
    expect(rollup([["208"], ["20805"], ["2080505"], ["2080506"]], [[null], [null], [6.43], [1.44]], "20805")).toBe(7.87);
    expect(rollup("208", [[1], [2]])).toMatch(/^#VALUE! /);
    const share = registered.find((r) => r.name === "SHAREPCT")!.callback;
    expect(share([[1], [3]])).toEqual([[25], [75]]);
  });

  it("ships scripts that Chromium 70 parses: no syntax newer than the WPS target, no module loading", () => {
    for (const file of readdirSync(join(out, "js"))) {
      const ast = parse(read(join("js", file)), { ecmaVersion: 2020, sourceType: "script" });
      const newer: string[] = [];
      const visit = (node: unknown): void => {
        if (!node || typeof node !== "object") return;
        if (Array.isArray(node)) return node.forEach(visit);
        const n = node as { type?: string; operator?: string };
        if (n.type === "ChainExpression" || n.type === "ImportExpression" || n.type === "PropertyDefinition" || n.type === "PrivateIdentifier" || n.type === "StaticBlock") newer.push(n.type);
        if (n.type === "LogicalExpression" && n.operator === "??") newer.push("??");
        for (const value of Object.values(node)) if (value && typeof value === "object") visit(value);
      };
      visit(ast);
      expect(newer, file).toEqual([]);
    }
  });

  const sourcesInWps = () => {
    const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
    return ["src/core", "src/taskpane", "src/wps", "src/host", "src/excel"].flatMap(files).map((f) => ({ f, text: readFileSync(f, "utf8") }));
  };

  it("does not format with toLocale* anywhere the pane or the WPS face runs (reported to throw in WPS on Linux)", () => {
    expect(sourcesInWps().filter(({ text }) => /toLocale(String|DateString|TimeString)\(/.test(text)).map(({ f }) => f)).toEqual([]);
  });

  it("calls no browser API newer than Chromium 73 in the code the pane runs (the syntax is lowered; APIs are not)", () => {
    // replaceAll 85, Promise.any 85, at() 92, Object.hasOwn 93, findLast 97, structuredClone 98, toSorted 110.
    const newer = /\.replaceAll\(|Promise\.any\(|\.at\(-?\d|Object\.hasOwn\(|\.findLast(Index)?\(|structuredClone\(|\.to(Sorted|Reversed|Spliced)\(/;
    expect(sourcesInWps().filter(({ text }) => newer.test(text)).map(({ f }) => f)).toEqual([]);
  });
});

describe("ribbon requests reaching the task pane", () => {
  it("applies the click that opened the pane, then each new click once", () => {
    vi.useFakeTimers();
    try {
      const et = new FakeEt();
      const storage = et.app.PluginStorage;
      leaveRequest(storage, "validation", true);
      const seen: string[] = [];
      const stop = followRibbonRequests(storage, (view, run) => seen.push(`${view}:${run}`), 100);
      expect(seen).toEqual(["validation:true"]);
      vi.advanceTimersByTime(500);
      expect(seen).toEqual(["validation:true"]);
      leaveRequest(storage, "narrative", true);
      vi.advanceTimersByTime(100);
      expect(seen).toEqual(["validation:true", "narrative:true"]);
      stop();
      storage.setItem("ys.viewRequest", "{not json");
      leaveRequest(storage, "templates", false);
      vi.advanceTimersByTime(500);
      expect(seen).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
