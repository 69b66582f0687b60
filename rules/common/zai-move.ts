import type { Edit, Target } from "../../src/model/rule.js";
import type { Client, ImportStatement, LoweredFile, RequestSite, Value } from "../../src/model/types.js";
import {
  CEREBRAS_KEY_VARIABLE,
  hostOf,
  LANGCHAIN_ZHIPU_BASE_OPTIONS,
  LANGCHAIN_ZHIPU_MODULES,
  LANGCHAIN_ZHIPU_OPTIONS,
  ZAI_API_HOSTS,
  PORTABLE_CLIENT_OPTIONS,
  ZAI_CLIENT_MODULES,
  ZAI_CODING_BASE,
  ZAI_KEY_VARIABLES,
} from "../knowledge/endpoints.js";
import { parseModelId } from "../knowledge/models.js";
import { ZAI_ONLY_FIELDS } from "../knowledge/zai.js";
import { field, fieldsNamed, requestBody, type RequestBody } from "./body.js";
import { resolve, stringOf, targetIsCertain } from "./values.js";

/**
 * Moving a Z.ai-bound request to Cerebras is one unit: the client, its key and the request's
 * model and fields move together, or none of them does. These are the reasons a client cannot
 * move; rules that would change a request on it (its model, its fields) offer no fix then, so
 * the program is never left half moved (a Cerebras model ID sent to Z.ai, a Cerebras client
 * reading a Z.ai key, a Z.ai field deleted while the request stays).
 */

/**
 * Member paths the Cerebras SDK and Cerebras' OpenAI-compatible API serve: chat and text
 * completions, models, and the client's own plumbing. Source: Cerebras/cerebras-cloud-sdk-python
 * src/cerebras/cloud/sdk/_client.py (1.67.0: chat, completions, models).
 */
const SERVED = /^(chat\.completions\.(create|with_raw_response\.create|with_streaming_response\.create)|completions\.create|models\.(list|retrieve)|with_options|with_raw_response|with_streaming_response|close|copy)$/;

export function apiKeyOption(client: Client): Value | undefined {
  return client.options?.entries.find((entry) => entry.key === "api_key" || entry.key === "apiKey" || entry.key === "zhipuai_api_key")?.value;
}

const KEY_PATTERN = new RegExp(`\\b(${ZAI_KEY_VARIABLES.join("|")})\\b`, "g");

/** ZAI_API_KEY → CEREBRAS_API_KEY inside an API-key expression (a string or an identifier). */
export function keyVariableEdits(file: LoweredFile, value: Value | undefined): Edit[] {
  if (!value) return [];
  const edits: Edit[] = [];
  const source = file.text.slice(value.range.start, value.range.end);
  for (const match of source.matchAll(KEY_PATTERN)) {
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

/**
 * Why the model of a Z.ai request cannot become the target on Cerebras: it is not in sight, or
 * it is a model (vision, flash, role-play...) Cerebras has no equivalent for.
 */
function modelBlocker(body: RequestBody): string | undefined {
  if (body.model === undefined) {
    // LangChain and AI SDK models sit on the client or provider; the request only sends messages.
    if (body.request.kind !== "method" && body.request.kind !== "http") return undefined;
    return field(body, "model") ? "its model is not a literal the fix can change" : "its model is not in sight";
  }
  return idBlocker(body.model);
}

/** Why a Z.ai model ID cannot become the target: Cerebras has no equivalent for it. */
function idBlocker(model: string): string | undefined {
  const { id, known } = parseModelId(model);
  if (!known) return `\`${id}\` has no Cerebras equivalent`;
  if (known.kind === "zai" && !known.autoFix) return `\`${id}\` has no Cerebras equivalent (${known.note ?? "a Z.ai model"})`;
  if (known.kind === "cerebras-retired" && !known.autoFix) return `\`${id}\` has no Cerebras equivalent`;
  return undefined;
}

/** `thinking` in a form the move can translate: `{"type": "enabled" | "disabled", "clear_thinking": ...}`. */
function thinkingBlocker(body: RequestBody): string | undefined {
  const thinking = field(body, "thinking");
  if (!thinking) return undefined;
  const value = resolve(body.file, thinking.entry.value);
  const entries = value.kind === "object" ? value.list?.entries : undefined;
  const plain = entries?.every((entry) =>
    entry.key === "clear_thinking" || (entry.key === "type" && ["enabled", "disabled"].includes(stringOf(body.file, entry.value) ?? "")),
  );
  return plain ? undefined : "its `thinking` is not a literal `{type, clear_thinking}` the fix can translate";
}

/** Why one Z.ai-bound request cannot move, whatever its client: its model or a field Cerebras cannot carry. */
export function requestBlocker(body: RequestBody): string | undefined {
  const model = modelBlocker(body);
  if (model) return model;
  for (const known of ZAI_ONLY_FIELDS) {
    if (known.blocksMove && field(body, known.wire)) return `\`${known.wire}\` has no Cerebras equivalent (${known.why})`;
  }
  return laterFieldBlocker(body) ?? thinkingBlocker(body);
}

/**
 * A field the move must remove or translate, set by a statement after the body is built
 * (`body.thinking = {...}` inside an `if`): fixes change such a field where it stands and never
 * remove it, so the request would reach Cerebras still carrying it.
 */
function laterFieldBlocker(body: RequestBody): string | undefined {
  const removed = ["thinking", ...ZAI_ONLY_FIELDS.filter((known) => known.action.kind === "remove").map((known) => known.wire)];
  const later = removed.find((wire) => fieldsNamed(body, wire).some((found) => found.entry.later));
  return later ? `its \`${later}\` is set by a later statement, which the fix does not remove; change it by hand` : undefined;
}

/** A client whose key option names a Z.ai key variable, itself or through a constant. */
function readsZaiKey(file: LoweredFile, client: Client): boolean {
  const key = apiKeyOption(client);
  if (!key) return false;
  const value = resolve(file, key);
  return new RegExp(KEY_PATTERN.source).test(file.text.slice(value.range.start, value.range.end)) || keyVariableEdits(file, key).length > 0;
}

function blockedRequest(file: LoweredFile, request: RequestSite): boolean {
  const body = requestBody(file, request);
  return body !== undefined && requestBlocker(body) !== undefined;
}

/** The requests of this file made on a client. */
function requestsOn(file: LoweredFile, client: Client): RequestSite[] {
  return file.requests.filter((request) => request.client === client);
}

/** The construction's own reasons, before its requests and its siblings are weighed. */
function clientBlocker(file: LoweredFile, client: Client): string | undefined {
  // Only SDK client objects have services as members; a provider's members make model objects.
  const resources = client.sdk === "openai" || client.sdk === "zai" || client.sdk === "zhipuai";
  const other = resources ? [...(client.uses ?? [])].find((use) => !SERVED.test(use)) : undefined;
  if (other) return `the client is also used for \`${other}\`, which Cerebras does not serve`;
  if (unmovableKey(file, client)) return "its API key is a literal or a Z.ai setting the fix cannot rename; move the key by hand";
  if (client.sdk === "zai" || client.sdk === "zhipuai") {
    const statement = classImport(file, client, ZAI_CLIENT_MODULES);
    if (!statement) return "its class is not imported by name from the Z.ai SDK in this file";
    if (statement.names.length !== 1) return "its import also brings other Z.ai names; split the import first";
    if (client.options?.entries.some((entry) => entry.spread || (entry.key !== null && !PORTABLE_CLIENT_OPTIONS.has(entry.key)))) {
      return "it takes options the Cerebras SDK does not";
    }
  } else if (client.sdk === "langchain-zhipuai") {
    const blocker = langchainZhipuBlocker(file, client);
    if (blocker) return blocker;
  } else {
    const baseUrl = client.baseUrl ? resolve(file, client.baseUrl) : undefined;
    if (baseUrl && baseUrl.kind !== "string") return "its base URL is not a literal the fix can change";
    if (baseUrl?.string && ZAI_CODING_BASE.test(baseUrl.string)) return CODING_PLAN;
  }
  for (const request of requestsOn(file, client)) {
    const body = requestBody(file, request);
    const blocker = body ? requestBlocker(body) : undefined;
    if (blocker) return `a request on it cannot move: ${blocker}`;
  }
  return usedElsewhere(file, client);
}

/** The text a construction calls its class by (`ZhipuAI`, `zhipuai.ZhipuAI`). */
export function calleeOf(file: LoweredFile, client: Client): string {
  return client.calleeRange ? file.text.slice(client.calleeRange.start, client.calleeRange.end) : "";
}

/** The `from <module> import <Class>` statement that names the class this construction calls. */
export function classImport(file: LoweredFile, client: Client, modules: readonly string[]): ImportStatement | undefined {
  const local = calleeOf(file, client);
  return file.imports.find((candidate) => modules.includes(candidate.module) && candidate.names.some((name) => name.local === local));
}

/** A `ChatZhipuAI(api_base=...)` value ChatCerebras can do without: Z.ai's own URL, as a literal. */
export function zaiApiBase(file: LoweredFile, value: Value): boolean {
  const url = resolve(file, value);
  const host = url.kind === "string" && url.string !== undefined ? hostOf(url.string) : undefined;
  return host !== undefined && ZAI_API_HOSTS.includes(host) && !ZAI_CODING_BASE.test(url.string ?? "");
}

/**
 * Why a `ChatZhipuAI(...)` cannot become `ChatCerebras(...)`: the class is not imported alone by
 * its own name, an option has no ChatCerebras twin (LANGCHAIN_ZHIPU_OPTIONS), or the model (on the
 * constructor, where LangChain keeps it) has no Cerebras equivalent.
 */
function langchainZhipuBlocker(file: LoweredFile, client: Client): string | undefined {
  const statement = classImport(file, client, LANGCHAIN_ZHIPU_MODULES);
  if (!statement) return "`ChatZhipuAI` is not imported by name from langchain_community in this file";
  if (statement.names.length !== 1) return "its import also brings other names; split the import first";
  if (statement.names[0]!.name !== statement.names[0]!.local) return "`ChatZhipuAI` is imported under another name";
  const entries = client.options?.entries ?? [];
  for (const entry of entries) {
    if (entry.spread || entry.key === null) return "it takes options the fix cannot see (`**kwargs`)";
    if (LANGCHAIN_ZHIPU_OPTIONS.has(entry.key)) continue;
    if (LANGCHAIN_ZHIPU_BASE_OPTIONS.includes(entry.key) && zaiApiBase(file, entry.value)) continue;
    if (LANGCHAIN_ZHIPU_BASE_OPTIONS.includes(entry.key)) return `its \`${entry.key}\` is not Z.ai's API, and where Cerebras' would be is not known`;
    return `\`${entry.key}\` has no ChatCerebras equivalent`;
  }
  // `api_key=` beside `zhipuai_api_key=` would become one keyword given twice, which Python rejects.
  const mapped = entries.map((entry) => LANGCHAIN_ZHIPU_OPTIONS.get(entry.key ?? "")).filter((name) => name !== undefined);
  const twice = mapped.find((name, index) => mapped.indexOf(name) !== index);
  if (twice) return `it gives \`${twice}\` under two names; keep one first`;
  const model = entries.find((entry) => entry.key === "model" || entry.key === "model_name");
  // Without one, ChatZhipuAI sends its default `glm-4`.
  if (!model) return idBlocker("glm-4");
  const id = stringOf(file, model.value);
  return id === undefined ? "its model is not a literal the fix can change" : idBlocker(id);
}

/** Why a use of this client in another module (`from .llm import client`) cannot move with it. */
function usedElsewhere(file: LoweredFile, client: Client): string | undefined {
  for (const use of (client.binding && file.clientUses?.get(client.binding)) || []) {
    if (!SERVED.test(use.member)) return `it is also used for \`${use.member}\` in ${use.at}, which Cerebras does not serve`;
    if (!use.member.endsWith("create") || use.modelElsewhere) continue;
    const model = use.model === undefined ? undefined : parseModelId(use.model).known;
    if (use.model === undefined || !model || (!model.autoFix && model.kind !== "cerebras-current")) {
      return `a request on it in ${use.at} has ${use.model === undefined ? "a model the fix cannot see" : `\`${use.model}\`, which has no Cerebras equivalent`}`;
    }
    const field = ZAI_ONLY_FIELDS.find((known) => known.blocksMove && use.fields.includes(known.wire));
    if (field) return `a request on it in ${use.at} sends \`${field.wire}\`, which Cerebras has no equivalent for`;
  }
  return undefined;
}

/** Why Z.ai's coding-plan endpoint does not move: it is a subscription, not a pay-per-use API. */
export const CODING_PLAN = "it goes to Z.ai's GLM Coding Plan (`/api/coding/paas/v4`), a subscription Cerebras has no twin for";

const blockers = new WeakMap<LoweredFile, Map<Client, string | undefined>>();

/**
 * Why this Z.ai-bound client cannot move to Cerebras whole, or undefined when it can: its own
 * reasons, a request on it that cannot move, or (for the Z.ai SDK, whose import is rewritten once
 * for every construction) another construction of the same class that cannot.
 */
export function moveBlocker(file: LoweredFile, client: Client): string | undefined {
  let known = blockers.get(file);
  if (!known) blockers.set(file, (known = new Map()));
  if (known.has(client)) return known.get(client);
  let blocker = clientBlocker(file, client);
  if (!blocker && (client.sdk === "zai" || client.sdk === "zhipuai" || client.sdk === "langchain-zhipuai") && client.calleeRange) {
    const local = file.text.slice(client.calleeRange.start, client.calleeRange.end);
    const sibling = file.clients.find(
      (other) => other !== client && other.sdk === client.sdk && other.calleeRange && file.text.slice(other.calleeRange.start, other.calleeRange.end) === local && clientBlocker(file, other),
    );
    if (sibling) blocker = `another \`${local}\` in this file cannot move, and they share one import`;
  }
  if (!blocker && zaiKeyEdits(file).length > 0) {
    // The file reads a Z.ai key outside the clients' options: it is renamed with the move, so
    // everything else in the file that reads it must move too.
    const other = file.clients.find((candidate) => candidate !== client && candidate.endpoint === "zai" && readsZaiKey(file, candidate) && clientBlocker(file, candidate));
    const request = file.requests.find((candidate) => candidate.endpoint === "zai" && !candidate.client && blockedRequest(file, candidate));
    if (other || request) blocker = `the file's Z.ai key also serves a ${other ? "client" : "request"} that cannot move`;
  }
  known.set(client, blocker);
  return blocker;
}

/**
 * Where a Z.ai-bound request stands: `moving` when its client (and it) can move whole, `stays`
 * with the reason when not; undefined when it is not bound to Z.ai, or the user stays on Z.ai.
 */
export function zaiMove(body: RequestBody, target: Target): { state: "moving" } | { state: "stays"; why: string } | undefined {
  if (body.endpoint !== "zai" || target.stayOnZai) return undefined;
  const client = body.request.client;
  // A client another module made moves there, and this request's fields follow in the same run.
  if (client?.origin) return { state: "stays", why: requestBlocker(body) ?? `its client moves first, in ${client.origin.path.split("/").pop()}` };
  const why = (client && client.endpoint === "zai" ? moveBlocker(body.file, client) : undefined) ?? requestBlocker(body) ?? (client ? undefined : loneBlocker(body, target));
  return why ? { state: "stays", why } : { state: "moving" };
}

/** A request with no client in sight (raw HTTP, an imported client): it moves only with a URL the file holds. */
function loneBlocker(body: RequestBody, target: Target): string | undefined {
  // LiteLLM routes by the model's prefix and reads the provider's own key: the model is the move.
  if (body.sdk === "litellm") return undefined;
  if (body.request.kind === "http") return fileMoveBlocker(body.file, target);
  return "its client is made in another module; move it there first";
}

/**
 * Why something Z.ai-bound in this file has to stay: a URL kept away from any client (a constant,
 * a raw HTTP call's URL) moves with the file's key variable, so only when nothing else stays.
 */
export function fileMoveBlocker(file: LoweredFile, target: Target): string | undefined {
  if (target.stayOnZai) return "the project stays on Z.ai";
  for (const client of file.clients) {
    if (client.endpoint !== "zai") continue;
    const blocker = clientBlocker(file, client);
    if (blocker) return `a Z.ai client in this file cannot move (${blocker})`;
  }
  for (const request of file.requests) {
    if (request.endpoint !== "zai" || request.client) continue;
    const body = requestBody(file, request);
    const blocker = body ? requestBlocker(body) : undefined;
    if (blocker) return `a Z.ai request in this file cannot move (${blocker})`;
  }
  return undefined;
}

/**
 * ZAI_API_KEY → CEREBRAS_API_KEY wherever the file reads it outside a client's options (those
 * move with their client): a module constant, a header, `os.getenv`.
 */
export function zaiKeyEdits(file: LoweredFile): Edit[] {
  const options = file.clients.flatMap((client) => (client.options ? [client.options.range] : []));
  const edits: Edit[] = [];
  for (const match of file.text.matchAll(KEY_PATTERN)) {
    const start = match.index;
    if (options.some((range) => start >= range.start && start < range.end)) continue;
    edits.push({ start, end: start + match[0].length, text: CEREBRAS_KEY_VARIABLE });
  }
  return edits;
}

/** The wording added to a finding on a Z.ai-bound request: it applies once the request moves. */
/**
 * Whether a rule may edit this request's fields: a Z.ai-bound request changes only as part of its
 * move, so one that stays (blocked, or the project stays on Z.ai) keeps its fields as they are.
 */
export function fieldsMayChange(body: RequestBody, target: Target): boolean {
  return body.endpoint !== "zai" || zaiMove(body, target)?.state === "moving";
}

/**
 * Whether a fix may follow the guide's model advice on this request: its fields may change (see
 * fieldsMayChange), and the advice is about the model it names, or the target model-id certainly
 * rewrites it to (a retired model the user must replace by choice waits for that choice).
 */
export function adviceMayChange(body: RequestBody, target: Target, advice: "own" | "target"): boolean {
  return fieldsMayChange(body, target) && (advice === "own" || targetIsCertain(body, target));
}

export function onceMoved(move: ReturnType<typeof zaiMove>): string {
  if (!move) return "";
  return move.state === "moving" ? " (once this request moves to Cerebras)" : ` (once this request moves to Cerebras; it cannot move yet: ${move.why})`;
}
