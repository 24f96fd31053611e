/**
 * budget-tables compare 公开.pdf 工作簿.xlsx: the check before publishing. Both are read as any input is
 * (recognised or through our names); every difference is listed with its page in the published document
 * and its cell in the workbook. Exit 0 when they agree, 1 when they differ, 2 when one cannot be read.
 */
import { compareReadings, type Difference } from "../../core/compare";
import { placeOnPages } from "../../core/pdf/document";
import { UsageError, stringOption, type ParsedArgs } from "../args";
import { InputError } from "../../io/input-error";
import { readWorkbookFor } from "./shared";

const placeText = (p: Difference["published"]) => (p.sheet ? `${p.sheet}${p.cell ? ` ${p.cell}` : ""}` : "—");

export async function compareCommand(args: ParsedArgs): Promise<number> {
  const [publishedPath, workbookPath, ...extra] = args.positional;
  if (!publishedPath || !workbookPath) throw new UsageError("compare 需要两个文件：公开文件（PDF 或工作簿）和工作簿。");
  if (extra.length > 0) throw new UsageError(`compare 一次核对两个文件，多出的参数：${extra.join("、")}。`);
  const format = stringOption(args, "format") ?? "text";
  if (format !== "text" && format !== "json") throw new UsageError(`--format 应为 text 或 json，不是“${format}”。`);
  const published = await readWorkbookFor(publishedPath, args);
  const workbook = await readWorkbookFor(workbookPath, args);
  if (published.reading.pack?.id !== workbook.reading.pack?.id) throw new InputError(`${publishedPath} 是${published.reading.pack?.name ?? "未知模板包"}，${workbookPath} 是${workbook.reading.pack?.name ?? "未知模板包"}，无法逐表核对。`);
  const found = compareReadings(published.reading, workbook.reading);
  // A PDF's places are its pages.
  const differences = published.rowPages ? found.map((d) => ({ ...d, published: placeOnPages([d.published], published.rowPages!)[0] })) : found;
  if (format === "json") {
    process.stdout.write(JSON.stringify({ same: differences.length === 0, published: publishedPath, workbook: workbookPath, differences }, null, 1) + "\n");
  } else if (differences.length === 0) {
    console.log(`✓ ${publishedPath} 与 ${workbookPath} 一致：各表数字和说明中的数字都相同。`);
  } else {
    console.log(`✗ ${publishedPath} 与 ${workbookPath} 有 ${differences.length} 处不同：`);
    for (const d of differences) console.log(`  [${placeText(d.published)} ⇄ ${placeText(d.workbook)}] ${d.message}`);
  }
  return differences.length === 0 ? 0 : 1;
}
