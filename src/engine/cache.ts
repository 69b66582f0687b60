import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
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
    mkdirSync(dirname(this.file), { recursive: true });
    const temp = join(dirname(this.file), `.${randomBytes(6).toString("hex")}.tmp`);
    writeFileSync(temp, JSON.stringify({ version: VERSION, entries: this.entries }));
    renameSync(temp, this.file);
  }
}

/** The default cache file: node_modules/.cache/glm-migrate under the working directory. */
export function defaultCacheLocation(cwd: string): string {
  return join(cwd, "node_modules", ".cache", "glm-migrate", "results.json");
}
