import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { ROOT, tempDir } from "./cli.js";

/**
 * The working tree as a fresh one-commit git repository (tracked and untracked, not ignored), so
 * tools that install from a git URL (pre-commit) test this code, committed or not.
 */
export function committedSnapshot(): { dir: string; rev: string } {
  const dir = tempDir("glm-snapshot-");
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" })
    .split("\0")
    .filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    try {
      copyFileSync(join(ROOT, file), join(dir, file));
    } catch {
      // deleted in the work tree but still in the index
    }
  }
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  git("init", "-q");
  git("-c", "user.email=t@example.com", "-c", "user.name=t", "add", "-A");
  git("-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "snapshot");
  return { dir, rev: git("rev-parse", "HEAD").trim() };
}
