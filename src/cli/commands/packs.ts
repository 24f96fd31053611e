/** budget-tables packs: the template packs this run knows (built-in and --pack-file), with their tables. */
import { BUILT_IN_PACKS, allPacks } from "../../core/packs";
import { choiceOption, type ParsedArgs } from "../args";

export function packsCommand(args: ParsedArgs): number {
  const format = choiceOption(args, "format", ["text", "json"] as const, "text");
  const packs = allPacks().map((pack) => ({
    id: pack.id,
    name: pack.name,
    source: BUILT_IN_PACKS.includes(pack) ? "内置" : "文件",
    amountUnit: pack.amountUnit,
    narrative: pack.narrative ?? null,
    ties: pack.ties?.length ?? 0,
    tables: pack.tables.map((t) => ({ id: t.id, sheetName: t.sheetName, title: t.title.replace(/\{year\}/g, "____") })),
  }));
  if (format === "json") {
    console.log(JSON.stringify({ packs }, null, 2));
    return 0;
  }
  for (const pack of packs) {
    console.log(`${pack.id}（${pack.name}，${pack.source}）：${pack.tables.length} 张表，${pack.ties} 条表间关系，金额单位${pack.amountUnit}，${pack.narrative ? "可生成情况说明" : "不生成情况说明"}`);
    for (const t of pack.tables) console.log(`  ${t.id}  ${t.title}（工作表“${t.sheetName}”）`);
  }
  return 0;
}
