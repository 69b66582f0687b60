import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { VERSION } from "../version.js";
import type { FileOutcome } from "./process-file.js";

interface Entry {
  size: number;
  mtimeMs: number;
  /** The tool version and the file's settings: a change to either misses. */
  key: string;
  outcome: FileOutcome;
  /** The imported modules the outcome drew on, as they were: a change to one misses too. */
  deps?: { path: string; size: number; mtimeMs: number }[];
  /** Files an import looked for and did not find: one appearing misses too. */
  absent?: string[];
}

function unchanged(path: string, size: number, mtimeMs: number): boolean {
  try {
    const info = statSync(path);
    return info.size === size && info.mtimeMs === mtimeMs;
  } catch {
    return false;
  }
}

/**
 * Lint results by file, kept between runs (`--cache`). A file whose size and modification time
 * are unchanged, linted by this version with the same settings, is not read again. Saved
 * atomically, so concurrent runs never see a torn cache (the last one to finish wins).
 */
export class ResultCache {
  private entries: Record<string, Entry> = {};
  private changed = false;

  constructor(private readonly file: string) {
    try {
      const saved = JSON.parse(readFileSync(file, "utf8")) as { version?: string; entries?: Record<string, Entry> };
      if (saved.version === VERSION && saved.entries) this.entries = saved.entries;
    } catch {
      // No cache yet, or an unreadable one: start afresh.
    }
  }

  static keyOf(settingsKey: string): string {
    return createHash("sha1").update(VERSION).update("\0").update(settingsKey).digest("hex");
  }

  get(path: string, key: string): FileOutcome | undefined {
    const entry = this.entries[path];
    if (!entry || entry.key !== key || !unchanged(path, entry.size, entry.mtimeMs)) return undefined;
    const depsHold = (entry.deps ?? []).every((dep) => unchanged(dep.path, dep.size, dep.mtimeMs));
    return depsHold && !(entry.absent ?? []).some((path) => existsSync(path)) ? entry.outcome : undefined;
  }

  set(path: string, key: string, outcome: FileOutcome): void {
    try {
      const info = statSync(path);
      const deps = (outcome.deps ?? []).map((dep) => {
        const depInfo = statSync(dep);
        return { path: dep, size: depInfo.size, mtimeMs: depInfo.mtimeMs };
      });
      const absent = outcome.absent ?? [];
      this.entries[path] = { size: info.size, mtimeMs: info.mtimeMs, key, outcome, ...(deps.length > 0 ? { deps } : {}), ...(absent.length > 0 ? { absent } : {}) };
      this.changed = true;
    } catch {
      // Gone since it was read: nothing to remember.
    }
  }

  save(): void {
    if (!this.changed) return;
    const folder = dirname(this.file);
    mkdirSync(folder, { recursive: true });
    if (basename(folder) === CACHE_FOLDER) markCacheFolder(folder);
    const temp = join(dirname(this.file), `.${randomBytes(6).toString("hex")}.tmp`);
    writeFileSync(temp, JSON.stringify({ version: VERSION, entries: this.entries }));
    renameSync(temp, this.file);
  }
}

/** The cache's own folder, where a project has no node_modules to hold it (a Python project, say). */
export const CACHE_FOLDER = ".glm-migrate-cache";

/**
 * Marks the cache folder as Ruff marks `.ruff_cache` (crates/ruff/src/cache.rs): a `.gitignore`
 * holding `*`, so git never offers the folder for a commit with no line in the project's own
 * .gitignore, and a CACHEDIR.TAG, so backup tools skip it (https://bford.info/cachedir/).
 * Written once; a file the user changed is left as it is.
 */
function markCacheFolder(folder: string): void {
  const marks: [string, string][] = [
    [".gitignore", "# Automatically created by glm-migrate.\n*\n"],
    ["CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by glm-migrate.\n"],
  ];
  for (const [name, text] of marks) {
    try {
      writeFileSync(join(folder, name), text, { flag: "wx" });
    } catch {
      // There already, or the folder is read-only: either way nothing more to do.
    }
  }
}

/**
 * The default cache file under the working directory: in node_modules/.cache/glm-migrate where the
 * project has a node_modules folder (the JavaScript tools' shared place, cleared with it), else in
 * a dot-folder of its own, as Ruff's `.ruff_cache` and pytest's `.pytest_cache`.
 */
export function defaultCacheLocation(cwd: string): string {
  const modules = join(cwd, "node_modules");
  const folder = existsSync(modules) ? join(modules, ".cache", "glm-migrate") : join(cwd, CACHE_FOLDER);
  return join(folder, "results.json");
}
