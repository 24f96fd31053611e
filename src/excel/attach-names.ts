/** Attaches our names to the tables the accountant confirmed: names only, no cell changes. Two syncs. */
import { areaAddress } from "../core/layout/a1";
import { findPack } from "../core/packs";
import { namesForPlacement } from "../core/recognize/attach";
import type { TablePlacement } from "../core/recognize/recognize";

export async function attachNames(context: Excel.RequestContext, packId: string, placements: readonly TablePlacement[]): Promise<number> {
  const pack = findPack(packId);
  if (!pack) throw new Error(`未知的模板包：${packId}`);
  const names = context.workbook.names;
  names.load("items/name");
  await context.sync();
  // Workbook names are unique: a name already there (a table confirmed before) is left as it is.
  const taken = new Set(names.items.map((n) => n.name));
  let added = 0;
  for (const placement of placements) {
    const sheet = context.workbook.worksheets.getItem(placement.sheetName);
    for (const name of namesForPlacement(pack, placement)) {
      if (taken.has(name.name)) continue;
      names.add(name.name, sheet.getRange(areaAddress(name.area)));
      taken.add(name.name);
      added++;
    }
  }
  await context.sync();
  return added;
}
