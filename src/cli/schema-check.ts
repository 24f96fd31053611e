/** Checks a data file against schema/budget-tables-1.schema.json first, with Chinese messages naming the JSON path. */
import Ajv, { type ErrorObject } from "ajv";
import schema from "../../schema/budget-tables-1.schema.json";
import type { DataIssue } from "../core/data-format";

const ajv = new Ajv({ allErrors: true, strict: false });
const check = ajv.compile(schema);

function pathOf(error: ErrorObject): string {
  const parts = error.instancePath.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  let path = "$";
  for (const p of parts) path += /^\d+$/.test(p) ? `[${p}]` : `.${p}`;
  if (error.keyword === "required") path += `.${(error.params as { missingProperty: string }).missingProperty}`;
  if (error.keyword === "additionalProperties") path += `.${(error.params as { additionalProperty: string }).additionalProperty}`;
  return path;
}

function messageOf(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return "缺少此项。";
    case "additionalProperties":
      return "不认识的字段。";
    case "type":
      return `类型应为 ${String(p.type).replace("number", "数字").replace("string", "文本").replace("object", "对象").replace("array", "数组").replace("integer", "整数").replace("null", "空")}。`;
    case "enum":
      return `应为 ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join("、")} 之一。`;
    case "const":
      return `应为 ${JSON.stringify(p.allowedValue)}。`;
    case "pattern":
      return `格式不对（${error.instancePath.endsWith("/code") ? "科目编码应为3、5或7位数字" : `应符合 ${String(p.pattern)}`}）。`;
    case "minimum":
    case "maximum":
      return `超出范围（${error.keyword === "minimum" ? "不小于" : "不大于"} ${String(p.limit)}）。`;
    case "minLength":
      return "不能为空。";
    default:
      return error.message ?? "不符合数据格式。";
  }
}

export function schemaIssues(json: unknown): DataIssue[] {
  if (check(json)) return [];
  return (check.errors ?? []).map((e) => ({ path: pathOf(e), message: messageOf(e) }));
}
