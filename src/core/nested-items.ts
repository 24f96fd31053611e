/**
 * Item rows that nest (政府采购预算表: 采购品目大类 › 专项名称·经济科目 › 采购物品名称). A row's level is the last
 * of the level columns it fills; its children are the rows under it, up to the next row of its level or a higher
 * one, that stand at the shallowest level found there (a level may be skipped: 货物 rows hold 经济科目 rows directly).
 */

/** For each row (by index) that has children, their indexes; `levels` are the rows' levels in order. */
export function nestedChildren(levels: readonly number[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  levels.forEach((level, i) => {
    let end = i + 1;
    while (end < levels.length && levels[end] > level) end++;
    if (end === i + 1) return;
    const run = levels.slice(i + 1, end);
    const top = Math.min(...run);
    out.set(
      i,
      run.flatMap((l, k) => (l === top ? [i + 1 + k] : [])),
    );
  });
  return out;
}

/** Indexes of the rows at the shallowest level: what the 合计 adds. */
export function topLevelRows(levels: readonly number[]): number[] {
  if (levels.length === 0) return [];
  const top = Math.min(...levels);
  return levels.flatMap((l, i) => (l === top ? [i] : []));
}

/** A nested row's name and level: the first level column it fills names it, the last sets its level. */
export function nestedNameAndLevel(levelColumns: readonly string[], textOf: (key: string) => string): { name: string; level: number } {
  let name = "";
  let level = 0;
  levelColumns.forEach((key, i) => {
    const text = textOf(key);
    if (text === "") return;
    if (name === "") name = text;
    level = i;
  });
  return { name, level };
}
