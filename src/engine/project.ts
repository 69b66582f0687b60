import { readFileSync } from "node:fs";
import { basename, relative, resolve } from "node:path";
import { languageForPath, lowerSource } from "../languages/index.js";
import type { Link, RawFile } from "../model/assemble.js";
import { linkedNames } from "../model/linked-names.js";
import type { Endpoint, ImportedSymbol, LocalImport, ModelUse, ModuleLinks, Reexport } from "../model/types.js";
import type { Budget } from "./budget.js";
import { decode } from "./decode.js";
import { pythonSubmodule, resolvePythonModule, resolveScriptModule } from "./module-paths.js";
import { TypeOracle } from "./type-oracle.js";

/** How far imports are followed: a client made three modules away is still found. */
const MAX_DEPTH = 3;
/** Modules past this size are data or generated code, not where clients are made. */
const MAX_MODULE_BYTES = 1024 * 1024;
/** A module that names none of these cannot make a client or hold a model ID worth following. */
const MODULE_TRIGGER = /openai|cerebras|zhipu|zai|bigmodel|glm|litellm|langchain|model/i;
/** A package's `__init__.py` or a folder's `index.ts` often only passes on what other modules made. */
const REEXPORTING = /^(__init__\.pyi?|index\.[cm]?[jt]sx?)$/;

interface LoadedModule {
  path: string;
  python: boolean;
  /** The names it defines (and those it imported for its own use). */
  exports: ReadonlyMap<string, ImportedSymbol>;
  imports: LocalImport[];
  reexports: Reexport[];
  /** This module and every module it drew on. */
  deps: string[];
}

/**
 * Follows imports between the files of one project (issue: clients and model IDs across
 * modules). Each imported module is read, lowered and assembled once per run, with its own
 * imports followed up to MAX_DEPTH; what it exports is kept by path.
 *
 * It also carries, for a second pass, where other files use a module's names as a request's
 * model, so the definition is reported once, naming a use.
 */
export class ModuleLinker {
  private readonly modules = new Map<string, Promise<LoadedModule | undefined>>();
  private uses = new Map<string, Map<string, { endpoint: Endpoint; at: string }[]>>();

  private oracle: Promise<TypeOracle> | undefined;

  /** With `typeAware`, TypeScript's checker names the client where imports and factories do not. */
  constructor(
    private readonly root: string,
    private readonly typeAware = false,
  ) {}

  /** The `Link` for one file's lowering, charged to that file's time budget. */
  linkFor(budget: Budget): Link {
    return (raw) => this.link(raw, budget, []);
  }

  /** Uses of module-level names found by a first pass over the files, for the second. */
  setUses(uses: readonly ModelUse[], cwd: string): void {
    this.uses = new Map();
    for (const use of uses) {
      const byName = this.uses.get(resolve(use.definition)) ?? new Map<string, { endpoint: Endpoint; at: string }[]>();
      const list = byName.get(use.name) ?? [];
      list.push({ endpoint: use.endpoint, at: `${relative(cwd, use.path).split("\\").join("/")}:${use.line}` });
      byName.set(use.name, list);
      this.uses.set(resolve(use.definition), byName);
    }
  }

  /** A file was rewritten: what it exported may have changed. */
  forget(path: string): void {
    this.modules.delete(resolve(path));
  }

  private async link(raw: RawFile, budget: Budget, chain: string[], exporting = false): Promise<ModuleLinks> {
    const path = resolve(raw.path);
    const imported = new Map<string, ImportedSymbol>();
    const deps = new Set<string>();
    const wanted = linkedNames(raw, exporting);
    for (const entry of raw.localImports ?? []) {
      if (!wanted.has(entry.local)) continue;
      const symbol = await this.importSymbol(path, raw.language === "python", entry, budget, [...chain, path], deps);
      if (symbol) imported.set(entry.local, symbol);
    }
    const links: ModuleLinks = { imported, uses: this.uses.get(path) ?? new Map(), deps: [...deps] };
    if (this.typeAware && chain.length === 0 && raw.language !== "python") {
      this.oracle ??= TypeOracle.load(this.root);
      links.typed = (await this.oracle).clientsOf(raw);
    }
    return links;
  }

  private async importSymbol(
    from: string,
    python: boolean,
    entry: LocalImport,
    budget: Budget,
    chain: string[],
    deps: Set<string>,
  ): Promise<ImportedSymbol | undefined> {
    const file = python ? resolvePythonModule(from, entry.module, this.root) : resolveScriptModule(from, entry.module, this.root);
    const loaded = file ? await this.load(file, budget, chain) : undefined;
    for (const dep of loaded?.deps ?? []) deps.add(dep);
    if (loaded && entry.name === null) return this.moduleSymbol(loaded, budget, chain, deps);
    const symbol = loaded && entry.name !== null ? await this.lookup(loaded, entry.name, budget, chain, deps) : undefined;
    if (symbol || !python || entry.name === null) return symbol;
    // from app import clients: a submodule of the package, not a name its __init__ defines.
    return this.importSymbol(from, true, { local: entry.local, module: pythonSubmodule(entry.module, entry.name), name: null }, budget, chain, deps);
  }

  /**
   * A name a module offers: one it defines, or one it imports or re-exports (`from .llm import
   * client` in a package's `__init__.py`, `export { x } from "./x"`), followed when asked for.
   */
  private async lookup(module: LoadedModule, name: string, budget: Budget, chain: string[], deps: Set<string>): Promise<ImportedSymbol | undefined> {
    const own = module.exports.get(name);
    if (own) return own;
    const within = [...chain, module.path];
    const imported = module.imports.find((entry) => entry.local === name);
    if (imported) return this.importSymbol(module.path, module.python, imported, budget, within, deps);
    for (const reexport of module.reexports) {
      if (reexport.exported === name) {
        return this.importSymbol(module.path, false, { local: name, module: reexport.module, name: reexport.name }, budget, within, deps);
      }
    }
    for (const reexport of module.reexports) {
      if (reexport.exported !== null || name === "default") continue;
      // export * from "./models": every name of that module but its default.
      const target = resolveScriptModule(module.path, reexport.module, this.root);
      const loaded = target ? await this.load(target, budget, within) : undefined;
      const symbol = loaded ? await this.lookup(loaded, name, budget, within, deps) : undefined;
      if (symbol) {
        for (const dep of loaded!.deps) deps.add(dep);
        return symbol;
      }
    }
    return undefined;
  }

  /** `import app.clients as c`, `import * as llm`: the module with each name it offers. */
  private async moduleSymbol(module: LoadedModule, budget: Budget, chain: string[], deps: Set<string>): Promise<ImportedSymbol> {
    const exports = new Map(module.exports);
    const names = [...module.imports.map((entry) => entry.local), ...module.reexports.flatMap((entry) => (entry.exported === null ? [] : [entry.exported]))];
    for (const name of names) {
      if (exports.has(name)) continue;
      const symbol = await this.lookup(module, name, budget, chain, deps);
      if (symbol) exports.set(name, symbol);
    }
    return { kind: "module", path: module.path, exports };
  }

  private load(path: string, budget: Budget, chain: string[]): Promise<LoadedModule | undefined> {
    if (chain.includes(path) || chain.length > MAX_DEPTH) return Promise.resolve(undefined);
    let loading = this.modules.get(path);
    if (!loading) {
      // A module that cannot be read now (gone, or over the time budget) may be read by a later file.
      loading = this.read(path, budget, chain).catch(() => {
        this.modules.delete(path);
        return undefined;
      });
      this.modules.set(path, loading);
    }
    return loading;
  }

  private async read(path: string, budget: Budget, chain: string[]): Promise<LoadedModule | undefined> {
    const language = languageForPath(path);
    if (language !== "python" && language !== "javascript" && language !== "typescript") return undefined;
    const python = language === "python";
    const bytes = readFileSync(path);
    const empty = { path, python, exports: new Map(), imports: [], reexports: [], deps: [path] };
    if (bytes.length > MAX_MODULE_BYTES || !(MODULE_TRIGGER.test(bytes.toString("latin1")) || REEXPORTING.test(basename(path)))) return empty;
    const decoded = decode(bytes);
    if ("error" in decoded) return undefined;
    const deps = new Set<string>([path]);
    let imports: LocalImport[] = [];
    let reexports: Reexport[] = [];
    const link: Link = async (raw) => {
      imports = raw.localImports ?? [];
      reexports = raw.reexports ?? [];
      const links = await this.link(raw, budget, chain, true);
      for (const dep of links.deps) deps.add(dep);
      return links;
    };
    const lowered = await lowerSource(path, language, decoded.text, budget, link);
    if ("error" in lowered) return undefined;
    return { path, python, exports: lowered.file.exports ?? new Map(), imports, reexports, deps: [...deps] };
  }
}
