/**
 * 项目支出绩效目标 as data: what one project's form holds. Part of the data model
 * (model.ts), apart from the form's layout so that the two do not import each other.
 */

/** 资金来源 rows of the form, by key: 中央财政资金, 省级财政资金, 市县(区)财政资金, 单位自筹, 其他资金. */
export const FUND_SOURCES = [
  ["central", "其中:中央财政资金"],
  ["provincial", "省级财政资金"],
  ["local", "市县(区)财政资金"],
  ["self", "单位自筹"],
  ["other", "其他资金"],
] as const;
export type FundSource = (typeof FUND_SOURCES)[number][0];

export interface Indicator {
  /** 一级指标: 产出指标 / 效益指标 / 满意度指标 */
  level1: string;
  /** 二级指标: 数量指标 / 质量指标 / 时效指标 / 成本指标 … */
  level2: string;
  /** 三级指标 */
  level3: string;
  /** 指标值 for the whole period and for the year */
  periodValue: string;
  yearValue: string;
}

export interface PerformanceTarget {
  /** 项目名称: the project's name in 表十二 */
  project: string;
  /** 主管部门及代码 (304-忻州市人力资源和社会保障局) */
  department: string;
  /** 项目属性 (经常性项目（长期开展）) */
  attribute: string;
  /** 项目期 (99年) */
  period: string;
  /** Funds in 分: 实施期 (period) and 年度 (year), total and by source. */
  funds: { period: Partial<Record<FundSource, number>> & { total: number }; year: Partial<Record<FundSource, number>> & { total: number } };
  overview: string;
  basis: string;
  necessity: string;
  measures: string;
  plan: string;
  goals: { period: string; year: string };
  indicators: Indicator[];
}
