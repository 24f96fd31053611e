/** What the commands share: writing an output file without overwriting, and the unit options. */
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { UNIT_TYPES, type Disclosure, type UnitInfo, type UnitType } from "../../core/model";
import { readWorkbookCells, type WorkbookReading } from "../../core/read-workbook";
import { loadInput } from "../load-input";
import { withKeptPack } from "../pack-files";
import { settingsOfCells } from "../../core/settings-sheet";
import { keptSettings } from "../../core/document-settings";
import { recognitionText } from "../report-text";
import { allPacks, findPack } from "../../core/packs";
import { UsageError, stringOption, type ParsedArgs } from "../args";
import { InputError } from "../../io/input-error";

export async function writeOutput(path: string, content: Buffer | string, force: boolean): Promise<void> {
  if (existsSync(path) && !force) throw new InputError(`${path}：文件已存在，未覆盖；确需覆盖请加 --force。`);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content);
}

/** 单位类型 and 主管部门 given on the command line: a workbook does not print them. */
export function unitDefaults(args: ParsedArgs): Partial<UnitInfo> {
  const type = stringOption(args, "unit-type");
  if (type !== undefined && !UNIT_TYPES.includes(type as UnitType)) throw new UsageError(`单位类型“${type}”无效，应为 ${UNIT_TYPES.join("、")} 之一。`);
  const department = stringOption(args, "department");
  return { ...(type ? { type: type as UnitType } : {}), ...(department ? { department } : {}) };
}

/** --pack, checked against the packs this version knows. */
export function packOption(args: ParsedArgs): string | undefined {
  const id = stringOption(args, "pack");
  if (id !== undefined && !findPack(id)) throw new UsageError(`未知的模板包“${id}”；本版本支持：${allPacks().map((p) => p.id).join("、")}。`);
  return id;
}

/**
 * A workbook read for a command (ours, or recognised by its titles): what recognition decided and what
 * could not be read go to stderr; a workbook with no tables is refused with one line.
 */
export async function readWorkbookFor(path: string, args: ParsedArgs): Promise<{ reading: WorkbookReading; disclosure: Disclosure; rowPages?: ReadonlyMap<string, readonly number[]> }> {
  const input = await loadInput(path);
  const reading = withKeptPack(keptSettings(input.book.documentSettings, settingsOfCells(input.book.sheets)), () => readWorkbookCells(input.book, unitDefaults(args), { packId: packOption(args) }));
  if (input.narrative && !reading.narrative) reading.narrative = input.narrative;
  if (!reading.disclosure) throw new InputError(`${path}：${reading.problems.map((p) => p.message).join("；")}`);
  if (reading.recognition) console.error(recognitionText(reading.recognition));
  for (const p of [...reading.problems, ...(reading.notes ?? [])]) console.error(`${path} ${p.sheet}${p.cell ? `!${p.cell}` : ""}：${p.message}`);
  return { reading, disclosure: reading.disclosure, rowPages: input.rowPages };
}
