import { existsSync, readdirSync, readFileSync } from "node:fs";
import { stat } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import ignore, { type Ignore } from "ignore";
import picomatch from "picomatch";
import { languageForPath } from "../languages/index.js";
import { CACHE_FOLDER } from "./cache.js";

/** Folders that never hold code worth migrating: dependencies, environments, build output. */
const SKIPPED_DIRECTORIES = new Set([
  "node_modules",
  ".git",
  ".hg",
  ".svn",
  ".venv",
  "venv",
  "__pycache__",
  ".tox",
  ".nox",
  ".mypy_cache",
  ".pytest_cache",
  ".ruff_cache",
  "dist",
  "build",
  ".next",
  ".turbo",
  // glm-migrate's own --cache folder, whose results would otherwise be read as JSON.
  CACHE_FOLDER,
]);

/** Bundles named as such: generated, never edited by hand. */
const MINIFIED = /\.min\.[cm]?js$/i;

/** Lock files are machine-written and never hold a model ID in a model position. */
const SKIPPED_FILES = new Set(["package-lock.json", "npm-shrinkwrap.json", "pnpm-lock.yaml", "yarn.lock", "composer.lock"]);

export interface DiscoverOptions {
  cwd: string;
  gitignore: boolean;
  /** Globs (relative to cwd) a file must match to be read; all readable files when empty. */
  include?: readonly string[];
  /** Globs (relative to cwd) that exclude a file, even one named on the command line. */
  exclude?: readonly string[];
  /** A file or folder excluded by its configuration, even one named on the command line. */
  excluded?: (path: string) => boolean;
  /** A file its configuration's `include` leaves out. */
  notIncluded?: (path: string) => boolean;
  /** Called for each file the walk meets whose name passes `test` (not read; `fix` removes stale temporary files). */
  strays?: { test: (name: string) => boolean; found: (path: string) => void };
}

export interface Discovered {
  files: string[];
  /** Arguments that matched nothing: a usage error. */
  missing: string[];
}

interface IgnoreLevel {
  dir: string;
  matcher: Ignore;
}

function loadIgnore(dir: string): IgnoreLevel | undefined {
  const path = join(dir, ".gitignore");
  if (!existsSync(path)) return undefined;
  try {
    return { dir, matcher: ignore().add(readFileSync(path, "utf8")) };
  } catch {
    return undefined;
  }
}

function isIgnored(levels: readonly IgnoreLevel[], path: string, isDirectory: boolean): boolean {
  let ignored = false;
  for (const level of levels) {
    const rel = relative(level.dir, path).split(sep).join("/");
    if (!rel || rel.startsWith("..")) continue;
    const result = level.matcher.test(isDirectory ? `${rel}/` : rel);
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

/**
 * The .gitignore files from the repository root down to, but not including, `dir`, so a run
 * on a subfolder honours them. The walk itself loads `dir`'s own.
 */
function ancestorIgnores(dir: string): IgnoreLevel[] {
  const chain: string[] = [];
  let current = dir;
  for (;;) {
    chain.unshift(current);
    if (existsSync(join(current, ".git"))) break;
    const parent = dirname(current);
    if (parent === current) return [];
    current = parent;
  }
  return chain
    .slice(0, -1)
    .map(loadIgnore)
    .filter((level): level is IgnoreLevel => level !== undefined);
}

const GLOB_CHARS = /[*?[\]{}!]/;

export async function discover(paths: readonly string[], options: DiscoverOptions): Promise<Discovered> {
  const found = new Set<string>();
  const missing: string[] = [];
  const excluded = options.exclude?.length ? picomatch(options.exclude as string[], { dot: true }) : undefined;
  const included = options.include?.length ? picomatch(options.include as string[], { dot: true }) : undefined;
  const relativeToCwd = (path: string): string => relative(options.cwd, path).split(sep).join("/");
  const isExcluded = (path: string): boolean => {
    if (options.excluded?.(path)) return true;
    const rel = relativeToCwd(path);
    return excluded !== undefined && (excluded(rel) || rel.split("/").some((_, index, parts) => excluded(parts.slice(0, index + 1).join("/"))));
  };
  const isLeftOut = (path: string): boolean =>
    (included !== undefined && !included(relativeToCwd(path))) || (options.notIncluded?.(path) ?? false);

  const walk = async (dir: string, levels: IgnoreLevel[], matcher?: (path: string) => boolean): Promise<void> => {
    let entries;
    try {
      // Synchronous on purpose: the walk visits one folder at a time, and each awaited call
      // would wait on libuv's thread pool (a third of a warm-cache run went to that wait).
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    // A Python virtual environment, whatever its folder is called.
    if (entries.some((entry) => entry.name === "pyvenv.cfg" && entry.isFile())) return;
    const own = options.gitignore ? loadIgnore(dir) : undefined;
    const here = own ? [...levels, own] : levels;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      // Symbolic links are not followed: they can loop, or lead out of the tree being fixed.
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) {
        if (SKIPPED_DIRECTORIES.has(entry.name)) continue;
        if (options.gitignore && isIgnored(here, path, true)) continue;
        if (isExcluded(path)) continue;
        await walk(path, here, matcher);
      } else if (entry.isFile()) {
        if (options.strays?.test(entry.name)) options.strays.found(path);
        if (SKIPPED_FILES.has(entry.name) || MINIFIED.test(entry.name) || !languageForPath(path)) continue;
        if (options.gitignore && isIgnored(here, path, false)) continue;
        if (isExcluded(path)) continue;
        if (isLeftOut(path)) continue;
        if (matcher && !matcher(path)) continue;
        found.add(path);
      }
    }
  };

  // A file named alone (a hook's staged files) has no walk to meet the strays beside it: look once per folder.
  const lookedBeside = new Set<string>();
  const strayBeside = (file: string): void => {
    const strays = options.strays;
    const dir = dirname(file);
    if (!strays || lookedBeside.has(dir)) return;
    lookedBeside.add(dir);
    try {
      for (const name of readdirSync(dir)) if (strays.test(name)) strays.found(join(dir, name));
    } catch {
      // An unreadable folder has nothing to clean that we could.
    }
  };

  for (const argument of paths) {
    const absolute = resolve(options.cwd, argument);
    let info;
    try {
      info = await stat(absolute);
    } catch {
      info = undefined;
    }
    if (info?.isDirectory()) {
      await walk(absolute, options.gitignore ? ancestorIgnores(absolute) : []);
    } else if (info?.isFile()) {
      // Named explicitly: read whatever its extension, but config excludes still apply, so a
      // hook passing staged files cannot sneak an excluded one in.
      if (!isExcluded(absolute) && !isLeftOut(absolute)) found.add(absolute);
      strayBeside(absolute);
    } else if (GLOB_CHARS.test(argument)) {
      const pattern = isAbsolute(argument) ? argument : join(options.cwd, argument).split(sep).join("/");
      const { base } = picomatch.scan(pattern);
      const matcher = picomatch(pattern, { dot: false });
      const before = found.size;
      if (existsSync(base)) {
        await walk(resolve(base), options.gitignore ? ancestorIgnores(resolve(base)) : [], (path) =>
          matcher(path.split(sep).join("/")),
        );
      }
      if (found.size === before) missing.push(argument);
    } else {
      missing.push(argument);
    }
  }
  return { files: [...found].sort(), missing };
}
