import { Fix, type Rule } from "../src/model/rule.js";
import { field, fieldRange, removeField, requestBodies, type BodyField } from "./common/body.js";
import { FOLLOWS_REQUEST_MODEL, glmAdvice, isNull, numberOf } from "./common/values.js";
import { GLM_OR_CEREBRAS_TRIGGERS } from "./common/triggers.js";
import { adviceMayChange } from "./common/zai-move.js";
import { BODY_FLOWS } from "./common/follows.js";

const DEFAULTS: Record<string, number> = { temperature: 1.0, top_p: 0.95 };

export const samplingConflict: Rule = {
  meta: {
    id: "sampling-conflict",
    severity: "warning",
    fix: "unsafe",
    languages: ["python", "javascript", "typescript", "shell"],
    triggers: GLM_OR_CEREBRAS_TRIGGERS,
    options: { keep: { enum: ["temperature", "top_p"], default: "temperature", description: "The sampling setting the fix keeps." } },
    messages: {
      "both-tuned": "both `temperature` and `top_p` are tuned; GLM 4.7's guide says to adjust one, not both",
      "both-tuned-fixable": "both `temperature` and `top_p` are tuned; GLM 4.7's guide says to adjust one, not both (the fix removes `{dropped}`)",
      "on-target":
        "both `temperature` and `top_p` are tuned; on {target}, the model suggested for this request, GLM 4.7's guide says to adjust one, not both",
    },
    docs: {
      summary: "Both temperature and top_p tuned; GLM 4.7's guide says to adjust one, not both.",
      whatItDoes:
        "Finds requests to GLM (on Cerebras or Z.ai, or naming a GLM model) that set both `temperature` and " +
        "`top_p` (`topP` in the Vercel AI SDK), neither provably at its default (1.0 and 0.95), counting values " +
        "in a dict or object literal spread into the call. The unsafe fix keeps `temperature` and removes " +
        "`top_p`; the option `keep: \"top_p\"` keeps `top_p` instead.\n\n" +
        FOLLOWS_REQUEST_MODEL,
      why:
        "Cerebras' GLM 4.7 migration guide: keep the defaults `temperature=1`, `top_p=0.95` unless there is a " +
        "reason, and for determinism adjust either temperature or top_p, not both. Z.ai's own guide says the " +
        "same. The fix is unsafe because it changes the sampling.",
      example: 'client.chat.completions.create(model="zai-glm-4.7", messages=m, temperature=0.7, top_p=0.8)',
      useInstead: 'client.chat.completions.create(model="zai-glm-4.7", messages=m, temperature=0.7)',
      setup: 'from openai import OpenAI\nclient = OpenAI(base_url="https://api.cerebras.ai/v1")\nm = []\n',
      source: "Cerebras, *Migrate to GLM 4.7*, §10 sampling (inference-docs.cerebras.ai/resources/glm-47-migration); Z.ai, GLM-4.6 guide",
      follows: BODY_FLOWS,
    },
  },
  check({ file, target, options, report }) {
    const keep = options.keep as "temperature" | "top_p";
    const drop = keep === "temperature" ? "top_p" : "temperature";
    for (const body of requestBodies(file)) {
      const advice = glmAdvice(body, target);
      if (!advice) continue;
      const tuned = (wire: string): BodyField | undefined => {
        const found = field(body, wire);
        if (!found || isNull(file, found.entry.value)) return undefined;
        return numberOf(file, found.entry.value) === DEFAULTS[wire] ? undefined : found;
      };
      const temperature = tuned("temperature");
      const topP = tuned("top_p");
      if (!temperature || !topP) continue;
      // Values passed through from elsewhere (a function's parameters) are not known to be tuned.
      const known = (item: BodyField): boolean => numberOf(file, item.entry.value) !== undefined;
      if (!known(temperature) && !known(topP)) continue;
      const dropped = drop === "top_p" ? topP : temperature;
      // Removing a pass-through parameter would silently disable the caller's argument.
      const fixable = known(dropped) && adviceMayChange(body, target, advice) && !dropped.later && !dropped.passed && !dropped.shared;
      report({
        range: fieldRange(dropped),
        // The target's advice has no fix today: model-id rewrites to the target only GLM IDs, whose advice is "own".
        messageId: advice === "target" ? "on-target" : fixable ? "both-tuned-fixable" : "both-tuned",
        data: { dropped: dropped.entry.key ?? drop, target: target.model },
        fix: Fix.unsafe(fixable ? removeField(body, dropped) : undefined, `Remove \`${dropped.entry.key ?? drop}\``),
      });
    }
  },
};
