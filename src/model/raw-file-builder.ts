import { pushTo } from "../collections.js";
import { modelsIn, shadowKey, type LanguageTables, type RawBinding, type RawCall, type RawFile, type RawKey, type RawModel, type RawRead, type Returned } from "./assemble.js";
import type { RawChange } from "./body-flow.js";
import type { Signature } from "./wrappers.js";
import type { Comment, EditKit, ImportStatement, Language, LocalImport, Reexport, Value } from "./types.js";

/**
 * The facts a lowerer gathers while it walks one file's syntax tree, in the order it meets them.
 * Both lowerers (Python, JS/TS) fill one of these, so the shape of what they hand the assembler is
 * written once; `finish` gives the RawFile.
 */
export class RawFileBuilder {
  /** Local name → qualified name, from imports and requires. */
  readonly aliases = new Map<string, string>();
  readonly calls: RawCall[] = [];
  readonly bindings: RawBinding[] = [];
  readonly models: RawModel[] = [];
  readonly comments: Comment[] = [];
  readonly reads: RawRead[] = [];
  readonly imports: ImportStatement[] = [];
  readonly keys: RawKey[] = [];
  readonly localImports: LocalImport[] = [];
  readonly reexports: Reexport[] = [];
  readonly shadowed = new Set<string>();
  readonly functions = new Map<string, number>();
  /** Methods by name (a name two classes define is left out: which one a call means is unknown). */
  readonly methods = new Map<string, number>();
  private readonly methodNames = new Set<string>();
  /** The parameters of each function and method, by scope. */
  readonly signatures = new Map<number, Signature>();
  readonly returns = new Map<number, Returned[]>();
  readonly assignments = new Map<string, Value[]>();
  /** Whole assignments by scope and name (`shadowKey`), for what a name holds in one function. */
  readonly locals = new Map<string, Value[]>();
  readonly changes: RawChange[] = [];
  defaultExport: Returned | undefined;
  private doubleQuotes = 0;
  private singleQuotes = 0;

  /** A value assigned to a name or attribute, after those assigned before it. */
  assign(name: string, value: Value): void {
    pushTo(this.assignments, name, value);
  }

  /** A value assigned to a whole name in `scope` (as `assign`, which forgets the scope). */
  assignIn(scope: number, name: string, value: Value): void {
    pushTo(this.locals, shadowKey(scope, name), value);
  }

  /** A change of the dict or object `name` holds after it was built (`params["top_p"] = x`). */
  changed(change: RawChange): void {
    if (change.entries.length > 0) this.changes.push(change);
  }

  /** A method `name` whose body is scope `start`. */
  method(name: string, start: number): void {
    if (this.methodNames.has(name)) this.methods.delete(name);
    else this.methods.set(name, start);
    this.methodNames.add(name);
  }

  /** One `return` (or arrow body) of the function whose scope is `scope`. */
  returned(scope: number, value: Returned): void {
    pushTo(this.returns, scope, value);
  }

  /** A name bound in `scope` by a form the bindings do not model: never taken for an import there. */
  shadow(scope: number, name: string): void {
    this.shadowed.add(shadowKey(scope, name));
  }

  /** The model strings `value` holds in a position named `key`; a variable's carry its scope. */
  addModels(value: Value, position: RawModel["position"], key: string, call?: RawCall, scope?: number): void {
    const found = modelsIn(value, position, key, call);
    for (const model of found) this.models.push(scope === undefined ? model : { ...model, scope });
  }

  /** Counts a string literal's quote, so fixes write new strings the way the file mostly does. */
  countQuote(quote: string | undefined): void {
    if (quote === '"') this.doubleQuotes++;
    else if (quote === "'") this.singleQuotes++;
  }

  get preferredQuote(): "'" | '"' {
    return this.singleQuotes > this.doubleQuotes ? "'" : '"';
  }

  finish(file: { path: string; language: Language; text: string; kit: EditKit; tables: LanguageTables }): RawFile {
    return {
      path: file.path,
      language: file.language,
      text: file.text,
      aliases: this.aliases,
      calls: this.calls,
      bindings: this.bindings,
      models: this.models,
      imports: this.imports,
      reads: this.reads,
      keys: this.keys,
      comments: this.comments,
      assignments: this.assignments,
      locals: this.locals,
      changes: this.changes,
      kit: file.kit,
      tables: file.tables,
      localImports: this.localImports,
      reexports: this.reexports,
      functions: this.functions,
      methods: this.methods,
      signatures: this.signatures,
      returns: this.returns,
      shadowed: this.shadowed,
      ...(this.defaultExport ? { defaultExport: this.defaultExport } : {}),
    };
  }
}
