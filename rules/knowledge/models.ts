/**
 * The model IDs the migration knows about. The next migration is a change to this table.
 * Source: ../shared/API-FACTS.md §2 (Cerebras deprecation page; Z.ai model list).
 */

export type ModelKind =
  /** A Cerebras ID that is gone or going; `replacement` is what Cerebras suggests. */
  | "cerebras-retired"
  /** One of Z.ai's own IDs: valid on Z.ai, not on Cerebras. */
  | "zai";

export interface KnownModel {
  id: string;
  kind: ModelKind;
  /** For Cerebras IDs: the ID Cerebras names as the replacement. */
  replacement?: string;
  /** When Cerebras retired (or deprecated) it. */
  retired?: string;
  /** Deprecated models still answer for a while; retired ones are gone. */
  status?: "deprecated" | "retired";
  /**
   * The fix may rewrite it to the target model. False for models with no Cerebras equivalent
   * (Z.ai's flash, air and vision variants) and for retired IDs whose suggested replacement is a
   * different model family: the user must choose.
   */
  autoFix: boolean;
  note?: string;
}

export const KNOWN_MODELS: readonly KnownModel[] = [
  { id: "zai-glm-4.6", kind: "cerebras-retired", status: "deprecated", replacement: "zai-glm-4.7", retired: "2026-01-20", autoFix: true },
  { id: "qwen-3-32b", kind: "cerebras-retired", replacement: "gpt-oss-120b", retired: "2026-02-16", autoFix: false },
  { id: "llama-3.3-70b", kind: "cerebras-retired", replacement: "gpt-oss-120b", retired: "2026-02-16", autoFix: false },
  { id: "llama3.1-8b", kind: "cerebras-retired", retired: "2026-05-27", autoFix: false },
  { id: "qwen-3-235b-a22b-instruct-2507", kind: "cerebras-retired", retired: "2026-05-27", autoFix: false },
  { id: "qwen-3-235b-a22b-thinking-2507", kind: "cerebras-retired", retired: "2025-11-14", autoFix: false },
  { id: "qwen-3-coder-480b", kind: "cerebras-retired", retired: "2025-11-05", autoFix: false },
  { id: "llama-4-scout-17b-16e-instruct", kind: "cerebras-retired", retired: "2025-11-03", autoFix: false },
  { id: "llama-4-maverick-17b-128e-instruct", kind: "cerebras-retired", retired: "2025-10-15", autoFix: false },
  { id: "deepseek-r1-distill-llama-70b", kind: "cerebras-retired", retired: "2025-08-12", autoFix: false },
  { id: "qwen-3-235b-a22b", kind: "cerebras-retired", retired: "2025-07-29", autoFix: false },
  { id: "llama3.1-70b", kind: "cerebras-retired", retired: "2025-01-17", autoFix: false },
  { id: "glm-4.7", kind: "zai", autoFix: true },
  { id: "glm-4.6", kind: "zai", autoFix: true },
  { id: "glm-4.5", kind: "zai", autoFix: true },
  { id: "glm-4.5-x", kind: "zai", autoFix: true },
  { id: "glm-4.7-flash", kind: "zai", autoFix: false, note: "a flash variant" },
  { id: "glm-4.7-flashx", kind: "zai", autoFix: false, note: "a flash variant" },
  { id: "glm-4.5-flash", kind: "zai", autoFix: false, note: "a flash variant" },
  { id: "glm-4.5-air", kind: "zai", autoFix: false, note: "an air variant" },
  { id: "glm-4.5-airx", kind: "zai", autoFix: false, note: "an air variant" },
  { id: "glm-4.6v", kind: "zai", autoFix: false, note: "a vision model" },
  { id: "glm-4.5v", kind: "zai", autoFix: false, note: "a vision model" },
];

/**
 * Provider prefixes seen in front of model IDs (LiteLLM, Vercel AI Gateway, OpenRouter). The
 * prefix decides the endpoint, whatever client sends the string.
 */
export const MODEL_PREFIXES: readonly { prefix: string; endpoint?: "cerebras" | "zai" | "other" }[] = [
  { prefix: "cerebras/", endpoint: "cerebras" },
  // LiteLLM's OpenAI-compatible provider: the api_base, not the prefix, says where it goes.
  { prefix: "openai/" },
  { prefix: "zai/", endpoint: "zai" },
  { prefix: "zhipuai/", endpoint: "zai" },
  { prefix: "openrouter/", endpoint: "other" },
  { prefix: "z-ai/", endpoint: "other" },
];

const byId = new Map(KNOWN_MODELS.map((model) => [model.id, model]));

/**
 * Any other Z.ai GLM ID (`glm-4`, `glm-4-flash`, `glm-4-0520`, `glm-5`): not a Cerebras model,
 * and not one whose Cerebras equivalent we can name, so it is reported without a fix.
 */
function otherZaiModel(id: string): KnownModel | undefined {
  if (!/^glm-\d[\w.-]*$/i.test(id)) return undefined;
  return { id, kind: "zai", autoFix: false, note: "a model Cerebras does not serve" };
}

export interface ParsedModelId {
  /** Everything before the bare ID, e.g. `cerebras/` or `openrouter/z-ai/`. */
  prefix: string;
  id: string;
  known?: KnownModel;
  /** The endpoint the prefix names, if any. */
  prefixEndpoint?: "cerebras" | "zai" | "other";
}

export function parseModelId(text: string): ParsedModelId {
  let rest = text;
  let prefix = "";
  let prefixEndpoint: ParsedModelId["prefixEndpoint"];
  for (;;) {
    const found = MODEL_PREFIXES.find((candidate) => rest.startsWith(candidate.prefix));
    if (!found) break;
    prefix += found.prefix;
    rest = rest.slice(found.prefix.length);
    // The outermost router decides where the request goes (openrouter/z-ai/... is OpenRouter).
    if (prefix === found.prefix) prefixEndpoint = found.endpoint;
  }
  const known = byId.get(rest) ?? otherZaiModel(rest);
  return { prefix, id: rest, ...(known ? { known } : {}), ...(prefixEndpoint ? { prefixEndpoint } : {}) };
}

/** Byte strings the prefilter looks for on behalf of the model tables. */
export const MODEL_TRIGGERS: readonly string[] = [...new Set(["glm-", ...KNOWN_MODELS.map((model) => model.id)])];

/**
 * The `reasoning_effort` values each current Cerebras model takes: zai-glm-4.7 `none` to `high`,
 * gpt-oss-120b only `low` to `high` (it cannot turn reasoning off). Source: Cerebras deprecation
 * notices, 2026-03-24 (`disable_reasoning` → `reasoning_effort="none"`); @cerebras/cerebras_cloud_sdk
 * 1.91 src/resources/chat/completions.ts.
 */
const REASONING_EFFORTS: ReadonlyMap<string, readonly string[]> = new Map([
  ["zai-glm-4.7", ["none", "low", "medium", "high"]],
  ["gpt-oss-120b", ["low", "medium", "high"]],
]);

/**
 * The efforts a request's model takes, once the migration has moved it: a model the model-id rule
 * rewrites to the target takes the target's. Undefined where the model is not known.
 */
export function reasoningEffortsFor(model: string | undefined, target: string): readonly string[] | undefined {
  if (model === undefined) return undefined;
  const { id, known } = parseModelId(model);
  if (REASONING_EFFORTS.has(id)) return REASONING_EFFORTS.get(id);
  return known?.autoFix ? REASONING_EFFORTS.get(target) : undefined;
}
