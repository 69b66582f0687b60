import { ENDPOINT_DOMAINS, ENDPOINT_NAME_WORDS } from "../../rules/knowledge/endpoints.js";
import type { SdkConstructor } from "./sdks.js";
import type { Endpoint, EntryList, Value } from "./types.js";

/** A URL on one of these domains or a host under them, as a whole name (not `notcerebras.ai`). */
function domainPattern(domains: readonly string[]): RegExp {
  const alternatives = domains.map((domain) => domain.replace(/[.]/g, "\\.")).join("|");
  return new RegExp(`(^|[/.@])(${alternatives})(?=$|[/:?#])`);
}
const CEREBRAS_URL = domainPattern(ENDPOINT_DOMAINS.cerebras);
const ZAI_URL = domainPattern(ENDPOINT_DOMAINS.zai);

/**
 * Classifies a base URL. `inference.cerebras.ai` (the chat demo, not the API) still counts as
 * Cerebras: the code means to talk to Cerebras, and the provider-endpoint rule says the URL is wrong.
 */
export function classifyUrl(url: string): Endpoint {
  const lower = url.trim().toLowerCase();
  if (CEREBRAS_URL.test(lower)) return "cerebras";
  if (ZAI_URL.test(lower)) return "zai";
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(lower)) return "other";
  return "unknown";
}


/**
 * The endpoint named by the identifiers in an expression (`os.environ["CEREBRAS_BASE_URL"]`,
 * `process.env.ZAI_API_KEY`, `settings.cerebras_url`), if they agree on one.
 */
export function classifyNames(sourceText: string): Endpoint {
  const words = new Set(
    sourceText
      .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
      .toLowerCase()
      .split(/[^a-z0-9]+/),
  );
  const cerebras = ENDPOINT_NAME_WORDS.cerebras.some((word) => words.has(word));
  const zai = ENDPOINT_NAME_WORDS.zai.some((word) => words.has(word));
  if (cerebras && !zai) return "cerebras";
  if (zai && !cerebras) return "zai";
  return "unknown";
}

/** Classifies a base-URL or API-key expression: a literal URL, a call with a URL default, or names. */
export function classifyExpression(value: Value, fileText: string): Endpoint {
  if (value.kind === "string") return value.string === undefined ? "unknown" : classifyUrl(value.string);
  if (value.kind === "call") {
    // os.getenv("CEREBRAS_BASE_URL", "https://api.cerebras.ai/v1"), process.env.X ?? "..."
    for (const entry of value.args?.entries ?? []) {
      if (entry.value.kind === "string" && entry.value.string !== undefined) {
        const endpoint = classifyUrl(entry.value.string);
        if (endpoint !== "unknown") return endpoint;
      }
    }
  }
  const source = fileText.slice(value.range.start, value.range.end);
  const named = classifyNames(source);
  if (named !== "unknown") return named;
  // process.env.BASE_URL ?? "https://api.cerebras.ai/v1": a URL default inside the expression.
  const url = /https?:\/\/[^\s'"`]+/.exec(source);
  return url ? classifyUrl(url[0]) : "unknown";
}

/** Looks an option up by name; `a.b` looks inside a nested object literal. */
export function findOption(options: EntryList | undefined, path: string): Value | undefined {
  let list = options;
  const parts = path.split(".");
  for (let index = 0; index < parts.length; index++) {
    const entry = list?.entries.find((candidate) => candidate.key === parts[index]);
    if (!entry) return undefined;
    if (index === parts.length - 1) return entry.value;
    list = entry.value.list;
  }
  return undefined;
}

/**
 * Where a client built with these options sends its requests: its base URL (a literal, a constant
 * of the file, an env-var name, a URL default), else the name of its API-key variable, else the
 * SDK's default.
 */
export function clientEndpoint(
  constructor: SdkConstructor,
  options: EntryList | undefined,
  fileText: string,
  constants?: ReadonlyMap<string, Value>,
  /** Where a name of another module points (`settings.BASE_URL`). */
  imported?: (name: string) => Endpoint | undefined,
): { endpoint: Endpoint; baseUrl?: Value } {
  const elsewhere = (value: Value): Endpoint => (value.kind === "name" && value.name ? (imported?.(value.name) ?? "unknown") : "unknown");
  let given: Value | undefined;
  for (const key of constructor.baseUrlKeys) {
    const baseUrl = findOption(options, key);
    if (!baseUrl) continue;
    given = baseUrl;
    // base_url = os.getenv("CEREBRAS_BASE_URL", "https://api.cerebras.ai/v1"), then base_url=base_url:
    // the constant's value says where, else the name itself may (CEREBRAS_BASE_URL).
    const constant = baseUrl.kind === "name" && baseUrl.name ? constants?.get(baseUrl.name) : undefined;
    const fromConstant = constant ? classifyExpression(constant, fileText) : elsewhere(baseUrl);
    const endpoint = fromConstant !== "unknown" ? fromConstant : classifyExpression(baseUrl, fileText);
    if (endpoint !== "unknown") return { endpoint, baseUrl };
    break;
  }
  const withBase = given ? { baseUrl: given } : {};
  for (const key of constructor.apiKeyKeys) {
    const apiKey = findOption(options, key);
    if (apiKey && apiKey.kind !== "string") {
      // api_key=self.api_key, with self.api_key = os.getenv("CEREBRAS_API_KEY"): the names it was read from.
      const constant = apiKey.kind === "name" && apiKey.name ? constants?.get(apiKey.name) : undefined;
      const fromConstant = constant ? (constant.kind !== "string" ? classifyNames(fileText.slice(constant.range.start, constant.range.end)) : "unknown") : elsewhere(apiKey);
      const endpoint = fromConstant !== "unknown" ? fromConstant : classifyNames(fileText.slice(apiKey.range.start, apiKey.range.end));
      if (endpoint !== "unknown") return { endpoint, ...withBase };
    }
  }
  // A provider's own SDK talks to that provider, even through a base URL we cannot read.
  return { endpoint: constructor.defaultEndpoint, ...withBase };
}
