/**
 * Keys for comparing what other workbooks print with what a pack declares: titles,
 * header texts and row labels, whatever their spacing, character width, numbering,
 * year, quotation marks or 单位/部门 edition.
 */
import { nameKey, toHalfWidth } from "../text";

const QUOTES = /["“”'‘’]/g;
const YEAR = /(\{year\}|\d{4})\s*年度?|\{year\}/g;

/** Number lines printed above or in front of a title: 预算公开表3, 部门公开表9, 公开01表, 表三, 附表1, 3. */
export const NUMBER_LINE = /^(?:(?:预算公开表|部门公开表|单位公开表|公开表|附表|表)\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[.、．:：-]?|公开\s*\d{1,2}\s*表|\d{1,2}\s*[.、．])\s*/;

/** Title key: year, number line, 预算单位/单位/部门, （不含上年结转）, quotes and spaces left out. */
export function titleKey(title: string): string {
  return nameKey(title)
    .replace(YEAR, "")
    .replace(NUMBER_LINE, "")
    .replace(/\(不含上年结转\)/g, "")
    .replace(/预算单位|单位|部门/g, "")
    .replace(QUOTES, "");
}

/** Header key: year and quotes left out, brackets of either width, no spaces or line breaks. */
export function headerKey(text: string): string {
  const key = nameKey(text).replace(QUOTES, "");
  // A header that is only a year (2024年 over the amounts of 表一) stays a header: "年".
  return /^(\{year\}|\d{4})年度?$/.test(key) ? "年" : key.replace(YEAR, "");
}

const ROW_NUMBERING = /^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．]|[①②③④⑤⑥⑦⑧⑨⑩])/;
const ROW_SUFFIXES = ["拨款收入", "资金", "拨款", "收入", "预算"];

/** Row-label key: numbering (一、 1、 1. （一） ①) and the words that editions add or drop (资金, 拨款收入, 预算) left out. */
export function labelKey(label: string): string {
  let key = nameKey(label).replace(ROW_NUMBERING, "").replace(QUOTES, "");
  for (let changed = true; changed; ) {
    changed = false;
    for (const suffix of ROW_SUFFIXES)
      if (key.length > suffix.length + 1 && key.endsWith(suffix)) {
        key = key.slice(0, -suffix.length);
        changed = true;
      }
  }
  return key;
}

/** 注：本单位… / 注:本部门… / 注：本表无数据: compared without spaces, colon width or 单位/部门. */
export function noteKey(note: string): string {
  return toHalfWidth(note).replace(/[\s\u00a0]+/g, "").replace(/本部门/g, "本单位").replace(QUOTES, "");
}

/** The amount unit printed in a line such as 单位：万元 / 金额单位:元. */
export function amountUnitOf(text: string): "元" | "万元" | null {
  const m = /(?:^|[\s,，;；])(?:金额)?单位\s*[:：]\s*(万元|元|万)\s*$/.exec(nameKey(text).replace(/^/, " "));
  // 单位：万 is 万元 with its last character wrapped onto the next line.
  return m ? (m[1] === "元" ? "元" : "万元") : null;
}

/** The unit's name in 单位名称：… / 编制单位：… / 编制部门：… / 预算单位：… / 部门名称：… / 部门：… */
export function unitNameOf(text: string): string | null {
  const m = /^(?:单位名称|编制单位|编制部门|预算单位|部门名称|预算部门|单位|部门)\s*[:：]\s*(.*)$/.exec(toHalfWidth(text).trim());
  if (!m) return null;
  const rest = m[1].trim();
  // 单位：万元 is the amount unit, not a unit name (单位：万 too, its 元 wrapped onto the next line).
  return /^(万元|元|万)$/.test(rest) ? null : rest.replace(/\s+(?:金额)?单位\s*[:：].*$/, "").trim();
}
