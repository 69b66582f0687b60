import { classifyNames, classifyUrl } from "../../model/endpoints.js";
import { modelNameKind } from "../../model/names.js";
import { parseModelId } from "../../../rules/knowledge/models.js";
import type { Comment, ConfigEntry, EditKit, Endpoint, Language, LoweredFile, ModelRef, Range, Value } from "../../model/types.js";

/** A scalar (or list of scalars) under a key, as a config format reader sees it. */
export interface ConfigValue {
  /** Keys from the document root down to this value's own key. */
  keyPath: string[];
  value: Value;
  /** The string values beside it in the same table or object, by key; also the group's identity. */
  siblings: ReadonlyMap<string, string>;
  /** Where the key's name is written, when renaming it is a plain edit. */
  keyRange?: Range;
  /** The siblings of the mapping that holds this value's mapping. */
  parent?: ReadonlyMap<string, string>;
}

/** The entries with their groups numbered: one number per table, object, environment list or file. */
export function configEntries(values: readonly ConfigValue[]): ConfigEntry[] {
  const ids = new Map<ReadonlyMap<string, string>, number>();
  const idOf = (map: ReadonlyMap<string, string>): number => {
    let id = ids.get(map);
    if (id === undefined) ids.set(map, (id = ids.size));
    return id;
  };
  return values.map((entry) => ({
    keyPath: entry.keyPath,
    value: entry.value,
    group: idOf(entry.siblings),
    ...(entry.keyRange ? { keyRange: entry.keyRange } : {}),
    ...(entry.parent ? { parent: idOf(entry.parent) } : {}),
  }));
}

const URL_KEY = /(base_?url|api_?base|base_?uri|endpoint|host|url)$/i;
const PROVIDER_KEY = /^(provider|custom_llm_provider|llm_provider)$/i;

function endpointOf(entry: ConfigValue): Endpoint {
  for (const [key, value] of entry.siblings) {
    if (URL_KEY.test(key)) {
      const endpoint = classifyUrl(value);
      if (endpoint !== "unknown") return endpoint;
    }
    if (PROVIDER_KEY.test(key)) {
      const endpoint = classifyNames(value);
      if (endpoint !== "unknown") return endpoint;
    }
  }
  const fromPath = classifyNames(entry.keyPath.join(" "));
  if (fromPath !== "unknown") return fromPath;
  // CEREBRAS_API_KEY beside the model setting: that configuration talks to Cerebras.
  return classifyNames([...entry.siblings.keys()].join(" "));
}

/**
 * Where the whole document points, for a value whose own table does not say: the API URLs it holds
 * when they agree on one provider, else a file named for one (`providers/cerebras.yml`).
 */
function documentEndpoint(path: string, values: readonly ConfigValue[]): Endpoint {
  const found = new Set<Endpoint>();
  for (const entry of values) {
    const key = entry.keyPath.at(-1) ?? "";
    if (URL_KEY.test(key) && entry.value.kind === "string") found.add(classifyUrl(entry.value.string ?? ""));
  }
  found.delete("unknown");
  if (found.size === 1) return [...found][0]!;
  return found.size === 0 ? classifyNames(path.slice(path.lastIndexOf("/") + 1).replace(/\.[^.]*$/, "")) : "unknown";
}

/**
 * Keys that hold a model ID in configurations that never say "model": a models list's `id` or
 * `name`, a router's `default` or `llm`. Only IDs the catalog knows are taken from them, and as
 * literals: model-id counts them where the file talks to Cerebras (or Z.ai, for Z.ai's IDs).
 */
const GENERIC_MODEL_KEYS: ReadonlySet<string> = new Set(["id", "name", "default", "llm", "primary", "fallback"]);

/** Under a `models:` section (`models.creative`, `models[].id`). */
function inModelsSection(keyPath: readonly string[]): boolean {
  return keyPath.slice(0, -1).some((key) => modelNameKind(key) === "list");
}

/**
 * Picks the values that name models: under a key like `model` or `default_model_id`, or listed
 * under `models`. LiteLLM's `model_name` beside `litellm_params` is an alias users call by name,
 * not a model ID, and is left alone. Known IDs under other keys of a models section, or under a
 * generic key (`id`, `default`), are literals, counted by the file's context.
 */
export function configModels(values: readonly ConfigValue[], path = ""): ModelRef[] {
  const models: ModelRef[] = [];
  let whole: Endpoint | undefined;
  // A model setting's own table decides (an embedding model beside a Cerebras URL elsewhere is not
  // Cerebras'); a known ID under another key may take the document's provider.
  const endpointFor = (entry: ConfigValue): Endpoint => {
    const own = endpointOf(entry);
    return own !== "unknown" ? own : (whole ??= documentEndpoint(path, values));
  };
  for (const entry of values) {
    const key = entry.keyPath.at(-1);
    if (key === undefined) continue;
    if (key === "model_name" && entry.siblings.has("litellm_params")) continue;
    const kind = modelNameKind(key);
    if (!kind) {
      if (GENERIC_MODEL_KEYS.has(key.toLowerCase()) || inModelsSection(entry.keyPath)) models.push(...knownLiterals(entry, key, endpointFor));
      continue;
    }
    const endpoint = endpointOf(entry);
    if (entry.value.kind === "string" && kind === "single") {
      models.push({ value: entry.value, position: "config", key, endpoint });
    } else if (entry.value.kind === "array" && kind === "list" && entry.value.list) {
      const siblings = entry.value.list.entries.map((element) => element.value);
      for (const element of siblings) {
        if (element.kind === "string") models.push({ value: element, position: "config", key, endpoint, siblings });
      }
    }
  }
  return models;
}

/**
 * The catalog's model IDs in a value under a key that does not name a model. A retired ID only
 * Cerebras ever served names a Cerebras model wherever it is sent, so it is a model setting
 * unless the document points elsewhere; any other ID is a literal, counted by the file's context.
 */
function knownLiterals(entry: ConfigValue, key: string, endpointFor: (entry: ConfigValue) => Endpoint): ModelRef[] {
  const endpoint = endpointFor(entry);
  const refOf = (value: Value, place: "value" | "element", siblings?: Value[]): ModelRef | undefined => {
    const known = value.kind === "string" ? parseModelId(value.string ?? "").known : undefined;
    if (!known) return undefined;
    const cerebrasOwn = known.kind === "cerebras-retired" && !known.sharedWith && (endpoint === "cerebras" || endpoint === "unknown");
    return { value, position: cerebrasOwn ? "config" : "literal", key, endpoint, place, ...(siblings ? { siblings } : {}) };
  };
  if (entry.value.kind === "string") return [refOf(entry.value, "value")].filter((ref): ref is ModelRef => ref !== undefined);
  const siblings = entry.value.kind === "array" ? (entry.value.list?.entries ?? []).map((element) => element.value) : [];
  return siblings.map((value) => refOf(value, "element", siblings)).filter((ref): ref is ModelRef => ref !== undefined);
}

/** String values under URL-like keys, for the rule that checks where a configuration points. */
export function configUrls(values: readonly ConfigValue[]): { key: string; value: Value }[] {
  return values.flatMap((entry) => {
    const key = entry.keyPath.at(-1) ?? "";
    return URL_KEY.test(key) && entry.value.kind === "string" ? [{ key, value: entry.value }] : [];
  });
}

export function configKit(language: Language, lineComment: string): EditKit {
  const string = (value: string): string => JSON.stringify(value);
  return {
    language,
    quote: '"',
    string,
    boolean: (value) => String(value),
    null: () => "null",
    keyword: (name, valueText) => `${name}: ${valueText}`,
    entry: (name, valueText) => `${string(name)}: ${valueText}`,
    object: (entryTexts) => `{${entryTexts.join(", ")}}`,
    spread: (expressionText) => expressionText,
    lineComment,
  };
}

export function configFile(
  path: string,
  language: Language,
  text: string,
  values: readonly ConfigValue[],
  comments: Comment[],
  lineComment: string,
): LoweredFile {
  return {
    path,
    language,
    text,
    clients: [],
    requests: [],
    models: configModels(values, path),
    imports: [],
    urls: configUrls(values),
    configEntries: configEntries(values),
    constants: new Map(),
    reads: [],
    keys: [],
    comments,
    kit: configKit(language, lineComment),
  };
}

/** `# comment` lines and trailing comments, for formats whose parsers do not list them. */
export function hashComments(text: string): Comment[] {
  const comments: Comment[] = [];
  for (const match of text.matchAll(/(^|[ \t])(#[^\r\n]*)/gm)) {
    const start = match.index + match[1]!.length;
    comments.push({ range: { start, end: start + match[2]!.length }, text: match[2]! });
  }
  return comments;
}
