/**
 * The request fields the Cerebras Node SDK types (ChatCompletionCreateParams, 1.91.0), so a fix
 * in TypeScript knows which hoisted fields still need `// @ts-expect-error`.
 * Source: Cerebras/cerebras-cloud-sdk-node src/resources/chat/completions.ts (release 1.91.0).
 */
export const CEREBRAS_NODE_CHAT_FIELDS: readonly string[] = [
  "messages",
  "model",
  "clear_thinking",
  "disable_reasoning",
  "frequency_penalty",
  "logit_bias",
  "logprobs",
  "max_completion_tokens",
  "max_tokens",
  "min_completion_tokens",
  "min_tokens",
  "model_parameters",
  "n",
  "parallel_tool_calls",
  "prediction",
  "presence_penalty",
  "prompt_cache_key",
  "reasoning_effort",
  "reasoning_format",
  "response_format",
  "seed",
  "service_tier",
  "stop",
  "stream",
  "stream_options",
  "temperature",
  "tool_choice",
  "tools",
  "top_logprobs",
  "top_p",
  "user",
];
