import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Builds dist/ so CLI tests run the same binary users do. Each Vitest project inherits this
 * setup, and a project may start while the other's tests already run: a second build would
 * remove dist/ under them. So the build runs once per test run (the setups share a process).
 */
export default function setup(): void {
  if (process.env.GLM_MIGRATE_TEST_BUILT) return;
  scratchRoot();
  const root = fileURLToPath(new URL("../..", import.meta.url));
  execFileSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: "inherit" });
  process.env.GLM_MIGRATE_TEST_BUILT = "1";
}

/**
 * One folder for every scratch directory of this run (test/helpers/cli.ts `tempDir`), removed
 * when the run's process exits: the suites make a few thousand projects, and leaving them in
 * the system's temp folder filled it run after run. The workers inherit the variable.
 */
function scratchRoot(): void {
  const root = mkdtempSync(join(tmpdir(), "glm-migrate-tests-"));
  process.env.GLM_MIGRATE_TEST_TMP = root;
  process.on("exit", () => rmSync(root, { recursive: true, force: true }));
}
