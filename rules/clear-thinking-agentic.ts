import { Fix, type Rule } from "../src/model/rule.js";
import { addField, field, requestBodies } from "./common/body.js";
import { reasoningIsOff } from "./common/reasoning.js";
import { isGlmRequest, isNull, resolve, stringOf } from "./common/values.js";
import type { LoweredFile, Value } from "../src/model/types.js";
import { GLM_TRIGGERS } from "./common/triggers.js";
import { BODY_FLOWS } from "./common/follows.js";

/**
 * Whether the tools may include functions the model calls in a loop: not when every tool is a
 * literal of another type (Z.ai's `{"type": "web_search", ...}`, which Cerebras does not run).
 */
function callsFunctions(file: LoweredFile, value: Value): boolean {
  const list = resolve(file, value);
  if (list.kind !== "array" || !list.list || list.list.entries.length === 0) return true;
  return list.list.entries.some((entry) => {
    const type = entry.value.kind === "object" ? entry.value.list?.entries.find((option) => option.key === "type")?.value : undefined;
    return type === undefined || stringOf(file, type) === undefined || stringOf(file, type) === "function";
  });
}

export const clearThinkingAgentic: Rule = {
  meta: {
    id: "clear-thinking-agentic",
    severity: "info",
    fix: "unsafe",
    languages: ["python", "javascript", "typescript", "shell"],
    triggers: GLM_TRIGGERS,
    messages: {
      "drops-reasoning": "this tool-calling request drops earlier turns' reasoning; the guide recommends `clear_thinking: false` for agent loops",
    },
    docs: {
      summary: "A tool-calling request with reasoning on that drops prior reasoning; the guide recommends `clear_thinking: false`.",
      whatItDoes:
        "Finds GLM requests to Cerebras that pass `tools`, leave reasoning on, and do not set `clear_thinking`. " +
        "The unsafe fix adds `clear_thinking: false` where the client sends it (`extra_body` for the OpenAI " +
        "Python client, `providerOptions.cerebras` for the Vercel AI SDK).",
      why:
        "`clear_thinking` defaults to true, so the reasoning of earlier turns is dropped. The migration guide " +
        "recommends `false` (preserved thinking) for agentic, coding and tool-calling loops, which also gets " +
        "better cache hits. It is unsafe because it changes what the model sees and is billed for.",
      example: 'client.chat.completions.create(model="zai-glm-4.7", messages=m, tools=tools)',
      useInstead: 'client.chat.completions.create(model="zai-glm-4.7", messages=m, tools=tools, extra_body={"clear_thinking": False})',
      setup: 'from openai import OpenAI\nclient = OpenAI(base_url="https://api.cerebras.ai/v1")\nm, tools = [], []\n',
      source: "Cerebras, *Migrate to GLM 4.7*, preserved thinking (inference-docs.cerebras.ai/resources/glm-47-migration)",
      follows: BODY_FLOWS,
    },
  },
  check({ file, target, report }) {
    for (const body of requestBodies(file)) {
      if (body.endpoint !== "cerebras" || !isGlmRequest(body, target) || body.open) continue;
      const tools = field(body, "tools");
      if (!tools || isNull(file, tools.entry.value) || field(body, "clear_thinking") || reasoningIsOff(body)) continue;
      if (!callsFunctions(file, tools.entry.value)) continue;
      report({
        range: tools.entry.keyRange ?? tools.entry.range,
        messageId: "drops-reasoning",
        fix: Fix.unsafe(addField(body, "clear_thinking", file.kit.boolean(false)), "Add `clear_thinking: false`"),
      });
    }
  },
};
