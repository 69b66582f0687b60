import type { Rule } from "../src/model/rule.js";
import { systemPrompts } from "./common/prompts.js";
import { GLM_TRIGGERS } from "./common/triggers.js";
import { FOLLOWS } from "./common/follows.js";

const LANGUAGES =
  "english|chinese|mandarin|cantonese|spanish|french|german|japanese|korean|portuguese|italian|russian|arabic|hindi|dutch|turkish|vietnamese|indonesian|polish";
/** "Always respond in English", "reply in the user's language", "answer using Spanish". */
const DIRECTIVE = new RegExp(
  `\\b(in|using)\\s+(${LANGUAGES})\\b|\\b(${LANGUAGES})\\s+only\\b|\\b(same|user'?s|their|the user's)\\s+language\\b|\\blanguage\\s+(of|as)\\s+the\\s+(user|question|input|message)`,
  "i",
);

export const promptLanguage: Rule = {
  meta: {
    id: "prompt-language",
    severity: "info",
    fix: "none",
    messages: {
      "no-language": "this system prompt sets no response language; GLM 4.7 may switch languages, so state one (\"Always respond in English\")",
    },
    languages: ["python", "javascript", "typescript", "shell"],
    triggers: GLM_TRIGGERS,
    enabledByDefault: false,
    presets: ["best-practices"],
    docs: {
      summary: "A GLM system prompt that does not say which language to answer in.",
      whatItDoes:
        "Finds system prompts of GLM requests (a `system` message's content, or the AI SDK's `system`) that state no " +
        "response language. Part of the `best-practices` preset; off by default. No fix: the language is yours to choose.",
      why:
        "The migration guide: GLM 4.7 may switch languages, so state a default (\"Always respond in English\") at " +
        "the start of the system prompt.",
      follows: [FOLLOWS.systemPrompts],
      example: 'client.chat.completions.create(model="zai-glm-4.7", messages=[{"role": "system", "content": "You are a support agent."}])',
      useInstead:
        'client.chat.completions.create(model="zai-glm-4.7", messages=[{"role": "system", "content": "Always respond in English. You are a support agent."}])',
      setup: 'from openai import OpenAI\nclient = OpenAI(base_url="https://api.cerebras.ai/v1")\n',
      source: "Cerebras, *Migrate to GLM 4.7*, prompting (inference-docs.cerebras.ai/resources/glm-47-migration)",
    },
  },
  check({ file, target, report }) {
    for (const prompt of systemPrompts(file, target)) {
      if (DIRECTIVE.test(prompt.string ?? "")) continue;
      report({ range: prompt.range, messageId: "no-language" });
    }
  },
};
