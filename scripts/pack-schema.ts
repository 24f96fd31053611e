// The JSON Schema of a template pack, generated from src/core/packs/types.ts so that the two never drift
// (test/pack-file.test.ts compares it with the committed schema/template-pack-1.schema.json).
import { createGenerator } from "ts-json-schema-generator";

type Schema = Record<string, any>;

export const PACK_SCHEMA_PATH = "schema/template-pack-1.schema.json";

export function packSchema(): Schema {
  const generated = createGenerator({ path: "src/core/packs/types.ts", type: "TemplatePack", tsconfig: "tsconfig.json", skipTypeCheck: true, expose: "export", topRef: true }).createSchema("TemplatePack") as Schema;
  const definitions = generated.definitions as Record<string, Schema>;
  // A kind-tagged union is checked against its own branch only, so that an error names the field that is wrong.
  for (const definition of Object.values(definitions)) tagUnions(definition, definitions);
  definitions.TemplatePack.properties.id.pattern = "^[a-z0-9]+(-[a-z0-9]+)*$";
  return {
    $schema: generated.$schema,
    $id: "https://budget-tables.local/schema/template-pack-1.schema.json",
    title: "模板包 template pack",
    description: "A province's set of standard disclosure tables (模板包) as data: tables, ties, narrative claim forms and glossary. See docs/packs.md.",
    $ref: generated.$ref,
    definitions,
  };
}

function branchKind(branch: Schema, definitions: Record<string, Schema>): unknown {
  const resolved = typeof branch.$ref === "string" ? definitions[branch.$ref.replace("#/definitions/", "")] : branch;
  return resolved?.properties?.kind?.const;
}

function tagUnions(schema: Schema, definitions: Record<string, Schema>): void {
  if (Array.isArray(schema.anyOf) && schema.anyOf.length > 1 && schema.anyOf.every((b: Schema) => branchKind(b, definitions) !== undefined)) {
    schema.oneOf = schema.anyOf;
    delete schema.anyOf;
    schema.type = "object";
    schema.discriminator = { propertyName: "kind" };
    schema.required = ["kind"];
  }
  for (const value of Object.values(schema)) if (value && typeof value === "object") tagUnions(value as Schema, definitions);
}
