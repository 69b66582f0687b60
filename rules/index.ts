import type { Rule } from "../src/model/rule.js";
import { clearThinkingAgentic } from "./clear-thinking-agentic.js";
import { disableReasoningDeprecated } from "./disable-reasoning-deprecated.js";
import { extraBodyRequired } from "./extra-body-required.js";
import { literalExtraBody } from "./literal-extra-body.js";
import { lowTemperature } from "./low-temperature.js";
import { maxCompletionTokens } from "./max-completion-tokens.js";
import { modelId } from "./model-id.js";
import { promptDirectiveWording } from "./prompt-directive-wording.js";
import { promptLanguage } from "./prompt-language.js";
import { providerEndpoint } from "./provider-endpoint.js";
import { reasoningContentField } from "./reasoning-content-field.js";
import { samplingConflict } from "./sampling-conflict.js";
import { unknownModel } from "./unknown-model.js";
import { unsupportedParam } from "./unsupported-param.js";
import { zaiThinkingParam } from "./zai-thinking-param.js";

/**
 * Every rule, in the order `glm-migrate rules` lists them. The order is also the fix priority:
 * rules that translate a field (thinking → reasoning_effort) come before the one that moves
 * non-standard fields into extra_body, so the translated field lands where it belongs.
 */
export const RULES: readonly Rule[] = [
  modelId,
  unknownModel,
  providerEndpoint,
  zaiThinkingParam,
  disableReasoningDeprecated,
  unsupportedParam,
  extraBodyRequired,
  literalExtraBody,
  reasoningContentField,
  maxCompletionTokens,
  samplingConflict,
  lowTemperature,
  clearThinkingAgentic,
  promptLanguage,
  promptDirectiveWording,
];
