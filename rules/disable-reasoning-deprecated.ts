import { Fix, type Edit, type Rule } from "../src/model/rule.js";
import { field, removeField, replaceField, requestBodies } from "./common/body.js";
import { reasoningIsOff } from "./common/reasoning.js";
import { booleanOf } from "./common/values.js";

export const disableReasoningDeprecated: Rule = {
  meta: {
    id: "disable-reasoning-deprecated",
    severity: "warning",
    fix: "safe",
    languages: ["python", "javascript", "typescript", "shell"],
    triggers: ["disable_reasoning", "clear_thinking"],
    messages: {
      "use-effort-none": "`disable_reasoning` is no longer supported (since 2026-07-21); use `reasoning_effort: \"none\"`",
      "remove-false": "`disable_reasoning` is no longer supported (since 2026-07-21); reasoning is on by default, so remove it",
      "off-with-preserved": "`clear_thinking: false` preserves reasoning between turns, but reasoning is turned off in this request; drop one of the two",
    },
    docs: {
      summary: "`disable_reasoning`, unsupported since 2026-07-21; and reasoning off beside `clear_thinking: false`.",
      whatItDoes:
        "Rewrites `disable_reasoning: true` to `reasoning_effort: \"none\"` and removes `disable_reasoning: false` " +
        "(reasoning is on by default), wherever the client puts the field (for LangChain's `ChatCerebras`, whose " +
        "`reasoning_effort` only takes low/medium/high, into `extra_body`). Also reports reasoning turned off " +
        "together with `clear_thinking: false`, which contradicts itself. Off when the target's `reasoningOff` is " +
        "`disable_reasoning` (the form the GLM 4.7 migration guide shows); the contradiction is still reported.",
      why:
        "Cerebras' deprecation page (2026-03-24): \"`disable_reasoning` will no longer be supported after July 21, " +
        "2026. Migrate to `reasoning_effort=\"none\"`\". Preserved thinking (`clear_thinking: false`) needs " +
        "reasoning enabled.",
      example: 'client.chat.completions.create(model="zai-glm-4.7", messages=m, disable_reasoning=True)',
      useInstead: 'client.chat.completions.create(model="zai-glm-4.7", messages=m, reasoning_effort="none")',
      setup: 'from cerebras.cloud.sdk import Cerebras\nclient = Cerebras()\nm = []\n',
      source:
        "Cerebras deprecation notices, 2026-03-24 (inference-docs.cerebras.ai); Cerebras, *Migrate to GLM 4.7*, " +
        "reasoning (inference-docs.cerebras.ai/resources/glm-47-migration)",
    },
  },
  check({ file, target, report }) {
    for (const body of requestBodies(file)) {
      if (body.endpoint === "zai" || body.endpoint === "other") continue;
      const disable = field(body, "disable_reasoning");
      if (disable && target.reasoningOff === "reasoning_effort") {
        const value = booleanOf(file, disable.entry.value);
        const effort = field(body, "reasoning_effort");
        let edits: Edit[] | undefined;
        let safe = body.sdk !== "litellm";
        if (value === false) edits = removeField(body, disable);
        else if (value === true && effort) {
          // An explicit reasoning_effort already decides; dropping the flag changes behaviour if they disagree.
          edits = removeField(body, disable);
          safe = false;
        } else if (value === true) edits = replaceField(body, disable, "reasoning_effort", file.kit.string("none"));
        report({
          range: disable.entry.range,
          messageId: value === false ? "remove-false" : "use-effort-none",
          fix: Fix.of(safe ? "safe" : "unsafe", edits, value === false ? "Remove `disable_reasoning`" : "Use `reasoning_effort: \"none\"`"),
        });
      }
      const clear = field(body, "clear_thinking");
      if (clear && booleanOf(file, clear.entry.value) === false && reasoningIsOff(body)) {
        report({ range: clear.entry.range, messageId: "off-with-preserved" });
      }
    }
  },
};
