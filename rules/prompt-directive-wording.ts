import type { Rule } from "../src/model/rule.js";
import { offsetInFile, systemPrompts } from "./common/prompts.js";
import { GLM_TRIGGERS } from "./common/triggers.js";
import { FOLLOWS } from "./common/follows.js";

/** Soft phrasing the guide asks to replace with MUST / REQUIRED / STRICTLY. */
const SOFT = /\b(please try to|try to|if possible|if you can|where possible|ideally|you may want to|it would be (?:nice|good|great) if|feel free to)\b/gi;

export const promptDirectiveWording: Rule = {
  meta: {
    id: "prompt-directive-wording",
    severity: "info",
    fix: "none",
    messages: {
      "soft-phrasing": "\"{phrase}\" is soft phrasing; GLM 4.7 follows MUST / REQUIRED / STRICTLY better",
    },
    languages: ["python", "javascript", "typescript", "shell"],
    triggers: GLM_TRIGGERS,
    enabledByDefault: false,
    presets: ["best-practices"],
    docs: {
      summary: "Soft phrasing (\"please try to\", \"if possible\") in a GLM system prompt.",
      whatItDoes:
        "Finds soft phrasing in the system prompts of GLM requests: \"please try to\", \"try to\", \"if possible\", " +
        "\"ideally\", \"you may want to\" and the like. Part of the `best-practices` preset; off by default. No fix: " +
        "rewording an instruction is a decision about what it means.",
      why:
        "The migration guide: GLM 4.7 follows firm directives (MUST, REQUIRED, STRICTLY) better than soft requests, " +
        "and instructions belong at the start of the system prompt.",
      follows: [FOLLOWS.systemPrompts],
      example: 'client.chat.completions.create(model="zai-glm-4.7", messages=[{"role": "system", "content": "Please try to answer in JSON."}])',
      useInstead: 'client.chat.completions.create(model="zai-glm-4.7", messages=[{"role": "system", "content": "You MUST answer in JSON."}])',
      setup: 'from openai import OpenAI\nclient = OpenAI(base_url="https://api.cerebras.ai/v1")\n',
      source: "Cerebras, *Migrate to GLM 4.7*, prompting (inference-docs.cerebras.ai/resources/glm-47-migration)",
    },
  },
  check({ file, target, report }) {
    for (const prompt of systemPrompts(file, target)) {
      for (const match of (prompt.string ?? "").matchAll(SOFT)) {
        const start = offsetInFile(file, prompt, match.index);
        const range = start === undefined ? prompt.range : { start, end: start + match[0].length };
        report({ range, messageId: "soft-phrasing", data: { phrase: match[0] } });
      }
    }
  },
};
