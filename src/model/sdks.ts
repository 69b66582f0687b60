import type { Endpoint, Sdk } from "./types.js";

/**
 * The client libraries the adapters recognise. Qualified names are module path plus export
 * (`openai.OpenAI`); JS default exports are `<module>.default`, and a CommonJS `require()` of the
 * module is the module name itself.
 */
export interface SdkConstructor {
  sdk: Sdk;
  /** Where requests go when the construction names no base URL. */
  defaultEndpoint: Endpoint;
  /** Option names that carry the base URL. */
  baseUrlKeys: readonly string[];
  /** Option names that carry the API key, read to guess the endpoint from an env-var name. */
  apiKeyKeys: readonly string[];
  /** Chat-model wrappers (LangChain) take the request fields in the constructor. */
  requestFields?: boolean;
}

const openaiPython: SdkConstructor = {
  sdk: "openai",
  defaultEndpoint: "unknown",
  baseUrlKeys: ["base_url"],
  apiKeyKeys: ["api_key"],
};
const cerebrasPython: SdkConstructor = {
  sdk: "cerebras",
  defaultEndpoint: "cerebras",
  baseUrlKeys: ["base_url"],
  apiKeyKeys: ["api_key"],
};
const zaiPython: SdkConstructor = {
  sdk: "zai",
  defaultEndpoint: "zai",
  baseUrlKeys: ["base_url"],
  apiKeyKeys: ["api_key"],
};
const langchainOpenaiPython: SdkConstructor = {
  sdk: "langchain-openai",
  defaultEndpoint: "unknown",
  baseUrlKeys: ["base_url", "openai_api_base"],
  apiKeyKeys: ["api_key", "openai_api_key"],
  requestFields: true,
};
const langchainCerebrasPython: SdkConstructor = {
  sdk: "langchain-cerebras",
  defaultEndpoint: "cerebras",
  baseUrlKeys: ["base_url", "cerebras_api_base"],
  apiKeyKeys: ["api_key", "cerebras_api_key"],
  requestFields: true,
};

/**
 * LangChain community's ChatZhipuAI: pydantic fields `model_name` (alias `model`), `zhipuai_api_key`
 * (alias `api_key`), `zhipuai_api_base` (alias `api_base`, the full chat-completions URL). Source:
 * langchain-ai/langchain libs/community/langchain_community/chat_models/zhipuai.py (commit 002ff5f).
 */
const langchainZhipuaiPython: SdkConstructor = {
  sdk: "langchain-zhipuai",
  defaultEndpoint: "zai",
  baseUrlKeys: ["zhipuai_api_base", "api_base"],
  apiKeyKeys: ["zhipuai_api_key", "api_key"],
  requestFields: true,
};

export const PYTHON_CONSTRUCTORS: ReadonlyMap<string, SdkConstructor> = new Map([
  ["langchain_community.chat_models.ChatZhipuAI", langchainZhipuaiPython],
  ["langchain_community.chat_models.zhipuai.ChatZhipuAI", langchainZhipuaiPython],
  ["openai.OpenAI", openaiPython],
  ["openai.AsyncOpenAI", openaiPython],
  ["openai.Client", openaiPython],
  ["openai.AsyncClient", openaiPython],
  ["cerebras.cloud.sdk.Cerebras", cerebrasPython],
  ["cerebras.cloud.sdk.AsyncCerebras", cerebrasPython],
  ["cerebras.cloud.sdk.Client", cerebrasPython],
  ["cerebras.cloud.sdk.AsyncClient", cerebrasPython],
  ["zai.ZaiClient", zaiPython],
  ["zai.ZhipuAiClient", zaiPython],
  ["zhipuai.ZhipuAI", { ...zaiPython, sdk: "zhipuai" }],
  ["langchain_openai.ChatOpenAI", langchainOpenaiPython],
  ["langchain_openai.chat_models.ChatOpenAI", langchainOpenaiPython],
  ["langchain_cerebras.ChatCerebras", langchainCerebrasPython],
]);

/** Python modules whose module object is itself a client (`openai.chat.completions.create`). */
export const PYTHON_MODULE_CLIENTS: ReadonlyMap<string, SdkConstructor> = new Map([
  ["openai", openaiPython],
]);

/** LiteLLM-style functions that send a request and take the body as keywords. */
export const PYTHON_REQUEST_FUNCTIONS: ReadonlyMap<string, Sdk> = new Map([
  ["litellm.completion", "litellm"],
  ["litellm.acompletion", "litellm"],
]);

const openaiJs: SdkConstructor = {
  sdk: "openai",
  defaultEndpoint: "unknown",
  baseUrlKeys: ["baseURL"],
  apiKeyKeys: ["apiKey"],
};
const cerebrasJs: SdkConstructor = {
  sdk: "cerebras",
  defaultEndpoint: "cerebras",
  baseUrlKeys: ["baseURL"],
  apiKeyKeys: ["apiKey"],
};
const langchainOpenaiJs: SdkConstructor = {
  sdk: "langchain-js-openai",
  defaultEndpoint: "unknown",
  baseUrlKeys: ["configuration.baseURL"],
  apiKeyKeys: ["apiKey", "openAIApiKey"],
  requestFields: true,
};
const langchainCerebrasJs: SdkConstructor = {
  sdk: "langchain-js-cerebras",
  defaultEndpoint: "cerebras",
  baseUrlKeys: [],
  apiKeyKeys: ["apiKey"],
  requestFields: true,
};

export const JS_CONSTRUCTORS: ReadonlyMap<string, SdkConstructor> = new Map([
  ["openai", openaiJs],
  ["openai.default", openaiJs],
  ["openai.OpenAI", openaiJs],
  ["@cerebras/cerebras_cloud_sdk", cerebrasJs],
  ["@cerebras/cerebras_cloud_sdk.default", cerebrasJs],
  ["@cerebras/cerebras_cloud_sdk.Cerebras", cerebrasJs],
  ["@langchain/openai.ChatOpenAI", langchainOpenaiJs],
  ["@langchain/cerebras.ChatCerebras", langchainCerebrasJs],
  ["@ai-sdk/cerebras.createCerebras", { sdk: "ai-sdk-cerebras", defaultEndpoint: "cerebras", baseUrlKeys: ["baseURL"], apiKeyKeys: ["apiKey"] }],
  // createOpenAICompatible({ name, baseURL, apiKey }): the base URL says where its models go
  // (@ai-sdk/openai-compatible 2.0 README, unpkg).
  [
    "@ai-sdk/openai-compatible.createOpenAICompatible",
    { sdk: "ai-sdk-openai-compatible", defaultEndpoint: "unknown", baseUrlKeys: ["baseURL"], apiKeyKeys: ["apiKey"] },
  ],
]);

/**
 * Client methods that send a chat or completion request, by their path below the client. Longest
 * first, so `beta.chat.completions.parse` is not taken for `chat.completions.parse` on `client.beta`.
 */
export const REQUEST_METHODS: readonly string[] = [
  "beta.chat.completions.parse",
  "beta.chat.completions.stream",
  "chat.completions.create",
  "chat.completions.parse",
  "chat.completions.stream",
  "completions.create",
];

const aiSdkCerebras: SdkConstructor = {
  sdk: "ai-sdk-cerebras",
  defaultEndpoint: "cerebras",
  baseUrlKeys: ["baseURL"],
  apiKeyKeys: ["apiKey"],
};

/** JS module exports that are ready-made clients or providers (`cerebras` of `@ai-sdk/cerebras`). */
export const JS_MODULE_CLIENTS: ReadonlyMap<string, SdkConstructor> = new Map([
  ["@ai-sdk/cerebras.cerebras", aiSdkCerebras],
]);

/**
 * SDKs whose client, called with a model ID, gives a model object: the Vercel AI SDK's
 * `cerebras("zai-glm-4.7")`, also spelt `cerebras.chat(...)` or `cerebras.languageModel(...)`.
 */
export const PROVIDER_SDKS: ReadonlySet<Sdk> = new Set<Sdk>(["ai-sdk-cerebras", "ai-sdk-openai-compatible"]);
export const PROVIDER_MODEL_MEMBERS: ReadonlySet<string> = new Set(["chat", "chatModel", "languageModel"]);

/** The Vercel AI SDK's request functions: the body comes from their options object. */
export const JS_REQUEST_FUNCTIONS: ReadonlyMap<string, Sdk> = new Map([
  ["ai.generateText", "ai-sdk"],
  ["ai.streamText", "ai-sdk"],
  ["ai.generateObject", "ai-sdk"],
  ["ai.streamObject", "ai-sdk"],
  // Agents run the same requests in a tool loop: new ToolLoopAgent({ model, tools, ... }).
  ["ai.ToolLoopAgent", "ai-sdk"],
  ["ai.Experimental_Agent", "ai-sdk"],
  ["ai.Agent", "ai-sdk"],
]);
