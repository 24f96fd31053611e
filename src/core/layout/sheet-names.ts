/**
 * Worksheet names (工作表名称): at most 31 characters, none of : \ / ? * [ ],
 * not starting or ending with an apostrophe, unique regardless of case.
 */
export const MAX_SHEET_NAME_LENGTH = 31;

export function sanitizeSheetName(name: string): string {
  const cleaned = name.replace(/[:\\/?*[\]]/g, "_").replace(/^'+|'+$/g, "").trim();
  return (cleaned || "Sheet").slice(0, MAX_SHEET_NAME_LENGTH);
}

/** The name itself when free, else "name (2)", "name (3)" … shortened to fit. */
/** A sheet named by a finding or a change that is no longer there (deleted or renamed since). */
export const missingSheetMessage = (name: string): string => `工作表“${name}”不存在（可能已被删除或改名），请重新校验。`;

export function freeSheetName(wanted: string, existing: Iterable<string>): string {
  const taken = new Set([...existing].map((n) => n.toLowerCase()));
  const base = sanitizeSheetName(wanted);
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = base.slice(0, MAX_SHEET_NAME_LENGTH - suffix.length) + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
