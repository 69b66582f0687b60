import { classifyExpression, classifyUrl, findOption } from "./endpoints.js";
import type { Endpoint, EntryList, Value } from "./types.js";

/** Dotted names in an expression's text (`BASE_URL`, `this.baseUrl`, `self.base_url`, `cfg.api.url`). */
const NAMES = /(?<![\w$.])(?:this\.|self\.)?[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*/g;
const URLS = /https?:\/\/[^\s'"`]+/g;

/**
 * Where a URL built in pieces points: a literal, a constant (module-level, a class field, an
 * attribute set once), or an expression joining them (a template string, an f-string, `+`,
 * `urljoin(BASE, ...)`, `new URL(path, BASE)`) whose URL parts agree on one endpoint. `imported`
 * gives the string a name holds in another module of the project.
 */
export function urlEndpoint(value: Value, text: string, constants: ReadonlyMap<string, Value>, imported?: (name: string) => string | undefined, depth = 0): Endpoint {
  if (value.kind === "string") return value.string === undefined ? "unknown" : classifyUrl(value.string);
  if (depth > 6) return "unknown";
  if (value.kind === "name" && value.name) {
    const constant = constants.get(value.name);
    if (constant) return urlEndpoint(constant, text, constants, imported, depth + 1);
    // self.base_url = Config.GLM_BASE_URL, with Config a settings class of another module.
    const elsewhere = imported?.(value.name);
    return elsewhere !== undefined ? classifyUrl(elsewhere) : classifyExpression(value, text);
  }
  const source = text.slice(value.range.start, value.range.end);
  const found = new Set<Endpoint>();
  for (const match of source.matchAll(URLS)) found.add(classifyUrl(match[0]));
  for (const match of source.matchAll(NAMES)) {
    // self.base_url of a class whose body says `base_url = ...`: the attribute's default.
    const constant = constants.get(match[0]) ?? (match[0].startsWith("self.") ? constants.get(match[0].slice(5)) : undefined);
    if (constant) found.add(urlEndpoint(constant, text, constants, imported, depth + 1));
    else if (imported?.(match[0]) !== undefined) found.add(classifyUrl(imported(match[0])!));
  }
  found.delete("unknown");
  if (found.size === 1) return [...found][0]!;
  return found.size === 0 ? classifyExpression(value, text) : "unknown";
}

/** The base URL an HTTP client was made with: `httpx.Client(base_url=...)`, `axios.create({ baseURL })`. */
export function clientBase(options: EntryList | undefined): Value | undefined {
  return findOption(options, "base_url") ?? findOption(options, "baseURL") ?? findOption(options, "baseUrl") ?? findOption(options, "prefixUrl");
}
