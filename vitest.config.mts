import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    fileParallelism: true,
    setupFiles: ["test/support/custom-functions-global.ts", "test/support/fast-check-seed.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
