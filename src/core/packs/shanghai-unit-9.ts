/**
 * 上海市 区级 单位预算公开 9-table pack (shanghai-unit-9), after the district's 2026
 * template and published 普陀区 documents (shared/reference/shanghai-unit-9-tables.md).
 * Tables 1–8 in whole 元, table 9 in 万元. Codes are printed split into 类 | 款 | 项.
 */
import { APPROPRIATION_INCOME_ROWS, amount, col, economicWithinThreePublic, fig, label, incomeSide } from "./declare";
import { BODY_ROWS, type ColumnSpec, type SideSpec, type TableSpec, type TemplatePack, type TieCondition, type TieSpec } from "./types";

const part = (key: string): ColumnSpec => ({ key, kind: "code", width: 6 });
/** The hidden column that joins 类 & 款 & 项 for the totals' formulas. */
const joinedCode: ColumnSpec = { key: "code", kind: "code", width: 9, hidden: true };

const FUNCTION_PARTS = ["codeClass", "codeCategory", "codeItem"] as const;
const ECONOMIC_PARTS = ["codeClass", "codeCategory"] as const;

/** 类 | 款 | 项 | 科目名称 | amounts … | hidden code, with 合计 last (merged over the code and name columns). */
function bySubject(amountKeys: readonly string[], rowSums: SideSpec["rowSums"], classification: "function" | "economic" = "function"): Pick<TableSpec, "columns" | "sides"> {
  const parts = classification === "function" ? FUNCTION_PARTS : ECONOMIC_PARTS;
  return {
    columns: [...parts.map(part), label("name", 34), ...amountKeys.map((k) => amount(k, 16)), joinedCode],
    sides: [
      {
        id: "rows",
        columns: [...parts, "name", ...amountKeys, "code"],
        labelColumn: "name",
        body: { kind: "subjects", classification, codeColumn: "code", codeParts: parts, nameColumn: "name", totalRow: { label: "合计", labelColumn: "codeClass", position: "last" }, blankRows: 15 },
        rowSums,
      },
    ],
  };
}

const functionHeader = (group: string) => [
  ["项目", "<", "<", "<", group, "<", "<", "编码"],
  ["功能分类科目编码", "<", "<", "功能分类科目名称", "合计", "基本支出", "项目支出", "^"],
  ["类", "款", "项", "^", "^", "^", "^", "^"],
];
const basicProject = [{ target: "total", sources: ["basic", "project"] }];

const S1: TableSpec = {
  id: "T1",
  sheetName: "单位收支总表",
  title: "{year}年预算单位财务收支预算总表",
  titleAliases: ["{year}年部门财务收支预算总表"],
  landscape: true,
  columns: [label("incomeItem", 26), amount("incomeAmount", 16), label("expenditureItem", 30), amount("total", 16), amount("personnel"), amount("publicExpense"), amount("project")],
  header: [
    ["本年收入", "<", "本年支出", "<", "<", "<", "<"],
    ["项目", "预算数", "项目", "预算数", "<", "<", "<"],
    ["^", "^", "^", "合计", "基本支出", "<", "项目支出"],
    ["^", "^", "^", "^", "人员经费", "公用经费", "^"],
  ],
  sides: [
    incomeSide(
      [
        { id: "appropriation", label: "一、财政拨款收入", sumOf: ["general", "fund", "stateCapital"] },
        { id: "general", label: "1、一般公共预算", aliases: ["一般公共预算资金", "一般公共预算拨款收入"] },
        { id: "fund", label: "2、政府性基金预算", aliases: ["政府性基金", "政府性基金拨款收入"] },
        { id: "stateCapital", label: "3、国有资本经营预算" },
        { id: "business", label: "二、事业收入" },
        { id: "operating", label: "三、事业单位经营收入" },
        { id: "other", label: "四、其他收入" },
      ],
      [{ id: "incomeTotal", label: "收入总计", sumOf: ["appropriation", "business", "operating", "other"] }],
    ),
    {
      id: "expenditure",
      columns: ["expenditureItem", "total", "personnel", "publicExpense", "project"],
      labelColumn: "expenditureItem",
      body: { kind: "classNames", template: ["201"], blankRows: 12 },
      footer: [{ id: "expenditureTotal", label: "支出总计", sumOf: [BODY_ROWS] }],
      rowSums: [{ target: "total", sources: ["personnel", "publicExpense", "project"] }],
    },
  ],
  // 部门 edition: 项目 · 预算数 · 项目 · 预算数, no 人员/公用/项目 split.
  variants: [{ id: "department", label: "部门版（支出不分基本、项目）", columns: ["incomeItem", "incomeAmount", "expenditureItem", "total"], header: [["本年收入", "<", "本年支出", "<"], ["项目", "预算数", "项目", "预算数"]] }],
};

const S2: TableSpec = {
  id: "T2",
  sheetName: "单位收入总表",
  title: "{year}年预算单位收入预算总表",
  landscape: true,
  header: [
    ["项目", "<", "<", "<", "收入预算", "<", "<", "<", "<", "编码"],
    ["功能分类科目编码", "<", "<", "功能分类科目名称", "合计", "财政拨款收入", "事业收入", "事业单位经营收入", "其他收入", "^"],
    ["类", "款", "项", "^", "^", "^", "^", "^", "^", "^"],
  ],
  ...bySubject(["total", "appropriation", "business", "operating", "other"], [{ target: "total", sources: ["appropriation", "business", "operating", "other"] }]),
};

const S3: TableSpec = {
  id: "T3",
  sheetName: "单位支出总表",
  title: "{year}年预算单位支出预算总表",
  landscape: false,
  header: functionHeader("支出预算"),
  ...bySubject(["total", "basic", "project"], basicProject),
};

const S4: TableSpec = {
  id: "T4",
  sheetName: "单位财政拨款收支总表",
  title: "{year}年预算单位财政拨款收支预算总表",
  landscape: true,
  columns: [label("incomeItem", 24), amount("incomeAmount", 16), label("expenditureItem", 30), amount("total", 16), amount("general", 16), amount("fund", 16), amount("stateCapital", 18)],
  header: [
    ["财政拨款收入", "<", "财政拨款支出", "<", "<", "<", "<"],
    ["项目", "预算数", "项目", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"],
  ],
  sides: [
    incomeSide(
      APPROPRIATION_INCOME_ROWS,
      [{ id: "incomeTotal", label: "收入总计", sumOf: ["general", "fund", "stateCapital"] }],
    ),
    {
      id: "expenditure",
      columns: ["expenditureItem", "total", "general", "fund", "stateCapital"],
      labelColumn: "expenditureItem",
      body: { kind: "classNames", template: ["201"], blankRows: 12 },
      footer: [{ id: "expenditureTotal", label: "支出总计", sumOf: [BODY_ROWS] }],
      rowSums: [{ target: "total", sources: ["general", "fund", "stateCapital"] }],
    },
  ],
};

const fundTable = (id: string, sheetName: string, title: string, group: string, emptyNote?: string): TableSpec => ({
  id,
  sheetName,
  title,
  landscape: false,
  header: functionHeader(group),
  ...bySubject(["total", "basic", "project"], basicProject),
  ...(emptyNote ? { emptyNote } : {}),
});

const S5 = fundTable("T5", "单位一般公共预算拨款表", "{year}年预算单位一般公共预算支出功能分类预算表", "一般公共预算支出");
const S6 = fundTable("T6", "单位政府性基金拨款表", "{year}年预算单位政府性基金预算支出功能分类预算表", "政府性基金预算支出", "注:本单位{year}年无政府性基金预算财政拨款安排的预算，故本表为空表。");
const S7 = fundTable("T7", "单位国有资本经营预算拨款表", "{year}年预算单位国有资本经营预算支出功能分类预算表", "国有资本经营预算支出", "注:本单位{year}年无国有资本经营预算财政拨款安排的预算，故本表为空表。");

const S8: TableSpec = {
  id: "T8",
  sheetName: "单位一般公共预算拨款基本支出明细表",
  title: "{year}年预算单位一般公共预算基本支出部门预算经济分类预算表",
  landscape: false,
  header: [
    ["项目", "<", "<", "一般公共预算基本支出", "<", "<", "编码"],
    ["经济分类科目编码", "<", "部门经济分类科目名称", "合计", "人员经费", "公用经费", "^"],
    ["类", "款", "^", "^", "^", "^", "^"],
  ],
  ...bySubject(["total", "personnel", "publicExpense"], [{ target: "total", sources: ["personnel", "publicExpense"] }], "economic"),
};

const S9: TableSpec = {
  id: "T9",
  sheetName: "单位“三公”经费和机关运行费预算表",
  title: "{year}年单位“三公”经费和机关运行经费预算表",
  titleAliases: ["单位“三公”经费和机关运行经费预算表", "部门“三公”经费和机关运行经费预算表"],
  landscape: false,
  amountUnit: "万元",
  decimals: 2,
  amountUnitLine: "单位:万元",
  columns: [amount("total"), amount("travelAbroad", 16), amount("reception"), amount("vehicles"), amount("vehiclePurchase", 12), amount("vehicleOperation", 12), amount("officeCosts", 20)],
  header: [
    ["“三公”经费预算数", "<", "<", "<", "<", "<", "机关运行经费预算数"],
    ["合计", "因公出国(境)费", "公务接待费", "公务用车购置及运行费", "<", "<", "^"],
    ["^", "^", "^", "小计", "购置费", "运行费", "^"],
  ],
  sides: [
    {
      id: "rows",
      columns: ["total", "travelAbroad", "reception", "vehicles", "vehiclePurchase", "vehicleOperation", "officeCosts"],
      body: { kind: "fixed", rows: [{ id: "amounts", label: "" }] },
      rowSums: [
        { target: "vehicles", sources: ["vehiclePurchase", "vehicleOperation"] },
        { target: "total", sources: ["travelAbroad", "reception", "vehicles"] },
      ],
    },
  ],
  emptyNote: "注:本单位{year}年无“三公”经费和机关运行经费预算，故本表为空表。",
};


/** 无事业、经营、其他收入: 财政拨款收入 = 收入总计. */
const ONLY_APPROPRIATION: TieCondition = { kind: "equal", left: fig("T1", "income", "appropriation", "incomeAmount"), right: fig("T1", "income", "incomeTotal", "incomeAmount"), description: "没有事业收入、经营收入和其他收入时" };
/** 全部为一般公共预算: 一般公共预算收入 = 收入总计. */
const ALL_GENERAL: TieCondition = { kind: "equal", left: fig("T1", "income", "general", "incomeAmount"), right: fig("T1", "income", "incomeTotal", "incomeAmount"), description: "全部支出都是一般公共预算时" };
/** 基本支出全部为一般公共预算. */
const BASIC_ALL_GENERAL: TieCondition = { kind: "equal", left: fig("T3", "rows", "total", "basic"), right: fig("T5", "rows", "total", "basic"), description: "基本支出全部为一般公共预算时" };
const ADMINISTRATIVE: TieCondition = { kind: "unitType", types: ["行政单位", "参照公务员法管理的事业单位"], description: "单一的行政单位或参公单位" };

const SHANGHAI_TIES: TieSpec[] = [
  { id: "S1-balance", kind: "figure", relation: "eq", left: fig("T1", "income", "incomeTotal", "incomeAmount"), right: fig("T1", "expenditure", "expenditureTotal", "total"), description: "收支总表收入总计 = 支出总计" },
  { id: "S4-balance", kind: "figure", relation: "eq", left: fig("T4", "income", "incomeTotal", "incomeAmount"), right: fig("T4", "expenditure", "expenditureTotal", "total"), description: "财政拨款收支总表收入总计 = 支出总计（收支平衡）" },
  ...(
    [
      ["appropriation", "appropriation"],
      ["business", "business"],
      ["operating", "operating"],
      ["other", "other"],
    ] as const
  ).map(([income, column]): TieSpec => ({ id: `S1-S2-${income}`, kind: "figure", relation: "eq", left: fig("T1", "income", income, "incomeAmount"), right: fig("T2", "rows", "total", column), description: "收支总表收入 = 收入总表合计行" })),
  { id: "S1-S3-class", kind: "perSubject", relation: "eq", classesOnly: true, left: col("T1", "expenditure", "total"), right: col("T3", "rows", "total"), description: "收支总表支出按类 = 支出总表类级科目" },
  { id: "S2-S3-subject", kind: "perSubject", relation: "eq", left: col("T2", "rows", "total"), right: col("T3", "rows", "total"), description: "收入总表与支出总表各科目合计相等" },
  ...(["general", "fund", "stateCapital"] as const).map((key): TieSpec => ({ id: `S4-S1-${key}`, kind: "figure", relation: "eq", left: fig("T4", "income", key, "incomeAmount"), right: fig("T1", "income", key, "incomeAmount"), description: "财政拨款收支总表收入 = 收支总表财政拨款收入" })),
  { id: "S4-S5-class", kind: "perSubject", relation: "eq", classesOnly: true, left: col("T4", "expenditure", "general"), right: col("T5", "rows", "total"), description: "财政拨款支出（一般公共预算）按类 = 一般公共预算支出表" },
  { id: "S4-S6-class", kind: "perSubject", relation: "eq", classesOnly: true, left: col("T4", "expenditure", "fund"), right: col("T6", "rows", "total"), description: "财政拨款支出（政府性基金）按类 = 政府性基金预算支出表" },
  { id: "S4-S7-class", kind: "perSubject", relation: "eq", classesOnly: true, left: col("T4", "expenditure", "stateCapital"), right: col("T7", "rows", "total"), description: "财政拨款支出（国有资本经营）按类 = 国有资本经营预算支出表" },
  { id: "S5-S3-subject", kind: "perSubject", relation: "le", left: col("T5", "rows", "total"), right: col("T3", "rows", "total"), description: "一般公共预算支出各科目不大于支出总表" },
  { id: "S4-S1-total", kind: "figure", relation: "eq", left: fig("T4", "income", "incomeTotal", "incomeAmount"), right: fig("T1", "income", "incomeTotal", "incomeAmount"), description: "财政拨款 = 收入总计", when: ONLY_APPROPRIATION },
  { id: "S3-S5-subject", kind: "perSubject", relation: "eq", left: col("T3", "rows", "total"), right: col("T5", "rows", "total"), description: "支出总表 = 一般公共预算支出表", when: ALL_GENERAL },
  { id: "S3-S8-basic", kind: "figure", relation: "eq", left: fig("T3", "rows", "total", "basic"), right: fig("T8", "rows", "total", "total"), description: "支出总表基本支出 = 经济分类表合计", when: BASIC_ALL_GENERAL },
  // 人员经费 and 公用经费 printed twice: by 类 in the 收支总表, and in the economic table's own columns.
  ...(["personnel", "publicExpense"] as const).map(
    (key): TieSpec => ({ id: `S1-S8-${key}`, kind: "figure", relation: "eq", left: fig("T1", "expenditure", "expenditureTotal", key), right: fig("T8", "rows", "total", key), description: `收支总表的${key === "personnel" ? "人员经费" : "公用经费"}合计 = 经济分类表的${key === "personnel" ? "人员经费" : "公用经费"}合计`, when: BASIC_ALL_GENERAL }),
  ),
  { id: "S5-S8-basic", kind: "figure", relation: "eq", left: fig("T5", "rows", "total", "basic"), right: fig("T8", "rows", "total", "total"), description: "一般公共预算基本支出 = 经济分类表合计" },
  { id: "S9-S8-office", kind: "figure", relation: "eq", left: fig("T9", "rows", "amounts", "officeCosts"), right: fig("T8", "rows", "total", "publicExpense"), description: "机关运行经费 = 公用经费", when: ADMINISTRATIVE },
  ...economicWithinThreePublic(
    (item) => `S8-S9-${item}`,
    (code) => fig("T8", "rows", code, "total"),
    (item) => fig("T9", "rows", "amounts", item),
  ),
];

export const SHANGHAI_UNIT_9: TemplatePack = {
  id: "shanghai-unit-9",
  version: 1,
  name: "上海市 区级单位预算公开（9张表）",
  region: "上海市",
  amountUnit: "元",
  decimals: 0,
  unitLine: "编制单位：{unit}",
  amountUnitLine: "单位：元",
  tables: [S1, S2, S3, S4, S5, S6, S7, S8, S9],
  ties: SHANGHAI_TIES,
  level: "区级",
  narrative: "shanghai",
  narrativeSheetName: "单位编制说明",
  // Phrases of the 编制说明 and 其他相关情况说明 that state table figures (shared/reference sentence forms).
  narrativeClaims: [
    { pattern: "收入预算([\\d,.]+)万元", what: "收入预算（收支总表收入总计）", figures: [fig("T1", "income", "incomeTotal", "incomeAmount")] },
    { pattern: "财政拨款收入([\\d,.]+)万元", what: "财政拨款收入（收支总表）", figures: [fig("T1", "income", "appropriation", "incomeAmount")], blankIsZero: true , prior: "appropriation" },
    { pattern: "(?<!单位经营)事业收入([\\d,.]+)万元", what: "事业收入（收支总表）", figures: [fig("T1", "income", "business", "incomeAmount")], blankIsZero: true },
    { pattern: "事业单位经营收入([\\d,.]+)万元", what: "事业单位经营收入（收支总表）", figures: [fig("T1", "income", "operating", "incomeAmount")], blankIsZero: true },
    { pattern: "其他收入([\\d,.]+)万元", what: "其他收入（收支总表）", figures: [fig("T1", "income", "other", "incomeAmount")], blankIsZero: true },
    { pattern: "(?<!拨款)支出预算([\\d,.]+)万元", what: "支出预算（收支总表支出总计）", figures: [fig("T1", "expenditure", "expenditureTotal", "total")] },
    { pattern: "财政拨款支出预算([\\d,.]+)万元", what: "财政拨款支出预算（财政拨款收支总表）", figures: [fig("T4", "expenditure", "expenditureTotal", "total")], blankIsZero: true , prior: "appropriation" },
    { pattern: "一般公共预算拨款支出预算([\\d,.]+)万元", what: "一般公共预算拨款支出（财政拨款收支总表）", figures: [fig("T4", "expenditure", "expenditureTotal", "general")], blankIsZero: true , prior: "general" },
    { pattern: "政府性基金拨款支出预算([\\d,.]+)万元", what: "政府性基金拨款支出（财政拨款收支总表）", figures: [fig("T4", "expenditure", "expenditureTotal", "fund")], blankIsZero: true , prior: "fund" },
    { pattern: "国有资本经营预算拨款支出预算([\\d,.]+)万元", what: "国有资本经营预算拨款支出（财政拨款收支总表）", figures: [fig("T4", "expenditure", "expenditureTotal", "stateCapital")], blankIsZero: true , prior: "stateCapital" },
    { pattern: "“三公”经费预算数为([\\d,.]+)万元", what: "“三公”经费（“三公”经费表合计）", figures: [fig("T9", "rows", "amounts", "total")], blankIsZero: true , prior: "threePublic" },
    { pattern: "因公出国（境）费([\\d,.]+)万元", what: "因公出国（境）费（“三公”经费表）", figures: [fig("T9", "rows", "amounts", "travelAbroad")], blankIsZero: true },
    { pattern: "公务用车购置及运行费([\\d,.]+)万元", what: "公务用车购置及运行费（“三公”经费表）", figures: [fig("T9", "rows", "amounts", "vehicles")], blankIsZero: true },
    { pattern: "公务用车购置费([\\d,.]+)万元", what: "公务用车购置费（“三公”经费表）", figures: [fig("T9", "rows", "amounts", "vehiclePurchase")], blankIsZero: true },
    { pattern: "公务用车运行费([\\d,.]+)万元", what: "公务用车运行费（“三公”经费表）", figures: [fig("T9", "rows", "amounts", "vehicleOperation")], blankIsZero: true },
    { pattern: "公务接待费([\\d,.]+)万元", what: "公务接待费（“三公”经费表）", figures: [fig("T9", "rows", "amounts", "reception")], blankIsZero: true },
    { pattern: "机关运行经费预算([\\d,.]+)万元", what: "机关运行经费（“三公”经费表）", figures: [fig("T9", "rows", "amounts", "officeCosts")], blankIsZero: true , prior: "officeCosts" },
  ],
  classClaimColumns: [col("T1", "expenditure", "total"), col("T4", "expenditure", "total"), col("T5", "rows", "total")],
  itemsTable: col("T5", "rows", "total"),
  figures: {
    threePublic: {
      total: fig("T9", "rows", "amounts", "total"),
      travelAbroad: fig("T9", "rows", "amounts", "travelAbroad"),
      reception: fig("T9", "rows", "amounts", "reception"),
      vehicles: fig("T9", "rows", "amounts", "vehicles"),
      vehiclePurchase: fig("T9", "rows", "amounts", "vehiclePurchase"),
      vehicleOperation: fig("T9", "rows", "amounts", "vehicleOperation"),
    },
    officeCosts: fig("T9", "rows", "amounts", "officeCosts"),
    personnel: fig("T8", "rows", "total", "personnel"),
    publicExpense: fig("T8", "rows", "total", "publicExpense"),
    projectExpenditure: fig("T3", "rows", "total", "project"),
  },
  headerAliases: {
    一般公共预算: ["一般公共预算资金", "一般公共预算拨款"],
    政府性基金预算: ["政府性基金", "政府性基金拨款"],
    国有资本经营预算支出: ["国有资本经营财政拨款预算支出"],
    经济分类科目编码: ["部门预算经济分类科目编码", "科目编码"],
    部门经济分类科目名称: ["经济分类科目名称", "部门预算支出经济分类科目名称", "科目名称"],
    功能分类科目编码: ["科目编码"],
    // The hidden joined-code column, when a workbook prints codes in one column.
    编码: ["功能分类科目编码", "经济分类科目编码", "部门预算经济分类科目编码", "科目编码"],
    功能分类科目名称: ["科目名称"],
    "因公出国(境)费": ["因公出国(境)费用", "因公出国（境）费"],
    "“三公”经费预算数": ["{year}年“三公”经费预算数"],
    机关运行经费预算数: ["{year}年机关运行经费预算数"],
  },
};
