/**
 * Validation findings (校验结果) as data first: each has a stable rule id, a
 * severity and a Chinese message; the task pane, the command line and the JSON
 * report all render the same findings.
 */
import type { NarrativeLine } from "../narrative/find-text";
import type { Disclosure, TableData, UnitInfo } from "../model";
import type { TemplatePack } from "../packs/types";
import type { AmountUnit } from "../fixed";
import type { NarrativeFacts } from "../narrative/facts";
import type { ReadProblem } from "../read-tables";
import type { SubjectList } from "../subjects/subject-list";

/** error 错误 · warning 警告 · info 提示 (四舍五入差异). */
export type Severity = "error" | "warning" | "info";
export const SEVERITY_NAMES: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };

export interface Finding {
  ruleId: string;
  severity: Severity;
  tableId?: string;
  sheet?: string;
  /** A1 address on `sheet`. */
  cell?: string;
  /** The page of a PDF the finding is on (the sheet then names the page, not a worksheet). */
  page?: number;
  message: string;
  expected?: string;
  actual?: string;
}

/** What the workbook says besides the rows: title, 单位名称 line, empty note. */
export interface TableTexts {
  sheetName: string;
  title?: string;
  unitLine?: string;
  note?: string;
  /** A row inside the table that says it is empty (此表为空 / 无), where one is printed. */
  emptyStatement?: string;
  /** Recognised tables: the sheet column of each column key, where it differs from the pack's layout. */
  columns?: Readonly<Record<string, number>>;
  /** Recognised tables: the amount unit printed above the table. */
  amountUnit?: AmountUnit;
  /** The most decimals a figure of the table prints (元 with 分: 2), where more than the pack's. */
  printedDecimals?: number;
  /** Columns the pack declares that the printed header lacks (a finding names each). */
  missingColumns?: readonly string[];
  /** Columns the printed edition leaves out by design (部门版): not missing, and no row sums over them. */
  absentColumns?: readonly string[];
  /** A1 cells of the title and the note, where known. */
  titleCell?: string;
  noteCell?: string;
}

export interface ValidationInput {
  pack: TemplatePack;
  unit: UnitInfo;
  tables: Disclosure["tables"];
  /** Tables found in the workbook (absent for data that did not come from a workbook). */
  texts?: Record<string, TableTexts>;
  /** Cells that could not be read (text in an amount cell, error values, bad codes). */
  problems?: ReadProblem[];
  /** What the reader read only in part or could not place (warnings). */
  notes?: ReadProblem[];
  subjects?: SubjectList;
  /** The 情况说明 text, one line per row, where the workbook has it. */
  narrative?: { sheetName: string; lines: NarrativeLine[] };
  /** 绩效目标表 figures read from the workbook. */
  performanceForms?: { project: string; yearFunds: number | null; sheetName: string; cell: string }[];
  /** The narrative's facts (上年 figures …) where known: the changes the text states are checked against them. */
  facts?: NarrativeFacts;
  /** False when the 单位类型 is not known (a workbook read without it): rules that depend on it stay silent. */
  unitTypeKnown?: boolean;
}

export interface RuleContext extends ValidationInput {
  table(id: string): TableData | undefined;
  /** A value computed once per validation run and shared by the rules that need it (amount columns, subject rows). */
  once<T>(key: string, build: () => T): T;
}

export interface Rule {
  id: string;
  severity: Severity;
  /** Chinese title for the rule catalogue (docs/rules.md). */
  title: string;
  description: string;
  check(context: RuleContext): Finding[];
}

export interface ValidationReport {
  valid: boolean;
  counts: Record<Severity, number>;
  findings: Finding[];
}
