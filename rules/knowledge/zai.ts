/**
 * Request fields Z.ai (or a self-hosted GLM) accepts and Cerebras rejects, with what becomes of
 * each on Cerebras. Source: API-FACTS.md §3 (Z.ai API reference; zai-org/z-ai-sdk-python
 * src/zai/api_resource/chat/completions.py); Cerebras answers unknown fields with HTTP 400.
 */
export interface ZaiOnlyField {
  wire: string;
  /** Remove it, or rename it to a Cerebras field with the same meaning. */
  action: { kind: "remove" } | { kind: "rename"; to: string };
  /** Whether dropping or renaming it keeps the request's behaviour. */
  safe: boolean;
  why: string;
  /**
   * Cerebras has nothing that carries what the field asks for (a role-play persona): a Z.ai
   * request holding it does not move, since removing it would change what the program does.
   */
  blocksMove?: boolean;
}

export const ZAI_ONLY_FIELDS: readonly ZaiOnlyField[] = [
  { wire: "tool_stream", action: { kind: "remove" }, safe: true, why: "Cerebras streams tool calls as one chunk and does not support `tool_stream=true`" },
  { wire: "user_id", action: { kind: "rename", to: "user" }, safe: true, why: "the end-user ID field is `user` on Cerebras" },
  { wire: "do_sample", action: { kind: "remove" }, safe: false, why: "Cerebras always samples; use temperature for determinism" },
  { wire: "request_id", action: { kind: "remove" }, safe: false, why: "Cerebras has no client-set request ID" },
  { wire: "sensitive_word_check", action: { kind: "remove" }, safe: false, why: "it is Z.ai's content filter setting" },
  { wire: "meta", action: { kind: "remove" }, safe: false, why: "it is Z.ai's role-play metadata", blocksMove: true },
  { wire: "extra", action: { kind: "remove" }, safe: false, why: "it is Z.ai's object of extra request parameters" },
  { wire: "watermark_enabled", action: { kind: "remove" }, safe: false, why: "it is Z.ai's watermark setting" },
  { wire: "chat_template_kwargs", action: { kind: "remove" }, safe: false, why: "it is a self-hosted (vLLM/SGLang) setting; use `reasoning_effort` and `clear_thinking`" },
];
