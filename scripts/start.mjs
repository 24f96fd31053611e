// npm start / npm stop: build, serve on https://localhost:3000 and sideload into Excel desktop.
// Excel desktop exists only on Windows and macOS: elsewhere this says so and exits non-zero.
import { spawnSync } from "node:child_process";

const action = process.argv[2] === "stop" ? "stop" : "start";
const hasExcelDesktop = process.platform === "win32" || process.platform === "darwin";

if (!hasExcelDesktop) {
  const message =
    action === "start"
      ? [
          "本机没有 Excel 桌面版（当前系统：" + process.platform + "），无法旁加载。",
          "可运行 npm run dev-server 启动 https://localhost:3000，然后在 Excel 网页版“加载项 > 上传我的加载项”中选择 manifest.xml。",
          "No Excel desktop on this machine (" + process.platform + "): cannot sideload. Run `npm run dev-server` and upload manifest.xml in Excel on the web.",
        ]
      : ["本机没有 Excel 桌面版，没有需要停止的旁加载。 (No Excel desktop here: nothing to stop.)"];
  console.error(message.join("\n"));
  process.exit(action === "start" ? 1 : 0);
}

const run = (args) => spawnSync(process.execPath, args, { stdio: ["inherit", "pipe", "pipe"], encoding: "utf8" });
run(["node_modules/office-addin-usage-data/cli.js", "off"]);
const result = run(["node_modules/office-addin-debugging/cli.js", action, "manifest.xml", "desktop", "--app", "excel"]);
const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
process.stdout.write(output);
// office-addin-debugging prints some failures and still exits 0: read what it said.
if (result.status !== 0 || /error|failed|unable to/i.test(output)) {
  console.error(action === "start" ? "旁加载失败：见上方输出。 (Sideload failed: see the output above.)" : "停止失败：见上方输出。");
  process.exit(1);
}
