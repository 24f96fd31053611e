/**
 * A template pack file (模板包文件): JSON that follows schema/template-pack-1.schema.json and whose
 * references resolve. Read with issues that name the JSON path; never throws.
 */
import Ajv from "ajv";
import schema from "../../../schema/template-pack-1.schema.json";
import { schemaErrorIssues, type JsonIssue } from "../json/schema-issues";
import { packReferenceIssues } from "./references";
import type { TemplatePack } from "./types";

let compiled: ReturnType<Ajv["compile"]> | undefined;
const checkSchema = () => (compiled ??= new Ajv({ allErrors: true, strict: false, discriminator: true }).compile(schema));

export type PackReading = { ok: true; pack: TemplatePack } | { ok: false; issues: JsonIssue[] };

/** Checks a parsed pack document: the schema first, then every reference it makes. */
export function checkPack(json: unknown): PackReading {
  const check = checkSchema();
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
