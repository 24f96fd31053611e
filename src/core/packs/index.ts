/** The registry of template packs. A new province's set is one more data file here. */
import { SHANGHAI_UNIT_9 } from "./shanghai-unit-9";
import { SHANXI_UNIT_13 } from "./shanxi-unit-13";
import type { TableSpec, TemplatePack } from "./types";

export const PACKS: readonly TemplatePack[] = [SHANXI_UNIT_13, SHANGHAI_UNIT_9];
export const DEFAULT_PACK_ID = SHANXI_UNIT_13.id;

export function findPack(id: string): TemplatePack | undefined {
  return PACKS.find((p) => p.id === id);
}

export function findTable(pack: TemplatePack, tableId: string): TableSpec | undefined {
  return pack.tables.find((t) => t.id === tableId);
}
