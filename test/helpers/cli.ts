import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const BIN = join(ROOT, "bin", "glm-migrate.js");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as users do: a separate node process, no TTY. */
export function cli(args: readonly string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "", ...options.env },
    ...(options.input !== undefined ? { input: options.input } : {}),
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** The same, without blocking this process: for tests whose stand-in server runs in this process. */
export function cliAsync(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "", ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** A scratch directory, inside the run's scratch root when the test setup made one. */
export function tempDir(prefix = "glm-migrate-"): string {
  return mkdtempSync(join(process.env.GLM_MIGRATE_TEST_TMP ?? tmpdir(), prefix));
}

/** A scratch copy of the bundled demo project. */
export function demoCopy(): string {
  const dir = tempDir("glm-demo-");
  cpSync(join(ROOT, "fixtures", "demo"), dir, { recursive: true });
  return dir;
}
