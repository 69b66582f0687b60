import type { Fix, Rule } from "../src/model/rule.js";
import type { Endpoint, ModelRef } from "../src/model/types.js";
import { MODEL_TRIGGERS, parseModelId, type KnownModel } from "./knowledge/models.js";

const ALL_LANGUAGES = ["python", "javascript", "typescript", "env", "yaml", "json", "toml"] as const;

/** Router prefixes that name Z.ai become Cerebras' when the model moves. */
function movedPrefix(prefix: string): string {
  return prefix.replace(/^(zai|zhipuai)\//, "cerebras/");
}

function describe(model: KnownModel): string {
  if (model.kind === "zai") return `\`${model.id}\` is Z.ai's model ID`;
  return `\`${model.id}\` was ${model.status ?? "retired"} by Cerebras on ${model.retired}`;
}

/** The rewritten string, unless it would duplicate an entry of the same list. */
function rewrite(ref: ModelRef, prefix: string, target: string): string | undefined {
  const next = movedPrefix(prefix) + target;
  const duplicate = ref.siblings?.some((sibling) => sibling !== ref.value && sibling.string === next);
  return duplicate ? undefined : next;
}

export const modelId: Rule = {
  meta: {
    id: "model-id",
    severity: "error",
    fix: "safe",
    languages: ALL_LANGUAGES,
    triggers: MODEL_TRIGGERS,
    docs: {
      summary: "Retired Cerebras model IDs and Z.ai's own IDs where the code talks to Cerebras.",
      whatItDoes:
        "Finds model IDs in model positions (a `model=`/`model:` argument, a variable or key named like a model, " +
        "`cerebras(\"...\")` of the Vercel AI SDK, a config value under a model key) that Cerebras has retired, " +
        "or that are Z.ai's names for GLM. `zai-glm-4.6` becomes `zai-glm-4.7`, also inside prefixed forms " +
        "such as LiteLLM's `cerebras/zai-glm-4.6`. Z.ai IDs (`glm-4.7`, `glm-4.6`, `glm-4.5`) are rewritten where " +
        "the call goes to Cerebras; where it still goes to Z.ai the rewrite is an unsafe fix, since the endpoint " +
        "must move too. Other retired IDs, and Z.ai's flash, air and vision variants, are reported without a fix.",
      why:
        "Cerebras deprecated `zai-glm-4.6` on 2026-01-20 in favour of GLM 4.7, and has retired the other IDs " +
        "listed; a request naming them fails. Z.ai's IDs are not Cerebras model names.",
      example: 'client.chat.completions.create(model="zai-glm-4.6", messages=messages)',
      useInstead: 'client.chat.completions.create(model="zai-glm-4.7", messages=messages)',
      source: "API-FACTS.md §2 (Cerebras deprecation page; Z.ai model list)",
    },
  },
  check({ file, target, report }) {
    for (const ref of file.models) {
      const { prefix, known, prefixEndpoint } = parseModelId(ref.value.string ?? "");
      if (!known || !ref.value.contentRange) continue;
      const endpoint: Endpoint = prefixEndpoint ?? ref.endpoint;
      const range = ref.value.range;
      const replaceWith = (text: string, safety: Fix["safety"]): Fix => ({
        safety,
        edits: [{ start: ref.value.contentRange!.start, end: ref.value.contentRange!.end, text }],
      });

      if (known.kind === "cerebras-retired") {
        if (endpoint === "zai" || (prefixEndpoint === "other")) continue;
        if (!known.autoFix) {
          const suggestion = known.replacement ? `Cerebras suggests \`${known.replacement}\`; ` : "";
          report({ range, message: `${describe(known)}. ${suggestion}choose a current model such as \`${target.model}\`` });
          continue;
        }
        const next = rewrite(ref, prefix, target.model);
        report({
          range,
          message: `${describe(known)}; use \`${target.model}\`${next ? "" : " (already listed here)"}`,
          ...(next ? { fix: replaceWith(next, "safe") } : {}),
        });
        continue;
      }

      // Z.ai's own IDs: valid on Z.ai, so only a problem where the code is moving to Cerebras.
      if (endpoint !== "cerebras" && endpoint !== "zai") continue;
      if (!known.autoFix) {
        report({
          range,
          message: `${describe(known)}, ${known.note} with no Cerebras equivalent; choose a model Cerebras serves, such as \`${target.model}\``,
        });
        continue;
      }
      const next = rewrite(ref, prefix, target.model);
      if (endpoint === "cerebras") {
        report({
          range,
          message: `${describe(known)}; on Cerebras the model is \`${target.model}\`${next ? "" : " (already listed here)"}`,
          ...(next ? { fix: replaceWith(next, "safe") } : {}),
        });
      } else {
        report({
          range,
          message: `${describe(known)} and this request still goes to Z.ai; move it to Cerebras and use \`${target.model}\``,
          ...(next ? { fix: replaceWith(next, "unsafe") } : {}),
        });
      }
    }
  },
};
