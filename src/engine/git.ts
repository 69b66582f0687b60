import { execFileSync } from "node:child_process";
import { realpathSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";

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
 * The folder a path argument stands for, to find its work tree: itself if a folder, else the
 * nearest folder above it that exists (a file's, a glob's, a mistyped path's).
 */
export function folderOf(path: string): string {
  let current = resolve(path);
  for (;;) {
    try {
      if (statSync(current).isDirectory()) return current;
    } catch {
      // Not there: look above.
    }
    const parent = dirname(current);
    if (parent === current) return current;
    current = parent;
  }
}

/**
 * Files changed against a ref (default HEAD: staged and unstaged changes), plus untracked files
 * that are not ignored, as absolute paths, in the work trees that hold `folders` (each asked once).
 * A string says what is wrong instead: no folder is in a work tree, or `since` is not a ref in one.
 */
export function changedFiles(folders: readonly string[], since = "HEAD"): string[] | string {
  const roots = new Set(folders.map(gitRoot).filter((root): root is string => root !== undefined));
  if (roots.size === 0) return "not in a git work tree";
  const files: string[] = [];
  for (const root of roots) {
    const changed = git(root, ["diff", "--name-only", "-z", "--diff-filter=ACMR", since, "--"]);
    if (changed === undefined) return `\`${since}\` is not a ref in ${root}`;
    const untracked = git(root, ["ls-files", "--others", "--exclude-standard", "-z"]);
    for (const path of new Set([...split(changed), ...split(untracked)])) files.push(resolve(root, path));
  }
  return files;
}

/**
 * Files with uncommitted changes (staged, unstaged or untracked) under any of `dirs`, spelt from
 * the folder as given (git names them from the real top folder, which a symbolic link in a folder's
 * path would make differ). One `git status` per work tree; folders outside any work tree add nothing.
 */
export function uncommittedUnder(dirs: readonly string[]): Set<string> {
  const byRoot = new Map<string, string[]>();
  for (const dir of new Set(dirs.map((dir) => resolve(dir)))) {
    const root = gitRoot(dir);
    if (root) byRoot.set(root, [...(byRoot.get(root) ?? []), dir]);
  }
  const dirty = new Set<string>();
  for (const [root, folders] of byRoot) {
    // Each entry is "XY path"; a rename or copy adds the old path as a separate field, which is skipped.
    const entries = split(git(root, ["status", "--porcelain", "-z", "--untracked-files=all"]));
    const changed: string[] = [];
    for (let index = 0; index < entries.length; index++) {
      const entry = entries[index]!;
      if (entry[0] === "R" || entry[0] === "C") index++;
      changed.push(resolve(root, entry.slice(3)));
    }
    for (const dir of folders) {
      let real: string;
      try {
        real = realpathSync(dir);
      } catch {
        continue;
      }
      for (const path of changed) {
        const inside = relative(real, path);
        if (inside && !inside.startsWith("..") && !isAbsolute(inside)) dirty.add(join(dir, inside));
      }
    }
  }
  return dirty;
}
