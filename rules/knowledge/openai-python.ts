/**
 * The keyword parameters of the OpenAI Python SDK's request methods: the union over every v1+
 * release, so a keyword valid in any version is never flagged. None of these methods takes
 * `**kwargs`, so any other keyword raises TypeError before a request is sent.
 *
 * Source: openai/openai-python, src/openai/resources/chat/completions/completions.py and
 * src/openai/resources/completions.py, every tag v1.0.0 to v3.3.1, and the 3.22.1 wheel.
 */

const REQUEST_OPTIONS = ["extra_headers", "extra_query", "extra_body", "timeout"];

/** The chat request fields: the same names in openai-node's ChatCompletionCreateParams (7.57.0). */
export const OPENAI_CHAT_FIELDS: readonly string[] = [
  "messages",
  "model",
  "audio",
  "frequency_penalty",
  "function_call",
  "functions",
  "logit_bias",
  "logprobs",
  "max_completion_tokens",
  "max_tokens",
  "metadata",
  "modalities",
  "moderation",
  "n",
  "parallel_tool_calls",
  "prediction",
  "presence_penalty",
  "prompt_cache_key",
  "prompt_cache_options",
  "prompt_cache_retention",
  "reasoning_effort",
  "response_format",
  "safety_identifier",
  "seed",
  "service_tier",
  "stop",
  "store",
  "stream",
  "stream_options",
  "temperature",
  "tool_choice",
  "tools",
  "top_logprobs",
  "top_p",
  "user",
  "verbosity",
  "web_search_options",
  // Only in v1.100.0-1.100.1, but valid there.
  "text",
];

const LEGACY_COMPLETIONS = [
  "model",
  "prompt",
  "best_of",
  "echo",
  "frequency_penalty",
  "logit_bias",
  "logprobs",
  "max_tokens",
  "n",
  "presence_penalty",
  "seed",
  "stop",
  "stream",
  "stream_options",
  "suffix",
  "temperature",
  "top_p",
  "user",
];

export const OPENAI_PYTHON_KEYWORDS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["chat.completions.create", new Set([...OPENAI_CHAT_FIELDS, ...REQUEST_OPTIONS])],
  ["chat.completions.parse", new Set([...OPENAI_CHAT_FIELDS, ...REQUEST_OPTIONS])],
  ["chat.completions.stream", new Set([...OPENAI_CHAT_FIELDS, ...REQUEST_OPTIONS])],
  ["beta.chat.completions.parse", new Set([...OPENAI_CHAT_FIELDS, ...REQUEST_OPTIONS])],
  ["beta.chat.completions.stream", new Set([...OPENAI_CHAT_FIELDS, ...REQUEST_OPTIONS])],
  ["completions.create", new Set([...LEGACY_COMPLETIONS, ...REQUEST_OPTIONS])],
]);
