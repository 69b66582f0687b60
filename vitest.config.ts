import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    reporters: ["default", "./test/setup/summary-reporter.ts"],
    // CLI tests spawn the built binary: build once before any suite runs.
    globalSetup: ["test/setup/build.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
