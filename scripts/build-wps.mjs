// Builds the WPS 表格 add-in (WPS 加载项) into dist-wps/<name>_<version>/: ribbon.xml, main.js at the folder's
// root with the ribbon callbacks and custom functions (WPS's own index.html loads it from there; ours, kept for
// builds that read the folder's index.html, loads the same file), the task pane (taskpane.html, js/taskpane.js),
// functions.json, manifest.xml and the ribbon images; deploy/ holds the publish.xml and jsplugins.xml
// an IT department edits. Script syntax is lowered to what Chromium 70 parses, for the older Chromium inside WPS.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

const scripts = {
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
await build({ ...scripts, entryPoints: ["src/wps/taskpane.tsx"], outfile: join(out, "js", "taskpane.js") });

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
writeFileSync(
  join(root, "deploy", "oem.ini"),
  `; 加到 WPS 安装目录 office6/cfgs/oem.ini 的末尾（已有的节合并进去）。
[Support]
JsApiPlugin=true
[Server]
JSPluginsServer=http://内网服务器/wps-addins/jsplugins.xml
`,
);
console.log(`WPS 加载项已构建：${out}`);
