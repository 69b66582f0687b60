import { execFileSync } from "node:child_process";
import { resolve } from "node:path";

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 256 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}

/** The work tree's top folder, or undefined outside a git work tree. */
export function gitRoot(cwd: string): string | undefined {
  return git(cwd, ["rev-parse", "--show-toplevel"])?.trim() || undefined;
}

const split = (output: string | undefined): string[] => (output ?? "").split("\0").filter(Boolean);

/**
 * Files changed against a ref (default HEAD: staged and unstaged changes), plus untracked files
 * that are not ignored, as absolute paths. Undefined outside a git work tree or for a bad ref.
 */
export function changedFiles(cwd: string, since = "HEAD"): string[] | undefined {
  const root = gitRoot(cwd);
  if (!root) return undefined;
  const changed = git(root, ["diff", "--name-only", "-z", "--diff-filter=ACMR", since, "--"]);
  if (changed === undefined) return undefined;
  const untracked = git(root, ["ls-files", "--others", "--exclude-standard", "-z"]);
  return [...new Set([...split(changed), ...split(untracked)])].map((path) => resolve(root, path));
}

/** Which of `files` have uncommitted changes (staged, unstaged or untracked). */
export function dirtyFiles(cwd: string, files: readonly string[]): string[] {
  const root = gitRoot(cwd);
  if (!root || files.length === 0) return [];
  const status = git(root, ["status", "--porcelain", "-z", "--untracked-files=all", "--", ...files]);
  // Each entry is "XY path"; a rename adds the old path as a separate field, which we skip.
  const entries = split(status);
  const dirty: string[] = [];
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    dirty.push(resolve(root, entry.slice(3)));
    if (entry[0] === "R" || entry[0] === "C") index++;
  }
  return dirty;
}
