/**
 * Item rows that nest (政府采购预算表: 采购品目大类 › 专项名称·经济科目 › 采购物品名称). A row's level is the last
 * of the level columns it fills; its parent is the nearest row above it of a shallower level (levels may be
 * skipped: 货物 rows hold 经济科目 rows directly), and the 合计 adds the rows that have none.
 */

/** Each row's parent (by index), or -1 for a row of the first level. */
function parents(levels: readonly number[]): number[] {
  const stack: number[] = [];
  return levels.map((level, i) => {
    while (stack.length > 0 && levels[stack[stack.length - 1]] >= level) stack.pop();
    const parent = stack.length > 0 ? stack[stack.length - 1] : -1;
    stack.push(i);
    return parent;
  });
}

/** For each row (by index) that has rows under it, their indexes; `levels` are the rows' levels in print order. */
export function nestedChildren(levels: readonly number[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  parents(levels).forEach((parent, i) => {
    if (parent >= 0) out.set(parent, [...(out.get(parent) ?? []), i]);
  });
  return out;
}

/** Indexes of the rows without a parent: what the 合计 adds. */
export function topLevelRows(levels: readonly number[]): number[] {
  return parents(levels).flatMap((parent, i) => (parent < 0 ? [i] : []));
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
