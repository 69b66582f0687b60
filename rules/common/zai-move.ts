import type { Edit } from "../../src/model/rule.js";
import type { Client, LoweredFile, Value } from "../../src/model/types.js";
import { CEREBRAS_KEY_VARIABLE, PORTABLE_CLIENT_OPTIONS, ZAI_CLIENT_MODULES, ZAI_KEY_VARIABLES } from "../knowledge/endpoints.js";
import { resolve } from "./values.js";

/**
 * Moving a Z.ai-bound request to Cerebras is one unit: the client, its key and the request's
 * model and fields move together, or none of them does. These are the reasons a client cannot
 * move; rules that would change a request on it (its model, its `thinking`) offer no fix then,
 * so the program is never left half moved (a Cerebras model ID sent to Z.ai).
 */

/**
 * Member paths the Cerebras SDK and Cerebras' OpenAI-compatible API serve: chat and text
 * completions, models, and the client's own plumbing. Source: Cerebras/cerebras-cloud-sdk-python
 * src/cerebras/cloud/sdk/_client.py (1.67.0: chat, completions, models).
 */
const SERVED = /^(chat\.completions\.(create|with_raw_response\.create|with_streaming_response\.create)|completions\.create|models\.(list|retrieve)|with_options|with_raw_response|with_streaming_response|close|copy)$/;

export function apiKeyOption(client: Client): Value | undefined {
  return client.options?.entries.find((entry) => entry.key === "api_key" || entry.key === "apiKey")?.value;
}

/** ZAI_API_KEY → CEREBRAS_API_KEY inside an API-key expression (a string or an identifier). */
export function keyVariableEdits(file: LoweredFile, value: Value | undefined): Edit[] {
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

/** A key the fix cannot move to CEREBRAS_API_KEY: a literal secret, or a Z.ai setting it cannot rename. */
export function unmovableKey(file: LoweredFile, client: Client): boolean {
  const key = apiKeyOption(client);
  if (!key) return false;
  if (key.kind === "string") return true;
  const source = file.text.slice(key.range.start, key.range.end);
  return keyVariableEdits(file, key).length === 0 && /zai|zhipu|bigmodel|glm/i.test(source);
}

/** Why this Z.ai-bound client cannot move to Cerebras whole, or undefined when it can. */
export function moveBlocker(file: LoweredFile, client: Client): string | undefined {
  // Only SDK client objects have services as members; a provider's members make model objects.
  if (client.sdk === "langchain-zhipuai") return "LangChain's `ChatZhipuAI` has no Cerebras form to rewrite it to: use `ChatCerebras` from langchain_cerebras";
  const resources = client.sdk === "openai" || client.sdk === "zai" || client.sdk === "zhipuai";
  const other = resources ? [...(client.uses ?? [])].find((use) => !SERVED.test(use)) : undefined;
  if (other) return `the client is also used for \`${other}\`, which Cerebras does not serve`;
  if (unmovableKey(file, client)) return "its API key is a literal or a Z.ai setting the fix cannot rename; move the key by hand";
  if (client.sdk === "zai" || client.sdk === "zhipuai") {
    const local = client.calleeRange ? file.text.slice(client.calleeRange.start, client.calleeRange.end) : "";
    const statement = file.imports.find((candidate) => ZAI_CLIENT_MODULES.includes(candidate.module) && candidate.names.some((name) => name.local === local));
    if (!statement) return "its class is not imported by name from the Z.ai SDK in this file";
    if (statement.names.length !== 1) return "its import also brings other Z.ai names; split the import first";
    if (client.options?.entries.some((entry) => entry.spread || (entry.key !== null && !PORTABLE_CLIENT_OPTIONS.has(entry.key)))) {
      return "it takes options the Cerebras SDK does not";
    }
    return undefined;
  }
  const baseUrl = client.baseUrl ? resolve(file, client.baseUrl) : undefined;
  if (baseUrl && baseUrl.kind !== "string") return "its base URL is not a literal the fix can change";
  return undefined;
}
