/** budget-tables extract: a workbook (ours, or any with the standard tables) back into the data format. */
import { writeDataFile } from "../../core/data-format";
import { readWorkbookCells } from "../../core/read-workbook";
import { UsageError, stringOption, type ParsedArgs } from "../args";
import { InputError } from "../input-error";
import { loadWorkbook } from "../load-workbook";
import { recognitionText } from "../report-text";
import { packOption, unitDefaults, writeOutput } from "./shared";

export async function extract(args: ParsedArgs): Promise<number> {
  const file = args.positional[0];
  if (!file) throw new UsageError("extract 需要一个工作簿文件。");
  if (args.positional.length > 1) throw new UsageError(`extract 一次读取一个工作簿，多出的参数：${args.positional.slice(1).join("、")}。`);
  const book = await loadWorkbook(file);
  const reading = readWorkbookCells(book, unitDefaults(args), { packId: packOption(args) });
  if (!reading.disclosure) throw new InputError(`${file}：${reading.problems.map((p) => p.message).join("；")}`);
  if (reading.recognition) console.error(recognitionText(reading.recognition));
  for (const p of [...reading.problems, ...(reading.notes ?? [])]) console.error(`${file} ${p.sheet}${p.cell ? `!${p.cell}` : ""}：${p.message}`);
  const json = JSON.stringify(writeDataFile(reading.disclosure), null, 1) + "\n";
  const out = stringOption(args, "out");
  if (out) {
    await writeOutput(out, json, args.options.force === true);
    console.log(`已提取 ${file} → ${out}`);
  } else process.stdout.write(json);
  return 0;
}
