/**
 * A template pack file (模板包文件): JSON that follows schema/template-pack-1.schema.json and whose
 * references resolve. Read with issues that name the JSON path; never throws.
 */
import type { ErrorObject } from "ajv";
import { schemaErrorIssues, type JsonIssue } from "../json/schema-issues";
import { validate as checkSchema } from "./pack-schema-validator";
import { packReferenceIssues } from "./references";
import type { TemplatePack } from "./types";

export type PackReading = { ok: true; pack: TemplatePack } | { ok: false; issues: JsonIssue[] };

/** Checks a parsed pack document: the schema first, then every reference it makes. */
export function checkPack(json: unknown): PackReading {
  // The schema's check, compiled ahead of time (npm run docs): no eval where the pages forbid it.
  const check = checkSchema as ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
  if (!check(json)) return { ok: false, issues: schemaErrorIssues(check.errors) };
  const pack = json as TemplatePack;
  const issues = packReferenceIssues(pack);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, pack };
}

/** Reads a pack file's text. */
export function readPackText(text: string): PackReading {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    return { ok: false, issues: [{ path: "$", message: `不是有效的 JSON：${e instanceof Error ? e.message : String(e)}` }] };
  }
  return checkPack(json);
}
