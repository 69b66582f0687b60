import { Fix, type Rule } from "../src/model/rule.js";
import { field, removeField, renameField, replaceValue, requestBodies } from "./common/body.js";
import { numberOf } from "./common/values.js";
import { CEREBRAS_TRIGGERS } from "./common/triggers.js";

/** zai-glm-4.7's output cap on Cerebras (the guide says 40k; model metadata gives the exact 40,960). */
const OUTPUT_CAP = 40_960;

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
        "SDKs (a safe fix: the same limit under its current name). Reports a literal output limit above 40,960 " +
        "tokens, whatever the client calls it, as an error, with an unsafe fix that clamps it.",
      why:
        "The migration guide sets output length with `max_completion_tokens`; both Cerebras SDKs still accept " +
        "`max_tokens` but document it as deprecated. zai-glm-4.7's maximum output is 40k tokens (40,960).",
      example: 'client.chat.completions.create(model="zai-glm-4.7", messages=m, max_tokens=8192)',
      useInstead: 'client.chat.completions.create(model="zai-glm-4.7", messages=m, max_completion_tokens=8192)',
      setup: 'from openai import OpenAI\nclient = OpenAI(base_url="https://api.cerebras.ai/v1")\nm = []\n',
      source:
        "Cerebras, *Migrate to GLM 4.7*, output length (inference-docs.cerebras.ai/resources/glm-47-migration); " +
        "Cerebras/cerebras-cloud-sdk-python resources/chat/completions.py docstring of max_tokens (1.67.0, 2026-01-06)",
    },
  },
  check({ file, report }) {
    for (const body of requestBodies(file)) {
      if (body.endpoint !== "cerebras") continue;
      const legacy = field(body, "max_tokens");
      const current = field(body, "max_completion_tokens");
      // The text completions endpoint has only `max_tokens`: there it is current, not deprecated.
      const renames = (body.sdk === "openai" || body.sdk === "cerebras" || body.sdk === "http") && body.endpointKind === "chat";
      if (legacy && legacy.container === "top" && renames) {
        report({
          range: legacy.entry.keyRange ?? legacy.entry.range,
          messageId: current ? "both-set" : "deprecated",
          fix: current
            ? Fix.unsafe(removeField(body, legacy), "Remove `max_tokens`")
            : Fix.safe(renameField(body, legacy, "max_completion_tokens"), "Rename to `max_completion_tokens`"),
        });
      }
      for (const limit of [legacy, current]) {
        if (!limit) continue;
        const value = numberOf(file, limit.entry.value);
        if (value === undefined || value <= OUTPUT_CAP) continue;
        const literal = limit.entry.value.kind === "number";
        report({
          range: limit.entry.value.range,
          severity: "error",
          messageId: "above-cap",
          data: { value, model: "zai-glm-4.7", cap: OUTPUT_CAP },
          fix: Fix.unsafe(literal ? replaceValue(limit, String(OUTPUT_CAP)) : undefined, `Clamp to ${OUTPUT_CAP}`),
        });
      }
    }
  },
};
