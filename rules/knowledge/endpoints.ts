/**
 * Where the APIs live. Source: API-FACTS.md §1 (Cerebras base URLs and env vars) and §3 (Z.ai's
 * base URLs and SDK classes).
 */

/** Cerebras' OpenAI-compatible base URL, for OpenAI-style clients. */
export const CEREBRAS_OPENAI_BASE_URL = "https://api.cerebras.ai/v1";
/** The Cerebras SDKs' own default, which adds `/v1/...` itself. */
export const CEREBRAS_SDK_BASE_URL = "https://api.cerebras.ai";
export const CEREBRAS_API_HOST = "api.cerebras.ai";
/** Cerebras' chat demo, which code sometimes mistakes for the API. */
export const CEREBRAS_DEMO_HOST = "inference.cerebras.ai";

/**
 * The domains that make a URL Cerebras' or Z.ai's (any host under them: `api.cerebras.ai`, and
 * `inference.cerebras.ai`, the chat demo, which the provider-endpoint rule then reports).
 */
export const ENDPOINT_DOMAINS = { cerebras: ["cerebras.ai"], zai: ["z.ai", "bigmodel.cn"] } as const;

/**
 * Words in an identifier that name a provider (`CEREBRAS_BASE_URL`, `process.env.ZAI_API_KEY`,
 * `settings.zhipu_url`): where a base URL or key is not a literal, its name says where it points.
 */
export const ENDPOINT_NAME_WORDS = { cerebras: ["cerebras"], zai: ["zai", "zhipu", "zhipuai", "bigmodel"] } as const;

/**
 * Words in a configuration key that name a provider other than Cerebras and Z.ai (`OPENAI_MODEL`,
 * `HUGGINGFACE_MODEL`, `GH_MODELS_MODEL`, `NVIDIA_NIM_MODEL`): that key's model is not sent to Cerebras.
 */
export const OTHER_PROVIDER_WORDS: ReadonlySet<string> = new Set([
  "openai", "anthropic", "claude", "groq", "gemini", "google", "vertex", "mistral", "together", "fireworks", "ollama",
  "azure", "bedrock", "deepseek", "openrouter", "zai", "zhipu", "huggingface", "hf", "github", "gh", "nvidia", "nim",
  "cohere", "perplexity", "xai", "grok", "replicate", "sambanova", "nebius", "novita", "hyperbolic", "lmstudio", "vllm",
  "cloudflare", "deepinfra",
]);

/** Z.ai's API hosts (international and mainland). */
export const ZAI_API_HOSTS: readonly string[] = ["api.z.ai", "open.bigmodel.cn"];

/**
 * The OpenAI-compatible bases of Z.ai's API (general and coding plan, international and
 * mainland), whose paths map one to one onto Cerebras' `/v1` (API-FACTS.md §3).
 */
export const ZAI_OPENAI_BASE = /^https?:\/\/(?:api\.z\.ai|open\.bigmodel\.cn)\/api\/(?:coding\/)?paas\/v4/i;

/**
 * Z.ai's GLM Coding Plan base (`/api/coding/paas/v4`): a subscription billed apart from the API,
 * so moving it is the user's choice, never a fix. Sources: API-FACTS.md §3; Continue's Z.ai
 * provider page (docs.continue.dev/customize/model-providers/more/zai, read 2026-11-29: "a
 * subscription-based endpoint", "prompt-based pricing rather than token-based pricing").
 */
export const ZAI_CODING_BASE = /^https?:\/\/(?:api\.z\.ai|open\.bigmodel\.cn)\/api\/coding\/paas\/v4/i;

/**
 * Bytes that show a file may talk to Z.ai (its hosts, its SDKs): what `fix` looks for before it
 * moves anything, and the rules' prefilter triggers for a Z.ai-bound request.
 */
export const ZAI_MARKERS: readonly string[] = ["z.ai", "bigmodel.cn", "zhipuai", "ZhipuAI", "ZaiClient", "ZhipuAiClient"];

/**
 * Base-URL variables a Z.ai SDK reads by itself when its client is made without one: a URL kept
 * there is Z.ai's SDK's, and moving it alone would point `ZaiClient()` at Cerebras. Source:
 * zai-org/z-ai-sdk-python src/zai/_client.py (`os.environ.get('ZAI_BASE_URL')`, 2026-04-08);
 * the Cerebras SDK reads `CEREBRAS_BASE_URL` (Cerebras/cerebras-cloud-sdk-python
 * src/cerebras/cloud/sdk/_client.py, 2026-01-06).
 */
export const ZAI_SDK_URL_VARIABLES: readonly string[] = ["ZAI_BASE_URL"];

/** Z.ai API-key variables, and the Cerebras one that replaces them. */
export const ZAI_KEY_VARIABLES: readonly string[] = ["ZAI_API_KEY", "ZHIPUAI_API_KEY", "ZHIPU_API_KEY", "GLM_API_KEY"];

/**
 * The shape of a Z.ai API key: an id and a secret joined by a dot, which Z.ai's SDKs split to sign
 * a JWT (zhipuai 2.1.0, zhipuai/core/_jwt_token.py: `api_key, secret = apikey.split(".")`). Keys
 * seen in public code are 32 hex digits, a dot and 16 letters or digits.
 */
export const ZAI_KEY_SHAPE = /^[0-9a-f]{32}\.[A-Za-z0-9]{16}$/;
export const CEREBRAS_KEY_VARIABLE = "CEREBRAS_API_KEY";

/** Z.ai SDK client classes (Python), and the Cerebras SDK import that replaces them. */
export const ZAI_CLIENT_MODULES: readonly string[] = ["zai", "zhipuai"];
export const CEREBRAS_SDK_IMPORT = { module: "cerebras.cloud.sdk", name: "Cerebras" };

/**
 * LangChain's `ChatZhipuAI` and the class it moves to. Each ChatZhipuAI keyword with a ChatCerebras
 * field of the same meaning, and the name it takes there. Sources: langchain-ai/langchain
 * libs/community/langchain_community/chat_models/zhipuai.py (commit 002ff5f: `model_name` alias
 * `model`, `zhipuai_api_key` alias `api_key`, `temperature`, `top_p`, `streaming`, `max_tokens`);
 * langchain-ai/langchain-cerebras libs/cerebras/langchain_cerebras/chat_models.py (commit 0570d36:
 * `ChatCerebras(BaseChatOpenAI)`, `model_name` alias `model`, `cerebras_api_key` alias `api_key`
 * read from `CEREBRAS_API_KEY` when not given; `temperature`, `top_p`, `streaming`, `max_tokens`
 * are BaseChatOpenAI's). Any other keyword (`zhipuai_api_base`, `model_kwargs`, `do_sample`...)
 * has no such twin and blocks the move; a Z.ai `api_base` is dropped, ChatCerebras' default is right.
 */
export const LANGCHAIN_ZHIPU_MODULES: readonly string[] = ["langchain_community.chat_models", "langchain_community.chat_models.zhipuai"];
export const LANGCHAIN_CEREBRAS_IMPORT = { module: "langchain_cerebras", name: "ChatCerebras" };
export const LANGCHAIN_ZHIPU_OPTIONS: ReadonlyMap<string, string> = new Map([
  ["model", "model"],
  ["model_name", "model_name"],
  ["temperature", "temperature"],
  ["top_p", "top_p"],
  ["streaming", "streaming"],
  ["max_tokens", "max_tokens"],
  ["api_key", "api_key"],
  ["zhipuai_api_key", "api_key"],
]);
export const LANGCHAIN_ZHIPU_BASE_OPTIONS: readonly string[] = ["api_base", "zhipuai_api_base"];
/** Constructor options the Cerebras SDK shares with Z.ai's; any other makes the rewrite a guess. */
export const PORTABLE_CLIENT_OPTIONS: ReadonlySet<string> = new Set(["api_key", "base_url", "timeout", "max_retries", "http_client"]);

export function hostOf(url: string): string | undefined {
  return /^[a-z][a-z0-9+.-]*:\/\/([^/:?#]+)/i.exec(url.trim())?.[1]?.toLowerCase();
}
