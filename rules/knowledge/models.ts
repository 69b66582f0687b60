/**
 * The model IDs the migration knows about, read from the catalog (catalog.json, with the source of
 * each fact). The next migration is a change to the catalog, not to this module.
 */
import { CATALOG, catalogModel, type CatalogModel } from "./catalog.js";

export type ModelKind =
  /** A Cerebras ID that is gone or going; `replacement` is what Cerebras suggests. */
  | "cerebras-retired"
  /** A Cerebras ID that is served now (or that third parties report served). */
  | "cerebras-current"
  /** One of Z.ai's own IDs: valid on Z.ai, not on Cerebras. */
  | "zai";

export interface KnownModel {
  id: string;
  kind: ModelKind;
  /** For Cerebras IDs: the ID Cerebras names as the replacement. */
  replacement?: string;
  /** When Cerebras retired it (or, for one still answering, deprecated it). */
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
  /**
   * Another provider serves the same ID, so the string alone does not say it is meant for
   * Cerebras: it counts only where it reaches a Cerebras-bound request.
   */
  sharedWith?: string;
}

function knownFrom(model: CatalogModel): KnownModel {
  const status = model.status.value;
  if (model.provider === "zai") {
    return { id: model.id, kind: "zai", autoFix: model.rewrite, ...(model.variant ? { note: model.variant } : {}) };
  }
  if (status === "current" || status === "reported") return { id: model.id, kind: "cerebras-current", autoFix: false };
  const shared = model.sharedWith ? { sharedWith: model.sharedWith.value } : {};
  const retired = status === "deprecated" ? model.deprecatedOn?.value : (model.retiredOn ?? model.deprecatedOn)?.value;
  return {
    id: model.id,
    kind: "cerebras-retired",
    autoFix: model.rewrite,
    ...(status === "deprecated" ? { status } : {}),
    ...(model.replacement ? { replacement: model.replacement.value } : {}),
    ...(retired ? { retired } : {}),
    ...shared,
  };
}

export const KNOWN_MODELS: readonly KnownModel[] = CATALOG.models.map(knownFrom);

/**
 * Provider prefixes seen in front of model IDs (LiteLLM, Vercel AI Gateway, OpenRouter,
 * pydantic-ai). The prefix decides the endpoint, whatever client sends the string.
 */
export const MODEL_PREFIXES: readonly { prefix: string; endpoint?: "cerebras" | "zai" | "other" }[] = CATALOG.prefixes;

const byId = new Map(KNOWN_MODELS.map((model) => [model.id, model]));

/**
 * Any other Z.ai GLM ID (`glm-4`, `glm-4-flash`, `glm-4-0520`, `glm-5`): not a Cerebras model,
 * and not one whose Cerebras equivalent we can name, so it is reported without a fix.
 */
function otherZaiModel(id: string): KnownModel | undefined {
  if (!/^glm-\d[\w.-]*$/i.test(id)) return undefined;
  return { id, kind: "zai", autoFix: false, note: "a GLM model" };
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
export const MODEL_TRIGGERS: readonly string[] = [
  ...new Set(["glm-", ...KNOWN_MODELS.filter((model) => model.kind !== "cerebras-current").map((model) => model.id)]),
];

/**
 * The efforts a request's model takes, once the migration has moved it: a model the model-id rule
 * rewrites to the target takes the target's. Undefined where the model is not known. The values
 * are the catalog's (zai-glm-4.7 `none` to `high`; gpt-oss-120b only `low` to `high`).
 */
export function reasoningEffortsFor(model: string | undefined, target: string): readonly string[] | undefined {
  if (model === undefined) return undefined;
  const { id, known } = parseModelId(model);
  const own = catalogModel(id)?.reasoningEfforts?.value;
  if (own) return own;
  return known?.autoFix ? catalogModel(target)?.reasoningEfforts?.value : undefined;
}
