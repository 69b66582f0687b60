import { classifyNames, classifyUrl } from "../../model/endpoints.js";
import { modelNameKind } from "../../model/names.js";
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
 * Picks the values that name models: under a key like `model` or `default_model_id`, or listed
 * under `models`. LiteLLM's `model_name` beside `litellm_params` is an alias users call by name,
 * not a model ID, and is left alone.
 */
export function configModels(values: readonly ConfigValue[]): ModelRef[] {
  const models: ModelRef[] = [];
  for (const entry of values) {
    const key = entry.keyPath.at(-1);
    if (key === undefined) continue;
    const kind = modelNameKind(key);
    if (!kind) continue;
    if (key === "model_name" && entry.siblings.has("litellm_params")) continue;
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
    models: configModels(values),
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
