import { readFileSync, realpathSync } from "node:fs";
import { basename, relative, resolve } from "node:path";
import { languageForPath, lowerSource } from "../languages/index.js";
import type { Link, RawFile } from "../model/assemble.js";
import type { Budget } from "../model/budget.js";
import { linkedNames } from "../model/linked-names.js";
import type { ClientUse, Endpoint, ImportedSymbol, LocalImport, ModelUse, ModuleLinks, Reexport } from "../model/types.js";
import { decode } from "./decode.js";
import { FileProbe, pythonSubmodule, resolvePythonModule, resolveScriptModule } from "./module-paths.js";
import { stallPoint } from "./stall.js";
import { TypeOracle } from "./type-oracle.js";

/** How far imports are followed: a client made three modules away is still found. */
const MAX_DEPTH = 3;
/** Modules past this size are data or generated code, not where clients are made. */
const MAX_MODULE_BYTES = 1024 * 1024;
/** A module that names none of these cannot make a client or hold a model ID or a setting worth following. */
const MODULE_TRIGGER = /openai|cerebras|zhipu|zai|bigmodel|glm|litellm|langchain|model|temperature|\btop_?p\b|max_?(completion_?)?tokens|base_?url|api_?key/i;
/** A package's `__init__.py` or a folder's `index.ts` often only passes on what other modules made. */
const REEXPORTING = /^(__init__\.pyi?|index\.[cm]?[jt]sx?)$/;

interface LoadedModule {
  path: string;
  python: boolean;
  /** The names it defines (and those it imported for its own use). */
  exports: ReadonlyMap<string, ImportedSymbol>;
  imports: LocalImport[];
  reexports: Reexport[];
  /** The first import of each local name, and the first re-export of each exported one. */
  importOf: ReadonlyMap<string, LocalImport>;
  reexportOf: ReadonlyMap<string, Reexport>;
}

function loadedModule(path: string, python: boolean, exports: ReadonlyMap<string, ImportedSymbol>, imports: LocalImport[], reexports: Reexport[]): LoadedModule {
  const importOf = new Map<string, LocalImport>();
  for (const entry of imports) if (!importOf.has(entry.local)) importOf.set(entry.local, entry);
  const reexportOf = new Map<string, Reexport>();
  for (const entry of reexports) if (entry.exported !== null && !reexportOf.has(entry.exported)) reexportOf.set(entry.exported, entry);
  return { path, python, exports, imports, reexports, importOf, reexportOf };
}

/** What one file's links drew on: the modules read, the files whose absence mattered, and cuts. */
interface Trace {
  deps: Set<string>;
  absent: Set<string>;
  /** Modules a lookup met again on its own chain (a cycle), where it stopped. */
  cycles: Set<string>;
  /** The depth limit stopped a lookup. */
  deep: boolean;
  /** A module could not be read or lowered: the result is not kept. */
  failed: boolean;
}

const newTrace = (): Trace => ({ deps: new Set(), absent: new Set(), cycles: new Set(), deep: false, failed: false });

function merge(into: Trace, from: Trace): void {
  for (const dep of from.deps) into.deps.add(dep);
  for (const path of from.absent) into.absent.add(path);
  for (const path of from.cycles) into.cycles.add(path);
  into.deep ||= from.deep;
  into.failed ||= from.failed;
}

/**
 * One reading of a module, and the chains of importers it holds for. Reading a module follows its
 * imports, and that walk stops where it meets a module of the chain that led to it (a cycle) or
 * the depth limit; the result is the same for any chain that stops it at the same places.
 */
interface Reading {
  module?: LoadedModule;
  trace: Trace;
  /** The chain's modules the walk met and stopped at. */
  stoppedAt: ReadonlySet<string>;
  /** The chain's length when it was read. */
  depth: number;
}

/**
 * Whether a reading holds for this chain: the walk would meet exactly the same modules of the
 * chain, and the depth limit would stop it at the same places (or nowhere).
 */
function holdsFor(reading: Reading, chain: readonly string[]): boolean {
  if (reading.trace.deep ? chain.length !== reading.depth : chain.length > reading.depth) return false;
  let met = 0;
  for (const path of chain) {
    if (!reading.trace.deps.has(path)) continue;
    if (!reading.stoppedAt.has(path)) return false;
    met++;
  }
  return met === reading.stoppedAt.size;
}

/**
 * Follows imports between the files of one project (issue: clients and model IDs across
 * modules). Each imported module is read, lowered and assembled with its own imports followed up
 * to MAX_DEPTH; what it exports is kept by path, with the chains of importers the reading holds
 * for. Where a cycle or the depth limit cut the walk short, the result depends on the chain that
 * led to the module, so it is kept for chains that cut it at the same places: no file's result
 * depends on which file happened to read a module first, and a package full of import cycles
 * (numpy's) is not read again for every file that imports it.
 *
 * It also carries, for a second pass, where other files use a module's names as a request's
 * model, so the definition is reported once, naming a use.
 */
export class ModuleLinker {
  private readonly modules = new Map<string, Reading[]>();
  private uses = new Map<string, Map<string, { endpoint: Endpoint; at: string; client?: ClientUse }[]>>();
  private oracle: Promise<TypeOracle> | undefined;
  /** For each file, the modules read whose result drew on it (a module read again later may be listed still: forgetting it too only costs a read). */
  private readonly dependents = new Map<string, Set<string>>();
  private readonly files = new FileProbe();
  /** How many times a module was read and lowered (each costs a parse). */
  modulesRead = 0;

  /** With `typeAware`, TypeScript's checker names the client where imports and factories do not. */
  constructor(
    private readonly root: string,
    private readonly typeAware = false,
  ) {}

  /** The `Link` for one file's lowering, charged to that file's time budget. */
  linkFor(budget: Budget): Link {
    return (raw) => {
      stallPoint("link", raw.path);
      return this.link(raw, budget, [], false);
    };
  }

  /** Uses of module-level names found by a first pass over the files, for the second. */
  setUses(uses: readonly ModelUse[], cwd: string): void {
    this.uses = new Map();
    for (const use of uses) {
      const definition = realPath(use.definition);
      const byName = this.uses.get(definition) ?? new Map<string, { endpoint: Endpoint; at: string; client?: ClientUse }[]>();
      const list = byName.get(use.name) ?? [];
      list.push({ endpoint: use.endpoint, at: `${relative(cwd, use.path).split("\\").join("/")}:${use.line}`, ...(use.client ? { client: use.client } : {}) });
      byName.set(use.name, list);
      this.uses.set(definition, byName);
    }
  }

  /** A file was rewritten: what it, and every module built from it, exported may have changed. */
  async forget(path: string): Promise<void> {
    const changed = resolve(path);
    this.modules.delete(changed);
    // Through the index of what each module drew on, not by going over every module read so far.
    for (const key of this.dependents.get(changed) ?? []) this.modules.delete(key);
    this.dependents.delete(changed);
  }

  private async link(raw: RawFile, budget: Budget, chain: string[], exporting: boolean, trace = newTrace()): Promise<ModuleLinks> {
    const path = resolve(raw.path);
    const imported = new Map<string, ImportedSymbol>();
    const wanted = linkedNames(raw, exporting);
    for (const entry of raw.localImports ?? []) {
      // An SDK's own classes and functions are known by name; there is nothing to follow.
      const qualified = entry.name === null ? entry.module : `${entry.module}.${entry.name}`;
      if (!wanted.has(entry.local) || raw.tables.constructors.has(qualified) || raw.tables.moduleClients.has(qualified) || raw.tables.requestFunctions.has(qualified)) continue;
      const symbol = await this.importSymbol(path, raw.language === "python", entry, budget, [...chain, path], trace);
      if (symbol) imported.set(entry.local, symbol);
    }
    const uses = this.uses.size > 0 ? this.uses.get(realPath(path)) : undefined;
    const links: ModuleLinks = { imported, uses: uses ?? new Map(), deps: [...trace.deps], ...(trace.absent.size > 0 ? { absent: [...trace.absent] } : {}) };
    if (this.typeAware && chain.length === 0 && raw.language !== "python") {
      this.oracle ??= TypeOracle.load(this.root);
      links.typed = (await this.oracle).clientsOf(raw);
    }
    return links;
  }

  private resolveModule(from: string, python: boolean, module: string, trace: Trace): string | undefined {
    const tried: string[] = [];
    const read: string[] = [];
    const found = python ? resolvePythonModule(this.files, from, module, this.root, tried) : resolveScriptModule(this.files, from, module, this.root, tried, read);
    // A file that did not exist but would have been chosen: creating it changes the result.
    for (const candidate of tried) trace.absent.add(candidate);
    for (const config of read) trace.deps.add(config);
    return found;
  }

  private async importSymbol(
    from: string,
    python: boolean,
    entry: LocalImport,
    budget: Budget,
    chain: string[],
    trace: Trace,
  ): Promise<ImportedSymbol | undefined> {
    const file = this.resolveModule(from, python, entry.module, trace);
    const loaded = file ? await this.load(file, budget, chain, trace) : undefined;
    if (loaded && entry.name === null) return this.moduleSymbol(loaded, budget, chain, trace);
    const symbol = loaded && entry.name !== null ? await this.lookup(loaded, entry.name, budget, chain, trace) : undefined;
    if (symbol || !python || entry.name === null) return symbol;
    // from app import clients: a submodule of the package, not a name its __init__ defines.
    return this.importSymbol(from, true, { local: entry.local, module: pythonSubmodule(entry.module, entry.name), name: null }, budget, chain, trace);
  }

  /**
   * A name a module offers: one it defines, or one it imports or re-exports (`from .llm import
   * client` in a package's `__init__.py`, `export { x } from "./x"`), followed when asked for.
   */
  private async lookup(module: LoadedModule, name: string, budget: Budget, chain: string[], trace: Trace): Promise<ImportedSymbol | undefined> {
    const own = module.exports.get(name);
    if (own) return own;
    const within = [...chain, module.path];
    const imported = module.importOf.get(name);
    if (imported) return this.importSymbol(module.path, module.python, imported, budget, within, trace);
    const reexport = module.reexportOf.get(name);
    if (reexport) return this.importSymbol(module.path, false, { local: name, module: reexport.module, name: reexport.name }, budget, within, trace);
    for (const reexport of module.reexports) {
      if (reexport.exported !== null || name === "default") continue;
      // export * from "./models": every name of that module but its default.
      const target = this.resolveModule(module.path, false, reexport.module, trace);
      const loaded = target ? await this.load(target, budget, within, trace) : undefined;
      const symbol = loaded ? await this.lookup(loaded, name, budget, within, trace) : undefined;
      if (symbol) return symbol;
    }
    return undefined;
  }

  /** `import app.clients as c`, `import * as llm`: the module with each name it offers. */
  private async moduleSymbol(module: LoadedModule, budget: Budget, chain: string[], trace: Trace): Promise<ImportedSymbol> {
    const exports = new Map(module.exports);
    const names = [...module.imports.map((entry) => entry.local), ...module.reexports.flatMap((entry) => (entry.exported === null ? [] : [entry.exported]))];
    for (const name of names) {
      if (exports.has(name)) continue;
      const symbol = await this.lookup(module, name, budget, chain, trace);
      if (symbol) exports.set(name, symbol);
    }
    return { kind: "module", path: module.path, exports };
  }

  private async load(path: string, budget: Budget, chain: string[], trace: Trace): Promise<LoadedModule | undefined> {
    trace.deps.add(path);
    if (chain.includes(path)) {
      trace.cycles.add(path);
      return undefined;
    }
    if (chain.length > MAX_DEPTH) {
      trace.deep = true;
      return undefined;
    }
    const readings = this.modules.get(path) ?? [];
    let reading = readings.find((candidate) => holdsFor(candidate, chain));
    if (!reading) {
      const read = await this.read(path, budget, chain).catch(() => ({ trace: { ...newTrace(), failed: true } }) as { module?: LoadedModule; trace: Trace });
      const stoppedAt = new Set([...read.trace.cycles].filter((met) => chain.includes(met)));
      reading = { ...read, stoppedAt, depth: chain.length };
      if (!read.trace.failed) {
        this.modules.set(path, [...readings, reading]);
        for (const dep of read.trace.deps) {
          let set = this.dependents.get(dep);
          if (!set) this.dependents.set(dep, (set = new Set()));
          set.add(path);
        }
      }
    }
    merge(trace, reading.trace);
    return reading.module;
  }

  private async read(path: string, budget: Budget, chain: string[]): Promise<{ module?: LoadedModule; trace: Trace }> {
    this.modulesRead++;
    const trace = newTrace();
    trace.deps.add(path);
    const language = languageForPath(path);
    if (language !== "python" && language !== "javascript" && language !== "typescript") return { trace };
    const python = language === "python";
    const bytes = readFileSync(path);
    const empty = loadedModule(path, python, new Map(), [], []);
    if (bytes.length > MAX_MODULE_BYTES || !(MODULE_TRIGGER.test(bytes.toString("latin1")) || REEXPORTING.test(basename(path)))) return { module: empty, trace };
    const decoded = decode(bytes);
    if ("error" in decoded) return { trace };
    let imports: LocalImport[] = [];
    let reexports: Reexport[] = [];
    const link: Link = async (raw) => {
      imports = raw.localImports ?? [];
      reexports = raw.reexports ?? [];
      return this.link(raw, budget, chain, true, trace);
    };
    const lowered = await lowerSource(path, language, decoded.text, budget, link);
    if ("error" in lowered) return { trace };
    return { module: loadedModule(path, python, lowered.file.exportsOf?.() ?? new Map(), imports, reexports), trace };
  }
}

/** The path with symbolic links resolved, so a file reached two ways is one file. */
export function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}
