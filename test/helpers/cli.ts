import { spawnSync } from "node:child_process";
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

export function tempDir(prefix = "glm-migrate-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A scratch copy of the bundled demo project. */
export function demoCopy(): string {
  const dir = tempDir("glm-demo-");
  cpSync(join(ROOT, "fixtures", "demo"), dir, { recursive: true });
  return dir;
}
