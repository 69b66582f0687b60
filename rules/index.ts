import type { Rule } from "../src/model/rule.js";
import { extraBodyRequired } from "./extra-body-required.js";
import { modelId } from "./model-id.js";

/** Every rule, in the order `glm-migrate rules` lists them. */
export const RULES: readonly Rule[] = [modelId, extraBodyRequired];
