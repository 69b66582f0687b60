import { pushTo } from "../src/collections.js";
import { Fix, type Edit, type FixSafety, type Rule, type Target } from "../src/model/rule.js";
import { moveFix, moveOfValue, providerName, routerReferenceEdits, type GroupMove } from "./common/config-move.js";
import { words } from "../src/model/names.js";
import { TEST_PLACES, type StringPlace } from "../src/model/literals.js";
import type { Endpoint, LoweredFile, ModelRef } from "../src/model/types.js";
import { catalogModel, spellingWithPrefix } from "./knowledge/catalog.js";
import { CEREBRAS_API_HOST, CEREBRAS_KEY_VARIABLE, hostOf, ZAI_API_HOSTS, ZAI_KEY_VARIABLES } from "./knowledge/endpoints.js";
import { MODEL_TRIGGERS, parseModelId, type KnownModel } from "./knowledge/models.js";
import { literalRange } from "./common/values.js";
import { isPinnedModel, openRouterOuterPrefix, OPENROUTER_ZAI_PREFIX } from "./common/openrouter.js";
import { fileMoveBlocker, moveBlocker, zaiMove } from "./common/zai-move.js";
import { requestBody } from "./common/body.js";
import { findOption } from "../src/model/endpoints.js";

const STAYING = "\u0000stay";

const PROVIDER_NAMES: Record<Endpoint, string> = { cerebras: "Cerebras", zai: "Z.ai", other: "another provider", unknown: "an unknown server" };

/**
 * Why a Z.ai model ID cannot move with its request, or STAYING when the user stays on Z.ai: the
 * request it is sent by (found through the model's variable when it is one) must move whole.
 */
function zaiModelBlocker(file: LoweredFile, ref: ModelRef, target: Target): string | undefined {
  if (target.stayOnZai) return STAYING;
  const requests = ref.request
    ? [ref.request]
    : ref.position === "variable"
      ? file.requests.filter((request) => { const model = findOption(request.request, "model"); return model?.kind === "name" && model.name === ref.key; })
      : [];
  if (requests.length === 0) {
    const client = ref.client;
    if (client?.endpoint === "zai") return moveBlocker(file, client);
    // Configuration files move as a whole (their own rules keep key, URL and model together).
    if (file.language !== "python" && file.language !== "javascript" && file.language !== "typescript") return undefined;
    // A setting of a module that talks to Z.ai: it moves when all of the module's Z.ai traffic does.
    const bound = file.clients.some((other) => other.endpoint === "zai") || file.requests.some((request) => request.endpoint === "zai");
    if (bound) return fileMoveBlocker(file, target);
    // Sent by another file's request (named in the message): that request moves first, there.
    return ref.usedAt?.length ? "the request that sends it is in another file and must move there first" : "the request that sends it is not in sight";
  }
  for (const request of requests) {
    const body = requestBody(file, request);
    const move = body ? zaiMove(body, target) : undefined;
    if (move?.state === "stays") return move.why;
    if (!move && request.endpoint === "zai") return "its request is not one the fix can move";
  }
  return undefined;
}
import { FOLLOWS } from "./common/follows.js";

const ALL_LANGUAGES = ["python", "javascript", "typescript", "env", "yaml", "json", "toml", "shell"] as const;

/** Names that say the value is old on purpose (`LEGACY_MODEL`, `previousModelId`): upgrade logic, not a setting. */
const HISTORICAL = new Set(["legacy", "old", "deprecated", "previous", "prev", "retired", "former", "outdated"]);

/** Router prefixes that name Z.ai become Cerebras' when the model moves. */
function movedPrefix(prefix: string): string {
  return prefix.replace(/^(zai|zhipuai|zhipu)\//, "cerebras/");
}

function describe(model: KnownModel): string {
  if (model.kind === "zai") return `\`${model.id}\` is Z.ai's model ID`;
  return `\`${model.id}\` was ${model.status ?? "retired"} by Cerebras on ${model.retired}`;
}

interface Plan {
  ref: ModelRef;
  /** A configuration group's whole move (URL, key, models), replacing the string's own fix. */
  move?: GroupMove;
  /** The most this finding may be (a deployment kept on purpose as a fallback: info). */
  atMost?: "info";
  messageId: string;
  data: Record<string, string>;
  /** What is said after the wording: why there is no fix (a test, already listed). */
  notes: string[];
  /** The rewritten string, when the finding has a fix. */
  next?: string;
  safety?: FixSafety;
}

/**
 * Where a model string's request goes. A constant or list in a file whose every client talks to
 * Cerebras is taken to be for Cerebras too, but only as a guess: its fix is then unsafe.
 */
function endpointOf(file: LoweredFile, ref: ModelRef, prefixEndpoint: Endpoint | undefined): { endpoint: Endpoint; guessed: boolean } {
  if (prefixEndpoint) return { endpoint: prefixEndpoint, guessed: false };
  // A request's or client's own argument is as known as its endpoint; an argument of any other
  // call (a project's wrapper) is a setting like the rest of the file's.
  const sent = ref.position === "provider" || (ref.position === "argument" && !ref.wrapper);
  if (ref.endpoint !== "unknown" || sent) return { endpoint: ref.endpoint, guessed: false };
  // A literal counted for its file or its catalog (see `counts`) is meant for Cerebras.
  if (ref.position === "literal") return { endpoint: zaiOnly(file) ? "zai" : "cerebras", guessed: true };
  const cerebrasOnly = file.clients.length > 0 && file.clients.every((client) => client.endpoint === "cerebras");
  if (cerebrasOnly || soleProvider(file) === "cerebras") return { endpoint: "cerebras", guessed: true };
  return zaiOnly(file) ? { endpoint: "zai", guessed: true } : { endpoint: "unknown", guessed: false };
}

const soles = new WeakMap<LoweredFile, "cerebras" | "zai" | undefined>();

/**
 * The one provider a file talks to, if it talks to one: Cerebras or Z.ai by its clients and
 * requests, the API URLs it holds and the key variables it reads; none when they disagree, or a
 * client's endpoint is unknown (an OpenAI client with no base URL goes to OpenAI). Its model settings are that
 * provider's, before and after the endpoint moves.
 */
function soleProvider(file: LoweredFile): "cerebras" | "zai" | undefined {
  if (soles.has(file)) return soles.get(file);
  const seen = new Set<Endpoint>();
  // A client whose endpoint is unknown (`new OpenAI()`) may well go elsewhere.
  for (const client of file.clients) seen.add(client.endpoint);
  for (const request of file.requests) if (request.endpoint !== "unknown") seen.add(request.endpoint);
  for (const { value } of file.literals ?? []) {
    const host = hostOf(value.string ?? "");
    if (host && ZAI_API_HOSTS.includes(host)) seen.add("zai");
    else if (host === CEREBRAS_API_HOST) seen.add("cerebras");
  }
  // Key variables speak only where nothing else does: a URL already moved outweighs the old key.
  if (seen.size === 0 && new RegExp(`\\b(${ZAI_KEY_VARIABLES.join("|")})\\b`).test(file.text)) seen.add("zai");
  if (seen.size === 0 && file.text.includes(CEREBRAS_KEY_VARIABLE)) seen.add("cerebras");
  const [only] = seen;
  const sole = seen.size === 1 && (only === "cerebras" || only === "zai") ? only : undefined;
  soles.set(file, sole);
  return sole;
}

/** A file that talks to Z.ai and nothing else (and does not name Cerebras). */
function zaiOnly(file: LoweredFile): boolean {
  return soleProvider(file) === "zai" && !cerebrasContext(file);
}

const contexts = new WeakMap<LoweredFile, boolean>();

/**
 * Code that names Cerebras (prose in a docstring does not): its URL, a `CEREBRAS_*` variable, a
 * `cerebras/` or `cerebras:` prefix, the provider's name as a string, an import of one of its SDKs,
 * a Cerebras class, factory or attribute.
 */
const CEREBRAS_MARKS: readonly RegExp[] = [
  /cerebras\.ai/i,
  /CEREBRAS_\w/,
  /["'`]cerebras[/:"'`]/i,
  /(?:from|import|require\()\s*["'`]?[\w@./-]*cerebras/i,
  /\b\w*Cerebras\w*[(<]/,
  /\bclass\s+\w*Cerebras/,
  /\.cerebras\b|\bcerebras\w*\s*=[^=]/i,
];

/**
 * Whether the file talks to Cerebras or is about it: a Cerebras client or request, a module named
 * for it, or one of the marks above outside comments.
 */
function cerebrasContext(file: LoweredFile): boolean {
  let known = contexts.get(file);
  if (known === undefined) {
    // The text less its comments, in one sweep: cut one by one, each cut copies the whole text.
    const pieces: string[] = [];
    let cursor = 0;
    for (const comment of [...file.comments].sort((a, b) => a.range.start - b.range.start)) {
      pieces.push(file.text.slice(cursor, Math.max(cursor, comment.range.start)));
      cursor = Math.max(cursor, comment.range.end);
    }
    pieces.push(file.text.slice(cursor));
    const text = pieces.join("");
    known =
      file.clients.some((client) => client.endpoint === "cerebras") ||
      file.requests.some((request) => request.endpoint === "cerebras") ||
      /cerebras/i.test(file.path.slice(file.path.lastIndexOf("/") + 1)) ||
      CEREBRAS_MARKS.some((mark) => mark.test(text));
    contexts.set(file, known);
  }
  return known;
}

/** A Cerebras model ID (retired, not served elsewhere, or the target) by any prefix but another router's. */
function isCerebrasId(text: string, target: Target): boolean {
  const { known, id, prefixEndpoint } = parseModelId(text);
  if (prefixEndpoint === "other" || prefixEndpoint === "zai") return false;
  return id === target.model || (known?.kind === "cerebras-retired" && !known.sharedWith);
}

/**
 * Whether a model-shaped literal outside a model position is a finding: a retired Cerebras ID in
 * a file with Cerebras context (an ID others also serve only where it reaches a Cerebras request),
 * a Z.ai ID where it reaches a request or stands in one catalog with Cerebras IDs.
 */
function counts(file: LoweredFile, ref: ModelRef, known: KnownModel, prefixEndpoint: Endpoint | undefined, target: Target): boolean {
  if (prefixEndpoint === "other") return false;
  if (ref.endpoint === "cerebras" || prefixEndpoint === "cerebras") return true;
  if (known.kind === "cerebras-retired") return !known.sharedWith && cerebrasContext(file);
  // Display names (`GLM-4.7`) and house aliases (`glm-4.7-cerebras`) are not Z.ai's IDs.
  if (known.id !== known.id.toLowerCase() || known.id.includes("cerebras")) return false;
  if (ref.endpoint === "zai") return true;
  // In a module that talks to one provider only, a single Z.ai ID it keeps (a default, a field, a
  // wrapper's argument) is one of its requests' models; its catalogs and fallback lists are not
  // followed (the ID is valid where they are sent).
  const ownCall = ref.place !== "argument" || /^(?:(?:this|self)\.)?[\w$]+$/.test(ref.key);
  if (!ref.container && ref.place && SETTING_PLACES.has(ref.place) && ownCall && soleProvider(file) !== undefined) return true;
  const container = ref.container;
  if (!container) return false;
  return file.models.some(
    (other) => other !== ref && other.container?.start === container.start && other.container.end === container.end && isCerebrasId(other.value.string ?? "", target),
  );
}

const SETTING_PLACES: ReadonlySet<StringPlace> = new Set(["value", "variable", "parameter", "field", "argument"]);

const TEST_PLACES_NAMED: Partial<Record<StringPlace, string>> = {
  comparison: "a comparison",
  key: "a mapping key",
  case: "a `case` pattern",
};

/**
 * A model in a configuration group bound to Z.ai (or a shell `curl` to Z.ai) moves with the
 * group's URL and key, or stays with them (common/config-move.ts).
 */
function groupPlan(file: LoweredFile, ref: ModelRef, target: Target, known: KnownModel): Plan | undefined {
  if (known.kind !== "zai") return undefined;
  const move = moveOfValue(file, target, ref.value);
  if (!move) return undefined;
  const data = { described: describe(known), target: target.model };
  if (move.kept) return { ref, messageId: "zai-kept", data: { ...data, why: move.kept }, notes: [], atMost: "info" };
  // A model with no Cerebras equivalent says so in its own words (it is what holds the group back).
  if (!known.autoFix) return undefined;
  if (move.blocker) return { ref, messageId: "zai-stays", data: { ...data, why: move.blocker }, notes: [] };
  return { ref, messageId: "zai-moving", data, notes: [], next: "", safety: "unsafe", move };
}

function plan(file: LoweredFile, ref: ModelRef, target: Target): Plan | undefined {
  const { prefix, known, prefixEndpoint } = parseModelId(ref.value.string ?? "");
  if (known && ref.value.contentRange && !words(ref.key).some((word) => HISTORICAL.has(word))) {
    const grouped = groupPlan(file, ref, target, known);
    if (grouped) return grouped;
  }
  // A Cerebras model served today is not this rule's business (unknown-model checks the rest).
  if (!known || known.kind === "cerebras-current" || !ref.value.contentRange) return undefined;
  if (words(ref.key).some((word) => HISTORICAL.has(word))) return undefined;
  const outer = openRouterOuterPrefix(prefix);
  if (outer !== undefined && isPinnedModel(file, ref)) return pinnedPlan(ref, known, outer, target);
  if (ref.position === "literal" && !counts(file, ref, known, prefixEndpoint, target)) return undefined;
  const { endpoint, guessed } = endpointOf(file, ref, prefixEndpoint);
  // Another provider serves the same ID: only a request that certainly goes to Cerebras counts.
  if (known.sharedWith && (endpoint !== "cerebras" || guessed)) return undefined;
  const found = planFor(file, known, prefix, prefixEndpoint, endpoint, guessed, ref, target);
  const test = ref.place && TEST_PLACES.has(ref.place) ? TEST_PLACES_NAMED[ref.place] : undefined;
  if (found && test) {
    // An upgrade shim or a lookup tests the old ID on purpose; it changes with what it tests.
    delete found.next;
    delete found.safety;
    found.notes.push(`${test}, so no automatic fix: change it together with the code that relies on it`);
  }
  // The same setting is sent elsewhere to another provider (a Z.ai request of another file that
  // cannot move): the rename would break that request.
  const elsewhere = (ref.usedOn ?? []).filter((other) => other !== "unknown" && other !== endpoint);
  if (found?.next && elsewhere.length > 0) {
    delete found.next;
    delete found.safety;
    found.notes.push(`another file also sends it to ${elsewhere.map((other) => PROVIDER_NAMES[other]).join(" and ")}, so no automatic fix: change them together`);
  }
  return found;
}

function planFor(
  file: LoweredFile,
  known: KnownModel,
  prefix: string,
  prefixEndpoint: Endpoint | undefined,
  endpoint: Endpoint,
  guessed: boolean,
  ref: ModelRef,
  target: Target,
): Plan | undefined {
  const next = movedPrefix(prefix) + target.model;
  const data = { described: describe(known), target: target.model };

  if (known.kind === "cerebras-retired") {
    // The ID is Cerebras' own, wrong wherever it is sent; only a known Cerebras (or unknown)
    // endpoint makes the rewrite safe. A proxy elsewhere may map its own aliases.
    if (prefixEndpoint === "other") return undefined;
    if (!known.autoFix) {
      // A replacement Cerebras named then and has since retired too is no advice now.
      const current = known.replacement !== undefined && parseModelId(known.replacement).known?.kind === "cerebras-current";
      const messageId = !current ? "retired-choose" : known.replacement === target.model ? "retired-suggested" : "retired-suggested-choose";
      return { ref, messageId, data: { ...data, replacement: known.replacement ?? "" }, notes: [] };
    }
    const safe = endpoint === "cerebras" || endpoint === "unknown";
    return { ref, messageId: "retired", data, notes: [], next, safety: safe ? "safe" : "unsafe" };
  }

  // Z.ai's own IDs: valid on Z.ai, so only a problem where the code is moving to Cerebras.
  if (endpoint !== "cerebras" && endpoint !== "zai") return undefined;
  if (!known.autoFix) {
    return { ref, messageId: "zai-no-equivalent", data: { ...data, variant: known.note ?? "a model" }, notes: [] };
  }
  if (endpoint === "cerebras") {
    return { ref, messageId: "zai-on-cerebras", data, notes: [], next, safety: guessed ? "unsafe" : "safe" };
  }
  // The model moves only with its request: a Cerebras ID sent to Z.ai would be worse than none.
  const blocker = zaiModelBlocker(file, ref, target);
  if (blocker === STAYING) return undefined;
  if (blocker) {
    return { ref, messageId: "zai-stays", data: { ...data, why: blocker }, notes: [] };
  }
  return { ref, messageId: "zai-moving", data, notes: [], next, safety: "unsafe" };
}

/**
 * The model of an OpenRouter request pinned to Cerebras: a GLM that Cerebras no longer serves
 * becomes the target under OpenRouter's name for it (the catalog's `z-ai/` spelling).
 */
function pinnedPlan(ref: ModelRef, known: KnownModel, outer: string, target: Target): Plan | undefined {
  const slug = spellingWithPrefix(target.model, OPENROUTER_ZAI_PREFIX);
  const next = slug === undefined ? undefined : outer + slug;
  if (known.kind !== "zai" || ref.value.string === next) return undefined;
  const data = { value: ref.value.string ?? "", target: target.model, next: next ?? target.model };
  if (!known.autoFix || !next) return { ref, messageId: "openrouter-pinned-choose", data, notes: [] };
  return { ref, messageId: "openrouter-pinned", data, notes: [], next, safety: "safe" };
}

/** A catalog a reference's fix is weighed in: its list of models, or the literal that holds it. */
function groupOf(ref: ModelRef): { key: unknown; range?: { start: number; end: number } } | undefined {
  // A request's own model is one setting, whatever literal the request sits in.
  if (ref.container && !ref.request && ref.position !== "argument" && ref.position !== "provider") {
    return { key: `${ref.container.start}:${ref.container.end}`, range: ref.container };
  }
  return ref.siblings ? { key: ref.siblings } : undefined;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * In a list or catalog, several IDs may rewrite to the same target: only one of them gets the fix
 * (a safe one first; the same ID written twice is one setting, fixed everywhere), and none does
 * when the target is listed already, anywhere in the enclosing literal (a list of objects, an enum).
 */
function dropDuplicateFixes(file: LoweredFile, plans: Plan[]): void {
  const groups = new Map<unknown, Plan[]>();
  const ranges = new Map<unknown, { start: number; end: number }>();
  for (const item of plans) {
    const group = item.next ? groupOf(item.ref) : undefined;
    if (!group) continue;
    pushTo(groups, group.key, item);
    if (group.range) ranges.set(group.key, group.range);
  }
  for (const [key, members] of groups) {
    const byTarget = new Map<string, Plan[]>();
    for (const item of members) pushTo(byTarget, item.next!, item);
    const range = ranges.get(key);
    for (const [next, candidates] of byTarget) {
      const listed = range
        ? new RegExp(`(["'\`])${escape(next)}\\1`).test(file.text.slice(range.start, range.end))
        : (members[0]!.ref.siblings ?? []).some((sibling) => sibling.string === next);
      const winner = listed ? undefined : (candidates.find((item) => item.safety === "safe") ?? candidates[0]);
      for (const item of candidates) {
        if (winner && item.ref.value.string === winner.ref.value.string) continue;
        delete item.next;
        item.notes.push("already listed here");
      }
    }
  }
}

/**
 * A model renamed in a router provider's list (claude-code-router's `Providers[].models`) is
 * renamed in every "provider,model" reference to it too, in the same fix.
 */
function providerReferenceEdits(file: LoweredFile, item: Plan): Edit[] {
  if (!item.next || item.ref.position !== "config" || !item.ref.siblings) return [];
  const entry = file.configEntries?.find((candidate) => candidate.value.list?.entries.some((element) => element.value.range.start === item.ref.value.range.start));
  return entry ? routerReferenceEdits(file, providerName(file, entry.group), item.ref.value.string ?? "", item.next) : [];
}

/**
 * What follows the wording, in brackets: why there is no fix, and for a setting other files send
 * as their model, where (so the fix here makes sense there).
 */
function notesOf(item: Plan): string {
  const [first, ...more] = item.ref.usedAt ?? [];
  const notes = first === undefined ? item.notes : [...item.notes, `used as the model in ${first}${more.length > 0 ? ` and ${more.length} more` : ""}`];
  return notes.map((note) => ` (${note})`).join("");
}

export const modelId: Rule = {
  meta: {
    id: "model-id",
    severity: "error",
    fix: "safe",
    languages: ALL_LANGUAGES,
    triggers: MODEL_TRIGGERS,
    messages: {
      retired: "{described}; use `{target}`{notes}",
      "retired-choose": "{described}. Choose a current model such as `{target}`{notes}",
      "retired-suggested": "{described}; Cerebras suggests `{replacement}`{notes}",
      "retired-suggested-choose": "{described}; Cerebras suggests `{replacement}`. Choose a current model such as `{target}`{notes}",
      "zai-no-equivalent": "{described}, {variant} with no Cerebras equivalent; choose a model Cerebras serves, such as `{target}`{notes}",
      "zai-on-cerebras": "{described}; on Cerebras the model is `{target}`{notes}",
      "openrouter-pinned": "`{value}` goes to Cerebras (this OpenRouter request is pinned to it), which no longer serves it; use `{next}`, OpenRouter's name for `{target}`{notes}",
      "openrouter-pinned-choose":
        "`{value}` goes to Cerebras (this OpenRouter request is pinned to it), which does not serve it; choose a model Cerebras serves, such as `{next}`{notes}",
      "zai-moving": "{described} and this request still goes to Z.ai; move it to Cerebras and use `{target}`{notes}",
      "zai-kept": "{described}, in a deployment kept on purpose: {why}; leave it{notes}",
      "zai-stays":
        "{described}, kept because its request cannot move to Cerebras yet: {why}. It becomes `{target}` when the request moves{notes}",
    },
    docs: {
      summary: "Retired Cerebras model IDs and Z.ai's own IDs where the code talks to Cerebras.",
      whatItDoes:
        "Finds model IDs in model positions (a `model=`/`model:` argument, a variable or key named like a model, " +
        "`cerebras(\"...\")` of the Vercel AI SDK, an environment variable's default, a config value under a model " +
        "key) that Cerebras has retired, or that are Z.ai's names for GLM. `zai-glm-4.6` becomes `zai-glm-4.7`, " +
        "also inside prefixed forms such as LiteLLM's `cerebras/zai-glm-4.6`. Z.ai IDs (`glm-4.7`, `glm-4.6`, " +
        "`glm-4.5`) are rewritten where the call goes to Cerebras; where it still goes to Z.ai the rewrite is an " +
        "unsafe fix, since the endpoint must move too. Other retired IDs, and Z.ai's flash, air and vision " +
        "variants, are reported without a fix. Names that say the value is old on purpose (`LEGACY_MODEL`) are " +
        "left alone. A setting defined in one module and used as the model in another (`from config import MODEL`, " +
        "or a field of an imported constant, `MODELS.GLM.split(\"/\").pop()`) is reported and fixed once, at its " +
        "definition, naming a use.\n\n" +
        "What it follows. Model IDs are found wherever code keeps them, not only under a name like `model`: dict " +
        "and object values, list entries, class and dataclass fields, enum members, `Literal[...]` and union " +
        "types, call arguments (`Agent(\"cerebras:...\")`, `init_chat_model(\"cerebras:...\")`, " +
        "`createModelConfig(\"cerebras/...\")`) and every provider spelling (`cerebras/`, `cerebras:`, `zai/`, " +
        "`zhipu/`). Outside a model position, a retired Cerebras ID counts in a file with Cerebras context (a " +
        "Cerebras client, URL, `CEREBRAS_*` variable, prefix or provider name in code, or a module named for it); " +
        "an ID another provider also serves (`deepseek-r1-distill-llama-70b` on Groq) counts only where it reaches " +
        "a Cerebras request. A Z.ai ID counts where it reaches a request, stands in one list, dict or enum with " +
        "Cerebras IDs, or is a single setting (a default, a field, a wrapper's argument) of a module that talks to " +
        "one provider only. The value is followed to the request: `MODELS[name]` and `.get(name)` lookups (every " +
        "value of the dict), fields of constant objects (`MODELS.GLM_4_6`), derived strings " +
        "(`MODELS.X.split(\"/\").pop()`), `self.id` and `this.modelId` back to the class field or constructor " +
        "assignment (a TypeScript parameter property's default too), a parameter's default and what the file's " +
        "calls of that function pass for it (by keyword or position), the same through a function of another " +
        "module (`from utils import ask; ask(q, model=\"...\")`), a setting's fallback (`cfg.get(\"model\", \"...\")`, " +
        "`os.getenv`), a settings class of another module (`Config.GLM_MODEL`), and raw HTTP requests whose URL is " +
        "built in pieces. A default or fallback is rewritten in place only where every request it reaches goes to " +
        "the same endpoint. Comparisons, `in` and `.includes()` " +
        "tests, `case` patterns and mapping keys are reported with no fix (they are often deliberate upgrade " +
        "shims). In a list or catalog no ID is rewritten to one already listed anywhere in the enclosing literal " +
        "(a list of objects, an enum's members), and two IDs never become the same entry. An OpenRouter request " +
        "pinned to Cerebras (`provider: { only: [\"cerebras\"] }` or `order`, also in `extra_body`) with a " +
        "`z-ai/glm-*` slug, as a literal or a constant: a GLM Cerebras no longer serves becomes `z-ai/glm-4.7`, " +
        "OpenRouter's name for the target (the catalog's spelling); the other fields are OpenRouter's to " +
        "translate, so no other rule checks that request. In configuration files (YAML, JSON, TOML, .env), besides " +
        "keys that name a model, a catalog ID under another key of a `models` section (`models.writer`, " +
        "`models[].id`) or under `id`, `name`, `default`, `llm`, `primary` or `fallback` counts as a literal: where " +
        "the file talks to Cerebras (its URLs, its provider, a file named for it) or, for a Z.ai ID, to Z.ai; a " +
        "retired ID only Cerebras ever served (`qwen-3-coder-480b`) counts unless the file points elsewhere.\n\n" +
        "Configuration. A GLM model in a configuration group bound to Z.ai (a Z.ai URL or key variable beside it, " +
        "see provider-endpoint) moves only with that group's URL and key, in one unsafe fix, or is reported with " +
        "the reason the group stays; in a Z.ai deployment kept on purpose as a router fallback beside a Cerebras " +
        "one it is reported at info level only. A model renamed in a claude-code-router provider's `models` list " +
        "is renamed in every `\"provider,model\"` reference to it (`Router`, `fallback`) in the same fix.",
      why:
        `Cerebras deprecated \`zai-glm-4.6\` on ${catalogModel("zai-glm-4.6")?.deprecatedOn?.value} in favour of GLM 4.7, and has retired the other IDs ` +
        "listed; a request naming them fails. Z.ai's IDs are not Cerebras model names.",
      example: 'client.chat.completions.create(model="zai-glm-4.6", messages=messages)',
      useInstead: 'client.chat.completions.create(model="zai-glm-4.7", messages=messages)',
      source:
        "Cerebras Inference docs, Deprecations (inference-docs.cerebras.ai/support/deprecation, newest entry " +
        "2026-04-22); Z.ai docs, GLM-4.7 (docs.z.ai); each model's facts with their own sources: `glm-migrate models`",
      follows: [FOLLOWS.wrapperModels],
    },
  },
  check({ file, target, report }) {
    const plans = file.models.map((ref) => plan(file, ref, target)).filter((item): item is Plan => item !== undefined);
    dropDuplicateFixes(file, plans);
    for (const item of plans) {
      const content = item.ref.value.contentRange!;
      const own = [{ start: content.start, end: content.end, text: item.next ?? "" }, ...providerReferenceEdits(file, item)];
      const fix = item.move
        ? moveFix(item.move, target)
        : item.next && item.safety
          ? Fix.of(item.safety, own, `Use \`${item.next}\``)
          : undefined;
      report({ range: literalRange(item.ref.value), messageId: item.messageId, data: { ...item.data, notes: notesOf(item) }, fix, atMost: item.atMost });
    }
  },
};
