import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, extname, join, resolve, sep } from "node:path";
import { parse as parseJsonc } from "jsonc-parser";

/**
 * Where an import points inside the project: the file a module specifier names, as Python and
 * TypeScript would find it. Anything outside the tree (an installed package, a built-in) is
 * undefined, and is never read.
 */

/**
 * Which files exist, from each folder's listing, read once per run: an absolute Python import is
 * looked for in every folder from the importer's up to the root (dozens of places for `import
 * numpy`, each a failed stat), for every import of every file. Where a listing cannot say what a
 * stat would (a folder that may be entered but not listed, a symbolic link, a name spelt in
 * another case on a file system that ignores case), the file is stat-ed as before.
 */
const CASE_INSENSITIVE = process.platform === "darwin" || process.platform === "win32";

export class FileProbe {
  private readonly listings = new Map<string, Map<string, boolean | "link"> | "absent" | "unlisted">();

  isFile(path: string): boolean {
    const dir = dirname(path);
    let listing = this.listings.get(dir);
    if (listing === undefined) {
      try {
        listing = new Map();
        for (const entry of readdirSync(dir, { withFileTypes: true })) listing.set(entry.name, entry.isSymbolicLink() ? "link" : entry.isFile());
      } catch (error) {
        listing = (error as NodeJS.ErrnoException).code === "ENOENT" || (error as NodeJS.ErrnoException).code === "ENOTDIR" ? "absent" : "unlisted";
      }
      this.listings.set(dir, listing);
    }
    if (listing === "absent") return false;
    if (listing !== "unlisted") {
      const kind = listing.get(basename(path));
      if (kind === true || kind === false) return kind;
      if (kind === undefined && !CASE_INSENSITIVE) return false;
    }
    try {
      return statSync(path).isFile();
    } catch {
      return false;
    }
  }
}

function outsideTree(path: string): boolean {
  return path.split(sep).some((part) => part === "node_modules" || part === "site-packages" || part === ".venv" || part === "venv");
}

/** The first candidate that exists; those looked for before it go to `tried`. */
function firstFile(files: FileProbe, candidates: readonly string[], tried: string[]): string | undefined {
  for (const candidate of candidates) {
    if (outsideTree(candidate)) continue;
    if (files.isFile(candidate)) return candidate;
    tried.push(candidate);
  }
  return undefined;
}

/** `a/b` as `a/b.py` or the package `a/b/__init__.py`. */
function pythonCandidates(base: string): string[] {
  return [`${base}.py`, join(base, "__init__.py"), `${base}.pyi`, join(base, "__init__.pyi")];
}

/** The folders an absolute import may start from: the importer's and its parents up to the root, and their `src/`. */
function pythonRoots(from: string, root: string): string[] {
  const roots: string[] = [];
  let dir = dirname(from);
  for (let level = 0; level < 12; level++) {
    roots.push(dir, join(dir, "src"));
    const parent = dirname(dir);
    if (dir === root || parent === dir) break;
    dir = parent;
  }
  return roots;
}

/** `.llm`, `..pkg.clients`, `app.clients` from the file `from`. */
export function resolvePythonModule(files: FileProbe, from: string, module: string, root: string, tried: string[] = []): string | undefined {
  const dots = /^\.*/.exec(module)![0].length;
  const parts = module.slice(dots).split(".").filter(Boolean);
  if (dots > 0) {
    let base = dirname(from);
    for (let level = 1; level < dots; level++) base = dirname(base);
    return firstFile(files, parts.length === 0 ? [join(base, "__init__.py"), join(base, "__init__.pyi")] : pythonCandidates(join(base, ...parts)), tried);
  }
  if (parts.length === 0) return undefined;
  for (const start of pythonRoots(from, root)) {
    const found = firstFile(files, pythonCandidates(join(start, ...parts)), tried);
    if (found) return found;
  }
  return undefined;
}

/** The submodule `name` of a package module (`from . import llm`, `from app import clients`). */
export function pythonSubmodule(module: string, name: string): string {
  return module.endsWith(".") ? `${module}${name}` : `${module}.${name}`;
}

const SCRIPT_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];
/** TypeScript's ESM convention: `./llm.js` in source names `./llm.ts`. */
const SOURCE_OF: Record<string, string[]> = {
  ".js": [".ts", ".tsx"],
  ".jsx": [".tsx"],
  ".mjs": [".mts"],
  ".cjs": [".cts"],
};

function scriptCandidates(base: string): string[] {
  const extension = extname(base);
  if (SCRIPT_EXTENSIONS.includes(extension)) {
    const stem = base.slice(0, -extension.length);
    return [...(SOURCE_OF[extension] ?? []).map((source) => stem + source), base];
  }
  return [...SCRIPT_EXTENSIONS.map((ext) => base + ext), ...SCRIPT_EXTENSIONS.map((ext) => join(base, `index${ext}`))];
}

interface PathMapping {
  file: string;
  base: string;
  paths: [string, string[]][];
}

const tsconfigs = new Map<string, PathMapping | null>();

/** The nearest tsconfig.json's `compilerOptions.paths` (`"@/*": ["src/*"]`), from `dir` up to the root. */
function pathMapping(dir: string, root: string): PathMapping | undefined {
  for (let current = dir, level = 0; level < 12; level++) {
    const file = join(current, "tsconfig.json");
    let mapping = tsconfigs.get(file);
    if (mapping === undefined) {
      mapping = null;
      try {
        const options = (parseJsonc(readFileSync(file, "utf8")) as { compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> } })
          ?.compilerOptions;
        if (options?.paths) mapping = { file, base: resolve(current, options.baseUrl ?? "."), paths: Object.entries(options.paths) };
        else if (options) mapping = { file, base: current, paths: [] };
      } catch {
        // No tsconfig.json here (or an unreadable one): look further up.
      }
      tsconfigs.set(file, mapping);
    }
    if (mapping) return mapping;
    const parent = dirname(current);
    if (current === root || parent === current) return undefined;
    current = parent;
  }
  return undefined;
}

/**
 * `./llm`, `../lib/llm.js`, or a tsconfig path alias (`@/lib/llm`) from the file `from`. Files
 * looked for and missing go to `tried`; a tsconfig.json whose `paths` were read, to `read`.
 */
export function resolveScriptModule(files: FileProbe, from: string, specifier: string, root: string, tried: string[] = [], read: string[] = []): string | undefined {
  if (specifier.startsWith(".")) return firstFile(files, scriptCandidates(resolve(dirname(from), specifier)), tried);
  const mapping = pathMapping(dirname(from), root);
  if (mapping?.paths.length) read.push(mapping.file);
  for (const [pattern, targets] of mapping?.paths ?? []) {
    const star = pattern.indexOf("*");
    const prefix = star === -1 ? pattern : pattern.slice(0, star);
    const suffix = star === -1 ? "" : pattern.slice(star + 1);
    const matches = star === -1 ? specifier === pattern : specifier.startsWith(prefix) && specifier.endsWith(suffix) && specifier.length >= prefix.length + suffix.length;
    if (!matches) continue;
    const captured = star === -1 ? "" : specifier.slice(prefix.length, specifier.length - suffix.length);
    for (const target of targets) {
      const found = firstFile(files, scriptCandidates(resolve(mapping!.base, target.replace("*", captured))), tried);
      if (found) return found;
    }
  }
  return undefined;
}
