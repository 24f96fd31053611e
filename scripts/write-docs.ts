// npm run docs: writes docs/rules.md from the rule catalogue, and the template pack's JSON Schema from its types.
import { writeFileSync } from "node:fs";
import { rulesMarkdown } from "../src/core/validation/rules-doc";
import { readableJson } from "../src/core/json-text";
import { PACK_SCHEMA_PATH, PACK_VALIDATOR_PATH, packSchema, packValidatorSource } from "./pack-schema";

writeFileSync("docs/rules.md", rulesMarkdown());
const schema = packSchema();
writeFileSync(PACK_SCHEMA_PATH, readableJson(schema));
writeFileSync(PACK_VALIDATOR_PATH, packValidatorSource(schema));
console.log(`docs/rules.md, ${PACK_SCHEMA_PATH} and ${PACK_VALIDATOR_PATH} written`);
