import { LIBRARIES, PROVIDER_MODEL_MEMBERS as MODEL_MEMBERS, REQUEST_METHODS as METHODS, type ClientLibrary } from "../../rules/knowledge/libraries.js";
import type { Endpoint, Sdk } from "./types.js";

/**
 * The look-up tables the adapters and the assembler use, built from the client libraries'
 * data (rules/knowledge/libraries.ts): a library is added there, not here.
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
  /** Option names that carry the model ID. */
  modelKeys: readonly string[];
  /** The first positional argument is the model ID. */
  modelArgument?: boolean;
}

function constructorOf(library: ClientLibrary): SdkConstructor {
  return {
    sdk: library.id as Sdk,
    defaultEndpoint: library.defaultEndpoint,
    baseUrlKeys: library.options.baseUrl,
    apiKeyKeys: library.options.apiKey,
    modelKeys: library.options.model,
    ...(library.requestFields === "constructor" ? { requestFields: true } : {}),
    ...(library.modelArgument ? { modelArgument: true } : {}),
  };
}

type Language = ClientLibrary["language"];

function byName(language: Language, names: (library: ClientLibrary) => readonly string[] | undefined): ReadonlyMap<string, SdkConstructor> {
  const table = new Map<string, SdkConstructor>();
  for (const library of LIBRARIES as readonly ClientLibrary[]) {
    if (library.language !== language) continue;
    const made = constructorOf(library);
    for (const name of names(library) ?? []) table.set(name, made);
  }
  return table;
}

function requestFunctions(language: Language): ReadonlyMap<string, Sdk> {
  return new Map([...byName(language, (library) => library.requestFunctions)].map(([name, made]) => [name, made.sdk]));
}

/** Options whose numbers the rules check (sampling and output length), as SDKs and libraries spell them. */
export const SAMPLING_OPTIONS: ReadonlySet<string> = new Set([
  "temperature",
  "top_p",
  "topP",
  "max_tokens",
  "maxTokens",
  "max_completion_tokens",
  "maxCompletionTokens",
  "max_output_tokens",
  "maxOutputTokens",
]);

/** Every option name, in any client library, that says where a client sends (its base URL or API key). */
export const CLIENT_ENDPOINT_OPTIONS: ReadonlySet<string> = new Set(
  LIBRARIES.flatMap((library) => [...library.options.baseUrl, ...library.options.apiKey]).map((option) => option.split(".").at(-1)!),
);
export const PYTHON_CONSTRUCTORS = byName("python", (library) => library.constructors);
/** Python modules whose module object is itself a client (`openai.chat.completions.create`). */
export const PYTHON_MODULE_CLIENTS = byName("python", (library) => library.moduleClients);
/** LiteLLM-style functions that send a request and take the body as keywords. */
export const PYTHON_REQUEST_FUNCTIONS = requestFunctions("python");

export const JS_CONSTRUCTORS = byName("javascript", (library) => library.constructors);
/** JS module exports that are ready-made clients or providers (`cerebras` of `@ai-sdk/cerebras`). */
export const JS_MODULE_CLIENTS = byName("javascript", (library) => library.moduleClients);
/** The Vercel AI SDK's request functions: the body comes from their options object. */
export const JS_REQUEST_FUNCTIONS = requestFunctions("javascript");

/** Python functions that hand back the client they are given, patched (instructor), by their library id. */
export const PYTHON_WRAPPERS: ReadonlyMap<string, string> = new Map(
  (LIBRARIES as readonly ClientLibrary[])
    .filter((library) => library.language === "python")
    .flatMap((library) => (library.wrappers ?? []).map((name) => [name, library.id] as const)),
);

/** The OpenAI-style request methods, then those a library adds (instructor's `create_with_completion`). */
export const REQUEST_METHODS: readonly string[] = [
  ...METHODS,
  ...(LIBRARIES as readonly ClientLibrary[]).flatMap((library) => library.requestMethods ?? []),
];

/**
 * Libraries whose client, called with a model ID, gives a model object: the Vercel AI SDK's
 * `cerebras("zai-glm-4.7")`, also spelt `cerebras.chat(...)` or `cerebras.languageModel(...)`.
 */
export const PROVIDER_SDKS: ReadonlySet<Sdk> = new Set(
  (LIBRARIES as readonly ClientLibrary[]).filter((library) => library.requestFields === "model-object").map((library) => library.id as Sdk),
);
export const PROVIDER_MODEL_MEMBERS: ReadonlySet<string> = new Set(MODEL_MEMBERS);
