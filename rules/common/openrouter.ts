import type { LoweredFile, ModelRef, Value } from "../../src/model/types.js";
import { parseModelId } from "../knowledge/models.js";
import { field, requestBodies, type RequestBody } from "./body.js";

/**
 * OpenRouter requests pinned to Cerebras: a `z-ai/glm-*` slug with `provider: { only: [...] }` or
 * `provider: { order: [...] }` naming `cerebras` (OpenRouter docs, Provider Routing, read
 * 2026-11-29). Cerebras serves the model, so a GLM it retired fails there; OpenRouter translates
 * the other fields itself, so only the model is this migration's business.
 */
export const OPENROUTER_ZAI_PREFIX = "z-ai/";
const CEREBRAS_PROVIDER = "cerebras";

/** `z-ai/glm-4.6`, or LiteLLM's `openrouter/z-ai/glm-4.6`: what stands before OpenRouter's own slug. */
export function openRouterOuterPrefix(prefix: string): string | undefined {
  if (prefix === OPENROUTER_ZAI_PREFIX || prefix === `openrouter/${OPENROUTER_ZAI_PREFIX}`) return prefix.slice(0, -OPENROUTER_ZAI_PREFIX.length);
  return undefined;
}

function namesCerebras(value: Value | undefined): boolean {
  return (value?.list?.entries ?? []).some((entry) => entry.value.kind === "string" && entry.value.string?.toLowerCase() === CEREBRAS_PROVIDER);
}

export function pinnedToCerebras(body: RequestBody): boolean {
  if (body.model === undefined || openRouterOuterPrefix(parseModelId(body.model).prefix) === undefined) return false;
  const provider = field(body, "provider")?.entry.value;
  return (provider?.list?.entries ?? []).some((entry) => (entry.key === "only" || entry.key === "order") && namesCerebras(entry.value));
}

const pinnedRefs = new WeakMap<LoweredFile, (ref: ModelRef) => boolean>();

/**
 * Whether a model string is the model of a pinned request: the request's own literal, or the
 * constant it names (`model: CEREBRAS_MODEL`).
 */
export function isPinnedModel(file: LoweredFile, ref: ModelRef): boolean {
  let test = pinnedRefs.get(file);
  if (!test) {
    const literals = new Set<number>();
    const names = new Map<string, string>();
    for (const body of requestBodies(file)) {
      if (!pinnedToCerebras(body)) continue;
      const value = field(body, "model")?.entry.value;
      if (value?.kind === "string") literals.add(value.range.start);
      else if (value?.kind === "name" && value.name) names.set(value.name, body.model!);
    }
    test = (candidate) => literals.has(candidate.value.range.start) || (names.has(candidate.key) && names.get(candidate.key) === candidate.value.string);
    pinnedRefs.set(file, test);
  }
  return test(ref);
}
