import type { Rule } from "../src/model/rule.js";
import { clearThinkingAgentic } from "./clear-thinking-agentic.js";
import { disableReasoningDeprecated } from "./disable-reasoning-deprecated.js";
import { extraBodyRequired } from "./extra-body-required.js";
import { literalExtraBody } from "./literal-extra-body.js";
import { lowTemperature } from "./low-temperature.js";
import { maxCompletionTokens } from "./max-completion-tokens.js";
import { modelId } from "./model-id.js";
import { samplingConflict } from "./sampling-conflict.js";
import { unsupportedParam } from "./unsupported-param.js";
import { zaiThinkingParam } from "./zai-thinking-param.js";

/** Every rule, in the order `glm-migrate rules` lists them. */
export const RULES: readonly Rule[] = [
  modelId,
  extraBodyRequired,
  zaiThinkingParam,
  unsupportedParam,
  literalExtraBody,
  disableReasoningDeprecated,
  maxCompletionTokens,
  samplingConflict,
  lowTemperature,
  clearThinkingAgentic,
];
