// Builds the WPS 表格 add-in (WPS 加载项) into dist-wps/<name>_<version>/: ribbon.xml, main.js at the folder's
// root with the ribbon callbacks and custom functions (WPS's own index.html loads it from there; ours, kept for
// builds that read the folder's index.html, loads the same file), the task pane (taskpane.html, js/taskpane.js),
// functions.json, manifest.xml and the ribbon images; deploy/ holds the publish.xml and jsplugins.xml
// an IT department edits. Script syntax is lowered to what Chromium 70 parses, for the older Chromium inside WPS.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { accessSync, chmodSync, constants, copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const WPS_TARGET = ["chrome70"];
const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const name = pkg.name;
const folder = `${name}_${pkg.version}`;
const root = "dist-wps";
const out = join(root, folder);

rmSync(root, { recursive: true, force: true });
mkdirSync(join(out, "js"), { recursive: true });
mkdirSync(join(out, "images"), { recursive: true });
mkdirSync(join(root, "deploy"), { recursive: true });

// The start-up feature check (plain ES5) runs first in both pages, before anything that could need what it checks.
const featureCheck = readFileSync(join("wps", "feature-check.js"), "utf8");
const scripts = {
  banner: { js: featureCheck },
  bundle: true,
  platform: "browser",
  format: "iife",
  target: WPS_TARGET,
  jsx: "automatic",
  minify: true,
  legalComments: "none",
  define: { "process.env.NODE_ENV": '"production"' },
  logLevel: "warning",
};
await build({ ...scripts, entryPoints: ["src/wps/main.ts"], outfile: join(out, "main.js") });
// The pane's PDF reader is a script of its own (js/pdfjs.js), loaded when a PDF is picked: src/wps/pdf-library.ts
// takes the place of the pane's webpack loader. WPS's older engines have no globalThis: pdf.js's references
// to it are to the page's own global object (self).
const wpsPdfLibrary = {
  name: "wps-pdf-library",
  setup(on) {
    on.onResolve({ filter: /[\\/]pdf-library$/ }, (args) => (args.importer.includes(join("src", "taskpane")) ? { path: resolve("src/wps/pdf-library.ts") } : undefined));
  },
};
await build({ ...scripts, entryPoints: ["src/wps/taskpane.tsx"], outfile: join(out, "js", "taskpane.js"), plugins: [wpsPdfLibrary] });
// pdf.js's own module loading (its worker by URL, Node's modules) is never reached here: it is compiled to a rejection.
await build({ ...scripts, banner: undefined, entryPoints: ["src/wps/pdf-script.ts"], outfile: join(out, "js", "pdfjs.js"), define: { ...scripts.define, globalThis: "self" }, supported: { "dynamic-import": false } });
const { pdfjsRoot } = createRequire(import.meta.url)("./pdfjs-assets.js");
for (const folder of ["cmaps", "standard_fonts"]) cpSync(join(pdfjsRoot, folder), join(out, "pdfjs", folder), { recursive: true });

// functions.json from the same metadata main.js registers.
const metadataFile = join(tmpdir(), `wps-functions-${process.pid}.mjs`);
await build({ entryPoints: ["src/wps/functions.ts"], outfile: metadataFile, bundle: true, platform: "node", format: "esm", logLevel: "warning" });
const { functionsJson } = await import(pathToFileURL(metadataFile).href);
rmSync(metadataFile, { force: true });
writeFileSync(join(out, "functions.json"), JSON.stringify(functionsJson(), null, 2));

for (const file of ["ribbon.xml", "index.html", "taskpane.html"]) copyFileSync(join("wps", file), join(out, file));
for (const image of ["icon-32", "insert-32", "validate-32", "finalize-32", "taskpane-32"]) copyFileSync(`assets/${image}.png`, join(out, "images", `${image}.png`));
writeFileSync(
  join(out, "manifest.xml"),
  `<JsPlugin>
  <ApiVersion>1.0.0</ApiVersion>
  <Name>${name}</Name>
  <Description>预算公开助手：单位预算公开表格的插入、校验和情况说明</Description>
  <Functions>
    <Uri>/functions.json</Uri>
    <Namespace>YS</Namespace>
  </Functions>
</JsPlugin>
`,
);

// One machine: the folder copied into the user's jsaddons folder, listed in publish.xml there.
writeFileSync(
  join(root, "deploy", "publish.xml"),
  `<jsplugins>
  <jsplugin name="${name}" type="et" url="${folder}" version="${pkg.version}" enable="enable_dev" install="null" customDomain=""/>
</jsplugins>
`,
);
// Many machines: the folder served on the intranet, this list named by oem.ini's JSPluginsServer.
writeFileSync(
  join(root, "deploy", "jsplugins.xml"),
  `<jsplugins>
  <jspluginonline name="${name}" type="et" url="http://内网服务器/wps-addins/${folder}/" enable="enable_dev" install="null" customDomain=""/>
</jsplugins>
`,
);
// Personal builds since 12.1.0.16910 read no oem.ini or jsplugins.xml: the user's publish.xml names the intranet server.
writeFileSync(
  join(root, "deploy", "publish-online.xml"),
  `<jsplugins>
  <jspluginonline name="${name}" type="et" url="http://内网服务器/wps-addins/${folder}/" version="${pkg.version}" enable="enable_dev" install="null" customDomain=""/>
</jsplugins>
`,
);
writeFileSync(join(root, "deploy", "部署说明.txt"), readFileSync(join("wps", "deploy-readme.txt"), "utf8").replaceAll("__FOLDER__", folder));
writeFileSync(
  join(root, "deploy", "oem.ini"),
  `; 加到 WPS 安装目录 office6/cfgs/oem.ini 的末尾（已有的节合并进去）。
[Support]
JsApiPlugin=true
[Server]
JSPluginsServer=http://内网服务器/wps-addins/jsplugins.xml
`,
);
// The folder as a .7z as well (its files at the archive's root): some offline Windows builds show no tab without one
// beside the folder. 7zip-bin ships the binary without its execute bit on some installs; it is set here, as electron-builder does.
const { path7za } = createRequire(import.meta.url)("7zip-bin");
try {
  accessSync(path7za, constants.X_OK);
} catch {
  chmodSync(path7za, 0o755);
}
execFileSync(path7za, ["a", "-t7z", "-bd", "-y", resolve(root, "deploy", `${folder}.7z`), "."], { cwd: out, stdio: ["ignore", "ignore", "inherit"] });
console.log(`WPS 加载项已构建：${out}`);
