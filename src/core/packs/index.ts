/** The registry of template packs. A new province's set is one more data file here. */
import { SHANXI_UNIT_13 } from "./shanxi-unit-13";
import type { TableSpec, TemplatePack } from "./types";

export const PACKS: readonly TemplatePack[] = [SHANXI_UNIT_13];
export const DEFAULT_PACK_ID = SHANXI_UNIT_13.id;

export function findPack(id: string): TemplatePack | undefined {
  return PACKS.find((p) => p.id === id);
}

export function findTable(pack: TemplatePack, tableId: string): TableSpec | undefined {
  return pack.tables.find((t) => t.id === tableId);
}
