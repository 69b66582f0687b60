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
   */
  requestFields: "method" | "constructor" | "function" | "model-object";
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
] as const satisfies readonly ClientLibrary[];

/** The ids of the libraries above, for code that needs one library's quirks. */
export type LibraryId = (typeof LIBRARIES)[number]["id"];
