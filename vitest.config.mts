import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    fileParallelism: true,
    setupFiles: ["test/support/custom-functions-global.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
