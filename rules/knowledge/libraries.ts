/**
 * The client libraries glm-migrate understands, as data: one entry per library and language.
 * Adding a library is one entry here plus its fixtures (fixtures/rules/<rule>/...); the language
 * adapters and the model build their look-up tables from this list (src/model/sdks.ts), and the
 * request-body view (rules/common/body.ts) reads the field naming and the extra-field options.
 * Every option name is read from the library's own source, cited in `source` (and in
 * docs/libraries.md). Knowledge imports nothing.
 */

/** Where a client's requests go when nothing in the code says otherwise. */
export type LibraryEndpoint = "cerebras" | "zai" | "other" | "unknown";

export interface ClientLibrary {
  /**
   * The library's id, carried by every client and request the code builds with it; rules that
   * need one library's quirks compare it. The same id may have a Python and a JS entry.
   */
  id: string;
  language: "python" | "javascript";
  /**
   * Constructors, classes and factories, as qualified names: the module path plus the export
   * (`openai.OpenAI`); a JS default export is `<module>.default`, and a CommonJS `require()` of the
   * module is the module name itself.
   */
  constructors?: readonly string[];
  /** Module exports that are ready-made clients (`openai` in Python, `cerebras` of `@ai-sdk/cerebras`). */
  moduleClients?: readonly string[];
  /** Functions that send a request themselves and take the body as keywords or options (`litellm.completion`). */
  requestFunctions?: readonly string[];
  /** Where requests go when the construction names no base URL (or API-key variable). */
  defaultEndpoint: LibraryEndpoint;
  /** Option names, of the constructor (or of the request, for `model` where requests carry it). */
  options: {
    /** Where the model ID goes. */
    model: readonly string[];
    /** Where the base URL goes; `a.b` is option `b` inside the object given as `a`. */
    baseUrl: readonly string[];
    /** Where the API key goes: its variable's name says where requests go when no base URL does. */
    apiKey: readonly string[];
    /**
     * Options whose object is merged into the request body as it is (`extra_body`,
     * `model_kwargs`, `providerOptions.cerebras`).
     */
    extraFields: readonly string[];
  };
  /** `snake`: options carry wire names; `camel`: camelCase options the library converts (`topP`). */
  fieldNaming: "snake" | "camel";
  /**
   * Where request fields are written:
   * - `method`: in the request call on the client (`client.chat.completions.create(...)`);
   * - `constructor`: in the construction, for chat-model wrappers (LangChain's `ChatOpenAI(...)`);
   * - `function`: in the options of a request function (`litellm.completion`, `generateText`);
   * - `model-object`: the client is a provider whose `provider("model")` gives a model object that a
   *   request function takes; the fields go in that function's options.
   * - `none`: the fields go somewhere this tool does not follow (a settings object, a run call); the
   *   client still says where its model strings go.
   */
  requestFields: "method" | "constructor" | "function" | "model-object" | "none";
  /** The first positional argument of the constructor is the model (`dspy.LM("cerebras/...")`). */
  modelArgument?: boolean;
  /**
   * For `constructor` libraries: the wire fields the constructor takes as options of its own; any
   * other field belongs in the first `extraFields` option. Absent: every field may be an option.
   */
  topFields?: readonly string[];
  /**
   * The client library that sends this one's fields (a wrapper around LiteLLM or the OpenAI Python
   * client): rules judge the fields as that library takes them.
   */
  sendsThrough?: "litellm" | "openai";
  /**
   * Functions that take a client of another library as their first argument and hand back the
   * same client, patched (`instructor.from_openai(OpenAI(...))`): its requests are the wrapped
   * client's, with the keywords in `wrapperKeywords` taken by the wrapper, not sent.
   */
  wrappers?: readonly string[];
  wrapperKeywords?: readonly string[];
  /** Request methods the library adds to the clients it makes or wraps, by their path below the client. */
  requestMethods?: readonly string[];
  /** The library source each name was read from: repository, path, version or commit. */
  source: string;
}

/**
 * Client methods that send a chat or completion request, by their path below an OpenAI-style
 * client. Longest first, so `beta.chat.completions.parse` is not taken for
 * `chat.completions.parse` on `client.beta`.
 */
export const REQUEST_METHODS: readonly string[] = [
  "beta.chat.completions.parse",
  "beta.chat.completions.stream",
  "chat.completions.create",
  "chat.completions.parse",
  "chat.completions.stream",
  "completions.create",
];

/** Members of a `model-object` provider that also give a model (`cerebras.chat("zai-glm-4.7")`). */
export const PROVIDER_MODEL_MEMBERS: readonly string[] = ["chat", "chatModel", "languageModel"];

export const LIBRARIES = [
  // ---- Python ----
  {
    id: "openai",
    language: "python",
    constructors: ["openai.OpenAI", "openai.AsyncOpenAI", "openai.Client", "openai.AsyncClient"],
    // openai.chat.completions.create(...) on the module's default client.
    moduleClients: ["openai"],
    defaultEndpoint: "unknown",
    options: { model: ["model"], baseUrl: ["base_url"], apiKey: ["api_key"], extraFields: ["extra_body"] },
    fieldNaming: "snake",
    requestFields: "method",
    source: "openai/openai-python src/openai/resources/chat/completions/completions.py (v1.0.0-v3.3.1); API-FACTS.md §4",
  },
  {
    id: "cerebras",
    language: "python",
    constructors: ["cerebras.cloud.sdk.Cerebras", "cerebras.cloud.sdk.AsyncCerebras", "cerebras.cloud.sdk.Client", "cerebras.cloud.sdk.AsyncClient"],
    defaultEndpoint: "cerebras",
    options: { model: ["model"], baseUrl: ["base_url"], apiKey: ["api_key"], extraFields: ["extra_body"] },
    fieldNaming: "snake",
    requestFields: "method",
    source: "Cerebras/cerebras-cloud-sdk-python (release 1.67.0); API-FACTS.md §4",
  },
  {
    id: "zai",
    language: "python",
    constructors: ["zai.ZaiClient", "zai.ZhipuAiClient"],
    defaultEndpoint: "zai",
    options: { model: ["model"], baseUrl: ["base_url"], apiKey: ["api_key"], extraFields: [] },
    fieldNaming: "snake",
    requestFields: "method",
    source: "zai-org/z-ai-sdk-python (zai-sdk); API-FACTS.md §3",
  },
  {
    id: "zhipuai",
    language: "python",
    constructors: ["zhipuai.ZhipuAI"],
    defaultEndpoint: "zai",
    options: { model: ["model"], baseUrl: ["base_url"], apiKey: ["api_key"], extraFields: [] },
    fieldNaming: "snake",
    requestFields: "method",
    source: "zhipuai (legacy Z.ai SDK); API-FACTS.md §3",
  },
  {
    id: "langchain-openai",
    language: "python",
    constructors: ["langchain_openai.ChatOpenAI", "langchain_openai.chat_models.ChatOpenAI"],
    defaultEndpoint: "unknown",
    options: { model: ["model", "model_name"], baseUrl: ["base_url", "openai_api_base"], apiKey: ["api_key", "openai_api_key"], extraFields: ["model_kwargs", "extra_body"] },
    fieldNaming: "snake",
    requestFields: "constructor",
    source: "langchain-openai 1.6.6 chat_models/base.py (BaseChatOpenAI, ChatOpenAI)",
  },
  {
    id: "langchain-cerebras",
    language: "python",
    constructors: ["langchain_cerebras.ChatCerebras"],
    defaultEndpoint: "cerebras",
    options: { model: ["model", "model_name"], baseUrl: ["base_url", "cerebras_api_base"], apiKey: ["api_key", "cerebras_api_key"], extraFields: ["model_kwargs", "extra_body"] },
    fieldNaming: "snake",
    requestFields: "constructor",
    source: "langchain-cerebras 0.8.2 chat_models.py",
  },
  {
    // Pydantic fields `model_name` (alias `model`), `zhipuai_api_key` (alias `api_key`),
    // `zhipuai_api_base` (alias `api_base`, the full chat-completions URL).
    id: "langchain-zhipuai",
    language: "python",
    constructors: ["langchain_community.chat_models.ChatZhipuAI", "langchain_community.chat_models.zhipuai.ChatZhipuAI"],
    defaultEndpoint: "zai",
    options: { model: ["model", "model_name"], baseUrl: ["zhipuai_api_base", "api_base"], apiKey: ["zhipuai_api_key", "api_key"], extraFields: ["model_kwargs"] },
    fieldNaming: "snake",
    requestFields: "constructor",
    source: "langchain-ai/langchain libs/community/langchain_community/chat_models/zhipuai.py (commit 002ff5f)",
  },
  {
    id: "litellm",
    language: "python",
    requestFunctions: ["litellm.completion", "litellm.acompletion"],
    defaultEndpoint: "unknown",
    options: { model: ["model"], baseUrl: [], apiKey: [], extraFields: ["extra_body"] },
    fieldNaming: "snake",
    requestFields: "function",
    source: "API-FACTS.md §4 (LiteLLM: the model prefix routes the request)",
  },

  // ---- Python frameworks (issue 15; each option name read in the source cited, see docs/libraries.md) ----
  {
    // Cerebras(model, api_key, api_base, ...) subclasses OpenAILike; api_base defaults to
    // CEREBRAS_BASE_URL or https://api.cerebras.ai/v1/, the key to CEREBRAS_API_KEY.
    id: "llama-index-cerebras",
    language: "python",
    constructors: ["llama_index.llms.cerebras.Cerebras", "llama_index.llms.cerebras.base.Cerebras"],
    defaultEndpoint: "cerebras",
    options: { model: ["model"], baseUrl: ["api_base"], apiKey: ["api_key"], extraFields: ["additional_kwargs"] },
    fieldNaming: "snake",
    requestFields: "constructor",
    topFields: ["model", "temperature", "max_tokens"],
    sendsThrough: "openai",
    source:
      "run-llama/llama_index llama-index-integrations/llms/llama-index-llms-cerebras/llama_index/llms/cerebras/base.py (commit 5d62a83); " +
      "llama-index-llms-openai-like/llama_index/llms/openai_like/base.py (commit 0f81330): additional_kwargs go to the request body",
  },
  {
    // OpenAILike(model, api_base, api_key, is_chat_model, ...): any OpenAI-style server; the base URL says which.
    id: "llama-index-openai-like",
    language: "python",
    constructors: ["llama_index.llms.openai_like.OpenAILike", "llama_index.llms.openai_like.base.OpenAILike"],
    defaultEndpoint: "unknown",
    options: { model: ["model"], baseUrl: ["api_base"], apiKey: ["api_key"], extraFields: ["additional_kwargs"] },
    fieldNaming: "snake",
    requestFields: "constructor",
    topFields: ["model", "temperature", "max_tokens"],
    sendsThrough: "openai",
    source: "run-llama/llama_index llama-index-integrations/llms/llama-index-llms-openai-like/llama_index/llms/openai_like/base.py (commit 0f81330)",
  },
  {
    // LM(model, model_type, temperature, max_tokens, cache, **kwargs): every keyword is kept and
    // passed to litellm.completion on each call; the model is a LiteLLM string ("cerebras/...").
    id: "dspy",
    language: "python",
    constructors: ["dspy.LM", "dspy.clients.LM", "dspy.clients.lm.LM"],
    defaultEndpoint: "unknown",
    options: { model: ["model"], baseUrl: ["api_base"], apiKey: ["api_key"], extraFields: [] },
    fieldNaming: "snake",
    requestFields: "constructor",
    modelArgument: true,
    sendsThrough: "litellm",
    source: "stanfordnlp/dspy dspy/clients/lm.py (commit 00014ef)",
  },
  {
    // LLM(model, temperature, top_p, ..., base_url, api_base, api_key, reasoning_effort, **kwargs):
    // the options and **kwargs go to litellm.completion.
    id: "crewai",
    language: "python",
    constructors: ["crewai.LLM", "crewai.llm.LLM"],
    defaultEndpoint: "unknown",
    options: { model: ["model"], baseUrl: ["base_url", "api_base"], apiKey: ["api_key"], extraFields: [] },
    fieldNaming: "snake",
    requestFields: "constructor",
    modelArgument: true,
    sendsThrough: "litellm",
    source: "crewAIInc/crewAI src/crewai/llm.py (commit 00a5662)",
  },
  {
    // CerebrasProvider(api_key=..., openai_client=..., http_client=...): the base URL is fixed;
    // models are CerebrasModel("id", provider=...) or the string "cerebras:<id>" (catalog spellings).
    id: "pydantic-ai-cerebras",
    language: "python",
    constructors: ["pydantic_ai.providers.cerebras.CerebrasProvider"],
    defaultEndpoint: "cerebras",
    options: { model: [], baseUrl: [], apiKey: ["api_key"], extraFields: [] },
    fieldNaming: "snake",
    requestFields: "none",
    source: "pydantic/pydantic-ai pydantic_ai_slim/pydantic_ai/providers/cerebras.py (commit 01fd811)",
  },
  {
    // CerebrasModel(model_name, *, provider="cerebras", profile, settings): the model's requests go to
    // Cerebras; its settings (cerebras_-prefixed) are not followed.
    id: "pydantic-ai-cerebras-model",
    language: "python",
    constructors: ["pydantic_ai.models.cerebras.CerebrasModel"],
    defaultEndpoint: "cerebras",
    options: { model: ["model_name"], baseUrl: [], apiKey: [], extraFields: [] },
    fieldNaming: "snake",
    requestFields: "none",
    modelArgument: true,
    source: "pydantic/pydantic-ai pydantic_ai_slim/pydantic_ai/models/cerebras.py (commit 01fd811)",
  },
  {
    // OpenAIProvider(base_url=..., api_key=...): bound to Cerebras or Z.ai by its base URL.
    id: "pydantic-ai-openai",
    language: "python",
    constructors: ["pydantic_ai.providers.openai.OpenAIProvider"],
    defaultEndpoint: "unknown",
    options: { model: [], baseUrl: ["base_url"], apiKey: ["api_key"], extraFields: [] },
    fieldNaming: "snake",
    requestFields: "none",
    source: "pydantic/pydantic-ai pydantic_ai_slim/pydantic_ai/providers/openai.py (commit 01fd811)",
  },
  {
    // A dataclass over the Cerebras Python SDK: the model is `id`; the request fields it takes
    // itself are listed; anything else goes in `extra_body` or `request_params` (spread into create()).
    id: "agno-cerebras",
    language: "python",
    constructors: ["agno.models.cerebras.Cerebras", "agno.models.cerebras.cerebras.Cerebras"],
    defaultEndpoint: "cerebras",
    options: { model: ["id"], baseUrl: ["base_url"], apiKey: ["api_key"], extraFields: ["request_params", "extra_body"] },
    fieldNaming: "snake",
    requestFields: "constructor",
    topFields: ["model", "parallel_tool_calls", "max_completion_tokens", "repetition_penalty", "temperature", "top_p", "top_k"],
    source: "agno-agi/agno libs/agno/agno/models/cerebras/cerebras.py (commit 0961481)",
  },
  {
    // CerebrasLLMService(*, api_key, base_url="https://api.cerebras.ai/v1", model=None, settings=None,
    // **kwargs), an OpenAILLMService; request fields live in its settings object (not followed).
    id: "pipecat-cerebras",
    language: "python",
    constructors: ["pipecat.services.cerebras.llm.CerebrasLLMService", "pipecat.services.cerebras.CerebrasLLMService"],
    defaultEndpoint: "cerebras",
    options: { model: ["model"], baseUrl: ["base_url"], apiKey: ["api_key"], extraFields: [] },
    fieldNaming: "snake",
    requestFields: "none",
    source: "pipecat-ai/pipecat src/pipecat/services/cerebras/llm.py (commit 05f8742)",
  },
  {
    // OpenAIServerModel(model_id, api_base, api_key, ..., **kwargs): makes openai.OpenAI(base_url=api_base)
    // and passes **kwargs to chat.completions.create(), so non-OpenAI fields need extra_body.
    id: "smolagents-openai",
    language: "python",
    constructors: ["smolagents.OpenAIServerModel", "smolagents.models.OpenAIServerModel"],
    defaultEndpoint: "unknown",
    options: { model: ["model_id"], baseUrl: ["api_base"], apiKey: ["api_key"], extraFields: ["extra_body"] },
    fieldNaming: "snake",
    requestFields: "constructor",
    sendsThrough: "openai",
    source: "huggingface/smolagents src/smolagents/models.py (commit 004812a)",
  },
  {
    // LiteLLMModel(model_id, api_base, api_key, ..., **kwargs): **kwargs go to litellm.completion.
    id: "smolagents-litellm",
    language: "python",
    constructors: ["smolagents.LiteLLMModel", "smolagents.models.LiteLLMModel"],
    defaultEndpoint: "unknown",
    options: { model: ["model_id"], baseUrl: ["api_base"], apiKey: ["api_key"], extraFields: [] },
    fieldNaming: "snake",
    requestFields: "constructor",
    sendsThrough: "litellm",
    source: "huggingface/smolagents src/smolagents/models.py (commit 004812a)",
  },
  {
    // OpenAIChatGenerator(api_key=Secret..., model, api_base_url, generation_kwargs, ...): the request
    // fields are in generation_kwargs, spread into the OpenAI client's create().
    id: "haystack-openai",
    language: "python",
    constructors: ["haystack.components.generators.chat.OpenAIChatGenerator", "haystack.components.generators.chat.openai.OpenAIChatGenerator"],
    defaultEndpoint: "unknown",
    options: { model: ["model"], baseUrl: ["api_base_url"], apiKey: ["api_key"], extraFields: ["generation_kwargs"] },
    fieldNaming: "snake",
    requestFields: "constructor",
    topFields: ["model"],
    sendsThrough: "openai",
    source: "deepset-ai/haystack haystack/components/generators/chat/openai.py (commit 014ab5d)",
  },
  {
    // OpenAIChatCompletionClient(model, base_url, api_key, model_info, temperature, top_p, ...): the
    // create arguments given at construction go to the OpenAI client's create().
    id: "autogen-openai",
    language: "python",
    constructors: ["autogen_ext.models.openai.OpenAIChatCompletionClient"],
    defaultEndpoint: "unknown",
    options: { model: ["model"], baseUrl: ["base_url"], apiKey: ["api_key"], extraFields: [] },
    fieldNaming: "snake",
    requestFields: "constructor",
    sendsThrough: "openai",
    source: "microsoft/autogen python/packages/autogen-ext/src/autogen_ext/models/openai/config/__init__.py (commit 03e40b7)",
  },
  {
    // instructor.from_openai(OpenAI(base_url=...)), from_cerebras(Cerebras()), patch(client): the
    // patched client's chat.completions.create(response_model=..., max_retries=..., ...) sends the
    // rest of its keywords to the wrapped client's create().
    id: "instructor",
    language: "python",
    wrappers: ["instructor.from_openai", "instructor.from_cerebras", "instructor.patch", "instructor.apatch"],
    wrapperKeywords: ["response_model", "max_retries", "validation_context", "context", "strict", "hooks"],
    requestMethods: ["chat.completions.create_with_completion", "chat.completions.create_partial", "chat.completions.create_iterable"],
    defaultEndpoint: "unknown",
    options: { model: [], baseUrl: [], apiKey: [], extraFields: [] },
    fieldNaming: "snake",
    requestFields: "method",
    source: "instructor-ai/instructor instructor/client.py (Instructor.create; commit ccfc985) and instructor/client_cerebras.py",
  },

  // ---- JavaScript and TypeScript ----
  {
    id: "openai",
    language: "javascript",
    constructors: ["openai", "openai.default", "openai.OpenAI"],
    defaultEndpoint: "unknown",
    options: { model: ["model"], baseUrl: ["baseURL"], apiKey: ["apiKey"], extraFields: [] },
    fieldNaming: "snake",
    requestFields: "method",
    source: "openai-node (`new OpenAI({ baseURL, apiKey })`); API-FACTS.md §4",
  },
  {
    id: "cerebras",
    language: "javascript",
    constructors: ["@cerebras/cerebras_cloud_sdk", "@cerebras/cerebras_cloud_sdk.default", "@cerebras/cerebras_cloud_sdk.Cerebras"],
    defaultEndpoint: "cerebras",
    options: { model: ["model"], baseUrl: ["baseURL"], apiKey: ["apiKey"], extraFields: [] },
    fieldNaming: "snake",
    requestFields: "method",
    source: "Cerebras/cerebras-cloud-sdk-node (release 1.91.0); API-FACTS.md §4",
  },
  {
    id: "langchain-js-openai",
    language: "javascript",
    constructors: ["@langchain/openai.ChatOpenAI"],
    defaultEndpoint: "unknown",
    options: { model: ["model", "modelName"], baseUrl: ["configuration.baseURL"], apiKey: ["apiKey", "openAIApiKey"], extraFields: ["modelKwargs"] },
    fieldNaming: "camel",
    requestFields: "constructor",
    source: "@langchain/openai ChatOpenAI (`configuration.baseURL`)",
  },
  {
    id: "langchain-js-cerebras",
    language: "javascript",
    constructors: ["@langchain/cerebras.ChatCerebras"],
    defaultEndpoint: "cerebras",
    options: { model: ["model"], baseUrl: [], apiKey: ["apiKey"], extraFields: [] },
    fieldNaming: "camel",
    requestFields: "constructor",
    source: "@langchain/cerebras ChatCerebras; API-FACTS.md §4",
  },
  {
    id: "ai-sdk-cerebras",
    language: "javascript",
    constructors: ["@ai-sdk/cerebras.createCerebras"],
    moduleClients: ["@ai-sdk/cerebras.cerebras"],
    defaultEndpoint: "cerebras",
    options: { model: [], baseUrl: ["baseURL"], apiKey: ["apiKey"], extraFields: [] },
    fieldNaming: "camel",
    requestFields: "model-object",
    source: "@ai-sdk/cerebras (`cerebras`, `createCerebras`); API-FACTS.md §4",
  },
  {
    // createOpenAICompatible({ name, baseURL, apiKey }): the base URL says where its models go.
    id: "ai-sdk-openai-compatible",
    language: "javascript",
    constructors: ["@ai-sdk/openai-compatible.createOpenAICompatible"],
    defaultEndpoint: "unknown",
    options: { model: [], baseUrl: ["baseURL"], apiKey: ["apiKey"], extraFields: [] },
    fieldNaming: "camel",
    requestFields: "model-object",
    source: "@ai-sdk/openai-compatible 2.0 README (unpkg)",
  },
  {
    // The request functions take the body from their options object; agents run the same
    // requests in a tool loop: new ToolLoopAgent({ model, tools, ... }).
    id: "ai-sdk",
    language: "javascript",
    requestFunctions: ["ai.generateText", "ai.streamText", "ai.generateObject", "ai.streamObject", "ai.ToolLoopAgent", "ai.Experimental_Agent", "ai.Agent"],
    defaultEndpoint: "unknown",
    options: { model: ["model"], baseUrl: [], apiKey: [], extraFields: ["providerOptions.cerebras"] },
    fieldNaming: "camel",
    requestFields: "function",
    source: "ai (Vercel AI SDK) generateText/streamText/agents; API-FACTS.md §4",
  },

  // ---- JS/TS frameworks (issue 15) ----
  {
    // createOpenAI({ baseURL, apiKey, ... }): `provider(id)` is the Responses API in AI SDK 5+,
    // `provider.chat(id)` chat completions; either is a model position bound to the base URL.
    id: "ai-sdk-openai",
    language: "javascript",
    constructors: ["@ai-sdk/openai.createOpenAI"],
    defaultEndpoint: "unknown",
    options: { model: [], baseUrl: ["baseURL"], apiKey: ["apiKey"], extraFields: [] },
    fieldNaming: "camel",
    requestFields: "model-object",
    source: "vercel/ai packages/openai/src/openai-provider.ts (commit 04e5c98, ProviderV3)",
  },
  {
    // createZhipu({ baseURL, apiKey, headers, fetch }) of the community provider zhipu-ai-provider:
    // default base https://open.bigmodel.cn/api/paas/v4, key ZHIPU_API_KEY; ready-made `zhipu` and `zai`.
    id: "ai-sdk-zhipu",
    language: "javascript",
    constructors: ["zhipu-ai-provider.createZhipu"],
    moduleClients: ["zhipu-ai-provider.zhipu", "zhipu-ai-provider.zai"],
    defaultEndpoint: "zai",
    options: { model: [], baseUrl: ["baseURL"], apiKey: ["apiKey"], extraFields: [] },
    fieldNaming: "camel",
    requestFields: "model-object",
    source: "Xiang-CH/zhipu-ai-provider src/zhipu-provider.ts (commit 9af5e90)",
  },
  {
    // new Agent({ name, instructions, model: "cerebras/<id>" }): the prefix picks the provider
    // (catalog spellings); request options are given per call (not followed).
    id: "mastra",
    language: "javascript",
    constructors: ["@mastra/core/agent.Agent", "@mastra/core.Agent"],
    defaultEndpoint: "unknown",
    options: { model: ["model"], baseUrl: [], apiKey: [], extraFields: [] },
    fieldNaming: "camel",
    requestFields: "none",
    source: "mastra.ai/models/providers/cerebras (read 2026-11-29)",
  },
  {
    // new OpenAI({ model, apiKey, temperature, topP, maxTokens, additionalSessionOptions: { baseURL },
    // additionalChatOptions }): additionalChatOptions are chat-create params sent in the body.
    id: "llamaindex-ts-openai",
    language: "javascript",
    constructors: ["@llamaindex/openai.OpenAI", "llamaindex.OpenAI"],
    defaultEndpoint: "unknown",
    options: { model: ["model"], baseUrl: ["baseURL", "additionalSessionOptions.baseURL"], apiKey: ["apiKey"], extraFields: ["additionalChatOptions"] },
    fieldNaming: "camel",
    requestFields: "constructor",
    topFields: ["model", "temperature", "top_p", "max_tokens"],
    // reasoningEffort is sent only for OpenAI's reasoning models, so for GLM it belongs in additionalChatOptions.
    source: "run-llama/LlamaIndexTS packages/providers/openai/src/llm.ts (commit 9147490)",
  },
] as const satisfies readonly ClientLibrary[];

/** The ids of the libraries above, for code that needs one library's quirks. */
export type LibraryId = (typeof LIBRARIES)[number]["id"];

/** A library's entry for a language, by its id. */
export function libraryFor(id: string | undefined, language: ClientLibrary["language"]): ClientLibrary | undefined {
  return (LIBRARIES as readonly ClientLibrary[]).find((library) => library.id === id && library.language === language);
}
