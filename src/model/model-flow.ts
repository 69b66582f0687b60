import { findOption } from "./endpoints.js";
import type { ModelRef, RequestSite, Value } from "./types.js";

/** Keys that carry a request's model (`model`, LangChain JS's `modelName`, `model_name`). */
const MODEL_KEYS = ["model", "modelName", "model_name"];

/**
 * Calls and indexes that derive a model ID from a string without changing which model it names:
 * `MODELS.GLM.split("/").pop()`, `.trim()`, `.toLowerCase()`, `[1]`.
 */
const DERIVED = /(?:\??\.(?:split|pop|shift|at|trim|toLowerCase|lower|strip|replace|removeprefix|slice|substring)\((?:[^()]|\([^()]*\))*\)|\[-?\d+\])+$/;

/**
 * The string literals a model expression can hold, followed through the file's constants:
 * a name (`MODEL`, `this.modelId`, `self.id`), a field of a constant object (`MODELS.GLM_4_6`), a
 * lookup in a constant dict (`MODELS[name]`, `MODELS.get(name)`: any of its values), and strings
 * derived from one (`MODELS.X.split("/").pop()`). Nothing is guessed: an unknown part gives none.
 */
export function modelLiterals(value: Value, text: string, constants: ReadonlyMap<string, Value>, depth = 0): Value[] {
  if (depth > 6) return [];
  if (value.kind === "string") return value.contentRange ? [value] : [];
  const follow = (next: Value | undefined): Value[] => (next ? modelLiterals(next, text, constants, depth + 1) : []);
  if (value.kind === "name" && value.name) return follow(lookup(value.name, constants));
  const source = text.slice(value.range.start, value.range.end).trim().replace(/!$/, "");
  const stripped = source.replace(DERIVED, "");
  if (stripped !== source && /^[\w$.]+$/.test(stripped)) return follow(lookup(stripped, constants));
  // MODELS[name], MODELS.get(name), MODELS.get(name, default): every value of the dict.
  const indexed = /^([\w$.]+)(?:\[[^\]]+\]|\.get\([^()]*\))$/.exec(stripped);
  const table = indexed ? lookup(indexed[1]!, constants) : undefined;
  if (table?.kind === "object" && table.list) {
    return table.list.entries.filter((entry) => !entry.spread).flatMap((entry) => follow(entry.value));
  }
  return [];
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

/**
 * Gives each model literal the endpoint of the requests it reaches through constants, fields and
 * lookups, and each request the one literal its model resolves to, when there is one.
 */
export function linkModelFlow(models: ModelRef[], requests: RequestSite[], text: string, constants: ReadonlyMap<string, Value>): void {
  const byContent = new Map<number, ModelRef>();
  for (const model of models) if (model.value.contentRange) byContent.set(model.value.contentRange.start, model);
  const reached = new Map<ModelRef, Set<RequestSite["endpoint"]>>();
  for (const request of requests) {
    const given = MODEL_KEYS.map((key) => findOption(request.request, key)).find((value) => value !== undefined);
    if (!given || given.kind === "string") continue;
    const literals = modelLiterals(given, text, constants);
    if (literals.length === 1) request.model = literals[0]!;
    for (const literal of literals) {
      const ref = byContent.get(literal.contentRange!.start);
      if (!ref) continue;
      const set = reached.get(ref) ?? new Set();
      set.add(request.endpoint);
      reached.set(ref, set);
    }
  }
  for (const [ref, endpoints] of reached) {
    if (ref.endpoint === "unknown" && endpoints.size === 1) ref.endpoint = [...endpoints][0]!;
  }
}
