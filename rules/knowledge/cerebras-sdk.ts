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

/** Keywords of every Cerebras Python request method besides the body fields: headers, timeout, extra_*. */
const PYTHON_REQUEST_OPTIONS = ["cf_ray", "x_amz_cf_id", "x_delay_time", "extra_headers", "extra_query", "extra_body", "timeout"];

/**
 * The body fields of Cerebras' legacy text completions endpoint (`/v1/completions`), which the
 * `completions.create` methods of both SDKs send. It has `max_tokens` and no `max_completion_tokens`,
 * and none of the chat endpoint's reasoning controls but `reasoning_format`.
 * Source: Cerebras/cerebras-cloud-sdk-python src/cerebras/cloud/sdk/resources/completions.py
 * (release 1.67.0, 2026-01-06).
 */
export const CEREBRAS_TEXT_COMPLETION_FIELDS: readonly string[] = [
  "model",
  "prompt",
  "best_of",
  "echo",
  "frequency_penalty",
  "grammar_root",
  "logit_bias",
  "logprobs",
  "max_tokens",
  "min_tokens",
  "n",
  "presence_penalty",
  "reasoning_format",
  "return_raw_tokens",
  "seed",
  "stop",
  "stream",
  "stream_options",
  "suffix",
  "temperature",
  "top_p",
  "user",
];

/**
 * The keyword parameters of the Cerebras Python SDK's request methods. Like the OpenAI client's,
 * they are keyword-only with no `**kwargs`: any other keyword raises TypeError before a request
 * is sent, so other fields travel in `extra_body`.
 * Source: Cerebras/cerebras-cloud-sdk-python src/cerebras/cloud/sdk/resources/chat/completions.py
 * and resources/completions.py (release 1.67.0, 2026-01-06; earlier releases take a subset). The
 * chat fields are the Node SDK's less two it has and the Python SDK does not.
 */
const PYTHON_CHAT_FIELDS = CEREBRAS_NODE_CHAT_FIELDS.filter((name) => name !== "model_parameters" && name !== "prompt_cache_key");

export const CEREBRAS_PYTHON_KEYWORDS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["chat.completions.create", new Set([...PYTHON_CHAT_FIELDS, ...PYTHON_REQUEST_OPTIONS])],
  ["completions.create", new Set([...CEREBRAS_TEXT_COMPLETION_FIELDS, ...PYTHON_REQUEST_OPTIONS])],
]);
