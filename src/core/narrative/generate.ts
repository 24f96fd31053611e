/**
 * Generates 第三部分 单位预算情况说明 (sections 一 to 十二) from the tables and the
 * facts, in the wording of the Shanxi disclosures. Missing facts leave a visible
 * 待填写 marker that validation reports.
 */
import { TOTAL_ROW_ID } from "../layout/render";
import type { Disclosure, RowData } from "../model";
import { FUNCTION_CLASSES } from "../subjects/function-classes";
import type { NarrativeFacts, ProjectGroup } from "./facts";
import { hundredthsWan, percentText, printedGrowth, printedHundredths, printedShares, wan } from "./format";

export const TO_BE_FILLED = "待填写";

export type ParagraphKind = "title" | "heading" | "subheading" | "paragraph";

export interface Paragraph {
  kind: ParagraphKind;
  text: string;
}

const CLASS_NAMES = new Map(FUNCTION_CLASSES.map((c) => [c.code, c.name]));

function rowOf(d: Disclosure, table: string, side: string, key: string): RowData | undefined {
  return d.tables[table]?.[side]?.find((r) => r.id === key || r.code === key);
}
const amount = (d: Disclosure, table: string, side: string, key: string, column: string): number => rowOf(d, table, side, key)?.amounts[column] ?? 0;

/** 比上年增长23.76万元，增长16.94% / 比上年减少…，下降…% / 与上年持平 / new spending from a zero base. */
export function changeClause(current: number, prior: number | undefined): string {
  if (prior === undefined) return `比上年增减情况${TO_BE_FILLED}`;
  const diff = printedHundredths(current) - printedHundredths(prior);
  if (diff === 0) return "与上年持平";
  if (printedHundredths(prior) === 0) return `上年无此项预算，本年新增${wan(current)}万元`;
  const growth = printedGrowth(current, prior)!;
  // From the printed figures, as a reader (and narrative-prior) subtracts them.
  return diff > 0 ? `比上年增长${hundredthsWan(diff)}万元，增长${percentText(growth)}%` : `比上年减少${hundredthsWan(-diff)}万元，下降${percentText(growth)}%`;
}

function reason(text: string | undefined): string {
  const t = (text ?? "").trim().replace(/[。；;，,]+$/, "");
  return t === "" ? TO_BE_FILLED : t;
}

/** "X万元，占P%" items joined with "；". */
function shareList(items: readonly { label: string; fen: number }[], totalFen: number): string {
  const shares = printedShares(
    items.map((i) => i.fen),
    totalFen,
  );
  return items.map((item, i) => `${item.label}${wan(item.fen)}万元，占${percentText(shares[i])}%`).join("；");
}

function classRows(d: Disclosure, table: string, side: string, column: string): { label: string; fen: number }[] {
  return (d.tables[table]?.[side] ?? [])
    .filter((r) => (r.code ?? r.id ?? "").length === 3 && /^\d{3}$/.test(r.code ?? r.id ?? "") && (r.amounts[column] ?? 0) !== 0)
    .map((r) => ({ label: CLASS_NAMES.get(r.code ?? r.id!) ?? r.name ?? "", fen: r.amounts[column] ?? 0 }));
}

const group = (g: ProjectGroup, noun: string) => `${g.count}个，涉及${noun}${wan(g.amount)}万元`;

/**
 * The figures the 情况说明 compares with the year before, as a disclosure prints them: this year's for the text,
 * last year's (read from its disclosure) as the comparison.
 */
export function shanxiComparedFigures(d: Disclosure): NarrativeFacts["priorYear"] {
  return { total: incomeTotalOf(d), generalExpenditure: generalOf(d), threePublic: threePublicOf(d, "total"), officeCosts: officeCostsOf(d) };
}

/** The figures the text states and compares: 预算收入总计, 一般公共预算当年支出, a “三公” row, 机关运行经费. */
const incomeTotalOf = (d: Disclosure) => amount(d, "T1", "income", "incomeTotal", "incomeAmount");
const generalOf = (d: Disclosure) => amount(d, "T5", "rows", TOTAL_ROW_ID, "total");
const threePublicOf = (d: Disclosure, key: string) => amount(d, "T10", "rows", key, "total");
const officeCostsOf = (d: Disclosure) => amount(d, "T11", "rows", TOTAL_ROW_ID, "total");

export function generateNarrative(d: Disclosure, facts: NarrativeFacts): Paragraph[] {
  const { name: unit, year } = d.unit;
  const p: Paragraph[] = [];
  const heading = (text: string) => p.push({ kind: "heading", text });
  const sub = (text: string) => p.push({ kind: "subheading", text });
  const para = (text: string) => p.push({ kind: "paragraph", text });
  p.push({ kind: "title", text: `第三部分 ${year}年度单位预算情况说明` });

  // 一、收支总体
  const incomeTotal = incomeTotalOf(d);
  const incomeCurrent = amount(d, "T1", "income", "incomeSubtotal", "incomeAmount");
  const incomeCarry = amount(d, "T1", "income", "carryover", "incomeAmount");
  const expTotal = amount(d, "T1", "expenditure", "expenditureTotal", "total");
  const expCurrent = amount(d, "T1", "expenditure", "expenditureSubtotal", "current");
  const expCarry = amount(d, "T1", "expenditure", "expenditureSubtotal", "carryover");
  heading("一、单位预算收支数据变动情况及原因");
  para(
    `${year}年度${unit}预算收入总计${wan(incomeTotal)}万元，其中：本年收入${wan(incomeCurrent)}万元，上年结转${wan(incomeCarry)}万元，${changeClause(incomeTotal, facts.priorYear.total)}，主要原因是${reason(facts.reasons.income)}；` +
      `本年单位预算支出总计${wan(expTotal)}万元，其中：本年预算安排${wan(expCurrent)}万元，上年结转${wan(expCarry)}万元，${changeClause(expTotal, facts.priorYear.total)}，主要原因是${reason(facts.reasons.expenditure)}。`,
  );

  // 二、收入
  heading("二、收入预算情况说明");
  const t2 = (key: string) => amount(d, "T2", "rows", TOTAL_ROW_ID, key);
  const incomeItems = [
    { label: "一般公共预算拨款收入", fen: t2("general") },
    { label: "政府性基金预算拨款收入", fen: t2("fund") },
    { label: "国有资本经营预算拨款收入", fen: t2("stateCapital") },
    { label: "财政专户管理资金收入", fen: t2("specialAccount") },
    { label: "单位资金", fen: t2("unitFunds") },
    { label: "上年结转", fen: t2("carryover") },
  ];
  para(`${year}年度${unit}预算收入${wan(incomeTotal)}万元，主要包括${shareList(incomeItems, incomeTotal)}。`);

  // 三、支出
  heading("三、支出预算情况说明");
  const basic = amount(d, "T3", "rows", TOTAL_ROW_ID, "basic");
  const project = amount(d, "T3", "rows", TOTAL_ROW_ID, "project");
  const expenditure = amount(d, "T3", "rows", TOTAL_ROW_ID, "total");
  para(`${year}年度${unit}支出预算${wan(expenditure)}万元，其中：${shareList([{ label: "基本支出", fen: basic }, { label: "项目支出", fen: project }], expenditure)}。`);

  // 四、财政拨款
  heading("四、财政拨款收支预算总体情况说明");
  const t4 = (key: string) => amount(d, "T4", "income", key, "incomeAmount");
  const t4Classes = classRows(d, "T4", "expenditure", "total");
  para(
    `${year}年度${unit}财政拨款收支总预算${wan(t4("incomeTotal"))}万元。其中：一般公共预算拨款${wan(t4("general"))}万元，政府性基金预算拨款${wan(t4("fund"))}万元，国有资本经营预算拨款${wan(t4("stateCapital"))}万元。` +
      `其中：当年拨款收入${wan(t4("incomeSubtotal"))}万元，上年结转收入${wan(t4("carryover"))}万元。` +
      (t4Classes.length > 0 ? `支出包括：${t4Classes.map((c) => `${c.label}${wan(c.fen)}万元`).join("、")}等。` : "无财政拨款支出。"),
  );

  // 五、一般公共预算支出
  heading("五、一般公共预算支出情况说明");
  const general = generalOf(d);
  sub("（一）一般公共预算当年支出规模变化情况");
  para(`${year}年度${unit}一般公共预算当年支出${wan(general)}万元，${changeClause(general, facts.priorYear.generalExpenditure)}。`);
  sub("（二）一般公共预算当年支出结构情况");
  const t5Classes = classRows(d, "T5", "rows", "total");
  para(t5Classes.length > 0 ? `${year}年度${unit}一般公共预算当年支出${wan(general)}万元，主要用于以下方面：${shareList(t5Classes, general)}等。` : `${year}年度${unit}无一般公共预算当年支出。`);

  // 六、基本支出
  heading("六、一般公共预算基本支出情况说明");
  const t6 = d.tables.T6?.rows ?? [];
  const t6Total = t6.find((r) => r.id === TOTAL_ROW_ID);
  const items = (column: string) => t6.filter((r) => r.code?.length === 5 && (r.amounts[column] ?? 0) !== 0).map((r) => r.name);
  para(`${year}年度${unit}一般公共预算安排基本支出${wan(t6Total?.amounts.total ?? 0)}万元，其中：`);
  para(`人员经费${wan(t6Total?.amounts.personnel ?? 0)}万元，主要包括：${items("personnel").join("、") || "无"}等；`);
  para(`公用经费${wan(t6Total?.amounts.publicExpense ?? 0)}万元，主要包括：${items("publicExpense").join("、") || "无"}等。`);

  // 七、三公
  heading("七、“三公”经费增减变动原因说明");
  const t10 = (key: string) => threePublicOf(d, key);
  if (t10("total") === 0) para("本单位无“三公”经费预算。");
  else
    para(
      `${year}年${unit}“三公”经费预算${wan(t10("total"))}万元，${changeClause(t10("total"), facts.priorYear.threePublic)}，主要原因是${reason(facts.reasons.threePublic)}。` +
        `其中：因公出国（境）费${wan(t10("travelAbroad"))}万元；公务接待费${wan(t10("reception"))}万元；公务用车购置及运行费${wan(t10("vehicles"))}万元（其中：公务用车购置费${wan(t10("vehiclePurchase"))}万元，公务用车运行维护费${wan(t10("vehicleOperation"))}万元）。`,
    );

  // 八、机关运行经费
  heading("八、机关运行经费增减变动原因说明");
  const office = officeCostsOf(d);
  if (d.unit.type === "事业单位") para("本单位不属于行政、参照公务员法管理的事业单位，无机关运行经费。");
  else if (office === 0) para("本单位无机关运行经费预算。");
  else para(`${year}年${unit}机关运行经费预算${wan(office)}万元，${changeClause(office, facts.priorYear.officeCosts)}，主要原因是${reason(facts.reasons.officeCosts)}。`);

  // 九、政府采购
  heading("九、政府采购情况");
  const pr = facts.procurement;
  if (!pr) para(`${year}年${unit}政府采购预算情况${TO_BE_FILLED}。`);
  else para(`${year}年${unit}政府采购预算总额${wan(pr.goods + pr.works + pr.services)}万元。其中：政府采购货物预算${wan(pr.goods)}万元、政府采购工程预算${wan(pr.works)}万元、政府采购服务预算${wan(pr.services)}万元。`);

  // 十、绩效
  heading("十、绩效管理情况");
  const perf = facts.performance;
  sub("1、整体绩效目标");
  para(perf ? (perf.overallTarget ?? `本单位不涉及${year}年整体绩效目标的编报。`) : TO_BE_FILLED);
  sub("2、项目绩效目标");
  if (!perf) para(TO_BE_FILLED);
  else {
    const m = perf.managed;
    const dsc = perf.disclosed;
    const managedCount = m.operating.count + m.specific.count;
    const disclosedAmount = dsc.operating.amount + dsc.specific.amount;
    const [share] = printedShares([disclosedAmount], project);
    para(
      `${year}年${unit}纳入绩效目标管理的二级项目${managedCount}个，共计金额${wan(m.operating.amount + m.specific.amount)}万元。其中：其他运转类项目${group(m.operating, "金额")}；特定目标类项目${group(m.specific, "金额")}。` +
        `公开项目绩效目标${dsc.operating.count + dsc.specific.count}个，涉及项目金额${wan(disclosedAmount)}万元，占部门（单位）项目支出总额的${percentText(share)}%。其中：其他运转类项目${group(dsc.operating, "项目金额")}；特定目标类项目${group(dsc.specific, "项目金额")}。`,
    );
    para("（项目绩效目标表公开情况见附件）");
  }

  // 十一、国有资产
  heading("十一、国有资产占有使用情况");
  const a = facts.assets;
  const asOf = a?.asOf ? dateText(a.asOf) : `${year - 1}年12月31日`;
  if (!a) para(`国有资产占有使用情况${TO_BE_FILLED}。`);
  else {
    const v = a.vehicles;
    sub("1、车辆情况：");
    para(
      `截至${asOf}，${unit}共有公务用车编制${v.quota}辆，实有${v.actual}辆，其中：领导用车${v.leader}辆，机要通信用车${v.confidential}辆，应急保障用车${v.emergency}辆，执法执勤用车${v.lawEnforcement}辆，特种专业技术用车${v.specialTechnical}辆，事业单位业务用车${v.businessUse}辆，其他公务用车${v.other}辆。`,
    );
    sub("2、房屋情况：");
    para(`截至${asOf}，${unit}使用的办公用房建筑总面积${a.officeArea}平方米。`);
    sub("3、其他国有资产占有使用情况：");
    para(`截至${asOf}，${unit}占有使用价值50万元（原值）以上的通用设备${a.equipmentOver50}台（套）；${unit}占有使用价值100万元（原值）以上的通用设备${a.equipmentOver100}台（套）。`);
  }

  // 十二、其他
  heading("十二、其他说明");
  sub("（一）政府购买服务指导性目录");
  para(facts.other?.governmentPurchase ?? "本单位不涉及政府购买服务项目");
  sub("（二）其他");
  para(facts.other?.other ?? "无");
  return p;
}

/** 2023-12-31 → 2023年12月31日 */
export function dateText(iso: string): string {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}
