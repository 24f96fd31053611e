/**
 * Chinese descriptions of the custom functions (zh-CN metadata). The build writes
 * functions.zh-CN.json from the generated functions.json with these texts, so the
 * ids and parameters stay those of the English file.
 */
export interface FunctionTranslation {
  description: string;
  result?: string;
  parameters: Record<string, string>;
}

export const ZH_CN_FUNCTIONS: Record<string, FunctionTranslation> = {
  BUDGETROLLUP: {
    description:
      "按科目编码层级（类3位、款5位、项7位）汇总金额：只加总某科目下的末级科目行，区域中已有的类、款小计行不会重复计算。按给出的数字精确相加：逐项四舍五入到万元的数字，合计可能与公开表印出的合计相差0.01。",
    result: "该科目的合计，或与科目编码逐行对应的一列合计。",
    parameters: {
      codes: "科目编码列（文本或数字）；空行和“合计”行跳过。",
      amounts: "金额列，与科目编码列大小相同。",
      code: "要汇总的科目编码。省略时逐行返回每个科目的汇总数。",
    },
  },
  SHAREPCT: {
    description: "计算公开说明中的占比，以百分数表示（94.94 即 94.94%）。给出一组金额时，各占比之和恰为100（最大余额法）。",
    result: "占比，或与金额区域形状相同的一组占比。",
    parameters: {
      parts: "一个金额，或一组金额。",
      total: "总额。省略时为各金额之和。",
      decimals: "百分数的小数位数（0到6），默认2。",
    },
  },
};
