/**
 * A bureau's roster (单位名单) against a batch: the units on it with no file, and the files whose unit is on no
 * roster. The roster is a workbook with a column of unit names, however headed: the column holding the most
 * names is taken, its header and numbering left out.
 */
import { nameKey, safeText } from "./text";
import type { WorkbookCells } from "./workbook-cells";

/** A cell that names a unit: Chinese text of four characters or more, not a header word. */
const UNIT_NAME = /[\u4e00-\u9fff]{2}.*[\u4e00-\u9fff]{2}/;
const HEADER = /^(?:序号|单位名称|单位|名称|预算单位|部门|单位名单|备注)$/;

/** The unit names of a roster workbook: the column of its first visible sheet with the most names. */
export function rosterNames(book: WorkbookCells): string[] {
  const sheet = book.sheets.find((s) => !s.hidden);
  if (!sheet) return [];
  let best: string[] = [];
  for (let c = 0; c < sheet.colCount; c++) {
    const names: string[] = [];
    for (let r = 0; r < sheet.rowCount; r++) {
      const v = sheet.value(r, c);
      if (typeof v !== "string") continue;
      const text = safeText(v).trim();
      if (text.length >= 4 && UNIT_NAME.test(text) && !HEADER.test(nameKey(text))) names.push(text);
    }
    if (names.length > best.length) best = names;
  }
  return [...new Map(best.map((n) => [nameKey(n), n])).values()];
}

/** The same unit written in full or shortened (上海市普陀区人民政府万里街道办事处 / 万里街道办事处). */
function sameUnit(a: string, b: string): boolean {
  const [x, y] = [nameKey(a), nameKey(b)];
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 4 && long.endsWith(short);
}

export interface RosterCheck {
  /** Units on the roster that no file is from. */
  missing: string[];
  /** Files whose unit is on no roster (or was not read). */
  unlisted: { file: string; unitName: string }[];
  listed: number;
}

export function checkRoster(roster: readonly string[], files: readonly { file: string; unitName: string }[]): RosterCheck {
  const missing = roster.filter((unit) => !files.some((f) => f.unitName && sameUnit(unit, f.unitName)));
  const unlisted = files.filter((f) => !f.unitName || !roster.some((unit) => sameUnit(unit, f.unitName))).map(({ file, unitName }) => ({ file, unitName }));
  return { missing, unlisted, listed: roster.length };
}

/** The check as the text report says it. */
export function rosterText(check: RosterCheck): string {
  const lines = [`名单核对：名单上 ${check.listed} 个单位，${check.missing.length} 个没有文件，${check.unlisted.length} 个文件的单位不在名单上。`];
  if (check.missing.length) lines.push(`  没有文件的单位：${check.missing.join("、")}`);
  for (const f of check.unlisted) lines.push(`  不在名单上：${f.file}（${f.unitName || "单位名称未读到"}）`);
  return lines.join("\n");
}
