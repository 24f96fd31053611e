/** The 说明 form's fields (text, as typed; amounts in 万元) and their conversion to the core's facts (分). */
import type { NarrativeFacts } from "../core/narrative/facts";
import { defaultPurpose, type NarrativeItem } from "../core/narrative/items";
import { readAmount } from "../core/amount";
import { FEN_PER_UNIT, toFen } from "../core/fixed";

export const FACT_FIELDS = [
  "priorAppropriation",
  "reasonAppropriation",
  "projectsCount",
  "projectsAmount",
  "priorTotal",
  "priorGeneral",
  "priorThreePublic",
  "priorOfficeCosts",
  "reasonIncome",
  "reasonExpenditure",
  "reasonThreePublic",
  "reasonOfficeCosts",
  "goods",
  "works",
  "services",
  "overallTarget",
  "operatingCount",
  "operatingAmount",
  "specificCount",
  "specificAmount",
  "assetsAsOf",
  "vehicleQuota",
  "vehicleActual",
  "officeArea",
  "equipmentOver50",
  "equipmentOver100",
  "governmentPurchase",
  "other",
] as const;
export type FactField = (typeof FACT_FIELDS)[number];
export type FactForm = Record<FactField, string>;

const FEN_PER_WAN = FEN_PER_UNIT["万元"];

function wanToFen(text: string): number | undefined {
  const r = readAmount(text);
  return r.kind === "number" ? toFen(r.value, "万元") : undefined;
}
function count(text: string): number {
  const r = readAmount(text);
  return r.kind === "number" ? Math.max(0, Math.round(r.value)) : 0;
}
const fenToWan = (fen: number | undefined) => (fen === undefined ? "" : String(fen / FEN_PER_WAN));

export function emptyForm(year: number): FactForm {
  const form = Object.fromEntries(FACT_FIELDS.map((f) => [f, ""])) as FactForm;
  form.assetsAsOf = `${year - 1}-12-31`;
  return form;
}

export function factsFromForm(form: FactForm): NarrativeFacts {
  const operating = { count: count(form.operatingCount), amount: wanToFen(form.operatingAmount) ?? 0 };
  const specific = { count: count(form.specificCount), amount: wanToFen(form.specificAmount) ?? 0 };
  return {
    priorYear: {
      total: wanToFen(form.priorTotal),
      generalExpenditure: wanToFen(form.priorGeneral),
      threePublic: wanToFen(form.priorThreePublic),
      officeCosts: wanToFen(form.priorOfficeCosts),
      appropriation: wanToFen(form.priorAppropriation),
      general: wanToFen(form.priorAppropriation),
    },
    reasons: { income: form.reasonIncome || undefined, expenditure: form.reasonExpenditure || undefined, threePublic: form.reasonThreePublic || undefined, officeCosts: form.reasonOfficeCosts || undefined, appropriation: form.reasonAppropriation || undefined },
    ...(form.projectsCount.trim() || form.projectsAmount.trim() ? { performanceProjects: { count: count(form.projectsCount), amount: wanToFen(form.projectsAmount) ?? 0 } } : {}),
    procurement: { goods: wanToFen(form.goods) ?? 0, works: wanToFen(form.works) ?? 0, services: wanToFen(form.services) ?? 0 },
    performance: { overallTarget: form.overallTarget.trim() || null, managed: { operating, specific }, disclosed: { operating, specific } },
    assets: {
      asOf: form.assetsAsOf,
      vehicles: { quota: count(form.vehicleQuota), actual: count(form.vehicleActual), leader: 0, confidential: 0, emergency: 0, lawEnforcement: 0, specialTechnical: 0, businessUse: 0, other: 0 },
      officeArea: count(form.officeArea),
      equipmentOver50: count(form.equipmentOver50),
      equipmentOver100: count(form.equipmentOver100),
    },
    other: { governmentPurchase: form.governmentPurchase || undefined, other: form.other || undefined },
  };
}

export function formFromFacts(facts: NarrativeFacts, year: number): FactForm {
  const form = emptyForm(year);
  form.priorTotal = fenToWan(facts.priorYear.total);
  form.priorAppropriation = fenToWan(facts.priorYear.appropriation);
  form.reasonAppropriation = facts.reasons.appropriation ?? "";
  if (facts.performanceProjects) {
    form.projectsCount = String(facts.performanceProjects.count);
    form.projectsAmount = fenToWan(facts.performanceProjects.amount);
  }
  form.priorGeneral = fenToWan(facts.priorYear.generalExpenditure);
  form.priorThreePublic = fenToWan(facts.priorYear.threePublic);
  form.priorOfficeCosts = fenToWan(facts.priorYear.officeCosts);
  form.reasonIncome = facts.reasons.income ?? "";
  form.reasonExpenditure = facts.reasons.expenditure ?? "";
  form.reasonThreePublic = facts.reasons.threePublic ?? "";
  form.reasonOfficeCosts = facts.reasons.officeCosts ?? "";
  if (facts.procurement) {
    form.goods = fenToWan(facts.procurement.goods);
    form.works = fenToWan(facts.procurement.works);
    form.services = fenToWan(facts.procurement.services);
  }
  if (facts.performance) {
    form.overallTarget = facts.performance.overallTarget ?? "";
    form.operatingCount = String(facts.performance.managed.operating.count);
    form.operatingAmount = fenToWan(facts.performance.managed.operating.amount);
    form.specificCount = String(facts.performance.managed.specific.count);
    form.specificAmount = fenToWan(facts.performance.managed.specific.amount);
  }
  if (facts.assets) {
    form.assetsAsOf = facts.assets.asOf;
    form.vehicleQuota = String(facts.assets.vehicles.quota);
    form.vehicleActual = String(facts.assets.vehicles.actual);
    form.officeArea = String(facts.assets.officeArea);
    form.equipmentOver50 = String(facts.assets.equipmentOver50);
    form.equipmentOver100 = String(facts.assets.equipmentOver100);
  }
  form.governmentPurchase = facts.other?.governmentPurchase ?? "";
  form.other = facts.other?.other ?? "";
  return form;
}

/** 财政拨款支出主要内容, one row per 项 as the form shows it: 主要用于, the prior year's 预算执行数 (万元, as typed) and the reason. */
export interface ItemRow {
  purpose: string;
  prior: string;
  reason: string;
}
export type ItemRows = Record<string, ItemRow>;

/** Each item's row: what the workbook keeps, else a 主要用于 taken from the subject's name for her to confirm. */
export function itemRowsFromFacts(items: readonly NarrativeItem[], facts: NarrativeFacts | null): ItemRows {
  return Object.fromEntries(
    items.map((item) => [item.code, { purpose: facts?.purposes?.[item.code] ?? defaultPurpose(item.name), prior: fenToWan(facts?.itemPriors?.[item.code]), reason: facts?.itemReasons?.[item.code] ?? "" }]),
  );
}

/** The items' facts: 主要用于 of every item, the priors typed (a blank one is not given), their reasons. */
export function itemFacts(rows: ItemRows): Pick<NarrativeFacts, "purposes" | "itemPriors" | "itemReasons"> {
  const entries = Object.entries(rows);
  const priors = entries.flatMap(([code, row]) => {
    const fen = wanToFen(row.prior);
    return fen === undefined ? [] : [[code, fen] as const];
  });
  return {
    purposes: Object.fromEntries(entries.filter(([, row]) => row.purpose.trim() !== "").map(([code, row]) => [code, row.purpose.trim()])),
    itemPriors: Object.fromEntries(priors),
    itemReasons: Object.fromEntries(entries.filter(([, row]) => row.reason.trim() !== "").map(([code, row]) => [code, row.reason.trim()])),
  };
}

/** The prior as typed, in 分 (undefined while blank or not a figure). */
export const typedPrior = (row: ItemRow | undefined): number | undefined => (row ? wanToFen(row.prior) : undefined);

/** Which form field shows which prior-year figure. */
const PRIOR_FIELDS: readonly [keyof NarrativeFacts["priorYear"], FactField][] = [
  ["appropriation", "priorAppropriation"],
  ["total", "priorTotal"],
  ["generalExpenditure", "priorGeneral"],
  ["threePublic", "priorThreePublic"],
  ["officeCosts", "priorOfficeCosts"],
];

/** The form with the prior-year figures filled in (万元, as typed) wherever the import has one. */
export function formWithPrior(form: FactForm, prior: NarrativeFacts["priorYear"]): { form: FactForm; filled: FactField[] } {
  const next = { ...form };
  const filled: FactField[] = [];
  for (const [key, field] of PRIOR_FIELDS) {
    if (prior[key] === undefined) continue;
    next[field] = fenToWan(prior[key]);
    filled.push(field);
  }
  return { form: next, filled };
}

/** Prior-year figures the text compares with that have no field of their own (Shanghai's 一般公共预算, 政府性基金, 国有资本经营). */
export function hiddenPrior(prior: NarrativeFacts["priorYear"] | undefined): NarrativeFacts["priorYear"] {
  if (!prior) return {};
  const hidden: NarrativeFacts["priorYear"] = {};
  if (prior.fund !== undefined) hidden.fund = prior.fund;
  if (prior.stateCapital !== undefined) hidden.stateCapital = prior.stateCapital;
  // 一般公共预算 is taken as the 财政拨款 figure where only that was typed; kept where it was given apart.
  if (prior.general !== undefined && prior.general !== prior.appropriation) hidden.general = prior.general;
  return hidden;
}
