import { Fix, type Rule } from "../src/model/rule.js";
import { fieldsNamed, replaceValue, requestBodies } from "./common/body.js";
import { FOLLOWS_REQUEST_MODEL, formatNumber, glmAdvice, numberOf } from "./common/values.js";
import { GLM_OR_CEREBRAS_TRIGGERS } from "./common/triggers.js";
import { adviceMayChange } from "./common/zai-move.js";
import { BODY_FLOWS } from "./common/follows.js";

export const lowTemperature: Rule = {
  meta: {
    id: "low-temperature",
    severity: "warning",
    fix: "unsafe",
    languages: ["python", "javascript", "typescript", "shell"],
    triggers: GLM_OR_CEREBRAS_TRIGGERS,
    options: { threshold: { type: "number", minimum: 0, maximum: 2, default: 0.6, description: "Temperatures below this are reported." } },
    messages: {
      "too-low":
        "temperature {value} is below {threshold}; very low values may degrade GLM 4.7's output (the guide uses 0.6 for instruction following)",
      "too-low-on-target":
        "temperature {value} is below {threshold}; on {target}, the model suggested for this request, very low values may degrade the output (the guide uses 0.6 for instruction following)",
    },
    docs: {
      summary: "A temperature below 0.6, where GLM 4.7's output quality degrades.",
      whatItDoes:
        "Finds GLM requests whose `temperature` is a literal (or a constant) below 0.6 (option `threshold`). " +
        "The unsafe fix raises it to the threshold, the guide's value for instruction following.\n\n" +
        FOLLOWS_REQUEST_MODEL,
      why:
        "Cerebras' GLM 4.7 migration guide recommends temperature 1.0 for general use and 0.6 for instruction " +
        "following, and warns that very low values may degrade output quality. Code tuned for other models " +
        "often pins 0 or 0.1 for determinism.",
      example: 'client.chat.completions.create(model="zai-glm-4.7", messages=m, temperature=0)',
      useInstead: 'client.chat.completions.create(model="zai-glm-4.7", messages=m, temperature=0.6)',
      setup: 'from openai import OpenAI\nclient = OpenAI(base_url="https://api.cerebras.ai/v1")\nm = []\n',
      source: "Cerebras, *Migrate to GLM 4.7*, §10 sampling (inference-docs.cerebras.ai/resources/glm-47-migration)",
      follows: BODY_FLOWS,
    },
  },
  check({ file, target, options, report }) {
    const threshold = options.threshold as number;
    for (const body of requestBodies(file)) {
      const advice = glmAdvice(body, target);
      if (!advice) continue;
      for (const temperature of fieldsNamed(body, "temperature")) {
        const value = numberOf(file, temperature.entry.value);
        if (value === undefined || value >= threshold) continue;
        const literal = temperature.entry.value.kind === "number" && adviceMayChange(body, target, advice);
        report({
          range: temperature.entry.value.range,
          messageId: advice === "target" ? "too-low-on-target" : "too-low",
          data: { value: formatNumber(value), threshold: formatNumber(threshold), target: target.model },
          fix: Fix.unsafe(literal ? replaceValue(temperature, formatNumber(threshold)) : undefined, `Raise the temperature to ${formatNumber(threshold)}`),
        });
      }
    }
  },
};
