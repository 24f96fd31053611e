/**
 * A subject list (科目表): code → official name, per classification. The list in
 * the repo is partial, so a code missing from it is unknown, not wrong.
 */
import type { Classification } from "../codes";
import { nameKey } from "../text";
import { PARTIAL_SUBJECTS_CSV } from "./partial-list";

export type SubjectKind = Classification;

export interface SubjectList {
  /** Names accepted for a code (current name first, then old or alternative names). */
  names(kind: SubjectKind, code: string): readonly string[] | undefined;
  /** True when the list claims to be complete for the year. */
  complete: boolean;
  /**
   * The first budget year whose names the list gives, when it is not a list for one year: names change from
   * year to year, so an earlier document may print a name that was right then.
   */
  namesSince?: number;
  /** The code printed under a name (current or old name), when the list knows exactly one. */
  codeOf(kind: SubjectKind, name: string): string | undefined;
}

const KIND_OF: Record<string, SubjectKind | undefined> = {
  func: "function",
  "func-old-name": "function",
  "econ-dept": "economic",
  "econ-dept-alt-name": "economic",
  "econ-gov": "government-economic",
};

/** Parses `kind,code,name[,…]` lines (a header line first). */
export function parseSubjectCsv(csv: string, complete = false): SubjectList {
  const map = new Map<string, string[]>();
  const byName = new Map<string, string | null>();
  for (const line of csv.split(/\r?\n/).slice(1)) {
    const [kindText, code, name] = line.split(",");
    const kind = KIND_OF[kindText?.trim()];
    if (!kind || !code || !name) continue;
    const key = `${kind}:${code.trim()}`;
    const list = map.get(key) ?? [];
    if (kindText.includes("name") && list.length > 0) list.push(name.trim());
    else list.unshift(name.trim());
    map.set(key, list);
    const nameId = `${kind}:${nameKey(name)}`;
    const known = byName.get(nameId);
    byName.set(nameId, known === undefined || known === code.trim() ? code.trim() : null);
  }
  return { names: (kind, code) => map.get(`${kind}:${code}`), complete, codeOf: (kind, name) => byName.get(`${kind}:${nameKey(name)}`) ?? undefined };
}

/** The names of the partial list were seen in documents of 2023 to 2025 (and its old names were retired in 2019). */
export const PARTIAL_SUBJECTS: SubjectList = { ...parseSubjectCsv(PARTIAL_SUBJECTS_CSV), namesSince: 2023 };

export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

/** 部门预算支出经济分类 code of a row printed by name only (表六 prints no codes): 基本工资 → 30101. */
export function economicCodeOfName(name: string): string | undefined {
  return PARTIAL_SUBJECTS.codeOf("economic", name);
}

/**
 * A year's complete subject list loaded by the user (CLI --subjects, the pane's picker), or null when the
 * text is not one: the header must be kind,code,name and the list must know function class 201.
 */
export function readCompleteSubjectCsv(text: string): SubjectList | null {
  const csv = text.replace(/^\uFEFF/, "");
  if (!/^kind,code,name/.test(csv)) return null;
  const list = parseSubjectCsv(csv, true);
  return list.names("function", "201") === undefined ? null : list;
}
