/**
 * Headless Debian Chromium driven by playwright-core, and a static server on
 * 127.0.0.1 for the test page and office.js (from node_modules). Any request that
 * leaves this machine is aborted and recorded, so a test can fail on it.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { classifyRequest, type SeenRequest } from "./network";

export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8", ".css": "text/css", ".png": "image/png", ".json": "application/json" };

export function buildWpsAddin(): void {
  const result = spawnSync(process.execPath, ["scripts/build-wps.mjs"], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`build:wps failed:\n${result.stdout}\n${result.stderr}`);
}

/** Everything the test page is built from: a change to any of them rebuilds it. */
const TEST_PAGE_INPUTS = ["src", "test/e2e/page", "test/support", "webpack.e2e.config.js", "scripts/pdfjs-assets.js", "tsconfig.json", "package-lock.json"];
const TEST_PAGE_OUT = "test-output/e2e-page";

function inputsHash(): string {
  const hash = createHash("sha256");
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) for (const entry of readdirSync(path).sort()) visit(join(path, entry));
    else hash.update(path).update("\0").update(readFileSync(path)).update("\0");
  };
  TEST_PAGE_INPUTS.forEach(visit);
  return hash.digest("hex");
}

/** The production build of the test page, reused while none of its inputs changed (the hash of their contents is kept beside it). */
export function buildTestPage(): void {
  const stamp = join(TEST_PAGE_OUT, ".inputs-sha256");
  const hash = inputsHash();
  if (existsSync(stamp) && existsSync(join(TEST_PAGE_OUT, "index.html")) && readFileSync(stamp, "utf8") === hash) return;
  const result = spawnSync(process.execPath, ["node_modules/webpack/bin/webpack.js", "--config", "webpack.e2e.config.js"], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`test page build failed:\n${result.stdout}\n${result.stderr}`);
  writeFileSync(stamp, hash);
}

export async function serve(): Promise<{ server: Server; origin: string }> {
  const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { name: string; version: string };
  const roots: [string, string][] = [
    ["/office-js/", join(process.cwd(), "node_modules/@microsoft/office-js/dist/")],
    // The WPS add-in folder as `npm run build:wps` writes it, served as an intranet server would.
    ["/wps-addin/", join(process.cwd(), `dist-wps/${pkg.name}_${pkg.version}/`)],
    ["/examples/", join(process.cwd(), "examples/")],
    ["/", join(process.cwd(), "test-output/e2e-page/")],
  ];
  const server = createServer((req, res) => {
    const url = decodeURIComponent((req.url ?? "/").split("?")[0]);
    const [prefix, root] = roots.find(([p]) => url.startsWith(p))!;
    const file = normalize(join(root, url.slice(prefix.length) || "index.html"));
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as { port: number };
  return { server, origin: `http://127.0.0.1:${address.port}` };
}

export interface NetworkLog {
  /** Every request the browser made, local or not. */
  all: SeenRequest[];
  /** Requests leaving this machine that our page or our code caused (aborted). */
  outside: string[];
  /** Office.js's own host frames (telemetry), aborted; not caused by our code. */
  officeHostFrames: string[];
}

export async function launch(): Promise<{ context: BrowserContext; network: NetworkLog }> {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "chromium-profile-")), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    bypassCSP: true, // only so that axe-core can be injected; the page's own CSP is checked in the page test
    viewport: { width: 360, height: 900 },
    locale: "zh-CN",
  });
  const network: NetworkLog = { all: [], outside: [], officeHostFrames: [] };
  await context.route("**/*", (route) => {
    const request = route.request();
    const frame = request.frame();
    const seen: SeenRequest = { url: request.url(), navigation: request.isNavigationRequest(), mainFrame: frame.parentFrame() === null, postData: request.postData() };
    network.all.push(seen);
    const origin = classifyRequest(seen);
    if (origin === "local") return route.continue();
    (origin === "officeHostFrame" ? network.officeHostFrames : network.outside).push(seen.url);
    return route.abort();
  });
  return { context, network };
}
