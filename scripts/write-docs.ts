// npm run docs: writes docs/rules.md from the rule catalogue.
import { writeFileSync } from "node:fs";
import { rulesMarkdown } from "../src/core/validation/rules-doc";

writeFileSync("docs/rules.md", rulesMarkdown());
console.log("docs/rules.md written");
