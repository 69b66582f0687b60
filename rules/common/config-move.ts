import { pushTo } from "../../src/collections.js";
import { Fix, type Edit, type Target } from "../../src/model/rule.js";
import { classifyNames } from "../../src/model/endpoints.js";
import { modelNameKind, words } from "../../src/model/names.js";
import type { ConfigEntry, LoweredFile, Value } from "../../src/model/types.js";
import {
  CEREBRAS_API_HOST,
  CEREBRAS_KEY_VARIABLE,
  CEREBRAS_OPENAI_BASE_URL,
  hostOf,
  ZAI_API_HOSTS,
  ZAI_KEY_SHAPE,
  ZAI_KEY_VARIABLES,
  ZAI_OPENAI_BASE,
  ZAI_SDK_URL_VARIABLES,
} from "../knowledge/endpoints.js";
import { parseModelId } from "../knowledge/models.js";
import { ROUTER_FALLBACK_KEYS, ROUTER_REFERENCE } from "../knowledge/routers.js";

/**
 * Configuration moves from Z.ai to Cerebras the way a request does: as one unit. A group is what
 * one program reads together (a `.env` file or a shell script, one compose service's
 * `environment`, one YAML, JSON or TOML mapping such as a LiteLLM deployment's `litellm_params` or
 * a claude-code-router provider). A group holding a Z.ai base URL, a Z.ai key variable or a
 * `zai/` model moves its URL, its key variable and its GLM models together, or none of them, and
 * then says why.
 */
export interface GroupMove {
  group: number;
  /** The Z.ai API URLs, Z.ai key variables (or references to one) and models of the group. */
  urls: ConfigEntry[];
  keys: ConfigEntry[];
  models: Value[];
  /** Every edit of the move; empty when it is blocked or kept on purpose. */
  edits: Edit[];
  /** Why the group cannot move as a whole. */
  blocker?: string;
  /** Why the group is kept on purpose beside a Cerebras one (a router's fallback): reported at info, never moved. */
  kept?: string;
  /** Only a key variable and nothing to move with it. */
  keyOnly: boolean;
}

const KEY_REFERENCE = new RegExp(`\\b(${ZAI_KEY_VARIABLES.join("|")})\\b`, "g");
/** Names that hold a credential, whatever provider they are for. */
const SECRET_NAME = /(^|_|\b)(api_?key|apikey|auth_?token|access_?token|secret_?key|token)$/i;
/** A name that says it is for Z.ai (`SEC_GLM_API_KEY`, `ZHIPU_TOKEN`). */
const ZAI_NAMED = /(^|_)(zai|zhipu|zhipuai|glm|bigmodel)(_|$)/i;
/** Values that stand in for a key rather than being one. */
const PLACEHOLDER = /your|xxx|\.\.\.|<|>|changeme|change_me|replace|placeholder|example|dummy|here|todo|\*{3}|^sk-$/i;
/** A value that reads another variable (`${ZAI_API_KEY}`, `$KEY`, LiteLLM's `os.environ/KEY`). */
const REFERENCE = /\$\{?\w|os\.environ\/|^env:|%\w+%/;

/** A setting that names the provider (`LLM_PROVIDER`, `provider`, LiteLLM's `custom_llm_provider`). */
const PROVIDER_NAME = /(^|_)(llm_)?provider$/i;
/** Model settings for something else than chat: an embedder's or reranker's model is not the chat model's group. */
const CHAT_MODEL = (name: string): boolean => !words(name).some((word) => /^(embed|embedding|embeddings|embedder|rerank|reranker|whisper|tts|asr)$/.test(word));
/**
 * Z.ai's own model families beyond GLM (role-play, code, image, video, speech, embedding), none
 * with a Cerebras equivalent. Source: Z.ai's model overview (docs.z.ai/guides/overview) and
 * zai-org/z-ai-sdk-python's examples (`charglm-3`, `emohaa`, `codegeex-4`, `cogview-4`).
 */
const ZAI_MODEL_FAMILY = /^(chatglm|charglm|codegeex|cogview|cogvideox|emohaa|glm-)/i;

/** The last key of an entry's path. */
const nameOf = (entry: ConfigEntry): string => entry.keyPath.at(-1) ?? "";

/** The string values of an entry: its own, or its list's. */
function stringsOf(entry: ConfigEntry): Value[] {
  if (entry.value.kind === "string") return [entry.value];
  return (entry.value.list?.entries ?? []).map((element) => element.value).filter((value) => value.kind === "string");
}

/** Z.ai's API (not its website or console): api.z.ai, or open.bigmodel.cn under `/api`. */
function zaiApiUrl(url: string): boolean {
  const host = hostOf(url);
  if (!host || !ZAI_API_HOSTS.includes(host)) return false;
  return host === "api.z.ai" || /^https?:\/\/[^/]+\/api(\/|$)/i.test(url.trim());
}

/** The URL on Cerebras, or why there is none. */
function movedUrl(url: string): { next: string } | { why: string } {
  const host = hostOf(url) ?? "";
  if (/\/api\/anthropic\b/i.test(url)) {
    return { why: `\`${host}/api/anthropic\` is Z.ai's Anthropic-compatible API, which Cerebras does not offer: point the tool at an OpenAI-compatible client on \`${CEREBRAS_OPENAI_BASE_URL}\` by hand, or keep it on Z.ai` };
  }
  if (/\/api\/coding\/paas\/v4/i.test(url)) {
    return { why: `\`${host}/api/coding/paas/v4\` is Z.ai's GLM Coding Plan, a subscription Cerebras has no twin for: to move, get a Cerebras API key and use \`${CEREBRAS_OPENAI_BASE_URL}\` by hand; to stay, set \`stayOnZai\`` };
  }
  const base = ZAI_OPENAI_BASE.exec(url.trim());
  const rest = base ? url.trim().slice(base[0].length) : undefined;
  if (rest === undefined || !/^\/?$|^\/chat\/completions\/?$/.test(rest)) return { why: `\`${url}\` is a Z.ai path Cerebras does not serve` };
  return { next: CEREBRAS_OPENAI_BASE_URL + rest };
}

/** Why a key's literal value cannot move under Cerebras' name, if it cannot. */
function literalKey(name: string, text: string): string | undefined {
  const value = text.trim();
  if (!value || REFERENCE.test(value) || PLACEHOLDER.test(value)) return undefined;
  if (ZAI_KEY_SHAPE.test(value)) return `\`${name}\` holds a Z.ai API key, which Cerebras does not accept: put a Cerebras key in \`${CEREBRAS_KEY_VARIABLE}\` by hand`;
  if (/^[\w.~+/=-]{20,}$/.test(value) && /\d/.test(value) && /[A-Za-z]/.test(value)) {
    return `\`${name}\` holds a literal key; replace it with a Cerebras key (\`${CEREBRAS_KEY_VARIABLE}\`) by hand`;
  }
  return undefined;
}

/** `cerebras/...`, `zai-glm-4.7` or a Cerebras URL or key: the group already talks to Cerebras. */
function cerebrasMark(entry: ConfigEntry): string | undefined {
  if (nameOf(entry) === CEREBRAS_KEY_VARIABLE) return `\`${CEREBRAS_KEY_VARIABLE}\``;
  for (const value of stringsOf(entry)) {
    const text = value.string ?? "";
    if (text.includes(CEREBRAS_KEY_VARIABLE)) return `\`${CEREBRAS_KEY_VARIABLE}\``;
    if (hostOf(text) === CEREBRAS_API_HOST) return `\`${CEREBRAS_API_HOST}\``;
    if (modelNameKind(nameOf(entry)) && parseModelId(text).prefixEndpoint === "cerebras") return `\`${text}\``;
  }
  return undefined;
}

interface Deployment {
  /** The router's name for it (LiteLLM's `model_name`, claude-code-router's provider `name`). */
  name?: string;
  cerebras: boolean;
}

/**
 * Each group's router name and whether it talks to Cerebras. LiteLLM's `model_name` sits in the
 * deployment around `litellm_params`; claude-code-router's provider `name` in the provider itself.
 */
function deployments(entries: readonly ConfigEntry[]): Map<number, Deployment> {
  const byGroup = new Map<number, Deployment>();
  const nameByGroup = new Map<number, string>();
  for (const entry of entries) {
    const name = nameOf(entry);
    if ((name === "model_name" || name === "name") && entry.value.kind === "string") nameByGroup.set(entry.group, entry.value.string!);
  }
  for (const entry of entries) {
    const own = byGroup.get(entry.group) ?? { cerebras: false };
    const name = nameByGroup.get(entry.group) ?? (entry.parent !== undefined ? nameByGroup.get(entry.parent) : undefined);
    if (name !== undefined) own.name = name;
    if (cerebrasMark(entry)) own.cerebras = true;
    byGroup.set(entry.group, own);
  }
  return byGroup;
}

/**
 * Router names a Cerebras deployment falls back to, or shares its name with: LiteLLM's
 * `fallbacks: [{"glm": ["glm-zai"]}]` (and its context-window and content-policy lists), several
 * deployments under one `model_name`, claude-code-router's `fallback` lists of "provider,model".
 */
function keptNames(entries: readonly ConfigEntry[], byGroup: ReadonlyMap<number, Deployment>): Map<string, string> {
  const cerebrasNames = new Set([...byGroup.values()].filter((item) => item.cerebras && item.name).map((item) => item.name!));
  const kept = new Map<string, string>();
  for (const name of cerebrasNames) kept.set(name, `it shares the name \`${name}\` with a Cerebras deployment, so the router spreads or fails over between them`);
  for (const entry of entries) {
    const path = entry.keyPath;
    const list = path.at(-2);
    if (!list || !ROUTER_FALLBACK_KEYS.includes(list) || entry.value.kind !== "array") continue;
    const source = nameOf(entry);
    // claude-code-router: `fallback: {"default": ["zhipu,glm-4.7"]}` backs up `Router.default`'s provider.
    const provider = (text: string): string => ROUTER_REFERENCE.exec(text)?.[1] ?? text;
    const primary = list === "fallback" ? routerScenario(entries, source) : source;
    if (primary === undefined || !cerebrasNames.has(primary)) continue;
    for (const target of stringsOf(entry)) {
      const name = provider(target.string ?? "");
      if (!kept.has(name)) kept.set(name, `it is a fallback of \`${source}\` beside a Cerebras deployment`);
    }
  }
  return kept;
}

/** The provider a claude-code-router scenario routes to (`Router.default: "cerebras,zai-glm-4.7"` -> `cerebras`). */
function routerScenario(entries: readonly ConfigEntry[], scenario: string): string | undefined {
  const entry = entries.find((candidate) => candidate.keyPath.length === 2 && candidate.keyPath[0] === "Router" && candidate.keyPath[1] === scenario);
  return entry?.value.kind === "string" ? ROUTER_REFERENCE.exec(entry.value.string ?? "")?.[1] : undefined;
}

/** Whether a claude-code-router provider is still named in its `Router` section (as a primary, not only a fallback). */
function routedPrimary(entries: readonly ConfigEntry[], name: string): boolean {
  return entries.some((entry) => entry.keyPath[0] === "Router" && entry.value.kind === "string" && ROUTER_REFERENCE.exec(entry.value.string ?? "")?.[1] === name);
}

/**
 * Every "provider,model" reference to a model of a router provider (claude-code-router's `Router`
 * and `fallback` sections), rewritten with the model's new ID: a renamed model and the references
 * to it change together.
 */
export function routerReferenceEdits(file: LoweredFile, provider: string | undefined, from: string, to: string): Edit[] {
  if (provider === undefined) return [];
  const edits: Edit[] = [];
  for (const entry of file.configEntries ?? []) {
    for (const value of stringsOf(entry)) {
      const reference = ROUTER_REFERENCE.exec(value.string ?? "");
      if (!reference || reference[1] !== provider || reference[2] !== from || !value.contentRange) continue;
      // Only where the text holds the ID as written, with no escapes in between.
      if (value.contentRange.end - value.contentRange.start !== (value.string ?? "").length) continue;
      edits.push({ start: value.contentRange.end - from.length, end: value.contentRange.end, text: to });
    }
  }
  return edits;
}

/** The router provider's name of a group (claude-code-router's `name` beside `api_base_url`). */
export function providerName(file: LoweredFile, group: number): string | undefined {
  const entries = file.configEntries ?? [];
  const inGroup = entries.filter((entry) => entry.group === group);
  if (!inGroup.some((entry) => nameOf(entry) === "models")) return undefined;
  const name = inGroup.find((entry) => nameOf(entry) === "name");
  return name?.value.kind === "string" ? name.value.string : undefined;
}

/** What one group's settings add up to, as they are read one by one. */
interface Tally {
  file: LoweredFile;
  target: Target;
  group: number;
  names: ReadonlySet<string>;
  urls: ConfigEntry[];
  keys: ConfigEntry[];
  models: Value[];
  edits: Edit[];
  blockers: string[];
  /** What makes the group Z.ai's: its URL, a Z.ai key variable, a `zai/` model, a provider named Z.ai. */
  zai: boolean;
  /** Both providers' keys in one group: a program that can use either, on purpose. */
  beside?: string;
}

/** A Z.ai API URL: Cerebras' `/v1` with the same chat-completions tail, or why not. */
function tallyUrl(tally: Tally, entry: ConfigEntry, name: string, text: string): void {
  tally.urls.push(entry);
  tally.zai = true;
  const moved = movedUrl(text);
  if ("why" in moved) tally.blockers.push(moved.why);
  else if (ZAI_SDK_URL_VARIABLES.includes(name)) {
    tally.blockers.push(`\`${name}\` is read by Z.ai's SDK itself; move the code to the Cerebras SDK first (it reads \`CEREBRAS_BASE_URL\`), then this setting by hand`);
  }
  else if (entry.value.contentRange) tally.edits.push({ ...entry.value.contentRange, text: moved.next });
}

/** `ZAI_API_KEY=...`, or a value reading one (`${ZAI_API_KEY}`, `os.environ/ZAI_API_KEY`): renamed to Cerebras' variable. */
function tallyZaiKey(tally: Tally, entry: ConfigEntry, name: string, text: string, references: RegExpMatchArray[]): void {
  tally.keys.push(entry);
  tally.zai = true;
  const keyName = ZAI_KEY_VARIABLES.includes(name);
  if (keyName && entry.value.kind !== "string") {
    tally.blockers.push(`\`${name}\` takes its value from elsewhere (a secret, a command), which holds a Z.ai key: put a Cerebras key there and rename the variable by hand`);
  } else if (keyName && tally.names.has(CEREBRAS_KEY_VARIABLE)) {
    tally.beside = `\`${CEREBRAS_KEY_VARIABLE}\` is set beside it, so Z.ai looks kept as a second provider`;
  } else if (keyName) {
    if (entry.keyRange) tally.edits.push({ ...entry.keyRange, text: CEREBRAS_KEY_VARIABLE });
    else tally.blockers.push(`\`${name}\` cannot be renamed here`);
  }
  // Offsets inside the value hold only where it is written without escapes.
  const content = entry.value.contentRange;
  const plain = content !== undefined && content.end - content.start === text.length;
  for (const match of references) {
    if (!plain) tally.blockers.push(`its key reference \`${match[0]}\` cannot be renamed here`);
    else tally.edits.push({ start: content.start + match.index!, end: content.start + match.index! + match[0].length, text: CEREBRAS_KEY_VARIABLE });
  }
  const literal = literalKey(name, text);
  if (literal) tally.blockers.push(literal);
}

/** Any other credential: a literal secret, or a Z.ai key under a name the fix does not know (`SEC_GLM_API_KEY`). */
function tallySecret(tally: Tally, entry: ConfigEntry, name: string, text: string): void {
  const literal = literalKey(name, text.replace(/^Bearer\s+/i, ""));
  const other = [name, ...[...text.matchAll(/\$\{?(\w+)/g)].map((match) => match[1]!)].find((variable) => ZAI_NAMED.test(variable));
  if (literal || other) tally.keys.push(entry);
  if (literal) tally.blockers.push(literal);
  else if (other) tally.blockers.push(`its key comes from \`${other}\`, a Z.ai variable the fix does not rename; rename it to \`${CEREBRAS_KEY_VARIABLE}\` by hand`);
}

/** The chat models of a model setting (or list): GLM IDs become the target, others hold the group. */
function tallyModels(tally: Tally, entry: ConfigEntry): void {
  const provider = providerName(tally.file, tally.group);
  const renamed = new Map<string, string>();
  for (const value of stringsOf(entry)) {
    const model = value.string ?? "";
    if (!model || REFERENCE.test(model)) continue;
    const { prefix, known, prefixEndpoint } = parseModelId(model);
    if (prefixEndpoint === "cerebras" || prefixEndpoint === "other" || known?.kind === "cerebras-current" || known?.kind === "cerebras-retired") continue;
    // Another provider's model (an embedder's `BAAI/bge-small-en-v1.5`) is not Z.ai's to move.
    if (!known && !ZAI_MODEL_FAMILY.test(model)) continue;
    if (prefixEndpoint === "zai") tally.zai = true;
    tally.models.push(value);
    if (!known) {
      tally.blockers.push(`\`${model}\` is not a model Cerebras serves an equivalent of; choose one by hand`);
      continue;
    }
    if (!known.autoFix) {
      tally.blockers.push(`\`${known.id}\` is ${known.note ?? "a model"} with no Cerebras equivalent; choose a Cerebras model by hand`);
      continue;
    }
    const next = prefix.replace(/^(zai|zhipuai|zhipu)\//, "cerebras/") + tally.target.model;
    const earlier = [...renamed.entries()].find(([, to]) => to === next);
    if (earlier) {
      tally.blockers.push(`\`${earlier[0]}\` and \`${model}\` would both become \`${next}\`; keep one by hand`);
      continue;
    }
    renamed.set(model, next);
    if (value.contentRange) tally.edits.push({ ...value.contentRange, text: next }, ...routerReferenceEdits(tally.file, provider, model, next));
  }
}

/** Reads one setting into the tally, by what it is: a URL, a key, a provider name, a model. */
function tallyEntry(tally: Tally, entry: ConfigEntry): void {
  const name = nameOf(entry);
  const text = entry.value.kind === "string" ? (entry.value.string ?? "") : "";
  if (entry.value.kind === "string" && zaiApiUrl(text)) return tallyUrl(tally, entry, name, text);
  const references = entry.value.kind === "string" && entry.value.contentRange ? [...text.matchAll(KEY_REFERENCE)] : [];
  if (ZAI_KEY_VARIABLES.includes(name) || references.length > 0) return tallyZaiKey(tally, entry, name, text, references);
  if (SECRET_NAME.test(name) || /^authorization$/i.test(name)) return tallySecret(tally, entry, name, text);
  if (PROVIDER_NAME.test(name) && entry.value.kind === "string" && classifyNames(text) === "zai") {
    // `LLM_PROVIDER=zhipu`: what the program accepts for Cerebras is its own business.
    tally.zai = true;
    tally.blockers.push(`\`${name}\` names Z.ai (\`${text}\`); set it to the program's own name for Cerebras by hand`);
    return;
  }
  if (modelNameKind(name) && !(name === "model_name" && tally.names.has("litellm_params")) && CHAT_MODEL(name)) tallyModels(tally, entry);
}

function planGroup(file: LoweredFile, entries: ConfigEntry[], target: Target, kept: ReadonlyMap<string, string>, deployment: Deployment | undefined): GroupMove | undefined {
  const group = entries[0]!.group;
  const tally: Tally = { file, target, group, names: new Set(entries.map(nameOf)), urls: [], keys: [], models: [], edits: [], blockers: [], zai: false };
  for (const entry of entries) tallyEntry(tally, entry);
  if (!tally.zai) return undefined;
  const { urls, keys, models } = tally;
  const keyOnly = urls.length === 0 && models.length === 0;
  const move: GroupMove = { group, urls, keys, models, edits: [], keyOnly };
  const name = deployment?.name;
  const keptWhy = (name !== undefined ? kept.get(name) : undefined) ?? tally.beside;
  // A claude-code-router provider named in `Router` is a primary as well as a fallback: it moves.
  if (keptWhy && !(providerName(file, group) !== undefined && routedPrimary(file.configEntries ?? [], name!))) {
    move.kept = keptWhy;
    return move;
  }
  if (tally.blockers.length > 0) move.blocker = [...new Set(tally.blockers)].join("; ");
  else if (!keyOnly) move.edits = tally.edits;
  return move;
}

const cache = new WeakMap<LoweredFile, Map<string, GroupMove[]>>();

/** The Z.ai groups of a configuration file or shell script, each with its whole move or why not. */
export function configMoves(file: LoweredFile, target: Target): GroupMove[] {
  const entries = file.configEntries;
  // Staying on Z.ai on purpose (`stayOnZai`): its configuration is what the user wants.
  if (!entries || entries.length === 0 || target.stayOnZai === true) return [];
  let byTarget = cache.get(file);
  if (!byTarget) cache.set(file, (byTarget = new Map()));
  const known = byTarget.get(target.model);
  if (known) return known;
  const groups = new Map<number, ConfigEntry[]>();
  for (const entry of entries) pushTo(groups, entry.group, entry);
  const byGroup = deployments(entries);
  const kept = keptNames(entries, byGroup);
  const moves: GroupMove[] = [];
  for (const members of groups.values()) {
    const move = planGroup(file, members, target, kept, byGroup.get(members[0]!.group));
    if (move) moves.push(move);
  }
  byTarget.set(target.model, moves);
  return moves;
}

/** The move a value (a URL, a key, a model) belongs to, if it is part of one. */
export function moveOfValue(file: LoweredFile, target: Target, value: Value): GroupMove | undefined {
  return configMoves(file, target).find(
    (move) =>
      move.models.some((model) => model.range.start === value.range.start) ||
      move.urls.some((entry) => entry.value.range.start === value.range.start) ||
      move.keys.some((entry) => entry.value.range.start === value.range.start),
  );
}

/** The group's move as one unsafe fix, the same from every finding of the group. */
export function moveFix(move: GroupMove, target: Target): Fix | undefined {
  return Fix.unsafe(move.edits, `Move this configuration to Cerebras (\`${CEREBRAS_OPENAI_BASE_URL}\`, \`${CEREBRAS_KEY_VARIABLE}\`, \`${target.model}\`)`);
}
