/**
 * The registry of template packs: the built-in ones (packs/*.json) and any pack file the user gives
 * (--pack-file, 导入模板包…). A new province's set is one more JSON file, never code.
 */
import { JIANGSU_DEPT_12 } from "./jiangsu-dept-12";
import { SHANGHAI_UNIT_9 } from "./shanghai-unit-9";
import { SHANXI_UNIT_13 } from "./shanxi-unit-13";
import type { TableSpec, TemplatePack } from "./types";

export const BUILT_IN_PACKS: readonly TemplatePack[] = [SHANXI_UNIT_13, SHANGHAI_UNIT_9, JIANGSU_DEPT_12];
export const DEFAULT_PACK_ID = SHANXI_UNIT_13.id;

const given: TemplatePack[] = [];

/** Every pack this run knows: those given first (a tie in recognition goes to the pack the user gave), then the built-in ones. */
export function allPacks(): readonly TemplatePack[] {
  return given.length === 0 ? BUILT_IN_PACKS : [...given, ...BUILT_IN_PACKS];
}

/**
 * Adds a checked pack file's pack (see checkPack) for this run, replacing an earlier one of the same id.
 * A built-in pack's id is refused: a changed copy of a built-in pack needs an id of its own.
 * Returns a function that removes it again.
 */
export function addPack(pack: TemplatePack): { ok: true; remove: () => void } | { ok: false; message: string } {
  if (BUILT_IN_PACKS.some((p) => p.id === pack.id)) return { ok: false, message: `模板包编号“${pack.id}”与内置模板包相同；修改过的模板包请另取编号（id）。` };
  const earlier = given.findIndex((p) => p.id === pack.id);
  if (earlier >= 0) given.splice(earlier, 1);
  given.push(pack);
  return {
    ok: true,
    remove: () => {
      const at = given.indexOf(pack);
      if (at >= 0) given.splice(at, 1);
    },
  };
}

export function findPack(id: string): TemplatePack | undefined {
  return allPacks().find((p) => p.id === id);
}

export function findTable(pack: TemplatePack, tableId: string): TableSpec | undefined {
  return pack.tables.find((t) => t.id === tableId);
}
