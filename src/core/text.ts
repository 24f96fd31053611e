/**
 * Text normalisation for what accountants type into cells: full-width characters
 * (全角字符) become their half-width forms, brackets are unified, spaces trimmed.
 */

const FULL_WIDTH_START = 0xff01; // ！
const FULL_WIDTH_END = 0xff5e; // ～
const FULL_TO_HALF_OFFSET = 0xfee0;

/** Full-width ASCII (０-９, Ａ-Ｚ, ，．－ …) to half-width; ideographic space to a plain space. */
export function toHalfWidth(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= FULL_WIDTH_START && code <= FULL_WIDTH_END) out += String.fromCodePoint(code - FULL_TO_HALF_OFFSET);
    else if (code === 0x3000) out += " ";
    else out += ch;
  }
  return out;
}

/** Trim every kind of space, including the ideographic space and no-break space. */
export function trimAll(text: string): string {
  return text.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, "");
}

/**
 * Key for comparing subject names: brackets of either width, spaces removed
 * (因公出国(境)费用 equals 因公出国（境）费用; "日常运营维 护" equals "日常运营维护").
 */
export function nameKey(name: string): string {
  let key = NAME_KEYS.get(name);
  if (key === undefined) {
    key = toHalfWidth(name).replace(/[\s\u00a0]+/g, "");
    // Names repeat across tables and rows; the memo is bounded so that a long session cannot grow it.
    if (NAME_KEYS.size >= NAME_KEY_MEMO_SIZE) NAME_KEYS.clear();
    NAME_KEYS.set(name, key);
  }
  return key;
}

const NAME_KEY_MEMO_SIZE = 20_000;
const NAME_KEYS = new Map<string, string>();

/** Chinese numerals used for the numbered rows (一、二、… 三十、). */
const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`chineseNumeral: ${n} out of 1..99`);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : DIGITS[tens]}十${ones === 0 ? "" : DIGITS[ones]}`;
}

/** Any cell content as text for a message, even objects without a prototype. Never throws. */
export function safeText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    return "（无法显示的值）";
  }
}
