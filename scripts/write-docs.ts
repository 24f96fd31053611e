// npm run docs: writes docs/rules.md from the rule catalogue, and the template pack's JSON Schema from its types.
import { writeFileSync } from "node:fs";
import { rulesMarkdown } from "../src/core/validation/rules-doc";
import { readableJson } from "../src/core/json-text";
import { PACK_SCHEMA_PATH, packSchema } from "./pack-schema";

writeFileSync("docs/rules.md", rulesMarkdown());
writeFileSync(PACK_SCHEMA_PATH, readableJson(packSchema()));
console.log(`docs/rules.md and ${PACK_SCHEMA_PATH} written`);
