/** budget-tables extract: a workbook (ours, or any with the standard tables) back into the data format. */
import { writeDataFile } from "../../core/data-format";
import { UsageError, stringOption, type ParsedArgs } from "../args";
import { readWorkbookFor, writeOutput } from "./shared";

export async function extract(args: ParsedArgs): Promise<number> {
  const file = args.positional[0];
  if (!file) throw new UsageError("extract 需要一个工作簿文件。");
  if (args.positional.length > 1) throw new UsageError(`extract 一次读取一个工作簿，多出的参数：${args.positional.slice(1).join("、")}。`);
  const { disclosure } = await readWorkbookFor(file, args);
  const json = JSON.stringify(writeDataFile(disclosure), null, 1) + "\n";
  const out = stringOption(args, "out");
  if (out) {
    await writeOutput(out, json, args.options.force === true);
    console.log(`已提取 ${file} → ${out}`);
  } else process.stdout.write(json);
  return 0;
}
