/** budget-tables pack draft SAMPLE: a draft template pack from one real disclosure (workbook or PDF), for a person to finish. */
import { draftPack, narrativeHeadings } from "../../core/packs/draft";
import { readableJson } from "../../core/json-text";
import { checkPack } from "../../core/packs/pack-file";
import { UsageError, stringOption, type ParsedArgs } from "../args";
import { loadInput } from "../load-input";
import { writeOutput } from "./shared";
import { narrativeFile } from "./validate";

export async function packCommand(args: ParsedArgs): Promise<number> {
  const [sub, sample, ...rest] = args.positional;
  if (sub !== "draft") throw new UsageError(`pack 的用法：budget-tables pack draft 样本.pdf|工作簿 [-o 草稿.json] [--narrative 说明]。`);
  if (!sample || rest.length > 0) throw new UsageError("pack draft 需要一个样本文件（公开的 PDF 或工作簿）。");
  const input = await loadInput(sample);
  const narrativePath = stringOption(args, "narrative");
  const narrative = narrativePath ? (await narrativeFile(narrativePath)).lines : (input.narrative?.lines ?? []);
  const { pack, undecided } = draftPack(input.book, narrativeHeadings(narrative));
  const check = checkPack(JSON.parse(JSON.stringify(pack)));
  if (!check.ok) undecided.push(...check.issues.map((i) => `草稿自身的问题 ${i.path}：${i.message}`));
  const text = readableJson(pack);
  const out = stringOption(args, "out");
  if (out) await writeOutput(out, text, args.options.force === true);
  else process.stdout.write(text);
  console.error(`${sample}：起草了 ${pack.tables.length} 张表、${pack.ties?.length ?? 0} 条样本中成立的表间关系${out ? `，写入 ${out}` : ""}。`);
  console.error("请补全：id、name、region，各栏目的 key 和固定行的 id，逐条确认表间关系，加上其他单位的写法（titleAliases、headerAliases、aliases）。见 docs/packs.md。");
  if (undecided.length > 0) console.error(["未能判断：", ...undecided.map((u) => `  ${u}`)].join("\n"));
  return 0;
}
