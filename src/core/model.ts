import type { AmountUnit } from "./fixed";
import type { PerformanceTarget } from "./forms/performance-target";

/**
 * The unit's disclosure as data (单位预算公开数据): 单位信息 and, per table, its rows
 * with amounts as integers of 分. The JSON interchange format (budget-tables/1)
 * maps onto this model with amounts in 元 or 万元.
 */

/** 单位类型 */
export const UNIT_TYPES = ["行政单位", "参照公务员法管理的事业单位", "事业单位"] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

/** 单位信息 */
export interface UnitInfo {
  /** 单位名称 */
  name: string;
  /** 年度 (budget year) */
  year: number;
  /** 单位类型 */
  type: UnitType;
  /** 主管部门 */
  department: string;
  /** 金额单位 the accountant enters amounts in; the tables show the pack's unit. */
  amountUnit?: AmountUnit;
}

export interface RowData {
  /** Fixed-row id (一般公共预算 → "general"; 功能分类 类 rows → their code). */
  id?: string;
  /** Subject code (科目编码), as text. */
  code?: string;
  /** Subject, project or unit name; label of a fixed row. */
  name?: string;
  /** Amounts in 分 by column key; null or missing for an empty cell. */
  amounts: Record<string, number | null>;
  /** Text cells by column key (政府预算支出经济科目名称). */
  texts?: Record<string, string>;
  /** Where the row was read from (0-based sheet row), for findings that name the cell. */
  place?: { row: number };
  /** Nesting level of an item row in a table whose items nest (0 = first level); see ItemBodySpec.levelColumns. */
  level?: number;
}

/** A table's rows by side id ("rows", or "income" / "expenditure" of two-sided tables). */
export type TableData = Record<string, RowData[]>;

export interface Disclosure {
  packId: string;
  unit: UnitInfo;
  tables: Record<string, TableData>;
  /** 项目支出绩效目标表 (P1), one per project. */
  performanceTargets?: PerformanceTarget[];
}

export function hasAnyAmount(table: TableData | undefined): boolean {
  if (!table) return false;
  return Object.values(table).some((rows) => rows.some((row) => Object.values(row.amounts).some((v) => v !== null && v !== undefined && v !== 0)));
}
