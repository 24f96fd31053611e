/** docs/rules.md, rendered from the rule catalogue and the pack's ties (kept in sync by a test). */
import { SEVERITY_NAMES } from "./types";
import { RULES } from "./catalog";
import { BUILT_IN_PACKS } from "../packs";

export function rulesMarkdown(): string {
  const lines = [
    "# 校验规则 Validation rules",
    "",
    "Generated from `src/core/validation/catalog.ts` and the packs' ties (`npm run docs`). Each finding carries its rule id, a severity (错误 error / 警告 warning / 提示 info) and a Chinese message naming the cell.",
    "",
    "Sums are checked with rounding intervals (XBRL Calculations 1.1): a figure shown with 2 decimals in 万元 stands for ±0.005. A difference inside the envelope of the parts' and the total's intervals is a 提示 (四舍五入差异); outside it, an 错误. Stored amounts finer than shown (1.4440 万元) are exact and must tie to the 分.",
    "",
    "| id | 级别 | 规则 | 说明 |",
    "|---|---|---|---|",
    ...RULES.map((r) => `| \`${r.id}\` | ${SEVERITY_NAMES[r.severity]} | ${r.title} | ${r.description} |`),
  ];
  for (const pack of BUILT_IN_PACKS) {
    lines.push("", `## 表间勾稽关系：${pack.name}（\`${pack.id}\`）`, "", "| id | 关系 | 说明 |", "|---|---|---|");
    for (const tie of pack.ties ?? []) {
      const side = (r: { table: string; side: string; column: string; row?: string }) => `${r.table}.${r.side}${r.row ? `[${r.row}]` : "[各科目]"}.${r.column}`;
      lines.push(`| \`tie:${tie.id}\` | ${side(tie.left)} ${tie.relation === "eq" ? "=" : "≤"} ${side(tie.right)} | ${tie.description}${tie.when ? `（仅当${tie.when.description}）` : ""} |`);
    }
  }
  return lines.join("\n") + "\n";
}
