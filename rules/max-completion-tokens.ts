import { Fix, type Rule, type Target } from "../src/model/rule.js";
import { field, removeField, renameField, replaceValue, requestBodies, type RequestBody } from "./common/body.js";
import { numberOf, requestModel, targetIsCertain } from "./common/values.js";
import { CEREBRAS_TRIGGERS } from "./common/triggers.js";
import { maxCompletionTokensOf } from "./knowledge/catalog.js";
import { onceMoved, zaiMove } from "./common/zai-move.js";
import { BODY_FLOWS } from "./common/follows.js";

/**
 * The model the request will have and its own output cap, from the catalog: a request that moves
 * to the target is held to the target's. No model in sight, or no stated cap, means no limit is
 * checked: another model's cap would be wrong.
 */
function outputCapOf(body: RequestBody, target: Target): { id: string; cap: number; onTarget: boolean } | undefined {
  const model = requestModel(body, target);
  const cap = model && maxCompletionTokensOf(model.id);
  return model && cap !== undefined ? { ...model, cap } : undefined;
}

/** A Z.ai request that moves takes the target's model, and so its cap. */
function targetCapOf(target: Target): { id: string; cap: number; onTarget: boolean } | undefined {
  const cap = maxCompletionTokensOf(target.model);
  return cap === undefined ? undefined : { id: target.model, cap, onTarget: true };
}

export const maxCompletionTokens: Rule = {
  meta: {
    id: "max-completion-tokens",
    severity: "warning",
    fix: "safe",
    languages: ["python", "javascript", "typescript", "shell"],
    triggers: CEREBRAS_TRIGGERS,
    messages: {
      deprecated: "`max_tokens` is deprecated on Cerebras; use `max_completion_tokens`{once}",
      "both-set": "`max_tokens` is deprecated and `max_completion_tokens` is set too; remove `max_tokens`{once}",
      "above-cap": "{value} output tokens is above {model}'s cap of {cap}{once}",
      "above-target-cap": "{value} output tokens is above {model}'s cap of {cap} ({model} is the model suggested for this request)",
    },
    docs: {
      summary: "`max_tokens` (deprecated) and output limits above zai-glm-4.7's 40,960-token cap.",
      whatItDoes:
        "Renames `max_tokens` to `max_completion_tokens` in requests to Cerebras through the OpenAI or Cerebras " +
        "SDKs (a safe fix: the same limit under its current name). Reports a literal output limit above the request's " +
        "model's own cap (from the model catalog: 40,960 for zai-glm-4.7), whatever the client calls it, as an error, " +
        "with an unsafe fix that clamps it. A request whose model or cap is unknown gets no limit check.\n\n" +
        "What it follows. The cap of the model the request will have: a request on a retired Cerebras ID " +
        "(`qwen-3-32b`, `llama-3.3-70b`) or on `zai-glm-4.6`, which model-id moves to the target, is held to the " +
        "target's cap, and the message says so; a current model (`gpt-oss-120b`) is held to its own. Bodies sent " +
        "by raw HTTP clients are requests too: `fetch` and `axios`, got and ky (`json`), undici's `request` and " +
        "`fetch` (`body: JSON.stringify(...)`), Node's `https.request({ hostname, path })` with the body written by " +
        "`req.write(...)`, and Python's `requests`, `httpx` and `aiohttp` (`json=` or `data=json.dumps(...)`).",
      why:
        "The migration guide sets output length with `max_completion_tokens`; both Cerebras SDKs still accept " +
        "`max_tokens` but document it as deprecated. zai-glm-4.7's maximum output is 40k tokens (40,960).",
      example: 'client.chat.completions.create(model="zai-glm-4.7", messages=m, max_tokens=8192)',
      useInstead: 'client.chat.completions.create(model="zai-glm-4.7", messages=m, max_completion_tokens=8192)',
      setup: 'from openai import OpenAI\nclient = OpenAI(base_url="https://api.cerebras.ai/v1")\nm = []\n',
      source:
        "Cerebras, *Migrate to GLM 4.7*, output length (inference-docs.cerebras.ai/resources/glm-47-migration); " +
        "Cerebras/cerebras-cloud-sdk-python resources/chat/completions.py docstring of max_tokens (1.67.0, 2026-01-06)",
      follows: BODY_FLOWS,
    },
  },
  check({ file, target, report }) {
    for (const body of requestBodies(file)) {
      // A Z.ai-bound request: what its move needs, fixed only as part of that move.
      const move = zaiMove(body, target);
      if (body.endpoint !== "cerebras" && !move) continue;
      const fixes = move?.state !== "stays";
      const once = onceMoved(move);
      const legacy = field(body, "max_tokens");
      const current = field(body, "max_completion_tokens");
      // The text completions endpoint has only `max_tokens`: there it is current, not deprecated.
      // The Z.ai SDK's client becomes the Cerebras SDK's when it moves.
      const renames = (body.sdk === "openai" || body.sdk === "cerebras" || body.sdk === "http" || body.sdk === "zai" || body.sdk === "zhipuai") && body.endpointKind === "chat";
      // Cerebras still takes `max_tokens`: on a request that cannot move yet, its new name is no news.
      // A wrapper's parameter keeps its name; the request inside is where the field is renamed.
      if (legacy && legacy.container === "top" && renames && fixes && !legacy.passed) {
        const rename = renameField(body, legacy, "max_completion_tokens");
        report({
          range: legacy.entry.keyRange ?? legacy.entry.range,
          messageId: current ? "both-set" : "deprecated",
          data: { once },
          fix: current
            ? Fix.unsafe(removeField(body, legacy), "Remove `max_tokens`")
            : Fix.of(move ? "unsafe" : "safe", rename, "Rename to `max_completion_tokens`"),
        });
      }
      const limits = move ? targetCapOf(target) : outputCapOf(body, target);
      for (const limit of [legacy, current]) {
        if (!limit || !limits) continue;
        const value = numberOf(file, limit.entry.value);
        if (value === undefined || value <= limits.cap) continue;
        const literal = limit.entry.value.kind === "number";
        report({
          range: limit.entry.value.range,
          severity: "error",
          // A moving Z.ai request says "once it moves" already.
          messageId: limits.onTarget && !move ? "above-target-cap" : "above-cap",
          data: { value, model: limits.id, cap: limits.cap, once },
          fix: Fix.unsafe(
            literal && fixes && (!limits.onTarget || move || targetIsCertain(body, target)) ? replaceValue(limit, String(limits.cap)) : undefined,
            `Clamp to ${limits.cap}`,
          ),
        });
      }
    }
  },
};
