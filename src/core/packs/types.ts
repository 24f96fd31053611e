/**
 * Template packs (模板包): a province's set of standard disclosure tables, as data.
 * Each table is declared once here and rendered by src/core/layout for every face
 * (the Excel adapter, the command line).
 */
import type { Classification } from "../codes";
import type { AmountUnit } from "../fixed";
import type { NarrativeGenerator } from "../narrative/generators";

export type ColumnKind =
  /** Subject code (科目编码), stored as text. */
  | "code"
  /** Subject or item name, or a row label. */
  | "label"
  /** An amount (金额). */
  | "amount"
  /** Free text (政府预算支出经济科目名称 …). */
  | "text";

export interface ColumnSpec {
  key: string;
  kind: ColumnKind;
  /** Width in Excel character units. */
  width: number;
  /** Kept in the workbook for checks but not printed (经济科目编码 of 表六). */
  hidden?: boolean;
}

/** In `sumOf`: every body row of the side (rows the unit adds, such as Shanghai's 类 rows). */
export const BODY_ROWS = "*body";

/** A fixed row: label printed as declared, amounts typed or computed. */
export interface FixedRowSpec {
  /** Stable id, also the key in the data format. Empty rows have id "". */
  id: string;
  label: string;
  /** Column sums of other rows of the same side (本年收入合计 = Σ 收入行). */
  sumOf?: readonly string[];
  /** Blank separator row: no label, no amounts. */
  blank?: boolean;
  /** Other wordings of the label seen in print (1、一般公共预算资金 …), for reading workbooks we did not make. */
  aliases?: readonly string[];
  /**
   * The group the row belongs to, printed in the side's `groupColumn` in a cell merged over the group's rows
   * (收入预算总表: 一般公共预算资金 over 小计 / 公共财政拨款（补助）资金 / 专项收入). Rows of one group follow each other.
   */
  group?: string;
}

/** Rows by subject code: 类/款/项 with totals by hierarchy. */
export interface SubjectBodySpec {
  kind: "subjects";
  classification: Classification | "revenue";
  codeColumn: string;
  nameColumn: string;
  /** The 合计 row: its label, the column it stands in, and whether it heads the body (default) or ends it. */
  totalRow: { label: string; labelColumn: string; position?: "first" | "last" };
  /**
   * Codes printed split into 类 | 款 | 项 columns (Shanghai: 208 | 05 | 02). `codeColumn` is then a
   * hidden column that joins the parts by formula, for the totals' SUMIFS and for reading back.
   */
  codeParts?: readonly string[];
  /** Rows left for typing in a blank template. */
  blankRows: number;
}

/** 功能分类 类 rows by name only, numbered 一、二、… in sequence: only the 类 the unit uses (Shanghai 表1, 表4). */
export interface ClassNamesBodySpec {
  kind: "classNames";
  /** 类 codes pre-filled in a blank template. */
  template: readonly string[];
  blankRows: number;
}

/** Rows by name (projects 项目, units 单位) with a total row first. */
export interface ItemBodySpec {
  kind: "items";
  nameColumn: string;
  /**
   * Rows that nest (政府采购: 采购品目大类 › 专项名称 › 经济科目 › 采购物品名称): a row's level is the last of these
   * columns it fills, its name the first. A row's parent is the nearest row above it of a shallower level; a row
   * with rows under it is their sum, and the 合计 the sum of the rows without a parent. The first is `nameColumn`.
   */
  levelColumns?: readonly string[];
  /** `{unit}` stands for the unit's name. */
  totalRow: { label: string; omitLabelWhenEmpty?: boolean };
  blankRows: number;
}

export interface FixedBodySpec {
  kind: "fixed";
  rows: readonly FixedRowSpec[];
}

export type BodySpec = SubjectBodySpec | ItemBodySpec | FixedBodySpec | ClassNamesBodySpec;

/** Row identity inside a row: target column = Σ source columns (合计 = 基本支出 + 项目支出). */
export interface RowSumSpec {
  target: string;
  sources: readonly string[];
}

/**
 * A side of a table: its columns, body rows and footer rows. Two-sided tables
 * (收支总表: 收入 | 支出) have two sides laid next to each other; the others one.
 */
export interface SideSpec {
  id: string;
  /** Column keys of this side, left to right. */
  columns: readonly string[];
  /** The column that holds row labels; none for a single unlabelled row (Shanghai 表9). */
  labelColumn?: string;
  /** The column that holds the fixed rows' group labels (FixedRowSpec.group), left of the label column. */
  groupColumn?: string;
  body: BodySpec;
  /** Rows aligned at the bottom across sides (本年收入合计 | 本年支出合计 …). */
  footer?: readonly FixedRowSpec[];
  rowSums?: readonly RowSumSpec[];
}

export interface TableSpec {
  /** T1 … T13, P1. */
  id: string;
  /** Printed above the title (预算公开表1). */
  numberLabel?: string;
  /** Worksheet name, short and within Excel's limits (表一 收支总表). */
  sheetName: string;
  /** Title pattern with `{year}`. */
  title: string;
  landscape: boolean;
  /** Overrides of the pack's unit, for packs that mix 元 and 万元 tables. */
  amountUnit?: AmountUnit;
  decimals?: number;
  amountUnitLine?: string;
  columns: readonly ColumnSpec[];
  /**
   * Header rows as printed, one string per column: "<" continues the cell on the
   * left, "^" the cell above (merged cells).
   */
  header: readonly (readonly string[])[];
  sides: readonly SideSpec[];
  /** Shown under the table exactly when it holds no amounts (`{year}` is filled in). */
  emptyNote?: string;
  /** Other wordings of the empty-table note that the set's documents print (注：本部门无该项目 …); accepted as it. */
  emptyNoteAliases?: readonly string[];
  /**
   * Other titles of the same table seen in print (部门 editions, older years), with `{year}` where
   * they carry one. Recognition also ignores the year, 单位/部门 and （不含上年结转） by itself.
   */
  titleAliases?: readonly string[];
  /**
   * Editions printing fewer columns (Shanghai's 部门 收支总表: one 预算数 per side). Their header
   * replaces `header` over `columns`; the columns left out are absent, not missing.
   */
  variants?: readonly TableVariant[];
}

export interface TableVariant {
  id: string;
  /** Shown in the recognition report (部门版). */
  label: string;
  columns: readonly string[];
  header: readonly (readonly string[])[];
}

export interface TemplatePack {
  /** The schema this file follows (schema/template-pack-1.schema.json), for editors. */
  $schema?: string;
  /** Stable id: lower-case letters, digits and hyphens (jiangsu-dept-12). */
  id: string;
  version: number;
  /** Name shown in the pack chooser. */
  name: string;
  /** Where the pack comes from: the documents and templates it follows. */
  description?: string;
  region: string;
  /** Unit of amounts and decimals shown. */
  amountUnit: AmountUnit;
  decimals: number;
  /** `单位名称：{unit}` line. */
  unitLine: string;
  /** `单位：万元` line. */
  amountUnitLine: string;
  tables: readonly TableSpec[];
  ties?: readonly TieSpec[];
  /** 名词解释 paragraphs printed after the 情况说明. */
  glossary?: readonly string[];
  /** The heading printed over the glossary (第四部分 名词解释); 名词解释 when not given. */
  glossaryHeading?: string;
  /** The narrative generator that knows this pack's tables and wording. */
  narrative?: NarrativeGenerator;
  /** The worksheet the generated narrative is written to (情况说明; Shanghai: 单位编制说明). */
  narrativeSheetName?: string;
  /**
   * Further sheets the narrative is printed on, where the set's template splits it (Shanghai: 其他相关情况说明, 名词解释):
   * each part begins at the first heading that starts with `heading` and goes to `sheetName`, in its place.
   */
  narrativeParts?: NarrativePart[];
  /** Whether the set includes the 项目支出绩效目标表 (P1), one form per project. */
  performanceForm?: boolean;
  /** The project table's column whose figure each form's 年度资金总额 must equal (Shanxi: 表十二's 合计). */
  performanceProjects?: SubjectColumnRef;
  /** Header texts as other workbooks print them: canonical text → its other wordings. */
  headerAliases?: Readonly<Record<string, readonly string[]>>;
  /** Where the figures the narrative and the rules speak of live in this pack's tables. */
  figures?: PackFigures;
  /** 区级, 市级 …: the level of government the pack's documents speak for, when the pack has one. */
  level?: string;
  /** Phrases of the narrative that state a table figure (预算收入总计X万元 …), for checking the text against the tables. */
  narrativeClaims?: readonly NarrativeClaimSpec[];
  /** Columns whose 功能分类 类 rows a “{类名}X万元” phrase may refer to (表一/表四/表五 …). */
  classClaimColumns?: readonly SubjectColumnRef[];
  /** The table whose 项 rows the narrative's 财政拨款支出主要内容 items list, one item per 项. */
  itemsTable?: SubjectColumnRef;
  /** The parts the narrative must have (情况说明的各部分, 名词解释), each found by its heading. */
  narrativeSections?: readonly NarrativeSectionSpec[];
  /** A change the narrative states of at least this share of the comparison figure (percent), or from or to zero, needs a reason. */
  changeNeedsReasonPercent?: number;
}

/**
 * A part the narrative must have, found by its heading: a short line, or the opening of a numbered one
 * (一、 （一） 第三部分 1.), read without its number, its leading year (2025年) and its trailing colon.
 */
export interface NarrativeSectionSpec {
  /** The part as a reviewer names it in a finding (“三公”经费预算情况说明). */
  name: string;
  /** A regular expression the heading matches, without its number (^收入预算情况说明). */
  heading: string;
  /** The part is a statement that may stand anywhere in the text, not a heading (部门预算包括本部以及下属N家预算单位). */
  anywhere?: boolean;
  /** The part is required only where the narrative's text matches this regular expression (部门 edition: 部门预算). */
  when?: string;
  /** The part may say only “无” (其他说明); elsewhere a heading with nothing, or only “无”, under it is a finding. */
  mayBeEmpty?: boolean;
  /** What the part must state, each with its amount, 0 included (三公: 因公出国（境）费 …). */
  items?: readonly NarrativeSectionItem[];
  /** Where every item's figure is zero, a part that says so as a whole (本单位无“三公”经费预算) need not list them. */
  itemsWaivedBy?: string;
  /** Every change this part states needs a reason, whatever its size (三公: each item's change against the prior year). */
  everyChangeNeedsReason?: boolean;
}

export interface NarrativeSectionItem {
  /** The item as a finding names it (公务用车购置费). */
  name: string;
  /** A regular expression that finds the item in the part's text (公务(?:用)?车(?:辆)?购置(?!及)). */
  pattern: string;
  /** The table figure the item states (named in the finding), where the tables have it. */
  figure?: FigureRef;
}

/**
 * A narrative phrase that states a figure: `pattern` is a regular expression whose first group is the
 * amount in 万元 (thousands separators allowed); the figure is any of `figures` (the first is named in
 * messages), a blank figure counting as 0 when `blankIsZero`.
 */
export interface NarrativeClaimSpec {
  pattern: string;
  what: string;
  figures: readonly FigureRef[];
  blankIsZero?: boolean;
  /** The prior-year fact a following “比上年/比{P}年预算 增加|减少 D万元” compares with (NarrativeFacts.priorYear key). */
  prior?: string;
}

/**
 * Figures that rules and narrative checks look up, declared per pack (never by a
 * province's table numbers in a rule): 三公经费 and its parts, 机关运行经费, 人员/公用经费.
 */
export interface PackFigures {
  /** “三公”经费 合计 and its parts. */
  threePublic?: { total: FigureRef; travelAbroad: FigureRef; reception: FigureRef; vehicles: FigureRef; vehiclePurchase: FigureRef; vehicleOperation: FigureRef };
  /** 机关运行经费, and the table whose rows carry it (for the unit-type rule). */
  officeCosts?: FigureRef;
  /** 基本支出 人员经费 and 公用经费 totals. */
  personnel?: FigureRef;
  publicExpense?: FigureRef;
  /** 项目支出 合计 (what 绩效目标 funds cannot exceed). */
  projectExpenditure?: FigureRef;
}

/**
 * A figure of a table in the data: a row (by fixed-row id, "total", or subject code) and a column. On the
 * right of an equal tie, the row "*body" is the sum of the side's body rows (its 类 rows for a subject body).
 */
export interface FigureRef {
  table: string;
  side: string;
  row: string;
  column: string;
}

/** Rows of one column of a side, matched by subject code (or by fixed-row id, where the ids are codes). */
export interface SubjectColumnRef {
  table: string;
  side: string;
  column: string;
}

/**
 * A cross-table tie (表间勾稽关系): left = right, or left ≤ right. Declared by the
 * pack, checked by the validation engine with rounding intervals.
 */
export type TieSpec = (
  | { id: string; kind: "figure"; relation: "eq" | "le"; left: FigureRef; right: FigureRef; onlyWhenBothPresent?: boolean; description: string }
  | { id: string; kind: "perSubject"; relation: "eq" | "le"; classesOnly?: boolean; left: SubjectColumnRef; right: SubjectColumnRef; description: string }
) & {
  /** The tie holds only under this condition, which the pack states (see TieCondition). */
  when?: TieCondition;
};

/**
 * Conditions under which a tie holds:
 * - `equal`: two figures are equal (财政拨款 = 总计 only where there is no 事业/经营/其他 income);
 * - `unitType`: the unit is one of these types (机关运行经费 = 公用经费 only for 行政 or 参公 units).
 */
export type TieCondition = { kind: "equal"; left: FigureRef; right: FigureRef; description: string } | { kind: "unitType"; types: readonly string[]; description: string };

/** A part of the narrative printed on a sheet of its own. */
export interface NarrativePart {
  /** The template's sheet for it (其他相关情况说明). */
  sheetName: string;
  /** The heading it begins with, as generated (其他相关情况说明, 名词解释). */
  heading: string;
}
