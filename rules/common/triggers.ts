import { ZAI_MARKERS } from "../knowledge/endpoints.js";

/**
 * Words a file must contain for a rule to have anything to say (the prefilter's input). Each is
 * a necessary condition of the rule's own logic, chosen to be rare in code that has nothing to do
 * with the migration. The engine adds the target model's ID to every rule's list.
 */

/** What a request on a client made in another module still shows (`client.chat.completions.create`). */
export const IMPORTED_CLIENT_CALL = "completions.create";

/**
 * A request bound to Z.ai shows one of these (its SDK, its hosts): the rules also report what its
 * move to Cerebras will need.
 */
export const ZAI_TRIGGERS: readonly string[] = ZAI_MARKERS;

/**
 * A request to Cerebras shows it: an import, a base URL, an env-var name, a `cerebras/` prefix; or,
 * on a client imported from another module of the project, only the method it calls.
 */
export const CEREBRAS_TRIGGERS: readonly string[] = ["cerebras", "CEREBRAS", IMPORTED_CLIENT_CALL, ...ZAI_TRIGGERS];

/** The GLM 4.5-4.7 IDs the guide's advice is for all contain this. */
export const GLM_TRIGGERS: readonly string[] = ["glm-4."];

/**
 * A GLM request, or one on Cerebras that moves to the target (a retired Llama or Qwen ID gets the
 * target's sampling advice): rules that follow the model the request will have.
 */
export const GLM_OR_CEREBRAS_TRIGGERS: readonly string[] = [...GLM_TRIGGERS, ...CEREBRAS_TRIGGERS];
