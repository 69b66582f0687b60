/**
 * LangChain's Python chat models. Source: langchain-openai 1.6.6 chat_models/base.py
 * (BaseChatOpenAI, ChatOpenAI) and langchain-cerebras 0.8.2 chat_models.py.
 */

/** Request fields that are not OpenAI parameters: Cerebras', Z.ai's and self-hosted GLM's. */
export const NON_OPENAI_FIELDS: ReadonlySet<string> = new Set([
  "disable_reasoning",
  "clear_thinking",
  "reasoning_format",
  "thinking",
  "tool_stream",
  "do_sample",
  "request_id",
  "user_id",
  "sensitive_word_check",
  "meta",
  "watermark_enabled",
  "chat_template_kwargs",
  "top_k",
  "min_p",
  "repetition_penalty",
]);

/** ChatCerebras' own fields beyond BaseChatOpenAI's (it sends disable_reasoning in extra_body itself). */
export const LANGCHAIN_CEREBRAS_FIELDS: ReadonlySet<string> = new Set(["disable_reasoning", "reasoning_effort"]);
