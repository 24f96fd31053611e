/** Entry point of the built command line (lib/cli/budget-tables.cjs). */
import { main } from "./main";

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
