import { Fix, type Rule, type Target } from "../src/model/rule.js";
import { field, fieldsNamed, removeField, replaceField, replaceValue, requestBodies, type BodyField, type RequestBody } from "./common/body.js";
import { reasoningEffortsFor } from "./knowledge/models.js";
import { reasoningIsOff } from "./common/reasoning.js";
import { booleanOf } from "./common/values.js";
import { BODY_FLOWS } from "./common/follows.js";

/**
 * What `disable_reasoning: true` becomes: `reasoning_effort: "none"` where the model takes it (a
 * safe fix); for a model that cannot turn reasoning off (gpt-oss-120b), its lowest effort (unsafe);
 * for a model the file does not show, "none" as a guess (unsafe). Beside an explicit
 * `reasoning_effort` the two disagreed: the effort becomes "none" and the flag goes (unsafe).
 */
function turnOff(body: RequestBody, disable: BodyField, target: Target): { messageId: string; data?: Record<string, string>; fix: Fix | undefined } {
  const { kit } = body.file;
  const efforts = reasoningEffortsFor(body.model, target.model);
  const effort = field(body, "reasoning_effort");
  const none = kit.string("none");
  if (efforts && !efforts.includes("none")) {
    const lowest = efforts[0]!;
    const edits = effort ? undefined : replaceField(body, disable, "reasoning_effort", kit.string(lowest));
    return { messageId: "cannot-turn-off", data: { model: body.model!, lowest }, fix: Fix.unsafe(edits, `Use \`reasoning_effort: "${lowest}"\``) };
  }
  const sure = efforts !== undefined && body.sdk !== "litellm";
  if (effort) {
    const edits = [...replaceValue(effort, none), ...removeField(body, disable)];
    return { messageId: "use-effort-none", fix: Fix.unsafe(edits, 'Set `reasoning_effort` to "none" and remove `disable_reasoning`') };
  }
  return { messageId: "use-effort-none", fix: Fix.of(sure ? "safe" : "unsafe", replaceField(body, disable, "reasoning_effort", none), 'Use `reasoning_effort: "none"`') };
}

export const disableReasoningDeprecated: Rule = {
  meta: {
    id: "disable-reasoning-deprecated",
    severity: "warning",
    fix: "safe",
    languages: ["python", "javascript", "typescript", "shell"],
    triggers: ["disable_reasoning", "clear_thinking"],
    messages: {
      "use-effort-none": "`disable_reasoning` is no longer supported (since 2026-07-21); use `reasoning_effort: \"none\"`",
      "cannot-turn-off":
        "`disable_reasoning` is no longer supported (since 2026-07-21), and `{model}` cannot turn reasoning off: `reasoning_effort: \"{lowest}\"` is the least it takes",
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
      follows: BODY_FLOWS,
    },
  },
  check({ file, target, report }) {
    for (const body of requestBodies(file)) {
      if (body.endpoint === "zai" || body.endpoint === "other") continue;
      for (const disable of target.reasoningOff === "reasoning_effort" ? fieldsNamed(body, "disable_reasoning") : []) {
        const value = booleanOf(file, disable.entry.value);
        if (value === false) {
          report({ range: disable.entry.range, messageId: "remove-false", fix: Fix.of(body.sdk === "litellm" ? "unsafe" : "safe", removeField(body, disable), "Remove `disable_reasoning`") });
        } else if (value === true) {
          report({ range: disable.entry.range, ...turnOff(body, disable, target) });
        } else {
          // A value the file does not show: the user must decide what it becomes.
          report({ range: disable.entry.range, messageId: "use-effort-none" });
        }
      }
      const clear = field(body, "clear_thinking");
      if (clear && booleanOf(file, clear.entry.value) === false && reasoningIsOff(body)) {
        report({ range: clear.entry.range, messageId: "off-with-preserved" });
      }
    }
  },
};
