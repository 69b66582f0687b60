import type { Rule } from "../src/model/rule.js";
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
    docs: {
      summary: "`max_tokens` (deprecated) and output limits above zai-glm-4.7's 40,960-token cap.",
      whatItDoes:
        "Renames `max_tokens` to `max_completion_tokens` in requests to Cerebras through the OpenAI or Cerebras " +
        "SDKs (a safe fix: the same limit under its current name). Reports a literal output limit above 40,960 " +
        "tokens, whatever the client calls it, as an error, with an unsafe fix that clamps it.",
      why:
        "The migration guide sets output length with `max_completion_tokens`; both Cerebras SDKs still accept " +
        "`max_tokens` but document it as deprecated. zai-glm-4.7's maximum output is 40k tokens (40,960).",
      example: 'client.chat.completions.create(model="zai-glm-4.7", messages=m, max_tokens=65536)',
      useInstead: 'client.chat.completions.create(model="zai-glm-4.7", messages=m, max_completion_tokens=40960)',
      source: "API-FACTS.md §1 (migration guide; Cerebras SDK docstrings)",
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
        const edits = current ? removeField(body, legacy) : renameField(body, legacy, "max_completion_tokens");
        report({
          range: legacy.entry.keyRange ?? legacy.entry.range,
          message: current
            ? "`max_tokens` is deprecated and `max_completion_tokens` is set too; remove `max_tokens`"
            : "`max_tokens` is deprecated on Cerebras; use `max_completion_tokens`",
          ...(edits ? { fix: { safety: current ? ("unsafe" as const) : ("safe" as const), edits } } : {}),
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
          message: `${value} output tokens is above zai-glm-4.7's cap of ${OUTPUT_CAP}`,
          ...(literal ? { fix: { safety: "unsafe" as const, edits: replaceValue(limit, String(OUTPUT_CAP)) } } : {}),
        });
      }
    }
  },
};
