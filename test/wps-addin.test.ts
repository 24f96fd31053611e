/**
 * The WPS add-in as `npm run build:wps` writes it: a ribbon.xml WPS's publish check accepts, every
 * callback it names defined by main.js, functions.json matching what main.js registers, scripts an
 * older Chromium parses, and ribbon clicks reaching the task pane through PluginStorage.
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { createContext, runInContext } from "node:vm";
import { parse } from "acorn";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { followRibbonRequests, leaveRequest } from "../src/wps/ribbon-requests";
import { FakeEt } from "./support/fake-et";
import { PLACEMENTS, wpsScope, type Placement } from "./support/wps-scope";

/** xml2js (a dev dependency without types): parses XML or rejects. */
const { parseStringPromise } = createRequire(import.meta.url)("xml2js") as { parseStringPromise(xml: string): Promise<any> };
const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const out = join("dist-wps", `${pkg.name}_${pkg.version}`);
const read = (file: string) => readFileSync(join(out, file), "utf8");

const ADDIN_HREF = "file:///home/u/.local/share/Kingsoft/wps/jsaddons/budget-tables_0.1.0/index.html";

/** main.js run as WPS runs it: a page with the host objects (placed as `placement` says) and `location` on its window. */
function loadMain(et = new FakeEt({ sheetNames: ["Sheet1"] }), placement: Placement = "current", href = ADDIN_HREF, options: { prelude?: string; withFunctions?: boolean } = {}) {
  const { scope, registered } = wpsScope(et, placement, { withFunctions: options.withFunctions });
  const alerts: string[] = [];
  // A browser page's own globals, beside the language's (which the new context has).
  Object.assign(scope, { location: { href }, console, alert: (text: string) => alerts.push(text), TextDecoder, FileReader: class {} });
  const context = createContext(scope);
  // An older engine: the prelude takes away what it lacks before main.js runs.
  if (options.prelude) runInContext(options.prelude, context);
  runInContext(read("main.js"), context);
  return { scope, registered, et, alerts };
}

beforeAll(() => {
  const result = spawnSync(process.execPath, ["scripts/build-wps.mjs"], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`build:wps failed:\n${result.stdout}\n${result.stderr}`);
}, 120_000);

describe("the built WPS add-in", () => {
  it("has the files WPS loads, and the deployment files an IT department edits", () => {
    expect(readdirSync(out).sort()).toEqual(["functions.json", "images", "index.html", "js", "main.js", "manifest.xml", "pdfjs", "ribbon.xml", "taskpane.html"]);
    // WPS's own index.html loads main.js from the folder's root; ours loads the same file.
    expect(read("index.html")).toContain('<script src="main.js"></script>');
    // The PDF reader is a script of its own, with pdf.js's CMaps and standard fonts beside it.
    expect(readdirSync(join(out, "js")).sort()).toEqual(["pdfjs.js", "taskpane.js"]);
    expect(readdirSync(join(out, "pdfjs")).sort()).toEqual(["cmaps", "standard_fonts"]);
    expect(readdirSync(join(out, "pdfjs", "cmaps"))).toContain("UniGB-UCS2-H.bcmap");
    expect(readdirSync(join("dist-wps", "deploy")).sort()).toEqual([`${pkg.name}_${pkg.version}.7z`, "jsplugins.xml", "oem.ini", "publish-online.xml", "publish.xml", "部署说明.txt"].sort());
  });

  it("ships the folder as a .7z too, holding exactly the folder's files at its root", () => {
    const { path7za } = createRequire(import.meta.url)("7zip-bin") as { path7za: string };
    const listing = spawnSync(path7za, ["l", "-slt", join("dist-wps", "deploy", `${pkg.name}_${pkg.version}.7z`)], { encoding: "utf8" });
    expect(listing.status, listing.stderr).toBe(0);
    const archived = [...listing.stdout.matchAll(/^Path = (.+)$/gm)].map((m) => m[1]).slice(1).filter((p) => !statSync(join(out, p)).isDirectory());
    const files = (dir: string, prefix = ""): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
    expect(archived.sort()).toEqual(files(out).sort());
  });

  it("tells IT how to deploy: the exact folder name, the .7z, publish.xml for newer personal builds, the trust prompt, where to look", async () => {
    const guide = readFileSync(join("dist-wps", "deploy", "部署说明.txt"), "utf8");
    const folder = `${pkg.name}_${pkg.version}`;
    expect(guide).not.toContain("__FOLDER__");
    for (const text of [`必须叫 ${folder}`, `${folder}.7z`, "disableFileCheckIntercept=true", "12.1.0.16910", "<jspluginonline", "quickstartoffice restart", "authaddin.json", "jsaddinblockhost.ini", "自检", "隐藏"]) expect(guide, text).toContain(text);
    const online = await parseStringPromise(readFileSync(join("dist-wps", "deploy", "publish-online.xml"), "utf8"));
    expect(online.jsplugins.jspluginonline[0].$).toMatchObject({ name: pkg.name, type: "et", version: pkg.version, url: `http://内网服务器/wps-addins/${folder}/` });
    const local = await parseStringPromise(readFileSync(join("dist-wps", "deploy", "publish.xml"), "utf8"));
    expect(local.jsplugins.jsplugin[0].$).toMatchObject({ name: pkg.name, url: folder, version: pkg.version });
  });

  it("has a ribbon.xml that parses as CustomUI and starts with <customUI (WPS's publish check rejects a declaration)", async () => {
    const text = read("ribbon.xml");
    expect(text.startsWith("<customUI")).toBe(true);
    const xml = await parseStringPromise(text);
    expect(xml.customUI.$.xmlns).toBe("http://schemas.microsoft.com/office/2006/01/customui");
    const tab = xml.customUI.ribbon[0].tabs[0].tab[0];
    expect(tab.$.label).toBe("预算公开");
    expect(tab.group[0].button.map((b: { $: { label: string } }) => b.$.label)).toEqual(["插入模板", "校验", "定稿", "任务窗格", "自检"]);
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

  it.each<Placement>(["current", "wpsRoot", "wpsApplication"])("finds the workbook and the add-in root wherever the build puts them (%s)", (placement) => {
    const { scope, et, registered } = loadMain(undefined, placement);
    expect((scope.OnAction as (c: { Id: string }) => boolean)({ Id: "ysValidate" })).toBe(true);
    expect(et.panes).toHaveLength(1);
    expect(JSON.parse(et.storage.get("ys.viewRequest")!)).toMatchObject({ view: "validation", run: true });
    expect(registered.map((r) => r.name)).toEqual(["BUDGETROLLUP", "SHAREPCT"]);
  });

  it("opens the pane on 自检 from the ribbon, asking it to run", () => {
    const { scope, et } = loadMain();
    expect((scope.OnAction as (c: { Id: string }) => boolean)({ Id: "ysSelfTest" })).toBe(true);
    expect(et.panes).toHaveLength(1);
    expect(JSON.parse(et.storage.get("ys.viewRequest")!)).toMatchObject({ view: "selfTest", run: true });
  });

  it("leaves what it registered for the pane's self-test: two functions, or none where the build has no AddCustomFunction", () => {
    expect(JSON.parse(loadMain().et.storage.get("ys.ribbonPage")!)).toEqual({ functions: 2, missing: [] });
    for (const placement of PLACEMENTS) expect(JSON.parse(loadMain(undefined, placement, ADDIN_HREF, { withFunctions: false }).et.storage.get("ys.ribbonPage")!), placement).toEqual({ functions: 0, missing: [] });
  });

  it.each([
    ["String.prototype.matchAll", "delete String.prototype.matchAll;"],
    ["Object.fromEntries", "delete Object.fromEntries;"],
    ["Proxy", "Proxy = undefined;"],
  ])("in an engine without %s, every ribbon button says so in Chinese instead of doing nothing", (feature, prelude) => {
    const { scope, et, alerts, registered } = loadMain(undefined, "current", ADDIN_HREF, { prelude });
    expect((scope.OnAction as (c: { Id: string }) => boolean)({ Id: "ysValidate" })).toBe(true);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatch(/^预算公开助手不能在这个 WPS 版本的浏览器内核中运行：缺少 .+。请升级 WPS Office/);
    expect(alerts[0]).toContain(feature.replace("String.prototype.", "").replace("Object.", ""));
    // Nothing else happens: no pane, no functions, and the self-test will find the list.
    expect(et.panes).toHaveLength(0);
    expect(registered).toHaveLength(0);
    expect(JSON.parse(et.storage.get("ys.ribbonPage")!).missing).toHaveLength(1);
  });

  it("keeps main.js plainer still: no regex lookbehind or named groups", () => {
    const patterns: string[] = [];
    const visit = (node: unknown): void => {
      if (!node || typeof node !== "object") return;
      if (Array.isArray(node)) return node.forEach(visit);
      const regex = (node as { regex?: { pattern: string } }).regex;
      if (regex) patterns.push(regex.pattern);
      for (const value of Object.values(node)) if (value && typeof value === "object") visit(value);
    };
    visit(parse(read("main.js"), { ecmaVersion: 2020, sourceType: "script" }));
    // Also any pattern built at run time from text.
    const built = [...read("main.js").matchAll(/RegExp\(\s*"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);
    expect(patterns.length).toBeGreaterThan(0);
    expect([...patterns, ...built].filter((p) => /\(\?<[=!]|\(\?<[A-Za-z]/.test(p))).toEqual([]);
  });

  it("runs the start-up feature check in plain ES5, first in both scripts", () => {
    const check = readFileSync("wps/feature-check.js", "utf8");
    expect(() => parse(check, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
    for (const file of ["main.js", "js/taskpane.js"]) expect(read(file).startsWith(check.trimEnd()), file).toBe(true);
  });

  it("opens a new pane when the stored pane id is stale (GetTaskPane throws after a restart)", () => {
    const { scope, et } = loadMain();
    et.storage.set("ys.taskpaneId", "7");
    (et.app as unknown as { GetTaskPane: () => never }).GetTaskPane = () => {
      throw new Error("no such pane");
    };
    expect((scope.OnAction as (c: { Id: string }) => boolean)({ Id: "ysTaskpane" })).toBe(true);
    expect(et.panes).toHaveLength(1);
    expect(et.panes[0].Visible).toBe(true);
  });

  it("builds the pane's address from the decoded page address, for a user folder named in Chinese", () => {
    const { scope, et } = loadMain(undefined, "current", "file:///home/%E5%BC%A0%E4%B8%89/.local/share/Kingsoft/wps/jsaddons/budget-tables_0.1.0/index.html");
    (scope.OnAction as (c: { Id: string }) => boolean)({ Id: "ysTaskpane" });
    expect(et.panes[0].url).toBe("file:///home/张三/.local/share/Kingsoft/wps/jsaddons/budget-tables_0.1.0/taskpane.html");
  });

  it("allows the schemes local add-ins load from (file:, ksolaunch:) for scripts, styles and fonts, with classic scripts and no eval", () => {
    const html = read("taskpane.html");
    const csp = /Content-Security-Policy"\s+content="([^"]+)"/.exec(html)![1];
    const directive = (name: string) => csp.split(";").map((d) => d.trim().split(/\s+/)).find(([n]) => n === name)!.slice(1);
    for (const name of ["script-src", "style-src", "font-src"]) expect(directive(name), name).toEqual(expect.arrayContaining(["file:", "ksolaunch:"]));
    expect(csp).not.toContain("unsafe-eval");
    expect(html).not.toMatch(/type="module"/);
  });

  it("never names globalThis in the scripts (Chromium 70 and older WPS engines lack it)", () => {
    for (const file of ["main.js", ...readdirSync(join(out, "js")).map((f) => join("js", f))]) expect(read(file).includes("globalThis"), file).toBe(false);
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
    // One figure or a spilled array: the result is declared any.
    expect(json.functions.map((f) => f.result.type)).toEqual(["any", "any"]);

    const rollup = registered.find((r) => r.name === "BUDGETROLLUP")!.callback;
    expect(rollup([["208"], ["20805"], ["2080505"], ["2080506"]], [[null], [null], [6.43], [1.44]], "20805")).toBe(7.87);
    expect(rollup("208", [[1], [2]])).toMatch(/^#VALUE! /);
    const share = registered.find((r) => r.name === "SHAREPCT")!.callback;
    expect(share([[1], [3]])).toEqual([[25], [75]]);
    // An omitted optional argument as some builds pass it (COM's parameter-not-found): not given.
    const notFound = -2147352572;
    expect(share([[1], [3]], notFound, notFound)).toEqual([[25], [75]]);
    expect(rollup([["208"], ["20805"]], [[null], [5]], notFound)).toEqual([[5], [5]]);
    // A one-row range as a flat array, and a COM error number in a range: an error, not an amount.
    expect(share([1, 3])).toEqual([[25, 75]]);
    expect(share([[1], [-2146826281]])).toMatch(/^#VALUE! /);
  });

  it("ships scripts that Chromium 70 parses: no syntax newer than the WPS target, no module loading", () => {
    for (const file of ["main.js", ...readdirSync(join(out, "js")).map((f) => join("js", f))]) {
      const ast = parse(read(file), { ecmaVersion: 2020, sourceType: "script" });
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
    return ["src/core", "src/io", "src/taskpane", "src/wps", "src/host", "src/excel"].flatMap(files).map((f) => ({ f, text: readFileSync(f, "utf8") }));
  };

  it("does not format with toLocale* anywhere the pane or the WPS face runs (reported to throw in WPS on Linux)", () => {
    expect(sourcesInWps().filter(({ text }) => /toLocale(String|DateString|TimeString)\(/.test(text)).map(({ f }) => f)).toEqual([]);
  });

  it("calls no browser API newer than Chromium 73 in the code the pane runs (the syntax is lowered; APIs are not)", () => {
    // Blob.arrayBuffer()/text() 76, replaceAll 85, Promise.any 85, at() 92, Object.hasOwn 93, findLast 97, structuredClone 98, toSorted 110.
    // A picked file is read through file-bytes.ts, which falls back to FileReader.
    const newer = /\bfile\.(arrayBuffer|text)\(|\.replaceAll\(|Promise\.any\(|\.at\(-?\d|Object\.hasOwn\(|\.findLast(Index)?\(|structuredClone\(|\.to(Sorted|Reversed|Spliced)\(/;
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
