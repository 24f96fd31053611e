/**
 * 山西省 单位预算公开 13-table pack (shanxi-unit-13), after the 2024 disclosure of
 * 忻州市社会保障卡服务中心: 预算公开表1 … 预算公开表13. Data only: every table is
 * declared once here and rendered by the layout engine.
 */
import { chineseNumeral } from "../text";
import { FUNCTION_CLASSES } from "../subjects/function-classes";
import { APPROPRIATION_INCOME_ROWS, amount, code, col, economicWithinThreePublic, fig, label, incomeSide } from "./declare";
import type { FixedRowSpec, RowSumSpec, SideSpec, TableSpec, TemplatePack, TieSpec } from "./types";

const EMPTY_NOTE = "注：本表无数据";


/** 一、一般公共服务支出 … 三十、抗疫特别国债安排的支出, one row per 功能分类 类. */
const FUNCTION_CLASS_ROWS: FixedRowSpec[] = FUNCTION_CLASSES.map((c, i) => ({
  id: c.code,
  label: `${chineseNumeral(i + 1)}、${c.name}`,
}));

/** 合计 = 一般公共预算 + 政府性基金 + 国有资本经营预算 + 财政专户管理资金 + 单位资金 */
const SOURCE_KEYS = ["general", "fund", "stateCapital", "specialAccount", "unitFunds"] as const;
/** 财政拨款: 一般公共预算 + 政府性基金预算 + 国有资本经营预算 */
const APPROPRIATION_KEYS = ["general", "fund", "stateCapital"] as const;

const basicProjectSum: RowSumSpec[] = [{ target: "total", sources: ["basic", "project"] }];

/** 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出, by 功能分类 (表三, 表五, 表八). */
function expenditureBySubject(): Pick<TableSpec, "columns" | "sides"> {
  return {
    columns: [code("code"), label("name", 36), amount("total"), amount("basic"), amount("project")],
    sides: [
      {
        id: "rows",
        columns: ["code", "name", "total", "basic", "project"],
        labelColumn: "name",
        body: { kind: "subjects", classification: "function", codeColumn: "code", nameColumn: "name", totalRow: { label: "合计", labelColumn: "code" }, blankRows: 20 },
        rowSums: basicProjectSum,
      },
    ],
  };
}

const T1: TableSpec = {
  id: "T1",
  numberLabel: "预算公开表1",
  sheetName: "表一 收支总表",
  title: "{year}年预算收支总表",
  landscape: true,
  columns: [label("incomeItem", 24), amount("incomeAmount"), label("expenditureItem", 32), amount("total"), amount("current"), amount("carryover")],
  header: [
    ["收入", "<", "支出", "<", "<", "<"],
    ["项目", "{year}年", "项目", "{year}年合计", "当年预算安排", "上年结转安排"],
  ],
  sides: [
    incomeSide(
      [
        { id: "general", label: "一、一般公共预算" },
        { id: "fund", label: "二、政府性基金预算" },
        { id: "stateCapital", label: "三、国有资本经营预算" },
        { id: "specialAccount", label: "四、财政专户管理资金" },
        { id: "unitFunds", label: "五、单位资金" },
      ],
      [
        { id: "incomeSubtotal", label: "本年收入合计", sumOf: [...SOURCE_KEYS] },
        { id: "carryover", label: "上年结转" },
        { id: "incomeTotal", label: "收入总计", sumOf: ["incomeSubtotal", "carryover"] },
      ],
    ),
    {
      id: "expenditure",
      columns: ["expenditureItem", "total", "current", "carryover"],
      labelColumn: "expenditureItem",
      body: { kind: "fixed", rows: [...FUNCTION_CLASS_ROWS, { id: "", label: "", blank: true }] },
      footer: [
        { id: "expenditureSubtotal", label: "本年支出合计", sumOf: FUNCTION_CLASSES.map((c) => c.code) },
        { id: "yearEndCarryover", label: "年终结转" },
        { id: "expenditureTotal", label: "支出总计", sumOf: ["expenditureSubtotal", "yearEndCarryover"] },
      ],
      rowSums: [{ target: "total", sources: ["current", "carryover"] }],
    },
  ],
  emptyNote: EMPTY_NOTE,
};

const T2: TableSpec = {
  id: "T2",
  numberLabel: "预算公开表2",
  sheetName: "表二 收入总表",
  title: "{year}年预算收入总表",
  landscape: true,
  columns: [code("code"), label("name", 34), amount("total"), amount("general"), amount("fund", 12), amount("stateCapital"), amount("specialAccount"), amount("unitFunds", 12), amount("carryover", 12)],
  header: [
    ["项目", "<", "本年收入", "<", "<", "<", "<", "<", "上年结转"],
    ["科目编码", "科目名称", "合计", "一般公共预算", "政府性基金", "国有资本经营预算", "财政专户管理资金", "单位资金", "^"],
  ],
  sides: [
    {
      id: "rows",
      columns: ["code", "name", "total", ...SOURCE_KEYS, "carryover"],
      labelColumn: "name",
      body: { kind: "subjects", classification: "function", codeColumn: "code", nameColumn: "name", totalRow: { label: "合计", labelColumn: "code" }, blankRows: 20 },
      rowSums: [{ target: "total", sources: [...SOURCE_KEYS] }],
    },
  ],
  emptyNote: EMPTY_NOTE,
};

const T3: TableSpec = {
  id: "T3",
  numberLabel: "预算公开表3",
  sheetName: "表三 支出总表",
  title: "{year}年预算支出总表",
  landscape: false,
  header: [
    ["项目", "<", "{year}年预算数", "<", "<"],
    ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
  ],
  ...expenditureBySubject(),
  emptyNote: EMPTY_NOTE,
};

const T4: TableSpec = {
  id: "T4",
  numberLabel: "预算公开表4",
  sheetName: "表四 财政拨款收支总表",
  title: "{year}年财政拨款收支总表",
  landscape: true,
  columns: [label("incomeItem", 22), amount("incomeAmount"), label("expenditureItem", 32), amount("total"), amount("general"), amount("fund"), amount("stateCapital", 16)],
  header: [
    ["收入", "<", "支出", "<", "<", "<", "<"],
    ["项目", "金额", "项目", "金额", "<", "<", "<"],
    ["^", "^", "^", "小计", "一般公共预算", "政府性基金预算", "国有资本经营预算"],
  ],
  sides: [
    incomeSide(
      APPROPRIATION_INCOME_ROWS,
      [
        { id: "incomeSubtotal", label: "本年收入合计", sumOf: [...APPROPRIATION_KEYS] },
        { id: "carryover", label: "上年财政拨款结转", sumOf: ["carryoverGeneral", "carryoverFund", "carryoverStateCapital"] },
        { id: "carryoverGeneral", label: "一、一般公共预算" },
        { id: "carryoverFund", label: "二、政府性基金预算" },
        { id: "carryoverStateCapital", label: "三、国有资本经营预算" },
        { id: "", label: "", blank: true },
        { id: "incomeTotal", label: "收入总计", sumOf: ["incomeSubtotal", "carryover"] },
      ],
    ),
    {
      id: "expenditure",
      columns: ["expenditureItem", "total", ...APPROPRIATION_KEYS],
      labelColumn: "expenditureItem",
      body: { kind: "fixed", rows: [...FUNCTION_CLASS_ROWS, { id: "", label: "", blank: true }] },
      footer: [
        { id: "expenditureSubtotal", label: "本年支出合计", sumOf: FUNCTION_CLASSES.map((c) => c.code) },
        { id: "yearEndCarryover", label: "年终结转" },
        { id: "", label: "", blank: true },
        { id: "", label: "", blank: true },
        { id: "", label: "", blank: true },
        { id: "", label: "", blank: true },
        { id: "expenditureTotal", label: "支出总计", sumOf: ["expenditureSubtotal", "yearEndCarryover"] },
      ],
      rowSums: [{ target: "total", sources: [...APPROPRIATION_KEYS] }],
    },
  ],
  emptyNote: EMPTY_NOTE,
};

const T5: TableSpec = {
  id: "T5",
  numberLabel: "预算公开表5",
  sheetName: "表五 一般公共预算支出",
  title: "{year}年一般公共预算支出预算表（不含上年结转）",
  landscape: false,
  header: [
    ["项目", "<", "{year}年预算数", "<", "<"],
    ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
  ],
  ...expenditureBySubject(),
  emptyNote: EMPTY_NOTE,
};

const T6: TableSpec = {
  id: "T6",
  numberLabel: "预算公开表6",
  sheetName: "表六 基本支出经济科目",
  title: "{year}年一般公共预算安排基本支出分经济科目表（不含上年结转）",
  landscape: false,
  columns: [{ key: "code", kind: "code", width: 10, hidden: true }, label("name", 30), { key: "govName", kind: "text", width: 26 }, amount("total"), amount("personnel"), amount("publicExpense")],
  header: [
    ["经济科目编码", "部门预算支出经济科目名称", "政府预算支出经济科目名称", "{year}年预算数", "<", "<"],
    ["^", "^", "^", "合计", "人员经费", "公用经费"],
  ],
  sides: [
    {
      id: "rows",
      columns: ["code", "name", "govName", "total", "personnel", "publicExpense"],
      labelColumn: "name",
      body: { kind: "subjects", classification: "economic", codeColumn: "code", nameColumn: "name", totalRow: { label: "合计", labelColumn: "name" }, blankRows: 20 },
      rowSums: [{ target: "total", sources: ["personnel", "publicExpense"] }],
    },
  ],
  emptyNote: EMPTY_NOTE,
};

const T7: TableSpec = {
  id: "T7",
  numberLabel: "预算公开表7",
  sheetName: "表七 政府性基金收入",
  title: "{year}年政府性基金预算收入表（不含上年结转）",
  landscape: false,
  columns: [code("code", 14), label("name", 36), amount("fundIncome", 20)],
  header: [
    ["项目", "<", "政府性基金收入预算"],
    ["收入科目编码", "科目名称", "^"],
  ],
  sides: [
    {
      id: "rows",
      columns: ["code", "name", "fundIncome"],
      labelColumn: "name",
      body: { kind: "subjects", classification: "revenue", codeColumn: "code", nameColumn: "name", totalRow: { label: "合计", labelColumn: "code" }, blankRows: 10 },
    },
  ],
  emptyNote: EMPTY_NOTE,
};

const T8: TableSpec = {
  id: "T8",
  numberLabel: "预算公开表8",
  sheetName: "表八 政府性基金支出",
  title: "{year}年政府性基金预算支出表（不含上年结转）",
  landscape: false,
  header: [["科目编码", "科目名称", "合计", "基本支出", "项目支出"]],
  ...expenditureBySubject(),
  emptyNote: EMPTY_NOTE,
};

const T9: TableSpec = {
  id: "T9",
  numberLabel: "预算公开表9",
  sheetName: "表九 国有资本经营预算",
  title: "{year}年国有资本经营预算收支预算表（不含上年结转）",
  landscape: true,
  columns: [code("incomeCode", 12), label("incomeName", 24), amount("stateCapitalIncome", 16), code("code", 11), label("name", 24), amount("total"), amount("basic"), amount("project")],
  header: [
    ["国有资本经营预算收入", "<", "<", "国有资本经营预算支出", "<", "<", "<", "<"],
    ["项目", "<", "国有资本经营收入预算", "科目编码", "科目名称", "合计", "基本支出", "项目支出"],
    ["收入科目编码", "科目名称", "^", "^", "^", "^", "^", "^"],
  ],
  sides: [
    {
      id: "income",
      columns: ["incomeCode", "incomeName", "stateCapitalIncome"],
      labelColumn: "incomeName",
      body: { kind: "subjects", classification: "revenue", codeColumn: "incomeCode", nameColumn: "incomeName", totalRow: { label: "合计", labelColumn: "incomeCode" }, blankRows: 10 },
    },
    {
      id: "expenditure",
      columns: ["code", "name", "total", "basic", "project"],
      labelColumn: "name",
      body: { kind: "subjects", classification: "function", codeColumn: "code", nameColumn: "name", totalRow: { label: "", labelColumn: "code" }, blankRows: 10 },
      rowSums: basicProjectSum,
    },
  ],
  emptyNote: EMPTY_NOTE,
};

const T10: TableSpec = {
  id: "T10",
  numberLabel: "预算公开表10",
  sheetName: "表十 三公经费",
  title: "{year}年财政拨款安排“三公”经费支出预算表",
  landscape: false,
  columns: [label("item", 26), amount("total"), amount("general"), amount("fund"), amount("stateCapital", 16)],
  header: [
    ["项目", "{year}年预算数", "<", "<", "<"],
    ["^", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"],
  ],
  sides: [
    {
      id: "rows",
      columns: ["item", "total", ...APPROPRIATION_KEYS],
      labelColumn: "item",
      body: {
        kind: "fixed",
        rows: [
          { id: "travelAbroad", label: "因公出国（境）费" },
          { id: "reception", label: "公务接待费" },
          { id: "vehicles", label: "公务用车购置及运行费", sumOf: ["vehiclePurchase", "vehicleOperation"] },
          { id: "vehiclePurchase", label: "①公务用车购置费" },
          { id: "vehicleOperation", label: "②公务用车运行维护费" },
          { id: "total", label: "合计", sumOf: ["travelAbroad", "reception", "vehicles"] },
        ],
      },
      rowSums: [{ target: "total", sources: [...APPROPRIATION_KEYS] }],
    },
  ],
  emptyNote: EMPTY_NOTE,
};

const T11: TableSpec = {
  id: "T11",
  numberLabel: "预算公开表11",
  sheetName: "表十一 机关运行经费",
  title: "{year}年财政拨款安排机关运行经费预算表",
  landscape: false,
  columns: [label("unitName", 30), amount("total"), amount("general"), amount("fund"), amount("stateCapital", 16)],
  header: [
    ["单位名称", "{year}预算数", "<", "<", "<"],
    ["^", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"],
  ],
  sides: [
    {
      id: "rows",
      columns: ["unitName", "total", ...APPROPRIATION_KEYS],
      labelColumn: "unitName",
      body: { kind: "items", nameColumn: "unitName", totalRow: { label: "部门合计" }, blankRows: 1 },
      rowSums: [{ target: "total", sources: [...APPROPRIATION_KEYS] }],
    },
  ],
  emptyNote: EMPTY_NOTE,
};

const projectSide = (columns: string[], sources: string[]): SideSpec => ({
  id: "rows",
  columns,
  labelColumn: "project",
  body: { kind: "items", nameColumn: "project", totalRow: { label: "{unit}", omitLabelWhenEmpty: true }, blankRows: 10 },
  rowSums: [{ target: "total", sources }],
});

const T12: TableSpec = {
  id: "T12",
  numberLabel: "预算公开表12",
  sheetName: "表十二 项目支出(本年)",
  title: "{year}年项目支出预算表（本年预算）",
  landscape: true,
  columns: [label("project", 36), amount("total"), amount("general"), amount("fund"), amount("stateCapital", 16), amount("specialAccount", 16), amount("unitFunds")],
  header: [
    ["项目名称", "合计", "{year}年财政拨款", "<", "<", "财政专户管理资金", "单位资金"],
    ["^", "^", "一般公共预算", "政府性基金预算", "国有资本经营预算", "^", "^"],
    ["1", "2", "3", "4", "5", "6", "7"],
  ],
  sides: [projectSide(["project", "total", ...SOURCE_KEYS], [...SOURCE_KEYS])],
  emptyNote: EMPTY_NOTE,
};

const T13: TableSpec = {
  id: "T13",
  numberLabel: "预算公开表13",
  sheetName: "表十三 项目支出(上年结转)",
  title: "{year}年项目支出预算表（上年结转）",
  landscape: false,
  columns: [label("project", 36), amount("total"), amount("general"), amount("fund"), amount("stateCapital", 16)],
  header: [
    ["项目名称", "合计", "{year}年财政拨款", "<", "<"],
    ["^", "^", "一般公共预算", "政府性基金预算", "国有资本经营预算"],
    ["1", "2", "3", "4", "5"],
  ],
  sides: [projectSide(["project", "total", ...APPROPRIATION_KEYS], [...APPROPRIATION_KEYS])],
  emptyNote: EMPTY_NOTE,
};


/** 表间勾稽关系 of the Shanxi set. */
const SHANXI_TIES: TieSpec[] = [
  ...[...SOURCE_KEYS, "carryover" as const].map(
    (key): TieSpec => ({
      id: `T1-T2-income-${key}`,
      kind: "figure",
      relation: "eq",
      left: fig("T1", "income", key, "incomeAmount"),
      right: fig("T2", "rows", "total", key),
      description: "表一收入按来源 = 表二合计行",
    }),
  ),
  { id: "T1-T3-class", kind: "perSubject", relation: "eq", classesOnly: true, left: col("T1", "expenditure", "total"), right: col("T3", "rows", "total"), description: "表一支出按类 = 表三类级科目" },
  { id: "T1-balance", kind: "figure", relation: "eq", left: fig("T1", "income", "incomeTotal", "incomeAmount"), right: fig("T1", "expenditure", "expenditureTotal", "total"), description: "收支总表收入总计 = 支出总计（收支平衡）" },
  { id: "T4-balance", kind: "figure", relation: "eq", left: fig("T4", "income", "incomeTotal", "incomeAmount"), right: fig("T4", "expenditure", "expenditureTotal", "total"), description: "财政拨款收支总表收入总计 = 支出总计（收支平衡）" },
  { id: "T1-T3-total", kind: "figure", relation: "eq", left: fig("T1", "expenditure", "expenditureSubtotal", "total"), right: fig("T3", "rows", "total", "total"), description: "表一本年支出合计 = 表三合计" },
  { id: "T2-T3-subject", kind: "perSubject", relation: "eq", left: col("T2", "rows", "total"), right: col("T3", "rows", "total"), description: "表二与表三各科目合计相等" },
  ...APPROPRIATION_KEYS.map(
    (key): TieSpec => ({
      id: `T4-T1-income-${key}`,
      kind: "figure",
      relation: "eq",
      left: fig("T4", "income", key, "incomeAmount"),
      right: fig("T1", "income", key, "incomeAmount"),
      description: "表四收入 = 表一财政拨款收入",
    }),
  ),
  { id: "T4-T5-class", kind: "perSubject", relation: "eq", classesOnly: true, left: col("T4", "expenditure", "general"), right: col("T5", "rows", "total"), description: "表四一般公共预算支出按类 = 表五" },
  { id: "T4-T8-class", kind: "perSubject", relation: "eq", classesOnly: true, left: col("T4", "expenditure", "fund"), right: col("T8", "rows", "total"), description: "表四政府性基金预算支出按类 = 表八" },
  { id: "T4-T9-class", kind: "perSubject", relation: "eq", classesOnly: true, left: col("T4", "expenditure", "stateCapital"), right: col("T9", "expenditure", "total"), description: "表四国有资本经营预算支出按类 = 表九" },
  { id: "T4-T7-income", kind: "figure", relation: "eq", left: fig("T4", "income", "fund", "incomeAmount"), right: fig("T7", "rows", "total", "fundIncome"), description: "表四政府性基金收入 = 表七合计" },
  { id: "T4-T9-income", kind: "figure", relation: "eq", left: fig("T4", "income", "stateCapital", "incomeAmount"), right: fig("T9", "income", "total", "stateCapitalIncome"), description: "表四国有资本经营预算收入 = 表九收入合计" },
  { id: "T5-T3-subject", kind: "perSubject", relation: "le", left: col("T5", "rows", "total"), right: col("T3", "rows", "total"), description: "表五各科目不大于表三（资金全部为一般公共预算时相等）" },
  { id: "T6-T5-basic", kind: "figure", relation: "eq", left: fig("T6", "rows", "total", "total"), right: fig("T5", "rows", "total", "basic"), description: "表六合计 = 表五基本支出合计" },
  { id: "T12-T3-project", kind: "figure", relation: "eq", left: fig("T12", "rows", "total", "total"), right: fig("T3", "rows", "total", "project"), description: "表十二合计 = 表三项目支出合计" },
  { id: "T12-T5-project", kind: "figure", relation: "eq", left: fig("T12", "rows", "total", "general"), right: fig("T5", "rows", "total", "project"), description: "表十二一般公共预算 = 表五项目支出合计" },
  ...economicWithinThreePublic(
    (item) => `T6-T10-${item}`,
    (code) => fig("T6", "rows", code, "total"),
    // 表十 prints no 购置费 of its own (公务用车购置及运行费 is one row).
    (item) => (item === "vehiclePurchase" ? undefined : fig("T10", "rows", item, "general")),
  ),
];

/** 第四部分 名词解释, as the Shanxi disclosures print it. */
const SHANXI_GLOSSARY: string[] = [
  "一、基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。",
  "二、项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。",
  "三、“三公”经费：指省直部门用财政拨款安排的因公出国（境）费用、公务用车购置及运行费和公务接待费。其中：因公出国（境）费用反映单位公务出国（境）的国际旅费、国外城市间交通费、住宿费、伙食费、培训费、公杂费等支出；公务用车购置费反映公务用车购置支出（含车辆购置税、牌照费）；公务用车运行维护费反映单位按规定保留的公务用车燃料费、维修费、过路过桥费、保险费、安全奖励费用等支出；公务接待费反映机关和参公事业单位按规定开支的各类公务接待（含外宾接待）支出。",
  "四、机关运行经费：指行政单位和参照公务员法管理的事业单位使用财政拨款安排的基本支出中的公用经费支出。",
  "五、政府购买服务：根据我国现行政策规定，政府购买服务，是指充分发挥市场机制作用，将国家机关属于自身职责范围且适合通过市场化方式提供的服务事项，按照政府采购方式和程序，交由符合条件的服务供应商承担，并根据服务数量和质量等情况向其支付费用的行为。",
  "六、财政专户管理资金：",
  "专指教育收费，包括目前在财政专户管理的高中以上学费、住宿费，高校委托培养费，党校收费，教育考试考务费，函大、电大、夜大及短训班培训费等。",
  "七、单位资金：是指除政府预算资金和财政专户管理资金以外的资金，包括事业收入、事业单位经营收入、上级补助收入、附属单位上缴收入、其他收入。",
  "八、上年结转：指以前年度预算安排、结转到本年仍按原规定用途继续使用的资金。",
  "九、一般公共预算是指以税收为主体的财政收入，安排用于保障和改善民生、推动经济社会发展、维护国家安全、维持国家机构正常运转等方面的收支预算。",
  "十、政府性基金预算：是对依照法律、行政法规的规定在一定期限内向特定对象征收、收取或者以其他方式筹集的资金，专项用于特定公共事业发展的收支预算。",
  "十一、国有资本经营预算是对国有资本收益作出支出安排的收支预算。",
  "十二、财政拨款：包含一般公共预算、政府性基金预算、国有资本经营预算。"
];

export const SHANXI_UNIT_13: TemplatePack = {
  id: "shanxi-unit-13",
  version: 1,
  name: "山西省 单位预算公开（13张表）",
  region: "山西省",
  amountUnit: "万元",
  decimals: 2,
  unitLine: "单位名称：{unit}",
  amountUnitLine: "单位：万元",
  tables: [T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13],
  ties: SHANXI_TIES,
  glossary: SHANXI_GLOSSARY,
  narrative: "shanxi",
  performanceForm: true,
  performanceProjects: col("T12", "rows", "total"),
  figures: {
    threePublic: {
      total: fig("T10", "rows", "total", "total"),
      travelAbroad: fig("T10", "rows", "travelAbroad", "total"),
      reception: fig("T10", "rows", "reception", "total"),
      vehicles: fig("T10", "rows", "vehicles", "total"),
      vehiclePurchase: fig("T10", "rows", "vehiclePurchase", "total"),
      vehicleOperation: fig("T10", "rows", "vehicleOperation", "total"),
    },
    officeCosts: fig("T11", "rows", "total", "total"),
    personnel: fig("T6", "rows", "total", "personnel"),
    publicExpense: fig("T6", "rows", "total", "publicExpense"),
    projectExpenditure: fig("T3", "rows", "total", "project"),
  },
  // Phrases of the 情况说明 that state table figures (the generator's own wording).
  narrativeClaims: [
    { pattern: "预算收入总计([\\d,.]+)万元", what: "预算收入总计（表一收入总计）", figures: [fig("T1", "income", "incomeTotal", "incomeAmount")] , prior: "total" },
    { pattern: "支出总计([\\d,.]+)万元", what: "支出总计（表一）", figures: [fig("T1", "expenditure", "expenditureTotal", "total")] , prior: "total" },
    { pattern: "基本支出([\\d,.]+)万元", what: "基本支出（表三、表五）", figures: [fig("T3", "rows", "total", "basic"), fig("T5", "rows", "total", "basic")] },
    { pattern: "项目支出([\\d,.]+)万元", what: "项目支出（表三）", figures: [fig("T3", "rows", "total", "project"), fig("T5", "rows", "total", "project")] },
    { pattern: "人员经费([\\d,.]+)万元", what: "人员经费（表六）", figures: [fig("T6", "rows", "total", "personnel")] },
    { pattern: "公用经费([\\d,.]+)万元", what: "公用经费（表六）", figures: [fig("T6", "rows", "total", "publicExpense")] },
    { pattern: "一般公共预算当年支出([\\d,.]+)万元", what: "一般公共预算当年支出（表五合计）", figures: [fig("T5", "rows", "total", "total")] , prior: "generalExpenditure" },
    { pattern: "财政拨款收支总预算([\\d,.]+)万元", what: "财政拨款收支总预算（表四）", figures: [fig("T4", "income", "incomeTotal", "incomeAmount")] },
    { pattern: "因公出国（境）费([\\d,.]+)万元", what: "因公出国（境）费（表十）", figures: [fig("T10", "rows", "travelAbroad", "total")], blankIsZero: true },
    { pattern: "公务接待费([\\d,.]+)万元", what: "公务接待费（表十）", figures: [fig("T10", "rows", "reception", "total")], blankIsZero: true },
    { pattern: "公务用车购置及运行费([\\d,.]+)万元", what: "公务用车购置及运行费（表十）", figures: [fig("T10", "rows", "vehicles", "total")], blankIsZero: true },
    { pattern: "“三公”经费预算([\\d,.]+)万元", what: "“三公”经费（表十合计）", figures: [fig("T10", "rows", "total", "total")], blankIsZero: true , prior: "threePublic" },
    { pattern: "机关运行经费预算([\\d,.]+)万元", what: "机关运行经费（表十一）", figures: [fig("T11", "rows", "total", "total")], blankIsZero: true , prior: "officeCosts" },
    { pattern: "预算收入([\\d,.]+)万元", what: "预算收入（表一收入总计）", figures: [fig("T1", "income", "incomeTotal", "incomeAmount")] },
    { pattern: "本年收入([\\d,.]+)万元", what: "本年收入（表一本年收入合计）", figures: [fig("T1", "income", "incomeSubtotal", "incomeAmount")] },
    { pattern: "上年结转([\\d,.]+)万元", what: "上年结转（表一）", figures: [fig("T1", "income", "carryover", "incomeAmount"), fig("T1", "expenditure", "expenditureSubtotal", "carryover")], blankIsZero: true },
    { pattern: "本年预算安排([\\d,.]+)万元", what: "本年预算安排（表一当年预算安排）", figures: [fig("T1", "expenditure", "expenditureSubtotal", "current")] },
    { pattern: "一般公共预算拨款收入([\\d,.]+)万元", what: "一般公共预算拨款收入（表一）", figures: [fig("T1", "income", "general", "incomeAmount")], blankIsZero: true },
    { pattern: "政府性基金预算拨款收入([\\d,.]+)万元", what: "政府性基金预算拨款收入（表一）", figures: [fig("T1", "income", "fund", "incomeAmount")], blankIsZero: true },
    { pattern: "国有资本经营预算拨款收入([\\d,.]+)万元", what: "国有资本经营预算拨款收入（表一）", figures: [fig("T1", "income", "stateCapital", "incomeAmount")], blankIsZero: true },
    { pattern: "财政专户管理资金收入([\\d,.]+)万元", what: "财政专户管理资金收入（表一）", figures: [fig("T1", "income", "specialAccount", "incomeAmount")], blankIsZero: true },
    { pattern: "单位资金([\\d,.]+)万元", what: "单位资金（表一）", figures: [fig("T1", "income", "unitFunds", "incomeAmount")], blankIsZero: true },
    { pattern: "(?<!单位预算)支出预算([\\d,.]+)万元", what: "支出预算（表三合计）", figures: [fig("T3", "rows", "total", "total")] },
    { pattern: "一般公共预算拨款([\\d,.]+)万元", what: "一般公共预算拨款（表四）", figures: [fig("T4", "income", "general", "incomeAmount")], blankIsZero: true },
    { pattern: "政府性基金预算拨款([\\d,.]+)万元", what: "政府性基金预算拨款（表四）", figures: [fig("T4", "income", "fund", "incomeAmount")], blankIsZero: true },
    { pattern: "国有资本经营预算拨款([\\d,.]+)万元", what: "国有资本经营预算拨款（表四）", figures: [fig("T4", "income", "stateCapital", "incomeAmount")], blankIsZero: true },
    { pattern: "当年拨款收入([\\d,.]+)万元", what: "当年拨款收入（表四本年收入合计）", figures: [fig("T4", "income", "incomeSubtotal", "incomeAmount")] },
    { pattern: "上年结转收入([\\d,.]+)万元", what: "上年结转收入（表四）", figures: [fig("T4", "income", "carryover", "incomeAmount")], blankIsZero: true },
    { pattern: "一般公共预算安排基本支出([\\d,.]+)万元", what: "一般公共预算安排基本支出（表六合计）", figures: [fig("T6", "rows", "total", "total")], blankIsZero: true },
    { pattern: "公务用车购置费([\\d,.]+)万元", what: "公务用车购置费（表十）", figures: [fig("T10", "rows", "vehiclePurchase", "total")], blankIsZero: true },
    { pattern: "公务用车运行维护费([\\d,.]+)万元", what: "公务用车运行维护费（表十）", figures: [fig("T10", "rows", "vehicleOperation", "total")], blankIsZero: true },
  ],
  classClaimColumns: [col("T1", "expenditure", "total"), col("T4", "expenditure", "total"), col("T5", "rows", "total")],
  itemsTable: col("T5", "rows", "total"),
  headerAliases: {
    一般公共预算: ["一般公共预算拨款", "一般公共预算资金"],
    政府性基金: ["政府性基金预算", "政府性基金拨款"],
    政府性基金预算: ["政府性基金", "政府性基金拨款"],
    财政专户管理资金: ["财政专户管理的资金", "财政专户资金"],
    科目编码: ["功能分类科目编码", "编码", "科目代码"],
    收入科目编码: ["科目编码", "编码"],
    经济科目编码: ["科目编码", "编码"],
    部门预算支出经济科目名称: ["部门预算支出经济分类科目名称", "经济科目名称", "部门经济分类科目名称", "科目名称"],
    政府预算支出经济科目名称: ["政府预算支出经济分类科目名称"],
    科目名称: ["功能分类科目名称", "项目名称"],
    "因公出国（境）费": ["因公出国(境)费用", "因公出国（境）费用"],
  },
};
