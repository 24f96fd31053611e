// The unit tests that pin the decisions Stryker mutates (npm run mutate): no browser, no LibreOffice, no PDF corpus.
import { defineConfig } from "vitest/config";
import base from "./vitest.config.mts";

export default defineConfig({
  test: {
    ...base.test,
    // The unit tests alone need neither LibreOffice nor Chromium.
    globalSetup: [],
    include: [
      "test/decisions.test.ts",
      "test/validation-rules.test.ts",
      "test/validation-reference.test.ts",
      "test/validation-properties.test.ts",
      "test/rounding.test.ts",
      "test/recognize.test.ts",
      "test/pack-aliases.test.ts",
      "test/narrative-*.test.ts",
      "test/functions.test.ts",
      "test/shanghai-pack.test.ts",
      "test/jiangsu-pack.test.ts",
    ],
  },
});
