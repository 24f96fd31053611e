/**
 * The Shanghai district 单位预算编制说明 and 其他相关情况说明, generated from the tables and the facts
 * they lack, in the sentence forms of the district's documents (shared/reference/shanghai-unit-9-tables.md).
 * Amounts in 万元 with 2 decimals; a missing fact leaves 待填写, which validation reports.
 */
import type { Disclosure, RowData } from "../model";
import type { NarrativeFacts } from "./facts";
import { hundredthsText, printedHundredths, wanFixed } from "./format";
import { TO_BE_FILLED, type Paragraph } from "./generate";
import { itemComparison, narrativeItems } from "./items";
import type { TemplatePack } from "../packs/types";

function rowOf(d: Disclosure, table: string, side: string, key: string): RowData | undefined {
  return d.tables[table]?.[side]?.find((r) => r.id === key || r.code === key);
}
const figure = (d: Disclosure, table: string, side: string, key: string, column: string): number => rowOf(d, table, side, key)?.amounts[column] ?? 0;
/** The figures the text states: a 收支总表 income row, a column of the 财政拨款 total, a column of the “三公” table. */
const incomeOf = (d: Disclosure, id: string) => figure(d, "T1", "income", id, "incomeAmount");
const appropriationTotalOf = (d: Disclosure, column: string) => figure(d, "T4", "expenditure", "expenditureTotal", column);
const threePublicOf = (d: Disclosure, column: string) => figure(d, "T9", "rows", "amounts", column);

/** 比2025年预算增加12.00万元 / 比2025年预算减少… / 与2025年预算持平; 待填写 without the prior figure. */
export function shanghaiChange(current: number, prior: number | undefined, priorYear: number): string {
  if (prior === undefined) return `比${priorYear}年预算增减${TO_BE_FILLED}`;
  const diff = printedHundredths(current) - printedHundredths(prior);
  if (diff === 0) return `与${priorYear}年预算持平`;
  // From the printed figures, as a reader (and narrative-prior) subtracts them.
  return `比${priorYear}年预算${diff > 0 ? "增加" : "减少"}${hundredthsText(Math.abs(diff))}万元`;
}

const reasonOf = (text: string | undefined) => {
  const t = (text ?? "").trim().replace(/[。；;，,]+$/, "");
  return t === "" ? TO_BE_FILLED : t;
};

/**
 * 财政拨款支出主要内容: one numbered item per 项 of the pack's items table, with its 类 and 款 names, what it is
 * mainly used for, and, where the prior year's 预算执行数 was given, the comparison with it and its reason.
 */
function items(pack: TemplatePack, d: Disclosure, facts: NarrativeFacts): string[] {
  return narrativeItems(pack, d).map((item, i) => {
    const head = `${i + 1}. “${item.className}（类）${item.categoryName}（款）${item.name}（项）”${wanFixed(item.amount)}万元，主要用于${reasonOf(facts.purposes?.[item.code])}。`;
    const prior = facts.itemPriors?.[item.code];
    return prior === undefined ? head : head + itemComparison(item, prior, d.unit.year, reasonOf(facts.itemReasons?.[item.code]));
  });
}

/**
 * The figures the text compares with the year before, as a disclosure prints them: this year's for the text,
 * last year's (read from its disclosure) as the comparison.
 */
export function shanghaiComparedFigures(d: Disclosure): NarrativeFacts["priorYear"] {
  const t4 = (column: string) => appropriationTotalOf(d, column);
  const t9 = (column: string) => threePublicOf(d, column);
  return { appropriation: incomeOf(d, "appropriation"), general: t4("general"), fund: t4("fund"), stateCapital: t4("stateCapital"), threePublic: t9("total"), officeCosts: t9("officeCosts") };
}

export function generateShanghaiNarrative(pack: TemplatePack, d: Disclosure, facts: NarrativeFacts): Paragraph[] {
  const { year, name: unit } = d.unit;
  const prior = year - 1;
  const p: Paragraph[] = [];
  const heading = (text: string) => p.push({ kind: "heading", text });
  const para = (text: string) => p.push({ kind: "paragraph", text });
  const income = (id: string) => incomeOf(d, id);
  const appropriation = income("appropriation");
  const t4 = (column: string) => appropriationTotalOf(d, column);

  heading(`${year}年单位预算编制说明`);
  para(
    `${year}年，${unit}收入预算${wanFixed(income("incomeTotal"))}万元，其中：财政拨款收入${wanFixed(appropriation)}万元，${shanghaiChange(appropriation, facts.priorYear.appropriation, prior)}；` +
      `事业收入${wanFixed(income("business"))}万元；事业单位经营收入${wanFixed(income("operating"))}万元；其他收入${wanFixed(income("other"))}万元。`,
  );
  para(
    `支出预算${wanFixed(figure(d, "T1", "expenditure", "expenditureTotal", "total"))}万元，其中：财政拨款支出预算${wanFixed(t4("total"))}万元，${shanghaiChange(t4("total"), facts.priorYear.appropriation, prior)}。` +
      `财政拨款支出预算中，一般公共预算拨款支出预算${wanFixed(t4("general"))}万元，${shanghaiChange(t4("general"), facts.priorYear.general, prior)}；` +
      `政府性基金拨款支出预算${wanFixed(t4("fund"))}万元，${shanghaiChange(t4("fund"), facts.priorYear.fund, prior)}；` +
      `国有资本经营预算拨款支出预算${wanFixed(t4("stateCapital"))}万元，${shanghaiChange(t4("stateCapital"), facts.priorYear.stateCapital, prior)}。`,
  );
  const diff = facts.priorYear.appropriation === undefined ? 0 : printedHundredths(t4("total")) - printedHundredths(facts.priorYear.appropriation);
  if (diff !== 0) para(`财政拨款收入支出${diff > 0 ? "增加" : "减少"}的主要原因是${reasonOf(facts.reasons.appropriation)}。`);
  para("财政拨款支出主要内容如下：");
  for (const item of items(pack, d, facts)) para(item);

  heading("其他相关情况说明");
  heading(`一、${year}年“三公”经费预算情况说明`);
  const t9 = (column: string) => threePublicOf(d, column);
  para(
    `${year}年“三公”经费预算数为${wanFixed(t9("total"))}万元，${shanghaiChange(t9("total"), facts.priorYear.threePublic, prior)}。` +
      `其中：（一）因公出国（境）费${wanFixed(t9("travelAbroad"))}万元。（二）公务用车购置及运行费${wanFixed(t9("vehicles"))}万元。其中：公务用车购置费${wanFixed(t9("vehiclePurchase"))}万元；公务用车运行费${wanFixed(t9("vehicleOperation"))}万元。（三）公务接待费${wanFixed(t9("reception"))}万元。` +
      (facts.priorYear.threePublic !== undefined && printedHundredths(t9("total")) !== printedHundredths(facts.priorYear.threePublic)
        ? `“三公”经费${printedHundredths(t9("total")) > printedHundredths(facts.priorYear.threePublic) ? "增加" : "减少"}的主要原因是${reasonOf(facts.reasons.threePublic)}。`
        : ""),
  );
  heading("二、机关运行经费预算");
  const office = t9("officeCosts");
  para(office === 0 ? `${year}年${unit}无机关运行经费。` : `${year}年${unit}机关运行经费预算${wanFixed(office)}万元，${shanghaiChange(office, facts.priorYear.officeCosts, prior)}。`);
  heading("三、政府采购预算情况");
  const buy = facts.procurement;
  para(buy ? `${year}年度本单位政府采购预算${wanFixed(buy.goods + buy.works + buy.services)}万元，其中：政府采购货物预算${wanFixed(buy.goods)}万元、政府采购工程预算${wanFixed(buy.works)}万元、政府采购服务预算${wanFixed(buy.services)}万元。` : `${year}年度本单位政府采购预算${TO_BE_FILLED}。`);
  heading("四、绩效目标设置情况");
  const projects = facts.performanceProjects;
  para(projects ? `${year}年度，本单位编报绩效目标的项目共${projects.count}个，涉及项目预算资金${wanFixed(projects.amount)}万元。` : `${year}年度，本单位编报绩效目标的项目${TO_BE_FILLED}。`);
  heading("五、国有资产占有使用情况");
  const assets = facts.assets;
  if (assets) {
    const v = assets.vehicles;
    const kinds: [string, number][] = [["领导干部用车", v.leader], ["机要通信用车", v.confidential], ["应急保障用车", v.emergency], ["执法执勤用车", v.lawEnforcement], ["特种专业技术用车", v.specialTechnical], ["业务用车", v.businessUse], ["其他用车", v.other]];
    const shown = kinds.filter(([, n]) => n > 0);
    para(
      `截至${prior}年12月31日，本单位共有车辆${v.actual}辆${shown.length ? `，其中：${shown.map(([k, n]) => `${k}${n}辆`).join("、")}` : ""}；单价100万元（含）以上设备${assets.equipmentOver100}台（套）。`,
    );
  } else para(`截至${prior}年12月31日的车辆和设备情况${TO_BE_FILLED}。`);
  return p;
}
