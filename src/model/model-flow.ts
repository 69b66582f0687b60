import { findOption } from "./endpoints.js";
import type { Endpoint, Entry, EntryList, ModelRef, RawParameter, RequestSite, Value } from "./types.js";

/** Keys that carry a request's model (`model`, LangChain JS's `modelName`, `model_name`). */
const MODEL_KEYS = ["model", "modelName", "model_name"];

/**
 * Calls and indexes that derive a model ID from a string without changing which model it names:
 * `MODELS.GLM.split("/").pop()`, `.trim()`, `.toLowerCase()`, `[1]`.
 */
const DERIVED = /(?:\??\.(?:split|pop|shift|at|trim|toLowerCase|lower|strip|replace|removeprefix|slice|substring)\((?:[^()]|\([^()]*\))*\)|\[-?\d+\])+$/;

/** Where a value's names resolve: the file's constants, and each function's parameters and callers. */
export interface ValueFlow {
  text: string;
  constants: ReadonlyMap<string, Value>;
  /** The function an assigned value is evaluated in; absent at module level. */
  valueScopes?: ReadonlyMap<Value, number>;
  parameters?: ReadonlyMap<number, readonly RawParameter[]>;
  /** The calls of this file to the function whose scope is given. */
  callers?: (scope: number) => readonly Caller[];
  /**
   * What a getter or a function without arguments returns, each value with the scope it is
   * evaluated in: `self.active_model` (a property), `this.model` (a getter), `self.pick()`, `pick()`.
   */
  returns?: (name: string, scope: number) => readonly { value: Value; scope: number }[] | undefined;
  /** The string a name imported from another module holds (`Config.GLM_MODEL`). */
  importedString?: (name: string, scope: number) => string | undefined;
}

/** A call to one of the file's functions: its arguments, where it stands, and the parameters it skips (`self`). */
export interface Caller {
  args: EntryList;
  scope: number;
  shift: number;
}

/**
 * What a value can be: the string literals it may hold (a string from another module has no
 * `contentRange`); whether it may also be something the file does not show (`possible`: a
 * parameter another caller sets, a fallback); and the parameters it passes through (`scope NUL name`).
 */
export interface Candidates {
  literals: Value[];
  possible: boolean;
  parameters: Set<string>;
}

/** Calls that read a setting with a fallback: `cfg.get("model", "...")`, `os.getenv("M", "...")`, `getattr(c, "model", "...")`. */
const FALLBACK_CALLS: ReadonlySet<string> = new Set(["get", "getenv", "getattr"]);

/**
 * The string literals a model expression can hold, followed through the file's constants:
 * a name (`MODEL`, `this.modelId`, `self.id`), a field of a constant object (`MODELS.GLM_4_6`), a
 * lookup in a constant dict (`MODELS[name]`, `MODELS.get(name)`: any of its values), and strings
 * derived from one (`MODELS.X.split("/").pop()`). Nothing is guessed: an unknown part gives none.
 */
export function modelLiterals(value: Value, text: string, constants: ReadonlyMap<string, Value>): Value[] {
  return candidates(value, -1, { text, constants }).literals.filter((literal) => literal.contentRange);
}

/**
 * What a value in `scope` may hold, as `modelLiterals` follows it, and further: a parameter is its
 * default and whatever the file's calls of its function pass for it (keyword or position), a
 * name assigned in a function is followed in that function, a fallback (`cfg.get("model", "x")`,
 * `os.getenv("M", "x")`) is its literal, and a name another module defines is the string it holds.
 */
export function candidates(value: Value, scope: number, flow: ValueFlow): Candidates {
  const found: Candidates = { literals: [], possible: false, parameters: new Set() };
  const seen = new Set<Value>();
  collect(value, scope, flow, found, seen, 0);
  return found;
}

function collect(value: Value, scope: number, flow: ValueFlow, found: Candidates, seen: Set<Value>, depth: number): void {
  if (depth > 8 || seen.has(value)) return;
  seen.add(value);
  const { text, constants } = flow;
  const follow = (next: Value | undefined, at = -1): void => {
    if (next) collect(next, flow.valueScopes?.get(next) ?? at, flow, found, seen, depth + 1);
    else found.possible = true;
  };
  if (value.kind === "string") {
    if (value.contentRange && value.string !== undefined) found.literals.push(value);
    else found.possible = true;
    return;
  }
  if (value.kind === "name" && value.name) {
    if (parameter(value.name, scope, flow, found, (next, at) => collect(next, at, flow, found, seen, depth + 1))) return;
    const held = lookup(value.name, constants);
    if (held) return follow(held);
    const returned = flow.returns?.(value.name, scope);
    if (returned) return returned.forEach((item) => collect(item.value, item.scope, flow, found, seen, depth + 1));
    const imported = flow.importedString?.(value.name, scope);
    if (imported !== undefined) found.literals.push({ kind: "string", range: value.range, string: imported });
    else found.possible = true;
    return;
  }
  const source = text.slice(value.range.start, value.range.end).trim().replace(/!$/, "");
  const stripped = source.replace(DERIVED, "");
  if (stripped !== source && /^[\w$.]+$/.test(stripped)) return follow({ kind: "name", name: stripped, range: value.range }, scope);
  // MODELS[name], MODELS.get(name), MODELS.get(name, default): every value of the dict.
  const indexed = /^([\w$.]+)(?:\[[^\]]+\]|\.get\([^()]*\))$/.exec(stripped);
  const table = indexed ? lookup(indexed[1]!, constants) : undefined;
  // MODEL_CHAIN[self.index]: every element of the list.
  if ((table?.kind === "object" || table?.kind === "array") && table.list) {
    for (const entry of table.list.entries) if (!entry.spread) follow(entry.value);
  }
  // self.pick_model(), pick(): what the function returns.
  const returned = value.kind === "call" && value.callee && value.args?.entries.length === 0 ? flow.returns?.(value.callee, scope) : undefined;
  if (returned) return returned.forEach((item) => collect(item.value, item.scope, flow, found, seen, depth + 1));
  const callee = value.kind === "call" && value.args ? /([\w$]+)\s*$/.exec(text.slice(value.range.start, value.args.range.start))?.[1] : undefined;
  if (value.kind === "call" && value.args && callee !== undefined && FALLBACK_CALLS.has(callee)) {
    // cfg.get("model", "llama3.3-70b"): the fallback, or whatever the setting holds.
    const positional = value.args.entries.filter((entry) => entry.key === null && !entry.spread);
    // getattr(obj, "model", fallback) names the attribute first; get and getenv name the key.
    const least = callee === "getattr" ? 3 : 2;
    const fallback = value.args.entries.find((entry) => entry.key === "default")?.value ?? (positional.length >= least ? positional.at(-1)!.value : undefined);
    found.possible = true;
    if (fallback?.kind === "string") collect(fallback, scope, flow, found, seen, depth + 1);
    return;
  }
  if (!table) found.possible = true;
}

/**
 * A name that is a parameter of the function `scope`: its default, and what each call of the
 * function in this file passes for it. Callers elsewhere may pass anything, so it is only possible.
 */
function parameter(name: string, scope: number, flow: ValueFlow, found: Candidates, follow: (value: Value, scope: number) => void): boolean {
  if (name.includes(".") || scope === -1) return false;
  const declared = flow.parameters?.get(scope)?.find((candidate) => candidate.name === name);
  if (!declared) return false;
  const key = `${scope}\u0000${name}`;
  if (found.parameters.has(key)) return true;
  found.parameters.add(key);
  found.possible = true;
  if (declared.default) follow(declared.default, -1);
  for (const caller of flow.callers?.(scope) ?? []) {
    const passed = argumentFor(caller, declared);
    if (passed) follow(passed, caller.scope);
  }
  return true;
}

/** The argument a call passes for a parameter, by keyword or position. */
export function argumentFor(caller: Caller, declared: RawParameter): Value | undefined {
  const entries = caller.args.entries;
  if (declared.field !== undefined) {
    const object = entries.filter((entry) => entry.key === null && !entry.spread)[declared.field - caller.shift]?.value;
    return object?.kind === "object" ? findOption(object.list, declared.name) : undefined;
  }
  const keyword = entries.find((entry) => entry.key === declared.name && !entry.spread);
  if (keyword) return keyword.value;
  if (declared.index === -1) return undefined;
  const positional: Entry[] = [];
  for (const entry of entries) {
    // After `*args` or `...rest` positions are not known.
    if (entry.spread && entry.key === null) break;
    if (entry.key === null) positional.push(entry);
  }
  return positional[declared.index - caller.shift]?.value;
}

/**
 * The dotted name a model expression reads, through a name that holds a derived string
 * (`this.model` set to `MODELS.GLM.split("/").pop()`): `MODELS.GLM`. For a model imported from
 * another module, where the literal sits.
 */
export function modelSourceName(value: Value, text: string, constants: ReadonlyMap<string, Value>, depth = 0): string | undefined {
  if (value.kind === "string" || depth > 4) return undefined;
  if (value.kind === "name" && value.name) {
    const held = constants.get(value.name);
    return (held && held.kind !== "string" ? modelSourceName(held, text, constants, depth + 1) : undefined) ?? value.name;
  }
  return derivedFrom(text.slice(value.range.start, value.range.end));
}

/** `MODELS.GLM` of the source text `MODELS.GLM.split("/").pop()!`; undefined for anything else. */
export function derivedFrom(source: string): string | undefined {
  const stripped = source.trim().replace(/!$/, "").replace(DERIVED, "");
  return /^[\w$]+(\.[\w$]+)+$/.test(stripped) ? stripped : undefined;
}

/** A dotted name's value: a constant, a field of a constant object, or a class attribute read off `self`. */
function lookup(name: string, constants: ReadonlyMap<string, Value>): Value | undefined {
  const direct = constants.get(name);
  if (direct) return direct;
  const segments = name.split(".");
  for (let cut = segments.length - 1; cut >= 1; cut--) {
    let value = constants.get(segments.slice(0, cut).join("."));
    for (const segment of segments.slice(cut)) value = value?.kind === "object" ? findOption(value.list, segment) : undefined;
    if (value) return value;
  }
  // self.id of a class whose body says `id = "..."`: the attribute's default.
  if (segments.length === 2 && segments[0] === "self") return constants.get(segments[1]!);
  return undefined;
}

/** Adds an endpoint to a set kept per key. */
function reach<K>(map: Map<K, Set<Endpoint>>, key: K, endpoint: Endpoint): void {
  const set = map.get(key) ?? new Set<Endpoint>();
  set.add(endpoint);
  map.set(key, set);
}

/**
 * Gives each model literal the endpoint of the requests it reaches through constants, fields,
 * lookups, parameter defaults and the arguments of calls, and each request the one model string
 * its model resolves to, when there is one (`modelPossible` when it may also be another). Returns
 * the endpoints each parameter (`scope NUL name`) reaches as a request's model.
 */
export function linkModelFlow(models: ModelRef[], requests: RequestSite[], flow: ValueFlow, scopeOf: (request: RequestSite) => number): Map<string, Set<Endpoint>> {
  const reached = new Map<ModelRef, Set<Endpoint>>();
  const parameters = new Map<string, Set<Endpoint>>();
  const byContent = new Map<number, ModelRef>();
  for (const model of models) if (model.value.contentRange) byContent.set(model.value.contentRange.start, model);
  for (const request of requests) {
    const given = MODEL_KEYS.map((key) => findOption(request.request, key)).find((value) => value !== undefined);
    if (!given || given.kind === "string") continue;
    const found = candidates(given, scopeOf(request), flow);
    const strings = new Set(found.literals.map((literal) => literal.string));
    if (strings.size === 1) {
      request.model = found.literals[0]!;
      if (found.possible) request.modelPossible = true;
    }
    for (const literal of found.literals) {
      const ref = literal.contentRange ? byContent.get(literal.contentRange.start) : undefined;
      if (ref) reach(reached, ref, request.endpoint);
    }
    for (const key of found.parameters) reach(parameters, key, request.endpoint);
  }
  settle(reached);
  return parameters;
}

/**
 * Model literals passed to a function of another module (or this one) whose parameter reaches
 * requests: `ask_cerebras(q, model="...")`, through the caller's own parameters too.
 */
export function linkWrapperCalls(models: ModelRef[], calls: readonly { caller: Caller; parameter: RawParameter; endpoints: ReadonlySet<Endpoint> }[], flow: ValueFlow, parameters: Map<string, Set<Endpoint>>): void {
  const reached = new Map<ModelRef, Set<Endpoint>>();
  const byContent = new Map<number, ModelRef>();
  for (const model of models) if (model.value.contentRange) byContent.set(model.value.contentRange.start, model);
  for (const { caller, parameter, endpoints } of calls) {
    const passed = argumentFor(caller, parameter);
    if (!passed) continue;
    const found = candidates(passed, caller.scope, flow);
    for (const endpoint of endpoints) {
      for (const literal of found.literals) {
        const ref = literal.contentRange ? byContent.get(literal.contentRange.start) : undefined;
        if (ref) reach(reached, ref, endpoint);
      }
      for (const key of found.parameters) reach(parameters, key, endpoint);
    }
  }
  settle(reached);
}

function settle(reached: Map<ModelRef, Set<Endpoint>>): void {
  for (const [ref, endpoints] of reached) {
    if (ref.endpoint === "unknown" && endpoints.size === 1) ref.endpoint = [...endpoints][0]!;
  }
}
