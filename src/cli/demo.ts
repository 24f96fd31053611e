/**
 * npm run demo: the quick start without Excel. Generates the reference unit's
 * workbook from examples/xinzhou-2024.json into demo/, validates it and prints the report.
 */
import { main } from "./main";

async function demo(): Promise<number> {
  const out = "demo/xinzhou-2024.xlsx";
  const generated = await main(["generate", "--data", "examples/xinzhou-2024.json", "-o", out, "--force"]);
  if (generated !== 0) return generated;
  console.log("");
  return main(["validate", out, "--unit-type", "事业单位"]);
}

demo().then((code) => {
  process.exitCode = code;
});
