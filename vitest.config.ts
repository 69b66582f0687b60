import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

/**
 * Suites that install tools, pack the tarball, run the real SDKs or kill runs mid-write: `npm test`
 * runs them, `npm run test:fast` leaves them out (README, "Tests").
 */
const INTEGRATION = ["test/integrations.test.ts", "test/requests.test.ts", "test/atomicity.test.ts"];

export default defineConfig({
  resolve: {
    // src/languages/javascript/typescript.cts is a CommonJS shim for the built code (it spares
    // Node an export scan of TypeScript's bundle); under Vitest, import the bundle directly.
    alias: [{ find: /^\.\/typescript\.cjs$/, replacement: "@ts-morph/common/dist/typescript.js" }],
  },
  test: {
    reporters: ["default", "./test/setup/summary-reporter.ts"],
    // CLI tests spawn the built binary: build once before any suite runs.
    globalSetup: ["test/setup/build.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Most suites wait on the binaries they spawn, so one worker per core (Vitest's default
    // leaves one core idle) keeps both cores of a small machine busy.
    maxWorkers: availableParallelism(),
    projects: [
      { extends: true, test: { name: "fast", include: ["test/**/*.test.ts"], exclude: INTEGRATION } },
      { extends: true, test: { name: "integration", include: INTEGRATION } },
    ],
  },
});
