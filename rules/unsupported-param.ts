import type { Rule } from "../src/model/rule.js";
import { field, removeField, renameField, requestBodies } from "./common/body.js";
import { ZAI_ONLY_FIELDS } from "./knowledge/zai.js";
import { CEREBRAS_TRIGGERS } from "./common/triggers.js";

export const unsupportedParam: Rule = {
  meta: {
    id: "unsupported-param",
    severity: "error",
    fix: "safe",
    languages: ["python", "javascript", "typescript", "shell"],
    triggers: CEREBRAS_TRIGGERS,
    docs: {
      summary: "Z.ai-only request fields (`tool_stream`, `do_sample`, `user_id`, ...) sent to Cerebras.",
      whatItDoes:
        "Finds fields that only Z.ai (or a self-hosted GLM) understands in a request that goes to Cerebras: " +
        ZAI_ONLY_FIELDS.map((known) => `\`${known.wire}\``).join(", ") +
        ". `tool_stream` is removed and `user_id` renamed to `user` (safe); the others are removed by an unsafe " +
        "fix, since the behaviour they asked for goes away.",
      why: "Cerebras validates request bodies strictly: an unknown field is answered with HTTP 400.",
      example: 'client.chat.completions.create(model="zai-glm-4.7", messages=m, stream=True, tool_stream=True)',
      useInstead: 'client.chat.completions.create(model="zai-glm-4.7", messages=m, stream=True)',
      source: "API-FACTS.md §1 (strict validation, tool_stream) and §3 (Z.ai-only fields)",
    },
  },
  check({ file, report }) {
    for (const body of requestBodies(file)) {
      if (body.endpoint !== "cerebras") continue;
      for (const known of ZAI_ONLY_FIELDS) {
        const found = field(body, known.wire);
        if (!found) continue;
        let edits;
        let safe = known.safe;
        if (known.action.kind === "rename") {
          // With `user` already set, the rename would duplicate it: drop user_id instead, unsafely.
          if (field(body, known.action.to)) {
            edits = removeField(body, found);
            safe = false;
          } else {
            edits = renameField(body, found, known.action.to);
          }
        } else {
          edits = removeField(body, found);
        }
        const action = known.action.kind === "rename" ? `use \`${known.action.to}\`` : "remove it";
        report({
          range: found.entry.range,
          message: `\`${known.wire}\` is a Z.ai field and Cerebras rejects unknown fields (HTTP 400): ${known.why}; ${action}`,
          ...(edits ? { fix: { safety: safe ? "safe" : "unsafe", edits } } : {}),
        });
      }
    }
  },
};
