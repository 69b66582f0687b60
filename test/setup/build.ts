import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * Builds dist/ so CLI tests run the same binary users do. Each Vitest project inherits this
 * setup, and a project may start while the other's tests already run: a second build would
 * remove dist/ under them. So the build runs once per test run (the setups share a process).
 */
export default function setup(): void {
  if (process.env.GLM_MIGRATE_TEST_BUILT) return;
  const root = fileURLToPath(new URL("../..", import.meta.url));
  execFileSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: "inherit" });
  process.env.GLM_MIGRATE_TEST_BUILT = "1";
}
