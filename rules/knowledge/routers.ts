/**
 * Router configurations that name several deployments of one model and fall back between them.
 *
 * LiteLLM (docs.litellm.ai/docs/proxy/reliability, "Fallbacks", updated 2026-10-03): a
 * `model_list` of deployments, each a `model_name` (the group callers ask for) and
 * `litellm_params` (`model`, `api_base`, `api_key`, `os.environ/NAME` for a variable); several
 * deployments under one `model_name` are load-balanced; `router_settings.fallbacks:
 * [{"group": ["other-group"]}]`, with `context_window_fallbacks` and `content_policy_fallbacks` of
 * the same shape.
 *
 * claude-code-router (musistudio/claude-code-router docs/docs/server/config/routing.md, commit
 * f7e0f428): `Providers: [{name, api_base_url, api_key, models: [...]}]`, a `Router` section whose
 * scenarios (`default`, `background`, `think`, `longContext`, `webSearch`, `image`) name a model
 * as "provider,model", and a `fallback` section of scenario -> ["provider,model", ...] that is
 * tried in order when the scenario's model fails ("Backup models must exist in the Providers
 * configuration").
 */

/** Keys whose value maps a group or scenario to the names it falls back to. */
export const ROUTER_FALLBACK_KEYS: readonly string[] = ["fallbacks", "context_window_fallbacks", "content_policy_fallbacks", "fallback"];

/** claude-code-router's "provider,model" reference: the provider's name and the model ID. */
export const ROUTER_REFERENCE = /^([^,\s]+),(\S+)$/;
