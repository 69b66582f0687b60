import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // src/languages/javascript/typescript.cts is a CommonJS shim for the built code (it spares
    // Node an export scan of TypeScript's bundle); under Vitest, import TypeScript directly.
    alias: [{ find: /^\.\/typescript\.cjs$/, replacement: "typescript" }],
  },
  test: {
    include: ["test/**/*.test.ts"],
    reporters: ["default", "./test/setup/summary-reporter.ts"],
    // CLI tests spawn the built binary: build once before any suite runs.
    globalSetup: ["test/setup/build.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
