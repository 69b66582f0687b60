import { pushTo } from "../src/collections.js";
import { resolve } from "./common/values.js";
import { apiKeyOption, calleeOf, classImport, fileMoveBlocker, keyVariableEdits, moveBlocker, unmovableKey, zaiApiBase, zaiKeyEdits } from "./common/zai-move.js";
import { appendEntries, removeEntries } from "../src/model/edits.js";
import { Fix, type Edit, type ReportInput, type Rule, type Target } from "../src/model/rule.js";
import { configMoves, moveFix } from "./common/config-move.js";
import type { Client, ImportStatement, LoweredFile, Range, Value } from "../src/model/types.js";
import {
  CEREBRAS_API_HOST,
  CEREBRAS_DEMO_HOST,
  CEREBRAS_KEY_VARIABLE,
  CEREBRAS_OPENAI_BASE_URL,
  CEREBRAS_SDK_BASE_URL,
  CEREBRAS_SDK_IMPORT,
  hostOf,
  LANGCHAIN_CEREBRAS_IMPORT,
  LANGCHAIN_ZHIPU_BASE_OPTIONS,
  LANGCHAIN_ZHIPU_MODULES,
  LANGCHAIN_ZHIPU_OPTIONS,
  ZAI_API_HOSTS,
  ZAI_CLIENT_MODULES,
  ZAI_CODING_BASE,
  ZAI_KEY_VARIABLES,
  ZAI_OPENAI_BASE,
} from "./knowledge/endpoints.js";

type UrlProblem =
  | { kind: "zai"; host: string }
  | { kind: "zai-anthropic"; host: string }
  | { kind: "zai-coding"; host: string }
  | { kind: "demo" };

function urlProblem(url: string): UrlProblem | undefined {
  const host = hostOf(url);
  if (!host) return undefined;
  // Z.ai's Anthropic-compatible endpoint speaks another protocol; Cerebras has no such endpoint.
  if (ZAI_API_HOSTS.includes(host) && /\/api\/anthropic\b/i.test(url)) return { kind: "zai-anthropic", host };
  if (ZAI_CODING_BASE.test(url)) return { kind: "zai-coding", host };
  if (ZAI_API_HOSTS.includes(host)) return { kind: "zai", host };
  if (host === CEREBRAS_DEMO_HOST) return { kind: "demo" };
  return undefined;
}

/** The URL a fixed literal should hold: the demo host swapped, or Cerebras' base for the client kind. */
function fixedUrl(url: string, problem: UrlProblem, sdkBase: boolean): string {
  if (problem.kind === "demo") return url.replace(new RegExp(CEREBRAS_DEMO_HOST.replace(/\./g, "\\."), "i"), CEREBRAS_API_HOST);
  return sdkBase ? CEREBRAS_SDK_BASE_URL : CEREBRAS_OPENAI_BASE_URL;
}

/**
 * A Z.ai URL kept in code away from any client (a constant, a class field, a fetch URL, an env
 * default, a provider config): its API base becomes Cerebras' `/v1` and the rest stays, when the
 * rest is a chat-completions path Cerebras also serves.
 */
function loneUrlFix(file: LoweredFile, value: Value): Fix | undefined {
  const url = value.string ?? "";
  const base = ZAI_OPENAI_BASE.exec(url);
  if (!base || !value.contentRange) return undefined;
  const rest = url.slice(base[0].length);
  if (!/^\/?$|^\/chat\/completions\/?$/.test(rest)) return undefined;
  const next = CEREBRAS_OPENAI_BASE_URL + rest;
  // The key this file reads for Z.ai moves with the URL (`Bearer ${ZAI_API_KEY}`).
  const edits = [{ start: value.contentRange.start, end: value.contentRange.end, text: next }, ...zaiKeyEdits(file)];
  return Fix.unsafe(edits, `Point at \`${next}\` and read \`${CEREBRAS_KEY_VARIABLE}\``);
}

/** Z.ai's API, not its website or console: api.z.ai, or open.bigmodel.cn under `/api`. */
function zaiApiUrl(url: string): boolean {
  const host = hostOf(url);
  if (host === "api.z.ai") return true;
  return host === "open.bigmodel.cn" && /^https?:\/\/[^/]+(\/api(\/|$)|\/?$)/i.test(url);
}

function urlFix(file: LoweredFile, value: Value, problem: UrlProblem, client?: Client): Fix | undefined {
  if (value.kind !== "string" || value.string === undefined || !value.contentRange) return undefined;
  if (problem.kind === "zai-anthropic" || problem.kind === "zai-coding") return undefined;
  if (client && problem.kind === "zai" && unmovableKey(file, client)) return undefined;
  const url = fixedUrl(value.string, problem, client?.sdk === "cerebras");
  const edits: Edit[] = [{ start: value.contentRange.start, end: value.contentRange.end, text: url }];
  if (client && problem.kind === "zai") edits.push(...keyVariableEdits(file, apiKeyOption(client)), ...missingKeyEdits(file, client), ...zaiKeyEdits(file));
  return Fix.unsafe(edits, `Point at \`${url}\``);
}

/**
 * An OpenAI client with no key of its own reads `OPENAI_API_KEY`; moved to Cerebras it is given
 * `CEREBRAS_API_KEY` (`os.environ[...]` where the file imports `os`, `process.env...` in JS).
 */
function missingKeyEdits(file: LoweredFile, client: Client): Edit[] {
  const options = client.options;
  if (!options || apiKeyOption(client) || options.entries.some((entry) => entry.spread)) return [];
  const python = file.language === "python";
  if (python && !file.imports.some((statement) => statement.module === "os" && statement.names.length === 0)) return [];
  const text = python
    ? file.kit.keyword("api_key", `os.environ[${file.kit.string(CEREBRAS_KEY_VARIABLE)}]`)
    : file.kit.entry("apiKey", `process.env.${CEREBRAS_KEY_VARIABLE}`);
  const edit = appendEntries(file.text, options, [text]);
  return edit ? [edit] : [];
}

/**
 * Swaps the class of a file's constructions of one imported name for Cerebras' (`ZhipuAI` →
 * `Cerebras`, `ChatZhipuAI` → `ChatCerebras`): the import, each construction with its own option
 * edits, and the file's Z.ai key variable. One fix for all the constructions of an import, since
 * they share its edit.
 */
function classSwapFix(
  file: LoweredFile,
  clients: Client[],
  statement: ImportStatement,
  target: { module: string; name: string },
  optionEdits: (client: Client) => Edit[],
): Edit[] {
  const local = calleeOf(file, clients[0]!);
  // Rename the class only where the file uses the name for nothing but these constructions.
  const uses = [...file.text.matchAll(new RegExp(`\\b${local}\\b`, "g"))].length;
  const rename = uses === 1 + clients.length;
  const { module, name } = target;
  const edits: Edit[] = [
    { ...statement.range, text: rename ? `from ${module} import ${name}` : `from ${module} import ${name} as ${local}` },
  ];
  for (const client of clients) {
    if (rename && client.calleeRange) edits.push({ ...client.calleeRange, text: name });
    edits.push(...optionEdits(client), ...keyVariableEdits(file, apiKeyOption(client)));
  }
  edits.push(...zaiKeyEdits(file));
  return edits;
}

/**
 * Rewrites Python's Z.ai SDK clients to the Cerebras SDK: the import, each construction of that
 * name, the base URL (the SDK's default is right) and the API-key variable.
 */
function zaiSdkFix(file: LoweredFile, clients: Client[], local: string): Fix | undefined {
  const statement = file.imports.find((candidate) => ZAI_CLIENT_MODULES.includes(candidate.module) && candidate.names.some((name) => name.local === local));
  if (!statement || clients.some((client) => moveBlocker(file, client))) return undefined;
  const edits = classSwapFix(file, clients, statement, CEREBRAS_SDK_IMPORT, (client) => {
    const options = client.options;
    const baseUrl = options?.entries.findIndex((entry) => entry.key === "base_url") ?? -1;
    return options && baseUrl >= 0 ? removeEntries(file.text, options, [baseUrl]) : [];
  });
  return Fix.unsafe(edits, `Use the Cerebras SDK (\`${CEREBRAS_SDK_IMPORT.name}\`) and \`${CEREBRAS_KEY_VARIABLE}\``);
}

/**
 * Rewrites LangChain's `ChatZhipuAI(...)` to `ChatCerebras(...)` (langchain_cerebras): the import,
 * each construction, `zhipuai_api_key=` renamed `api_key=`, a Z.ai `api_base` dropped (ChatCerebras
 * defaults to Cerebras' API) and the key variable. The model ID moves with it through model-id.
 * A construction with no key reads `CEREBRAS_API_KEY` from the environment once moved
 * (ChatCerebras' `secret_from_env("CEREBRAS_API_KEY")`), instead of `ZHIPUAI_API_KEY`.
 */
function langchainZhipuFix(file: LoweredFile, clients: Client[]): Fix | undefined {
  const statement = classImport(file, clients[0]!, LANGCHAIN_ZHIPU_MODULES);
  if (!statement || clients.some((client) => moveBlocker(file, client))) return undefined;
  const edits = classSwapFix(file, clients, statement, LANGCHAIN_CEREBRAS_IMPORT, (client) => {
    const options = client.options;
    if (!options) return [];
    const renames: Edit[] = [];
    const dropped: number[] = [];
    options.entries.forEach((entry, index) => {
      if (entry.key !== null && LANGCHAIN_ZHIPU_BASE_OPTIONS.includes(entry.key) && zaiApiBase(file, entry.value)) dropped.push(index);
      const renamed = entry.key === null ? undefined : LANGCHAIN_ZHIPU_OPTIONS.get(entry.key);
      if (renamed && renamed !== entry.key && entry.keyRange) renames.push({ ...entry.keyRange, text: renamed });
    });
    return [...renames, ...(dropped.length > 0 ? removeEntries(file.text, options, dropped) : [])];
  });
  const keyless = clients.some((client) => !apiKeyOption(client));
  const title = `Use LangChain's \`${LANGCHAIN_CEREBRAS_IMPORT.name}\` (${LANGCHAIN_CEREBRAS_IMPORT.module}) and \`${CEREBRAS_KEY_VARIABLE}\``;
  return Fix.unsafe(edits, keyless ? `${title} (read from the environment where no \`api_key\` is given)` : title);
}

export const providerEndpoint: Rule = {
  meta: {
    id: "provider-endpoint",
    severity: "error",
    fix: "unsafe",
    languages: ["python", "javascript", "typescript", "env", "yaml", "json", "toml", "shell"],
    // `from zai import ZaiClient` / `import zai`; zhipuai; Z.ai's hosts; the demo host.
    triggers: ["zai import", "import zai", "zhipuai", "ZhipuAI", "z.ai", "bigmodel.cn", CEREBRAS_DEMO_HOST, ...ZAI_KEY_VARIABLES],
    messages: {
      "zai-url": "`{host}` is Z.ai's API; point this at Cerebras (`{base}`, key in `{key}`)",
      "zai-url-stays":
        "`{host}` is Z.ai's API, and this is not moved to Cerebras because {why}. Once that is resolved, point it at `{base}` with the key in `{key}`",
      "zai-anthropic":
        "`{host}/api/anthropic` is Z.ai's Anthropic-compatible API, which Cerebras does not offer, so it is never moved: rewrite these calls for an OpenAI-compatible client on `{base}` (key in `{key}`), or keep them on Z.ai",
      "zai-coding":
        "`{host}/api/coding/paas/v4` is Z.ai's GLM Coding Plan, a subscription Cerebras has no twin for, so it is never moved: to move, get a Cerebras API key (`{key}`) and use `{base}`; to stay, set `stayOnZai`",
      "demo-url": "`{demo}` is Cerebras' chat demo, not the API; use `{api}`",
      "config-url": "`{host}` is Z.ai's API; this configuration moves to Cerebras as a whole: base URL `{base}`, key in `{key}`, and its models",
      "config-stays": "`{host}` is Z.ai's API, and this configuration is not moved to Cerebras because {why}",
      "config-kept": "`{host}` is Z.ai's API, kept on purpose: {why}; leave it, or remove it once the Cerebras deployment is all you need",
      "config-key": "`{name}` is Z.ai's API key variable; on Cerebras it is `{key}`, and it moves with this configuration's base URL and models",
      "config-key-stays": "`{name}` is Z.ai's API key variable, and this configuration is not moved to Cerebras because {why}",
      "config-key-kept": "`{name}` is Z.ai's API key variable, kept on purpose: {why}",
      "config-key-alone": "`{name}` is Z.ai's API key variable; on Cerebras it is `{key}`: rename it together with the code that reads it",
      "zai-base-expression": "this client's base URL points at Z.ai; point it at `{base}`",
      "zai-sdk": "`{local}` sends its requests to Z.ai; use the Cerebras SDK (`{sdk}`, key in `{key}`)",
      "zai-sdk-stays":
        "`{local}` sends its requests to Z.ai, and it is not moved to Cerebras because {why}. Once that is resolved, use the Cerebras SDK (`{sdk}`, key in `{key}`)",
      "zai-sdk-client": "this Z.ai SDK client sends its requests to Z.ai; use the Cerebras SDK",
      "zai-langchain": "`ChatZhipuAI` sends its requests to Z.ai; use LangChain's `ChatCerebras` (langchain_cerebras, key in `{key}`)",
      "zai-langchain-stays":
        "`ChatZhipuAI` sends its requests to Z.ai, and it is not moved to Cerebras because {why}. Once that is resolved, use LangChain's `ChatCerebras` (langchain_cerebras, key in `{key}`)",
    },
    docs: {
      summary: "Code or configuration still pointing at Z.ai, or at Cerebras' chat demo instead of its API.",
      whatItDoes:
        "Finds Z.ai SDK clients (`ZaiClient`, `ZhipuAiClient`, `ZhipuAI`), clients and configuration whose base URL " +
        "is on api.z.ai or open.bigmodel.cn, and base URLs on inference.cerebras.ai (the chat demo). The unsafe fix " +
        "points them at Cerebras: `https://api.cerebras.ai/v1` for OpenAI-style clients, the Cerebras SDK for " +
        "Z.ai's, LangChain's `ChatCerebras` for `ChatZhipuAI` (only when every option it takes has a ChatCerebras " +
        "twin), and `CEREBRAS_API_KEY` for the key. Once a client points at Cerebras, the other rules' fixes for " +
        "its calls become safe in the next pass.\n\n" +
        "What it follows. A Z.ai API URL is found wherever code keeps it, not only in a client's options: module " +
        "constants, class fields and attributes (`DEFAULT_BASE_URL`), environment defaults (`os.getenv(\"X\", " +
        "\"https://api.z.ai/...\")`, `process.env.X || \"...\"`), provider and wrapper config objects " +
        "(`createOpenAICompatible`, `axios.create`), and literal `fetch`/`requests` URLs. A client whose base URL is " +
        "a constant is reported at the constant. The fix keeps the path after Z.ai's API base when Cerebras serves " +
        "it (`/chat/completions`) and offers none for other paths (`/images/generations`) or for Z.ai's website " +
        "and console.\n\n" +
        "Configuration moves as a whole. In a `.env` file, a shell script (`export ZAI_BASE_URL=...`), a compose " +
        "service's `environment`, or one YAML, JSON or TOML mapping (a LiteLLM deployment's `litellm_params`, a " +
        "claude-code-router provider), a Z.ai API URL, a Z.ai key variable (`ZAI_API_KEY`, `ZHIPUAI_API_KEY`, " +
        "`ZHIPU_API_KEY`, `GLM_API_KEY`, or a reference to one such as `${ZAI_API_KEY}` or `os.environ/ZAI_API_KEY`) and " +
        "the GLM models beside them move in one unsafe fix: URL to `https://api.cerebras.ai/v1`, key variable to " +
        "`CEREBRAS_API_KEY`, model to the target, and for claude-code-router every `\"provider,model\"` reference " +
        "to a renamed model. Nothing moves, and each finding says why, when a part cannot: a literal key (a Z.ai " +
        "`id.secret` key or another secret), a model with no Cerebras equivalent, `CEREBRAS_API_KEY` already set " +
        "beside the Z.ai key, a Z.ai path Cerebras does not serve, the Anthropic-compatible API or the GLM Coding " +
        "Plan. A Z.ai key variable with nothing beside it is reported with no fix (rename it with the code that " +
        "reads it). A Z.ai deployment kept on purpose beside a Cerebras one (a LiteLLM deployment under the same " +
        "`model_name` as a Cerebras deployment or named in a Cerebras group's `fallbacks`; a claude-code-router " +
        "provider named only in the `fallback` lists of a Cerebras-routed scenario) is reported at info level and " +
        "never moved.",
      why:
        "The migration moves requests to Cerebras; a client left on Z.ai keeps calling Z.ai, and " +
        "`https://inference.cerebras.ai/...` is the chat demo, not the API. It is unsafe because it changes where " +
        "requests go and which key they need.",
      example: 'client = OpenAI(base_url="https://api.z.ai/api/paas/v4", api_key=os.environ["ZAI_API_KEY"])',
      useInstead: 'client = OpenAI(base_url="https://api.cerebras.ai/v1", api_key=os.environ["CEREBRAS_API_KEY"])',
      setup: "import os\nfrom openai import OpenAI\n",
      source:
        "Cerebras, OpenAI compatibility (inference-docs.cerebras.ai/resources/openai): base URL and " +
        "`CEREBRAS_API_KEY`; Z.ai API reference (docs.z.ai): base URLs; zai-org/z-ai-sdk-python README (ZaiClient, ZAI_API_KEY)",
    },
  },
  check({ file, target, report }) {
    const zaiSdkClients = new Map<string, Client[]>();
    const langchainClients = new Map<string, Client[]>();
    const reported = new Set<number>();
    /** A finding on this expression covers the URL literals inside it (`getenv("BASE", "https://...")`). */
    const claim = (range: Range): void => {
      reported.add(range.start);
      for (const { value } of file.literals ?? []) {
        if (value.range.start >= range.start && value.range.end <= range.end) reported.add(value.range.start);
      }
    };
    // Staying on Z.ai on purpose: its clients and URLs are what the user wants.
    const stay = target.stayOnZai === true;
    const skipped = (problem: UrlProblem | undefined): boolean => stay && problem !== undefined && problem.kind !== "demo";
    for (const client of file.clients) {
      if (client.sdk === "langchain-zhipuai") {
        // Its finding covers its `api_base`: the fix drops a Z.ai one, and any other blocks it.
        const own = client.baseUrl ? resolve(file, client.baseUrl) : undefined;
        if (own) claim(own.range);
        if (!stay) pushTo(langchainClients, calleeOf(file, client), client);
        continue;
      }
      if (client.sdk === "zai" || client.sdk === "zhipuai") {
        // The SDK's finding covers its base URL: the fix drops it.
        const own = client.baseUrl ? resolve(file, client.baseUrl) : undefined;
        if (own) claim(own.range);
        if (stay) continue;
        const local = client.calleeRange ? file.text.slice(client.calleeRange.start, client.calleeRange.end) : "";
        if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(local)) pushTo(zaiSdkClients, local, client);
        else report({ range: client.calleeRange ?? client.range, messageId: "zai-sdk-client" });
        continue;
      }
      if (!client.baseUrl) continue;
      // base_url=ZAI_BASE: the constant's literal is what changes, so the finding sits there.
      const baseUrl = resolve(file, client.baseUrl);
      if (reported.has(baseUrl.range.start)) continue;
      claim(baseUrl.range);
      const problem = baseUrl.kind === "string" && baseUrl.string !== undefined ? urlProblem(baseUrl.string) : undefined;
      if (skipped(problem) || (stay && client.endpoint === "zai")) continue;
      if (problem) {
        const blocker = problem.kind === "zai" ? moveBlocker(file, client) : undefined;
        const fix = blocker ? undefined : urlFix(file, baseUrl, problem, client);
        report({ range: baseUrl.range, ...describe(problem, blocker), fix });
      } else if (baseUrl.kind !== "string" && client.endpoint === "zai") {
        report({ range: baseUrl.range, messageId: "zai-base-expression", data: { base: CEREBRAS_OPENAI_BASE_URL } });
      }
    }
    for (const [local, clients] of zaiSdkClients) {
      const fix = zaiSdkFix(file, clients, local);
      for (const client of clients) {
        const blocker = moveBlocker(file, client);
        report({
          range: client.calleeRange ?? client.range,
          messageId: blocker ? "zai-sdk-stays" : "zai-sdk",
          data: { local, sdk: CEREBRAS_SDK_IMPORT.name, key: CEREBRAS_KEY_VARIABLE, why: blocker ?? "" },
          fix,
        });
      }
    }
    for (const clients of langchainClients.values()) {
      const fix = langchainZhipuFix(file, clients);
      for (const client of clients) {
        const blocker = moveBlocker(file, client);
        const data = { key: CEREBRAS_KEY_VARIABLE, why: blocker ?? "" };
        report({ range: client.calleeRange ?? client.range, messageId: blocker ? "zai-langchain-stays" : "zai-langchain", data, fix });
      }
    }
    for (const { value } of file.literals ?? []) {
      const url = value.string ?? "";
      if (reported.has(value.range.start) || !zaiApiUrl(url)) continue;
      const problem = urlProblem(url);
      if (!problem || skipped(problem)) continue;
      reported.add(value.range.start);
      // A URL away from any client moves only with the requests it serves, in this file, and
      // only when nothing Z.ai-bound here has to stay: a default URL whose requests (and model)
      // live elsewhere would move alone.
      const sent = file.requests.some((request) => request.endpoint === "zai");
      const blocker = problem.kind !== "zai" ? undefined : sent ? fileMoveBlocker(file, target) : "the requests sent to it are not in this file, and their model and fields must move with it";
      const fix = problem.kind === "zai" && !blocker ? loneUrlFix(file, value) : undefined;
      report({ range: value.range, ...describe(problem, blocker), fix });
    }
    const moved = reportConfigMoves(file, target, report);
    for (const { value } of file.urls) {
      const problem = value.string !== undefined ? urlProblem(value.string) : undefined;
      if (!problem || skipped(problem) || moved.has(value.range.start)) continue;
      const fix = urlFix(file, value, problem);
      report({ range: value.range as Range, ...describe(problem), fix });
    }
  },
};

/**
 * Configuration groups bound to Z.ai (see common/config-move.ts): each Z.ai API URL and key
 * variable is reported, carrying the group's one move, or why it stays. Anthropic-compatible URLs
 * keep their own wording. Returns the URLs reported.
 */
function reportConfigMoves(file: LoweredFile, target: Target, report: (input: ReportInput) => void): Set<number> {
  const reported = new Set<number>();
  for (const move of configMoves(file, target)) {
    const fix = moveFix(move, target);
    const atMost = move.kept ? ("info" as const) : undefined;
    for (const entry of move.urls) {
      const url = entry.value.string ?? "";
      const problem = urlProblem(url);
      if (!problem || problem.kind === "demo") continue;
      reported.add(entry.value.range.start);
      // The Anthropic-compatible API and the coding plan keep their own wording, unless the whole deployment is kept on purpose.
      if (problem.kind !== "zai" && !move.kept) {
        report({ range: entry.value.range, ...describe(problem) });
        continue;
      }
      const data = { host: problem.host, base: CEREBRAS_OPENAI_BASE_URL, key: CEREBRAS_KEY_VARIABLE, why: move.kept ?? move.blocker ?? "" };
      const messageId = move.kept ? "config-kept" : move.blocker ? "config-stays" : "config-url";
      report({ range: entry.value.range, messageId, data, fix, atMost });
    }
    for (const entry of move.keys) {
      const name = entry.keyPath.at(-1) ?? "";
      if (!ZAI_KEY_VARIABLES.includes(name)) continue;
      const data = { name, key: CEREBRAS_KEY_VARIABLE, why: move.kept ?? move.blocker ?? "" };
      const messageId = move.kept ? "config-key-kept" : move.blocker ? "config-key-stays" : move.keyOnly ? "config-key-alone" : "config-key";
      report({ range: entry.keyRange ?? entry.value.range, messageId, data, fix, atMost });
    }
  }
  return reported;
}

/** The wording for a problem URL, and why it does not move when it cannot. */
function describe(problem: UrlProblem, blocker?: string): { messageId: string; data: Record<string, string> } {
  if (problem.kind === "demo") return { messageId: "demo-url", data: { demo: CEREBRAS_DEMO_HOST, api: CEREBRAS_API_HOST } };
  const messageId = problem.kind === "zai" ? (blocker ? "zai-url-stays" : "zai-url") : problem.kind;
  return { messageId, data: { host: problem.host, base: CEREBRAS_OPENAI_BASE_URL, key: CEREBRAS_KEY_VARIABLE, why: blocker ?? "" } };
}
