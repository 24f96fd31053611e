/**
 * budget-tables: generate, extract and validate unit budget disclosure workbooks without
 * Excel. Chinese messages; exit 0 on success, 1 when findings reach the fail level, 2 when
 * an input cannot be read or the command line is wrong. Commands load their modules when
 * run, so that `budget-tables help` starts at once.
 */
import { allPacks, DEFAULT_PACK_ID } from "../core/packs";
import { UNIT_TYPES } from "../core/model";
import { UsageError, parseCommandLine, type ParsedArgs } from "./args";
import { InputError } from "../io/input-error";

const USAGE = `用法 (usage):
  budget-tables generate [--pack ${DEFAULT_PACK_ID}] [--data FILE.json | --from 工作簿] -o OUT.xlsx [--adjust-rounding] [--format text|json] [--force]
  budget-tables extract 工作簿 [-o FILE.json] [--force] [--pack 模板包] [--unit-type 单位类型] [--department 主管部门]
  budget-tables validate 工作簿|文件夹… [--format text|json] [--fail-on error|warning] [--pack 模板包] [--unit-type 单位类型] [--department 主管部门] [--narrative 说明.docx|说明.txt] [--subjects 科目表.csv] [--show-info] [--report 审核结果.xlsx [--force]] [--roster 单位名单.xlsx]
  budget-tables compare 公开.pdf 工作簿 [--format text|json] [--pack 模板包]
  budget-tables packs [--pack-file 模板包.json…] [--format text|json]
  budget-tables pack draft 样本.pdf|工作簿 [-o 草稿.json] [--narrative 说明] [--force]

每个命令都可加 --pack-file 模板包.json（可重复）：使用本工具未内置的表样（见 docs/packs.md）；pack draft 从一份公开文件起草模板包。
工作簿 (workbooks): .xlsx、.xlsm、.xls、.ods，以及公开的 .pdf；本工具生成的，或任何印有标准表格的（按表名和表头识别）。
compare：发布前核对公开文件（通常是 PDF）与工作簿：不同的数字、只在一边有的表或行、数字不同的说明句子；有不同时退出码 1。
退出码 (exit codes): 0 通过；1 有达到 --fail-on 级别的问题；2 文件无法读取或命令有误。
单位类型 (unit types): ${UNIT_TYPES.join(" / ")}

模板包 (packs): ${allPacks().map((p) => `${p.id}（${p.name}）`).join("，")}`;

async function run(args: ParsedArgs): Promise<number> {
  const given = args.options["pack-file"] !== undefined ? await (await import("./pack-files")).addPackFiles(args) : undefined;
  // A blank template from the one pack file given needs no --pack.
  if (args.command === "generate" && given?.packs.length === 1 && args.options.pack === undefined && args.options.data === undefined && args.options.from === undefined) args.options.pack = given.packs[0].id;
  try {
    return await runCommand(args);
  } finally {
    given?.remove();
  }
}

async function runCommand(args: ParsedArgs): Promise<number> {
  switch (args.command) {
    case "generate":
      return (await import("./commands/generate")).generate(args);
    case "extract":
      return (await import("./commands/extract")).extract(args);
    case "validate":
      return (await import("./commands/validate")).validateCommand(args);
    case "compare":
      return (await import("./commands/compare")).compareCommand(args);
    case "packs":
      return (await import("./commands/packs")).packsCommand(args);
    case "pack":
      return (await import("./commands/pack-draft")).packCommand(args);
    case "help":
    case "":
      console.log(USAGE);
      return args.command === "" ? 2 : 0;
    default:
      throw new UsageError(`未知的命令“${args.command}”；可用的命令：generate、extract、validate、compare、packs、pack draft、help。`);
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    return await run(parseCommandLine(argv));
  } catch (error) {
    if (error instanceof UsageError || error instanceof InputError) {
      console.error(error.message);
      return 2;
    }
    console.error(`内部错误：${(error as Error).message}`);
    return 2;
  }
}
