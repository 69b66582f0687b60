import { existsSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";

/** The repository root (the nearest folder with .git) above `cwd`, else `cwd` itself. */
export function repositoryRoot(cwd: string): string {
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (existsSync(join(dir, ".git"))) return dir;
    if (dirname(dir) === dir) return cwd;
  }
}

/** A path relative to `base`, with forward slashes, as code-scanning tools and CI annotations want. */
export function portablePath(path: string, base: string): string {
  return relative(base, path).split(sep).join("/");
}
