/**
 * Workbook-scoped defined names (定义的名称) that let validation find a table
 * again after rows are inserted or sheets moved or renamed:
 * YS_T2_TITLE, YS_T2_UNIT, YS_T2_HEADER, YS_T2_BODY, YS_T2_NOTE, and the pack marker
 * YS_PACK_shanxi_unit_13_V1_T2 on the title cell.
 */
export const NAME_PREFIX = "YS_";
export const PACK_NAME = "YS_PACK_";

export function definedNamePrefix(tableId: string): string {
  return `${NAME_PREFIX}${tableId}_`;
}

export interface PackMarker {
  packKey: string;
  version: number;
  tableId: string;
}

/** Reads YS_PACK_shanxi_unit_13_V1_T2 → { packKey: "shanxi_unit_13", version: 1, tableId: "T2" }. */
export function parsePackMarker(name: string): PackMarker | null {
  const m = /^YS_PACK_(.+)_V(\d+)_([A-Z]+\d+)$/.exec(name);
  return m ? { packKey: m[1], version: Number(m[2]), tableId: m[3] } : null;
}

/** The pack marker of a sheet: YS_PACK_shanxi_unit_13_V1_T2 (read back by parsePackMarker). */
export function packMarkerName(pack: { id: string; version: number }, sheetId: string): string {
  return `${PACK_NAME}${packKey(pack.id)}_V${pack.version}_${sheetId}`;
}

export function packKey(packId: string): string {
  return packId.replace(/-/g, "_");
}
