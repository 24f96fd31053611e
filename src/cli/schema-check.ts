/** Checks a data file against schema/budget-tables-1.schema.json first, with Chinese messages naming the JSON path. */
import Ajv from "ajv";
import schema from "../../schema/budget-tables-1.schema.json";
import type { DataIssue } from "../core/data-format";
import { schemaErrorIssues } from "../core/json/schema-issues";

const ajv = new Ajv({ allErrors: true, strict: false });
const check = ajv.compile(schema);

export function schemaIssues(json: unknown): DataIssue[] {
  return check(json) ? [] : schemaErrorIssues(check.errors);
}
