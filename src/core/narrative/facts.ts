/**
 * Facts of the 情况说明 that the tables do not hold (上年预算, 变动原因, 政府采购,
 * 绩效, 国有资产, 其他说明). Amounts in 分, like the model.
 */
import { toFen, type AmountUnit } from "../fixed";

export interface ProjectGroup {
  count: number;
  /** 分 */
  amount: number;
}

export interface NarrativeFacts {
  /** 上年 figures for the comparisons (分). */
  priorYear: {
    /** 上年预算收入总计 = 支出总计 */
    total?: number;
    /** 上年一般公共预算当年支出 */
    generalExpenditure?: number;
    /** 上年“三公”经费预算 */
    threePublic?: number;
    /** 上年机关运行经费预算 */
    officeCosts?: number;
    /** 上年财政拨款收入 = 支出预算 (Shanghai 编制说明). */
    appropriation?: number;
    /** 上年一般公共预算 / 政府性基金 / 国有资本经营预算拨款支出预算. */
    general?: number;
    fund?: number;
    stateCapital?: number;
  };
  /** 变动原因 typed by the user; missing → 待填写. */
  reasons: { income?: string; expenditure?: string; threePublic?: string; officeCosts?: string; appropriation?: string };
  /** 财政拨款支出主要内容: what each 项 is mainly used for (主要用于…), by subject code. */
  purposes?: Record<string, string>;
  /** Each 项's prior-year 预算执行数 (分), by subject code, where the set's text compares the item with it. */
  itemPriors?: Record<string, number>;
  /** Why each 项 moved from its 执行数 (主要原因是…), by subject code. */
  itemReasons?: Record<string, string>;
  /** 编报绩效目标的项目 (Shanghai): count and 项目预算资金. */
  performanceProjects?: ProjectGroup;
  /** 政府采购预算 (分). */
  procurement?: { goods: number; works: number; services: number };
  performance?: {
    /** 整体绩效目标: the text, or null when the unit does not report one. */
    overallTarget: string | null;
    /** 纳入绩效目标管理的二级项目: 其他运转类 and 特定目标类. */
    managed: { operating: ProjectGroup; specific: ProjectGroup };
    /** 公开项目绩效目标. */
    disclosed: { operating: ProjectGroup; specific: ProjectGroup };
  };
  assets?: {
    /** 截至 date, ISO (2023-12-31). */
    asOf: string;
    vehicles: { quota: number; actual: number; leader: number; confidential: number; emergency: number; lawEnforcement: number; specialTechnical: number; businessUse: number; other: number };
    /** 办公用房建筑总面积 (平方米). */
    officeArea: number;
    /** 价值50万元（原值）以上的通用设备 (台套). */
    equipmentOver50: number;
    /** 价值100万元（原值）以上的通用设备 (台套). */
    equipmentOver100: number;
  };
  other?: { governmentPurchase?: string; other?: string };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/** Reads the `narrative` object of a data file (amounts in the file's unit). Unknown or wrong fields are left out. */
export function readNarrativeFacts(json: unknown, unit: AmountUnit): NarrativeFacts {
  const money = (v: unknown) => {
    const n = num(v);
    return n === undefined ? undefined : toFen(n, unit);
  };
  const j = isObject(json) ? json : {};
  const prior = isObject(j.priorYear) ? j.priorYear : {};
  const reasons = isObject(j.reasons) ? j.reasons : {};
  const group = (v: unknown): ProjectGroup => (isObject(v) ? { count: num(v.count) ?? 0, amount: money(v.amount) ?? 0 } : { count: 0, amount: 0 });
  const facts: NarrativeFacts = {
    priorYear: {
      total: money(prior.total),
      generalExpenditure: money(prior.generalExpenditure),
      threePublic: money(prior.threePublic),
      officeCosts: money(prior.officeCosts),
      appropriation: money(prior.appropriation),
      general: money(prior.general),
      fund: money(prior.fund),
      stateCapital: money(prior.stateCapital),
    },
    reasons: { income: str(reasons.income), expenditure: str(reasons.expenditure), threePublic: str(reasons.threePublic), officeCosts: str(reasons.officeCosts), appropriation: str(reasons.appropriation) },
  };
  if (isObject(j.purposes)) facts.purposes = Object.fromEntries(Object.entries(j.purposes).filter((e): e is [string, string] => typeof e[1] === "string"));
  if (isObject(j.itemPriors)) facts.itemPriors = Object.fromEntries(Object.entries(j.itemPriors).flatMap(([code, v]) => (money(v) === undefined ? [] : [[code, money(v)!]])));
  if (isObject(j.itemReasons)) facts.itemReasons = Object.fromEntries(Object.entries(j.itemReasons).filter((e): e is [string, string] => typeof e[1] === "string"));
  if (isObject(j.performanceProjects)) facts.performanceProjects = group(j.performanceProjects);
  if (isObject(j.procurement)) facts.procurement = { goods: money(j.procurement.goods) ?? 0, works: money(j.procurement.works) ?? 0, services: money(j.procurement.services) ?? 0 };
  if (isObject(j.performance)) {
    const p = j.performance;
    const managed = isObject(p.managed) ? p.managed : {};
    const disclosed = isObject(p.disclosed) ? p.disclosed : {};
    facts.performance = {
      overallTarget: str(p.overallTarget) ?? null,
      managed: { operating: group(managed.operating), specific: group(managed.specific) },
      disclosed: { operating: group(disclosed.operating), specific: group(disclosed.specific) },
    };
  }
  if (isObject(j.assets)) {
    const a = j.assets;
    const v = isObject(a.vehicles) ? a.vehicles : {};
    const n = (x: unknown) => num(x) ?? 0;
    facts.assets = {
      asOf: str(a.asOf) ?? "",
      vehicles: { quota: n(v.quota), actual: n(v.actual), leader: n(v.leader), confidential: n(v.confidential), emergency: n(v.emergency), lawEnforcement: n(v.lawEnforcement), specialTechnical: n(v.specialTechnical), businessUse: n(v.businessUse), other: n(v.other) },
      officeArea: n(a.officeArea),
      equipmentOver50: n(a.equipmentOver50),
      equipmentOver100: n(a.equipmentOver100),
    };
  }
  if (isObject(j.other)) facts.other = { governmentPurchase: str(j.other.governmentPurchase), other: str(j.other.other) };
  return facts;
}
