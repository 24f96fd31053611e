// The worker when the CLI runs from its TypeScript sources (tests, development): the built CLI uses lib/cli/validate-worker.cjs.
require("tsx/cjs/api").register();
require("./validate-worker.ts");
