/**
 * What a narrative must contain, declared by each pack: its parts found by their headings however they are
 * numbered and spaced, the items of the 三公 part each with its amount, and a reason where a figure moves.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { NarrativeLine } from "../src/core/narrative/find-text";
import { BUILT_IN_PACKS, findPack } from "../src/core/packs";
import type { NarrativeSectionSpec, TemplatePack } from "../src/core/packs/types";
import { validate } from "../src/core/validation/engine";
import { narrativeChangeReasonRule } from "../src/core/validation/rules-narrative-reasons";
import { headingTexts, narrativeSectionItemsRule, narrativeSectionsRule } from "../src/core/validation/rules-narrative-sections";
import type { Rule } from "../src/core/validation/types";
import type { Disclosure } from "../src/core/model";

const UNIT = { name: "示例单位", department: "示例部门", year: 2025, type: "行政单位" as const };
const pack = (id: string): TemplatePack => findPack(id)!;

function run(p: TemplatePack, texts: readonly string[], rule: Rule, tables: Disclosure["tables"] = {}) {
  const lines: NarrativeLine[] = texts.map((text, row) => ({ row, text }));
  return validate({ pack: p, unit: UNIT, tables, narrative: { sheetName: "说明", lines } }, [rule]).findings;
}

/** A heading each part's pattern finds: its own name, where the name is a heading the set prints. */
const PRINTED: Record<string, string> = { 预算编制说明: "2025年部门预算编制说明", "部门预算包括的单位（本部及下属单位）": "本部门预算包括本部以及下属2家预算单位。" };
const printed = (spec: NarrativeSectionSpec) => PRINTED[spec.name] ?? spec.name;
const NUMBERS = ["一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、", "十、", "十一、", "十二、", "十三、", "十四、", "十五、"];

/** A whole narrative of a pack: every part's heading (numbered as `number` says) with a sentence under it. */
function narrativeOf(p: TemplatePack, style: { number: (i: number) => string; year: boolean; colon: boolean; justify: boolean }, leave?: string): string[] {
  const texts = ["上海市普陀区2025年区级部门预算", "这是本部门的部门预算。"];
  (p.narrativeSections ?? []).forEach((spec, i) => {
    if (spec.name === leave) return;
    if (spec.anywhere) return void texts.push(printed(spec));
    let heading = printed(spec);
    if (style.year && !/^\d{4}年/.test(heading)) heading = `2025年${heading}`;
    if (style.colon) heading += "：";
    if (style.justify) heading = [...heading].join(" ");
    texts.push(`${style.number(i)}${heading}`, "本部分的内容见下。");
  });
  return texts;
}

const NUMBERING: readonly ((i: number) => string)[] = [(i) => NUMBERS[i], (i) => `（${NUMBERS[i].slice(0, -1)}）`, (i) => `${i + 1}.`, (i) => `${i + 1}、`, () => ""];

describe("the parts a narrative must have (narrative-sections)", () => {
  it("are found in every built-in pack however the heading is numbered, dated, spaced or ended, and each one left out is named", () => {
    fc.assert(
      fc.property(fc.constantFrom(...BUILT_IN_PACKS.filter((p) => p.narrativeSections?.length).map((p) => p.id)), fc.nat(NUMBERING.length - 1), fc.boolean(), fc.boolean(), fc.boolean(), fc.nat(), (id, numbering, year, colon, justify, pick) => {
        const p = pack(id);
        const style = { number: NUMBERING[numbering], year, colon, justify };
        expect(run(p, narrativeOf(p, style), narrativeSectionsRule)).toEqual([]);
        const required = p.narrativeSections!;
        const left = required[pick % required.length];
        const findings = run(p, narrativeOf(p, style, left.name), narrativeSectionsRule);
        expect(findings.map((f) => f.message)).toEqual([expect.stringContaining(`没有${left.name.includes("“") ? left.name : `“${left.name}”`}部分`)]);
        expect([findings[0].ruleId, findings[0].severity]).toEqual(["narrative-sections", "warning"]);
      }),
    );
  });

  it("needs the 部门 edition's parts only in a 部门 narrative", () => {
    const shanghai = pack("shanghai-unit-9");
    const style = { number: (i: number) => NUMBERS[i], year: false, colon: false, justify: false };
    const unitEdition = narrativeOf(shanghai, style).filter((t) => !t.includes("项目经费情况说明") && !t.includes("下属")).map((t) => t.replace("部门预算编制说明", "单位预算编制说明").replace("区级部门预算", "区级单位预算").replace("本部门的部门预算", "本单位的单位预算"));
    expect(run(shanghai, unitEdition, narrativeSectionsRule)).toEqual([]);
    const departmentWithout = narrativeOf(shanghai, style).filter((t) => !t.includes("下属"));
    expect(run(shanghai, departmentWithout, narrativeSectionsRule).map((f) => f.message)).toEqual([expect.stringContaining("没有“部门预算包括的单位（本部及下属单位）”部分")]);
  });

  it("reports a heading with nothing, or only 无, under it, except where the pack allows 无", () => {
    const shanxi = pack("shanxi-unit-13");
    const style = { number: (i: number) => NUMBERS[i], year: false, colon: false, justify: false };
    const full = narrativeOf(shanxi, style);
    const at = full.indexOf("九、政府采购情况");
    const bare = [...full.slice(0, at + 1), ...full.slice(at + 2)];
    expect(run(shanxi, bare, narrativeSectionsRule).map((f) => f.message)).toEqual([expect.stringContaining("“政府采购情况”标题下没有内容")]);
    const onlyNone = full.map((t, i) => (i === at + 1 ? "无。" : t));
    expect(run(shanxi, onlyNone, narrativeSectionsRule).map((f) => f.message)).toEqual([expect.stringContaining("“政府采购情况”标题下只写了“无”")]);
    // A heading and its text on one line is not empty.
    const oneLine = full.map((t, i) => (i === at ? "九、政府采购情况：本单位无政府采购预算。" : t)).filter((_, i) => i !== at + 1);
    expect(run(shanxi, oneLine, narrativeSectionsRule)).toEqual([]);
    const other = full.indexOf("十二、其他说明");
    expect(run(shanxi, full.map((t, i) => (i === other + 1 ? "无" : t)), narrativeSectionsRule)).toEqual([]);
  });

  it("does not take a 目录 entry, a table title or a glossary entry for the part it names", () => {
    const shanghai = pack("shanghai-unit-9");
    const style = { number: (i: number) => NUMBERS[i], year: false, colon: false, justify: false };
    const without = narrativeOf(shanghai, style, "机关运行经费预算");
    for (const impostor of ["二、机关运行经费预算……………………12", "机关运行经费预算表", "（八）机关运行经费：指行政单位和参照公务员法管理的事业单位使用财政拨款安排的公用经费。"]) {
      const findings = run(shanghai, [impostor, ...without], narrativeSectionsRule);
      expect(findings.map((f) => f.message), impostor).toEqual([expect.stringContaining("没有“机关运行经费预算”部分")]);
    }
    expect(headingTexts("（一）、“三公”经费：是与区级财政有经费领拨关系的部门及其下属单位安排的……")).toEqual([]);
    expect(headingTexts("第三部分 2019 年度部门预算情况说明")).toEqual(["部门预算情况说明"]);
  });

  it("says once, not part by part, that a text with none of the parts is not in the set's form; text that names no narrative part at all is not checked", () => {
    const jiangsu = pack("jiangsu-dept-12");
    const findings = run(jiangsu, ["2019年度部门预算情况说明", "本部门2019年收入预算100万元。"], narrativeSectionsRule);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain("没有找到模板包要求的任何部分");
    expect(run(jiangsu, ["2019年部门收支预算总表", "单位：万元", "注：本表无数据。"], narrativeSectionsRule)).toEqual([]);
  });
});

describe("the items the 三公 part states (narrative-section-items)", () => {
  const shanxi = pack("shanxi-unit-13");
  const style = { number: (i: number) => NUMBERS[i], year: false, colon: false, justify: false };
  const threePublic = (body: string) => narrativeOf(shanxi, style).map((t, i, all) => (all[i - 1] === "七、“三公”经费增减变动原因说明" ? body : t));
  /** 表十 in 万元 (a 万元 is 1,000,000 分). */
  const T10 = (purchase: number, operation: number, travel: number, reception: number): Disclosure["tables"] => ({
    T10: { rows: ["travelAbroad", "reception", "vehiclePurchase", "vehicleOperation"].map((id, i) => ({ id, label: id, amounts: { total: [travel, reception, purchase, operation][i] * 1_000_000 } })) },
  });
  const full = "“三公”经费预算8.00万元，比上年持平。其中：因公出国（境）费0万元；公务接待费3.00万元；公务用车购置及运行费5.00万元（其中：公务用车购置费0万元，公务用车运行维护费5.00万元）。";

  it("is silent when each item is stated with its amount, 0 included, and names the one left out with the table's figure", () => {
    expect(run(shanxi, threePublic(full), narrativeSectionItemsRule, T10(0, 5, 0, 3))).toEqual([]);
    const withoutPurchase = full.replace("公务用车购置费0万元，", "");
    const findings = run(shanxi, threePublic(withoutPurchase), narrativeSectionItemsRule, T10(0, 5, 0, 3));
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([["narrative-section-items", "warning"]]);
    expect(findings.map((f) => f.message)).toEqual(["“三公”经费增减变动原因说明没有写公务用车购置费（表中0.00万元）：各项都要写明金额，为0的也要写。"]);
    const withoutTravel = full.replace("因公出国（境）费0万元；", "");
    expect(run(shanxi, threePublic(withoutTravel), narrativeSectionItemsRule, T10(0, 5, 0, 3)).map((f) => f.message)).toEqual([expect.stringContaining("没有写因公出国（境）费")]);
  });

  it("says when an item is named without its amount", () => {
    const vague = full.replace("公务接待费3.00万元", "公务接待费按标准安排");
    expect(run(shanxi, threePublic(vague), narrativeSectionItemsRule, T10(0, 5, 0, 3)).map((f) => f.message)).toEqual([expect.stringContaining("提到公务接待费，但没有写金额（表中3.00万元）")]);
  });

  it("lets a part say 无“三公”经费 as a whole only where every item is zero", () => {
    expect(run(shanxi, threePublic("本单位无“三公”经费预算。"), narrativeSectionItemsRule, T10(0, 0, 0, 0))).toEqual([]);
    expect(run(shanxi, threePublic("本单位无“三公”经费预算。"), narrativeSectionItemsRule, T10(0, 0, 0, 1))).toHaveLength(4);
  });

  it("counts 公务用车购置及运行费 of 0 as stating both of its parts", () => {
    const text = "“三公”经费预算3.00万元。其中：因公出国（境）费0万元；公务接待费3.00万元；公务用车购置及运行费0万元。";
    expect(run(shanxi, threePublic(text), narrativeSectionItemsRule, T10(0, 0, 0, 3))).toEqual([]);
    expect(run(shanxi, threePublic(text.replace("公务用车购置及运行费0万元", "公务用车购置及运行费2.00万元")), narrativeSectionItemsRule, T10(0, 2, 0, 3))).toHaveLength(2);
  });
});

describe("a reason where a figure moves (narrative-change-reason)", () => {
  const shanghai = pack("shanghai-unit-9");
  const reasonFindings = (...texts: string[]) => run(shanghai, texts, narrativeChangeReasonRule).map((f) => f.message);

  it("asks for a reason from the pack's share up, and not below it: the threshold itself counts", () => {
    expect(shanghai.changeNeedsReasonPercent).toBe(10);
    expect(run(shanghai, ["公务接待费110.00万元，比2024年预算增加10.00万元。"], narrativeChangeReasonRule).map((f) => [f.ruleId, f.severity])).toEqual([["narrative-change-reason", "warning"]]);
    // 110.00 against 100.00: exactly 10%.
    expect(reasonFindings("公务接待费110.00万元，比2024年预算增加10.00万元。")).toEqual([expect.stringContaining("变动10.00%")]);
    expect(reasonFindings("公务接待费109.99万元，比2024年预算增加9.99万元。")).toEqual([]);
    expect(reasonFindings("公务接待费90.00万元，比2024年预算减少10.00万元。")).toEqual([expect.stringContaining("变动10.00%")]);
    expect(reasonFindings("公务接待费90.00万元，比2024年预算减少9.99万元。")).toEqual([]);
    expect(reasonFindings("公务接待费90.00万元，比2024年预算减少11.12万元。")).toEqual([expect.stringContaining("变动11.00%")]);
    // A written percentage is taken as written.
    expect(reasonFindings("支出27488.23万元，与上年相比增加1287.35万元，增长10.00%。")).toEqual([expect.stringContaining("变动10.00%")]);
    expect(reasonFindings("支出27488.23万元，与上年相比增加1287.35万元，增长9.99%。")).toEqual([]);
  });

  it("asks for one from or to zero, whatever the share", () => {
    expect(reasonFindings("2023年当年预算执行数为0万元，2024年预算安排60.13万元，比2023年预算执行数增加100.00%。")).toEqual([expect.stringContaining("从零新增或减少到零")]);
    expect(reasonFindings("公务用车购置费0万元，比2024年预算减少0.50万元。")).toEqual([expect.stringContaining("从零新增或减少到零")]);
    expect(reasonFindings("专项经费5.00万元，上年无此项预算，本年新增5.00万元。")).toEqual([expect.stringContaining("从零新增或减少到零")]);
  });

  it("finds the reason in the sentence, in the next paragraph, across a page break, or in the parts a 其中 opens", () => {
    expect(reasonFindings("公务接待费110.00万元，比2024年预算增加10.00万元，主要原因是接待任务增加。")).toEqual([]);
    expect(reasonFindings("公务接待费110.00万元，比2024年预算增加10.00万元，主要是接待任务增加。")).toEqual([]);
    expect(reasonFindings("财政拨款支出预算110.00万元，比2024年预算增加10.00万元。", "一般公共预算拨款支出预算110.00万元。", "财政拨款收入支出增加的主要原因是新增项目。")).toEqual([]);
    expect(reasonFindings("收入、支出预算总计110.00万元，与上年相比收、支预算总计各增加10.00万元，增长", "10.00%。其中：", "（一）收入预算总计110.00万元。")).toEqual([]);
    // A numbered paragraph is the next item, not this one's reason.
    expect(reasonFindings("1.行政运行（项）110.00万元，与上年相比增加10.00万元，增长10.00%。", "2.机关服务（项）50.00万元，与上年相比增加1.00万元，增长2.04%。主要原因是人员增加。")).toHaveLength(1);
  });

  it("takes a change restated elsewhere as explained where it is explained, and a 其中 list's total as the changed figure", () => {
    expect(reasonFindings("预算收入总计164.06万元，比上年增长23.76万元，增长16.94%，主要原因是人员增加。", "一般公共预算当年支出164.06万元，比上年增长23.76万元，增长16.94%。")).toEqual([]);
    // 164.06 against 140.30 (16.94%), not 上年结转 0 against -23.76.
    expect(reasonFindings("预算收入总计164.06万元，其中：本年收入164.06万元，上年结转0万元，比上年增长23.76万元。")).toEqual([expect.stringContaining("变动16.94%")]);
  });

  it("asks for a reason for every change stated in a part the pack marks (三公), however small, and nowhere else", () => {
    const shanxi = pack("shanxi-unit-13");
    const style = { number: (i: number) => NUMBERS[i], year: false, colon: false, justify: false };
    const small = "公务接待费3.00万元，比上年减少0.06万元。";
    const inPart = narrativeOf(shanxi, style).map((t, i, all) => (all[i - 1] === "七、“三公”经费增减变动原因说明" ? small : t));
    expect(run(shanxi, inPart, narrativeChangeReasonRule).map((f) => f.message)).toEqual([expect.stringContaining("变动1.96%，“三公”经费增减变动原因说明中的每项变动都要说明原因")]);
    expect(run(shanxi, inPart.map((t) => (t === small ? `${small}主要原因是接待任务减少。` : t)), narrativeChangeReasonRule)).toEqual([]);
    const elsewhere = narrativeOf(shanxi, style).map((t, i, all) => (all[i - 1] === "九、政府采购情况" ? small : t));
    expect(run(shanxi, elsewhere, narrativeChangeReasonRule)).toEqual([]);
  });

  it("is silent for a pack that declares no share", () => {
    const without = { ...shanghai, changeNeedsReasonPercent: undefined };
    expect(run(without, ["公务接待费110.00万元，比2024年预算增加10.00万元。"], narrativeChangeReasonRule)).toEqual([]);
  });
});
