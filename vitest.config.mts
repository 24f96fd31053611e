import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    fileParallelism: true,
    // Stops the run in one line when LibreOffice, Chromium or a Chinese font is missing.
    globalSetup: ["test/support/tools-check.ts"],
    setupFiles: ["test/support/custom-functions-global.ts", "test/support/fast-check-seed.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
