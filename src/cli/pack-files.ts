/** --pack-file: template pack files (模板包 JSON) added for this run, each checked before any workbook is read. */
import { readFile } from "node:fs/promises";
import { readPackText } from "../core/packs/pack-file";
import { PACK_SETTING } from "../core/document-settings";
import { addPack } from "../core/packs";
import type { TemplatePack } from "../core/packs/types";
import { listOption, type ParsedArgs } from "./args";
import { InputError } from "../io/input-error";

/** Most issues shown for one pack file; the rest are counted. */
const SHOWN_ISSUES = 20;

/**
 * Reads, checks and adds every --pack-file for this run; a file that cannot be used stops the command
 * (exit 2). Returns what removes them again, so that one run's packs never reach the next.
 */
export async function addPackFiles(args: ParsedArgs): Promise<{ packs: TemplatePack[]; remove: () => void }> {
  const added: TemplatePack[] = [];
  const removers: (() => void)[] = [];
  const remove = () => removers.splice(0).forEach((r) => r());
  try {
    for (const path of listOption(args, "pack-file")) {
      let text: string;
      try {
        text = await readFile(path, "utf8");
      } catch (error) {
        throw new InputError(`${path}：无法读取模板包文件（${(error as NodeJS.ErrnoException).code === "ENOENT" ? "文件不存在" : (error as Error).message}）。`);
      }
      const reading = readPackText(text);
      if (!reading.ok) {
        const lines = reading.issues.slice(0, SHOWN_ISSUES).map((i) => `  ${i.path}：${i.message}`);
        const more = reading.issues.length > SHOWN_ISSUES ? [`  ……另有 ${reading.issues.length - SHOWN_ISSUES} 处`] : [];
        throw new InputError([`${path}：模板包有 ${reading.issues.length} 处问题，未使用：`, ...lines, ...more].join("\n"));
      }
      const result = addPack(reading.pack);
      if (!result.ok) throw new InputError(`${path}：${result.message}`);
      removers.push(result.remove);
      added.push(reading.pack);
    }
  } catch (error) {
    remove();
    throw error;
  }
  return { packs: added, remove };
}

/**
 * Runs `read` with the template pack a workbook keeps (imported in the WPS add-in: its YS_设置 sheet, read once by
 * the caller with settingsOfCells), so that the workbook reads the same in the command line as in the pane. A kept
 * pack that no longer checks is left out.
 */
export function withKeptPack<T>(settings: ReadonlyMap<string, unknown> | null, read: () => T): T {
  const kept = settings?.get(PACK_SETTING);
  const reading = typeof kept === "string" ? readPackText(kept) : null;
  const added = reading?.ok ? addPack(reading.pack) : null;
  try {
    return read();
  } finally {
    if (added?.ok) added.remove();
  }
}
