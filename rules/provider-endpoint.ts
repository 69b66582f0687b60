import { pushTo } from "../src/collections.js";
import { removeEntries } from "../src/model/edits.js";
import { Fix, type Edit, type Rule } from "../src/model/rule.js";
import type { Client, LoweredFile, Range, Value } from "../src/model/types.js";
import {
  CEREBRAS_API_HOST,
  CEREBRAS_DEMO_HOST,
  CEREBRAS_KEY_VARIABLE,
  CEREBRAS_OPENAI_BASE_URL,
  CEREBRAS_SDK_BASE_URL,
  CEREBRAS_SDK_IMPORT,
  hostOf,
  PORTABLE_CLIENT_OPTIONS,
  ZAI_API_HOSTS,
  ZAI_CLIENT_MODULES,
  ZAI_KEY_VARIABLES,
} from "./knowledge/endpoints.js";

type UrlProblem = { kind: "zai"; host: string } | { kind: "zai-anthropic"; host: string } | { kind: "demo" };

function urlProblem(url: string): UrlProblem | undefined {
  const host = hostOf(url);
  if (!host) return undefined;
  // Z.ai's Anthropic-compatible endpoint speaks another protocol; Cerebras has no such endpoint.
  if (ZAI_API_HOSTS.includes(host) && /\/api\/anthropic\b/i.test(url)) return { kind: "zai-anthropic", host };
  if (ZAI_API_HOSTS.includes(host)) return { kind: "zai", host };
  if (host === CEREBRAS_DEMO_HOST) return { kind: "demo" };
  return undefined;
}

/** The URL a fixed literal should hold: the demo host swapped, or Cerebras' base for the client kind. */
function fixedUrl(url: string, problem: UrlProblem, sdkBase: boolean): string {
  if (problem.kind === "demo") return url.replace(new RegExp(CEREBRAS_DEMO_HOST.replace(/\./g, "\\."), "i"), CEREBRAS_API_HOST);
  return sdkBase ? CEREBRAS_SDK_BASE_URL : CEREBRAS_OPENAI_BASE_URL;
}

/** ZAI_API_KEY → CEREBRAS_API_KEY inside an API-key expression (a string or an identifier). */
function keyVariableEdits(file: LoweredFile, value: Value | undefined): Edit[] {
  if (!value) return [];
  const edits: Edit[] = [];
  const source = file.text.slice(value.range.start, value.range.end);
  const pattern = new RegExp(`\\b(${ZAI_KEY_VARIABLES.join("|")})\\b`, "g");
  for (const match of source.matchAll(pattern)) {
    const start = value.range.start + match.index;
    edits.push({ start, end: start + match[0].length, text: CEREBRAS_KEY_VARIABLE });
  }
  return edits;
}

function apiKeyOption(client: Client): Value | undefined {
  return client.options?.entries.find((entry) => entry.key === "api_key" || entry.key === "apiKey")?.value;
}

/** A key the fix cannot move to CEREBRAS_API_KEY: a literal secret, or a Z.ai setting we cannot rename. */
function unmovableKey(file: LoweredFile, client: Client): boolean {
  const key = apiKeyOption(client);
  if (!key) return false;
  if (key.kind === "string") return true;
  const source = file.text.slice(key.range.start, key.range.end);
  return keyVariableEdits(file, key).length === 0 && /zai|zhipu|bigmodel|glm/i.test(source);
}

function urlFix(file: LoweredFile, value: Value, problem: UrlProblem, client?: Client): Fix | undefined {
  if (value.kind !== "string" || value.string === undefined || !value.contentRange) return undefined;
  if (problem.kind === "zai-anthropic") return undefined;
  if (client && problem.kind === "zai" && unmovableKey(file, client)) return undefined;
  const url = fixedUrl(value.string, problem, client?.sdk === "cerebras");
  const edits: Edit[] = [{ start: value.contentRange.start, end: value.contentRange.end, text: url }];
  if (client && problem.kind === "zai") edits.push(...keyVariableEdits(file, apiKeyOption(client)));
  return Fix.unsafe(edits, `Point at \`${url}\``);
}

/**
 * Rewrites Python's Z.ai SDK clients to the Cerebras SDK: the import, each construction of that
 * name, the base URL (the SDK's default is right) and the API-key variable. One fix for all the
 * constructions of an import, since they share its edit.
 */
function zaiSdkFix(file: LoweredFile, clients: Client[], local: string): Fix | undefined {
  const statement = file.imports.find((candidate) => ZAI_CLIENT_MODULES.includes(candidate.module) && candidate.names.some((name) => name.local === local));
  if (!statement || statement.names.length !== 1) return undefined;
  if (clients.some((client) => client.options?.entries.some((entry) => entry.spread || (entry.key !== null && !PORTABLE_CLIENT_OPTIONS.has(entry.key))))) {
    return undefined;
  }
  if (clients.some((client) => unmovableKey(file, client))) return undefined;
  // Rename the class only where the file uses the name for nothing but these constructions.
  const uses = [...file.text.matchAll(new RegExp(`\\b${local}\\b`, "g"))].length;
  const rename = uses === 1 + clients.length;
  const { module, name } = CEREBRAS_SDK_IMPORT;
  const edits: Edit[] = [
    { ...statement.range, text: rename ? `from ${module} import ${name}` : `from ${module} import ${name} as ${local}` },
  ];
  for (const client of clients) {
    if (rename && client.calleeRange) edits.push({ ...client.calleeRange, text: name });
    const options = client.options;
    const baseUrl = options?.entries.findIndex((entry) => entry.key === "base_url") ?? -1;
    if (options && baseUrl >= 0) edits.push(...removeEntries(file.text, options, [baseUrl]));
    edits.push(...keyVariableEdits(file, apiKeyOption(client)));
  }
  return Fix.unsafe(edits, `Use the Cerebras SDK (\`${CEREBRAS_SDK_IMPORT.name}\`)`);
}

export const providerEndpoint: Rule = {
  meta: {
    id: "provider-endpoint",
    severity: "error",
    fix: "unsafe",
    languages: ["python", "javascript", "typescript", "env", "yaml", "json", "toml", "shell"],
    // `from zai import ZaiClient` / `import zai`; zhipuai; Z.ai's hosts; the demo host.
    triggers: ["zai import", "import zai", "zhipuai", "z.ai", "bigmodel.cn", CEREBRAS_DEMO_HOST],
    docs: {
      summary: "Code or configuration still pointing at Z.ai, or at Cerebras' chat demo instead of its API.",
      whatItDoes:
        "Finds Z.ai SDK clients (`ZaiClient`, `ZhipuAiClient`, `ZhipuAI`), clients and configuration whose base URL " +
        "is on api.z.ai or open.bigmodel.cn, and base URLs on inference.cerebras.ai (the chat demo). The unsafe fix " +
        "points them at Cerebras: `https://api.cerebras.ai/v1` for OpenAI-style clients, the Cerebras SDK for " +
        "Z.ai's, and `CEREBRAS_API_KEY` for the key. Once a client points at Cerebras, the other rules' fixes for " +
        "its calls become safe in the next pass.",
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
  check({ file, report }) {
    const zaiSdkClients = new Map<string, Client[]>();
    for (const client of file.clients) {
      if (client.sdk === "zai" || client.sdk === "zhipuai") {
        const local = client.calleeRange ? file.text.slice(client.calleeRange.start, client.calleeRange.end) : "";
        if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(local)) pushTo(zaiSdkClients, local, client);
        else report({ range: client.calleeRange ?? client.range, message: "this Z.ai SDK client sends its requests to Z.ai; use the Cerebras SDK" });
        continue;
      }
      const baseUrl = client.baseUrl;
      if (!baseUrl) continue;
      const problem = baseUrl.kind === "string" && baseUrl.string !== undefined ? urlProblem(baseUrl.string) : undefined;
      if (problem) {
        const fix = urlFix(file, baseUrl, problem, client);
        const key = problem.kind === "zai" && unmovableKey(file, client) ? "; its API key is Z.ai's too, so move the key by hand" : "";
        report({ range: baseUrl.range, message: describe(problem) + key, ...(fix ? { fix } : {}) });
      } else if (baseUrl.kind !== "string" && client.endpoint === "zai") {
        report({ range: baseUrl.range, message: "this client's base URL points at Z.ai; point it at `https://api.cerebras.ai/v1`" });
      }
    }
    for (const [local, clients] of zaiSdkClients) {
      const fix = zaiSdkFix(file, clients, local);
      for (const client of clients) {
        const key = unmovableKey(file, client) ? "; its API key is Z.ai's, so move the key by hand" : "";
        report({
          range: client.calleeRange ?? client.range,
          message: `\`${local}\` sends its requests to Z.ai; use the Cerebras SDK (\`${CEREBRAS_SDK_IMPORT.name}\`, key in \`${CEREBRAS_KEY_VARIABLE}\`)${key}`,
          ...(fix ? { fix } : {}),
        });
      }
    }
    for (const { value } of file.urls) {
      const problem = value.string !== undefined ? urlProblem(value.string) : undefined;
      if (!problem) continue;
      const fix = urlFix(file, value, problem);
      report({ range: value.range as Range, message: describe(problem), ...(fix ? { fix } : {}) });
    }
  },
};

function describe(problem: UrlProblem): string {
  if (problem.kind === "zai") {
    return `\`${problem.host}\` is Z.ai's API; point this at Cerebras (\`${CEREBRAS_OPENAI_BASE_URL}\`, key in \`${CEREBRAS_KEY_VARIABLE}\`)`;
  }
  if (problem.kind === "zai-anthropic") {
    return `\`${problem.host}/api/anthropic\` is Z.ai's Anthropic-compatible API, and Cerebras has none: move these calls to an OpenAI-compatible client on \`${CEREBRAS_OPENAI_BASE_URL}\``;
  }
  return `\`${CEREBRAS_DEMO_HOST}\` is Cerebras' chat demo, not the API; use \`${CEREBRAS_API_HOST}\``;
}
