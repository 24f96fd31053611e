/** A JSON Schema's errors (Ajv) as issues a person can act on: the JSON path ($.tables[3].kind) and a Chinese message. */
import type { ErrorObject } from "ajv";

export interface JsonIssue {
  /** JSON path from the document's root: $.tables[3].sides[0].body. */
  path: string;
  message: string;
}

/** `/tables/3/kind` → `$.tables[3].kind`. */
export function jsonPath(pointer: string): string {
  const parts = pointer.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  let path = "$";
  for (const p of parts) path += /^\d+$/.test(p) ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`;
  return path;
}

function pathOf(error: ErrorObject): string {
  let path = jsonPath(error.instancePath);
  if (error.keyword === "required") path += `.${(error.params as { missingProperty: string }).missingProperty}`;
  if (error.keyword === "additionalProperties") path += `.${(error.params as { additionalProperty: string }).additionalProperty}`;
  if (error.keyword === "discriminator") path += `.${(error.params as { tag: string }).tag}`;
  return path;
}

const TYPE_NAMES: Record<string, string> = { number: "数字", string: "文本", object: "对象", array: "数组", integer: "整数", null: "空", boolean: "true 或 false（是非值）" };

function messageOf(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return "缺少此项。";
    case "additionalProperties":
      return "不认识的字段。";
    case "type":
      return `类型应为：${String(p.type).split(",").map((t) => TYPE_NAMES[t] ?? t).join(" 或 ")}。`;
    case "enum":
      return `应为 ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join("、")} 之一。`;
    case "const":
      return `应为 ${JSON.stringify(p.allowedValue)}。`;
    case "discriminator":
      return p.error === "mapping" ? `种类 ${JSON.stringify(p.tagValue)} 不认识。` : "缺少种类（kind）。";
    case "pattern":
      return `格式不对（${error.instancePath.endsWith("/code") ? "科目编码应为3、5或7位数字" : `应符合 ${String(p.pattern)}`}）。`;
    case "minimum":
    case "maximum":
      return `超出范围（${error.keyword === "minimum" ? "不小于" : "不大于"} ${String(p.limit)}）。`;
    case "minLength":
      return "不能为空。";
    default:
      return error.message ?? "不符合格式。";
  }
}

export function schemaErrorIssues(errors: readonly ErrorObject[] | null | undefined): JsonIssue[] {
  // A discriminated union's failed branch also reports "must match exactly one schema"; the branch's own errors say more.
  const useful = (errors ?? []).filter((e) => e.keyword !== "oneOf" || (errors ?? []).length === 1);
  // The same issue reported by several branches is told once, in first-reported order.
  const issues = new Map<string, JsonIssue>();
  for (const e of useful) {
    const issue = { path: pathOf(e), message: messageOf(e) };
    if (!issues.has(`${issue.path}\u0000${issue.message}`)) issues.set(`${issue.path}\u0000${issue.message}`, issue);
  }
  return [...issues.values()];
}
