import { Fix, type Rule } from "../src/model/rule.js";
import { field, fieldsNamed, removeField, renameField, replaceValue, requestBodies } from "./common/body.js";
import { numberOf } from "./common/values.js";
import { CEREBRAS_TRIGGERS } from "./common/triggers.js";
import { maxCompletionTokensOf } from "./knowledge/catalog.js";
import { parseModelId } from "./knowledge/models.js";
import { BODY_FLOWS } from "./common/follows.js";

/**
 * The request's model and its own output cap, from the catalog. No model in sight, or no stated
 * cap, means no limit is checked: another model's cap would be wrong.
 */
function outputCapOf(model: string | undefined): { id: string; cap: number } | undefined {
  if (model === undefined) return undefined;
  const { id } = parseModelId(model);
  const cap = maxCompletionTokensOf(id);
  return cap === undefined ? undefined : { id, cap };
}

export const maxCompletionTokens: Rule = {
  meta: {
    id: "max-completion-tokens",
    severity: "warning",
    fix: "safe",
    languages: ["python", "javascript", "typescript", "shell"],
    triggers: CEREBRAS_TRIGGERS,
    messages: {
      deprecated: "`max_tokens` is deprecated on Cerebras; use `max_completion_tokens`",
      "both-set": "`max_tokens` is deprecated and `max_completion_tokens` is set too; remove `max_tokens`",
      "above-cap": "{value} output tokens is above {model}'s cap of {cap}",
    },
    docs: {
      summary: "`max_tokens` (deprecated) and output limits above zai-glm-4.7's 40,960-token cap.",
      whatItDoes:
        "Renames `max_tokens` to `max_completion_tokens` in requests to Cerebras through the OpenAI or Cerebras " +
        "SDKs (a safe fix: the same limit under its current name). Reports a literal output limit above the request's " +
        "model's own cap (from the model catalog: 40,960 for zai-glm-4.7), whatever the client calls it, as an error, " +
        "with an unsafe fix that clamps it. A request whose model or cap is unknown gets no limit check.",
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
  check({ file, report }) {
    for (const body of requestBodies(file)) {
      if (body.endpoint !== "cerebras") continue;
      const legacies = fieldsNamed(body, "max_tokens");
      const current = field(body, "max_completion_tokens");
      // The text completions endpoint has only `max_tokens`: there it is current, not deprecated.
      const renames = (body.sdk === "openai" || body.sdk === "cerebras" || body.sdk === "http") && body.endpointKind === "chat";
      for (const legacy of legacies) {
        // A wrapper's parameter keeps its name; the request inside is where the field is renamed.
        if (legacy.container !== "top" || !renames || legacy.passed) continue;
        report({
          range: legacy.entry.keyRange ?? legacy.entry.range,
          messageId: current ? "both-set" : "deprecated",
          fix: current
            ? Fix.unsafe(removeField(body, legacy), "Remove `max_tokens`")
            : Fix.safe(renameField(body, legacy, "max_completion_tokens"), "Rename to `max_completion_tokens`"),
        });
      }
      const limits = outputCapOf(body.model);
      for (const limit of [...legacies, current]) {
        if (!limit || !limits) continue;
        const value = numberOf(file, limit.entry.value);
        if (value === undefined || value <= limits.cap) continue;
        const literal = limit.entry.value.kind === "number";
        report({
          range: limit.entry.value.range,
          severity: "error",
          messageId: "above-cap",
          data: { value, model: limits.id, cap: limits.cap },
          fix: Fix.unsafe(literal ? replaceValue(limit, String(limits.cap)) : undefined, `Clamp to ${limits.cap}`),
        });
      }
    }
  },
};
