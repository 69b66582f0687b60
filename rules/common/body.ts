import { appendEntries, indentOf, lineEnding, removeEntries, replace } from "../../src/model/edits.js";
import type { Edit } from "../../src/model/rule.js";
import type { Endpoint, Entry, EntryList, Forwarding, LoweredFile, RequestSite, Sdk, Value } from "../../src/model/types.js";
import { LIBRARIES, libraryFor, type ClientLibrary } from "../knowledge/libraries.js";
import { parseModelId } from "../knowledge/models.js";
import { CEREBRAS_NODE_CHAT_FIELDS, CEREBRAS_PYTHON_KEYWORDS, CEREBRAS_TEXT_COMPLETION_FIELDS } from "../knowledge/cerebras-sdk.js";
import { OPENAI_CHAT_FIELDS, OPENAI_PYTHON_KEYWORDS } from "../knowledge/openai-python.js";

/**
 * The request body as the wire sees it, whatever client builds it: Python keywords, `extra_body`
 * and LangChain's `model_kwargs`, a JS params object, the Vercel AI SDK's camelCase options and
 * `providerOptions.cerebras`. Rules ask for fields by their wire name (`top_p`) and edit them
 * through this view, so each rule is written once for every client library.
 */

export type Container = "top" | "extra_body" | "model_kwargs" | "provider_options";

export interface BodyField {
  /** The field's name in the JSON body (`top_p`, `reasoning_effort`). */
  wire: string;
  entry: Entry;
  /** The list the entry sits in, for removing it. */
  list: EntryList;
  container: Container;
  /** Set when the field comes from a dict or object spread into the request (`**PARAMS`). */
  spread?: boolean;
  /** The request's own entry that brought the field in (the `**PARAMS` or `extra_body=EXTRA`). */
  via?: Entry;
  /**
   * Set by a statement after the body was built (`params["max_tokens"] = n`): renamed or given a
   * new value where it stands, never removed or moved (the statement may be all an `if` holds).
   */
  later?: boolean;
  /**
   * From a module-level dict or object that also feeds requests going elsewhere (another
   * endpoint, or one the file cannot tell): reported, but not edited at its definition, where
   * the edit would change those requests too.
   */
  shared?: boolean;
  /**
   * A wrapper's parameter that the wrapper puts into the request (`ask(temperature=0.2)`): its
   * value may change at the call, but its name is the wrapper's, not the request's.
   */
  passed?: boolean;
}

/** A list as written: without the entries later statements set (which sit elsewhere in the text). */
function written(list: EntryList): EntryList {
  return list.entries.some((entry) => entry.later) ? { ...list, entries: list.entries.filter((entry) => !entry.later) } : list;
}

/** Where to point at a field: its own entry, or the request entry that spread it in. */
export function fieldRange(target: BodyField): { start: number; end: number } {
  return (target.via ?? target.entry).range;
}

export interface RequestBody {
  request: RequestSite;
  file: LoweredFile;
  fields: BodyField[];
  /** The body may hold fields this file cannot see (`**kwargs`, `...options`). */
  open: boolean;
  /** Where the request goes, with LiteLLM's model prefix taken into account. */
  endpoint: Endpoint;
  sdk: Sdk | undefined;
  /** The client library's entry (rules/knowledge/libraries.ts), when the request is made with one. */
  library?: ClientLibrary;
  /** The model ID, when it is a literal (or a constant) in the request. */
  model?: string;
  /** `model` is a default or fallback the request may not keep (a caller's argument, the environment). */
  modelPossible?: boolean;
  /**
   * Chat completions (`/v1/chat/completions`), or the legacy text completions endpoint
   * (`completions.create`), whose body has other fields: `max_tokens` is current there, and the
   * chat endpoint's reasoning controls do not exist.
   */
  endpointKind: "chat" | "text";
}

/** camelCase option names of JS wrappers, by the wire field they become. */
const CAMEL_TO_WIRE: Record<string, string> = {
  topP: "top_p",
  topK: "top_k",
  maxTokens: "max_tokens",
  maxOutputTokens: "max_tokens",
  maxCompletionTokens: "max_completion_tokens",
  presencePenalty: "presence_penalty",
  frequencyPenalty: "frequency_penalty",
  stopSequences: "stop",
  toolChoice: "tool_choice",
  modelName: "model",
  reasoningEffort: "reasoning_effort",
  reasoningFormat: "reasoning_format",
  parallelToolCalls: "parallel_tool_calls",
  topLogprobs: "top_logprobs",
  logitBias: "logit_bias",
  serviceTier: "service_tier",
  promptCacheKey: "prompt_cache_key",
};
const WIRE_TO_CAMEL = Object.fromEntries(Object.entries(CAMEL_TO_WIRE).map(([camel, wire]) => [wire, camel]));
WIRE_TO_CAMEL.max_tokens = "maxTokens";

/** SDKs whose option names are camelCase (converted to the wire's snake_case by the library). */
const CAMEL_CASE_SDKS: ReadonlySet<Sdk | undefined> = new Set<Sdk | undefined>(
  (LIBRARIES as readonly ClientLibrary[]).filter((library) => library.fieldNaming === "camel").map((library) => library.id as Sdk),
);

function wireName(sdk: Sdk | undefined, container: Container, key: string, library?: ClientLibrary): string {
  if (container === "provider_options") return CAMEL_TO_WIRE[key] ?? key;
  if (container !== "top") return key;
  // agno's Cerebras(id=...), smolagents' model_id=: the library's name for the model.
  if (library?.requestFields === "constructor" && library.options.model.includes(key)) return "model";
  if (CAMEL_CASE_SDKS.has(sdk)) return CAMEL_TO_WIRE[key] ?? key;
  if (sdk === "langchain-openai" || sdk === "langchain-cerebras" || sdk === "langchain-zhipuai") {
    if (key === "model_name") return "model";
    if (key === "max_completion_tokens") return "max_tokens";
  }
  return key;
}

/** A library's options whose dict is merged into the body as it is (`extra_body` and `providerOptions` have their own handling). */
function extraDicts(library: ClientLibrary | undefined): readonly string[] {
  return library?.options.extraFields.filter((key) => key !== "extra_body" && !key.startsWith("providerOptions")) ?? [];
}

/**
 * The dict or object a value is: a literal, what a name holds in the request's own function
 * (changes made before the request included), or a constant of the file.
 */
function resolveLiteral(file: LoweredFile, value: Value, request: RequestSite): Value | undefined {
  if (value.kind === "object") return value;
  if (value.kind === "name" && value.name) {
    const held = request.bodies?.get(value.name);
    if (held) return held;
    const constant = file.constants.get(value.name);
    if (constant?.kind === "object") return constant;
  }
  return undefined;
}

function isPython(file: LoweredFile): boolean {
  return file.language === "python";
}

/** Worked out once per file: most rules ask for every request's body. */
const bodiesOf = new WeakMap<LoweredFile, readonly RequestBody[]>();

export function requestBodies(file: LoweredFile): readonly RequestBody[] {
  const known = bodiesOf.get(file);
  if (known) return known;
  const bodies: RequestBody[] = [];
  for (const request of file.requests) {
    const body = requestBody(file, request);
    if (body) bodies.push(body);
  }
  bodiesOf.set(file, bodies);
  return bodies;
}

export function requestBody(file: LoweredFile, request: RequestSite): RequestBody | undefined {
  if (!request.request) return undefined;
  const sdk = request.sdk;
  const fields: BodyField[] = [];
  let open = request.open;
  const python = isPython(file);
  const library = libraryFor(sdk, python ? "python" : "javascript");
  const dicts = extraDicts(library);
  // instructor's response_model=, max_retries=: the wrapper takes them, the body never has them.
  const wrapperKeywords = libraryFor(request.client?.wrapper, "python")?.wrapperKeywords ?? [];

  const addList = (list: EntryList, container: Container, spread: boolean, via?: Entry): void => {
    for (const written of list.entries) {
      // A wrapper's keyword under the request key it is forwarded as; one it keeps is no field.
      const entry = container === "top" && request.forwarding ? forwardedEntry(request.forwarding, written) : written;
      if (!entry) continue;
      // Only entries of the request's own list can be the one that brought fields in.
      const origin = via ?? (list === request.request ? entry : undefined);
      if (entry.spread) {
        // A conditional spread (`**({...} if c else {})`, `...(c && {...})`) may add either branch.
        for (const branch of entry.value.branches ?? [entry.value]) {
          const literal = resolveLiteral(file, branch, request);
          if (literal?.list) addList(literal.list, container, true, literal === entry.value ? via : origin);
          else if (branch.kind !== "null" && branch.kind !== "boolean") open = true;
        }
        continue;
      }
      if (entry.key === null) continue;
      if (container === "top" && wrapperKeywords.includes(entry.key)) continue;
      // Haystack's generation_kwargs={"extra_body": {...}}: the dict reaches create() as keywords.
      if ((container === "top" || (container === "model_kwargs" && via === undefined)) && python && entry.key === "extra_body" && sdk !== "zai" && sdk !== "zhipuai") {
        const literal = resolveLiteral(file, entry.value, request);
        if (literal?.list) addList(literal.list, "extra_body", spread || literal !== entry.value, literal !== entry.value ? origin : via);
        else open = true;
        continue;
      }
      if (container === "top" && !python && entry.key === "extra_body" && entry.value.kind === "object" && entry.value.list) {
        // The Node SDKs send a literal extra_body as it is (literal-extra-body hoists it); what is
        // inside is checked on the same lint, where it stands, so one pass sees everything.
        addList(entry.value.list, "extra_body", spread, via);
      }
      if (container === "top" && ((entry.key === (python ? "model_kwargs" : "modelKwargs") && sdk?.startsWith("langchain")) || dicts.includes(entry.key))) {
        const literal = resolveLiteral(file, entry.value, request);
        if (literal?.list) addList(literal.list, "model_kwargs", spread || literal !== entry.value, literal !== entry.value ? origin : via);
        else open = true;
        continue;
      }
      if (container === "top" && entry.key === "providerOptions" && sdk === "ai-sdk") {
        const cerebras = entry.value.list?.entries.find((option) => option.key === "cerebras");
        const literal = cerebras ? resolveLiteral(file, cerebras.value, request) : undefined;
        if (literal?.list) addList(literal.list, "provider_options", spread, via);
        continue;
      }
      fields.push({
        wire: wireName(sdk, container, entry.key, library),
        entry,
        list,
        container,
        ...(entry.later ? { later: true } : {}),
        ...(entry !== written ? { passed: true } : {}),
        ...(spread ? { spread } : {}),
        ...(spread && via ? { via } : {}),
      });
    }
  };
  addList(request.request, "top", false);
  for (const item of fields) if (feedsOtherEndpoints(file, request, item.via)) item.shared = true;

  const modelField = fields.find((field) => field.wire === "model" && field.container === "top");
  let model: string | undefined;
  const modelValue = modelField?.entry.value;
  // model=self.model, model=cfg.get("model", "..."): the string the model assembler followed it to.
  const followed = modelValue && modelValue.kind !== "string" && modelField?.via === undefined ? request.model?.string : undefined;
  if (followed !== undefined) model = followed;
  else if (modelValue?.kind === "string") model = modelValue.string;
  else if (modelValue?.kind === "call" && modelValue.args?.entries[0]?.value.kind === "string") {
    // generateText({ model: cerebras("zai-glm-4.7") })
    model = modelValue.args.entries[0].value.string;
  }
  else if (modelValue?.kind === "name") {
    const constant = file.constants.get(modelValue.name ?? "");
    if (constant?.kind === "string") model = constant.string;
    else model = file.importedStrings?.get(modelValue.name ?? "");
  } else if ((request.kind === "function" || library?.modelArgument) && request.args.entries[0]?.value.kind === "string" && !request.args.entries[0].key) {
    model = request.args.entries[0].value.string;
  }
  // model=MODELS["fast"], model: this.modelId: the literal the model assembler followed it to.
  if (model === undefined && modelValue && request.model?.string !== undefined) model = request.model.string;
  // A wrapper's call that leaves the model to the wrapper: the model of the request inside.
  const forwarding = request.forwarding;
  if (model === undefined && !modelField && forwarding) model = forwarding.model ?? (forwarding.inner ? requestBody(file, forwarding.inner)?.model : undefined);
  let endpoint = request.endpoint;
  if (model !== undefined) {
    // cerebras/zai-glm-4.7 in LiteLLM: the prefix routes the request.
    const prefixEndpoint = parseModelId(model).prefixEndpoint;
    if (prefixEndpoint && (sdk === "litellm" || library?.sendsThrough === "litellm" || endpoint === "unknown")) endpoint = prefixEndpoint;
  }
  const endpointKind = request.kind === "method" && !request.method.includes("chat.") ? "text" : "chat";
  const possible = model !== undefined && model === followed && request.modelPossible === true;
  // DSPy, CrewAI, smolagents' LiteLLMModel: the fields are LiteLLM's, and rules judge them so.
  const judgedAs = library?.sendsThrough === "litellm" ? "litellm" : sdk;
  return {
    request,
    file,
    fields,
    open,
    endpoint,
    sdk: judgedAs,
    endpointKind,
    ...(library ? { library } : {}),
    ...(model !== undefined ? { model } : {}),
    ...(possible ? { modelPossible: true } : {}),
  };
}

/**
 * A keyword of a wrapper's call as the request field it becomes: under the key the wrapper gives
 * its parameter (a copy, `passed`), as it is where `**kwargs` takes it, or nothing.
 */
function forwardedEntry(forwarding: Forwarding, entry: Entry): Entry | undefined {
  if (entry.spread || entry.key === null) return entry;
  const key = forwarding.fields.get(entry.key);
  if (key !== undefined) return { ...entry, key };
  return forwarding.kwargs && !forwarding.keeps.has(entry.key) ? entry : undefined;
}

/**
 * Whether the dict a request entry brings in (`**PARAMS`, `extra_body=EXTRA`) is a module-level
 * constant that other requests of the file, bound elsewhere, use too.
 */
function feedsOtherEndpoints(file: LoweredFile, request: RequestSite, via: Entry | undefined): boolean {
  const name = via?.value.kind === "name" ? via.value.name : undefined;
  if (name === undefined) return false;
  const held = (site: RequestSite): Value | undefined => site.bodies?.get(name) ?? file.constants.get(name);
  const ours = held(request)?.range.start;
  // A module-level dict other files spread into their requests: those go where they go.
  if (file.constants.has(name) && held(request) === file.constants.get(name) && (file.usedElsewhere?.get(name) ?? []).some((other) => other !== request.endpoint)) return true;
  return file.requests.some(
    (other) =>
      other !== request &&
      other.endpoint !== request.endpoint &&
      (other.request?.entries ?? []).some((entry) => entry.value.kind === "name" && entry.value.name === name) &&
      held(other)?.range.start === ours,
  );
}

export function field(body: RequestBody, wire: string): BodyField | undefined {
  return body.fields.find((candidate) => candidate.wire === wire);
}

/**
 * Every place the body may get a wire field: a literal entry, the branches of a conditional
 * spread, each statement that sets it later. Each is a place the user must change.
 */
export function fieldsNamed(body: RequestBody, wire: string): BodyField[] {
  return body.fields.filter((candidate) => candidate.wire === wire);
}

/**
 * Where a wire field belongs for this client: a first-class keyword or property, `extra_body` for
 * the OpenAI Python client's non-standard fields, `providerOptions.cerebras` for the AI SDK.
 */
export function containerFor(body: RequestBody, wire: string): Container {
  const sdk = body.sdk;
  // Haystack's generation_kwargs, LlamaIndex's additional_kwargs: the constructor's own options
  // are few, and every other field goes in the library's dict of extra fields.
  const topFields = body.library?.topFields;
  if (topFields && extraDicts(body.library).length > 0 && !topFields.includes(wire)) return "model_kwargs";
  if (sdk === "ai-sdk") {
    return ["temperature", "top_p", "top_k", "max_tokens", "presence_penalty", "frequency_penalty", "seed", "stop"].includes(wire)
      ? "top"
      : "provider_options";
  }
  if (!isPython(body.file)) return "top";
  const keywords = pythonKeywords(body);
  if (keywords) return keywords.has(wire) ? "top" : "extra_body";
  if (sdk === "langchain-openai") {
    return ["temperature", "top_p", "max_tokens", "reasoning_effort", "seed", "stop", "n", "presence_penalty", "frequency_penalty"].includes(wire)
      ? "top"
      : "extra_body";
  }
  if (sdk === "langchain-cerebras") {
    // ChatCerebras validates reasoning_effort as low/medium/high; "none" must travel in extra_body.
    return ["temperature", "top_p", "max_tokens", "seed", "stop", "n", "disable_reasoning"].includes(wire) ? "top" : "extra_body";
  }
  return "top";
}

/**
 * The keywords a Python SDK's request method takes, for the SDKs whose methods raise TypeError on
 * any other (the OpenAI and Cerebras clients); undefined where any keyword goes into the body.
 */
export function pythonKeywords(body: RequestBody): ReadonlySet<string> | undefined {
  if (!isPython(body.file) || body.request.kind !== "method") return undefined;
  const table = body.sdk === "openai" ? OPENAI_PYTHON_KEYWORDS : body.sdk === "cerebras" ? CEREBRAS_PYTHON_KEYWORDS : undefined;
  return table && (table.get(body.request.method) ?? table.get("chat.completions.create"));
}

const TEXT_COMPLETION_FIELDS: ReadonlySet<string> = new Set(CEREBRAS_TEXT_COMPLETION_FIELDS);
const OPENAI_CHAT_KEYWORDS: ReadonlySet<string> = OPENAI_PYTHON_KEYWORDS.get("chat.completions.create")!;

/**
 * Whether the request's endpoint has this wire field at all. A fix that writes a field the
 * endpoint lacks (`max_completion_tokens` or `reasoning_effort` in a text completion) breaks the
 * request, so rules offer none there.
 */
export function endpointTakes(body: RequestBody, wire: string): boolean {
  return body.endpointKind === "chat" || TEXT_COMPLETION_FIELDS.has(wire);
}

/**
 * Whether a field may stay in a container: `extra_body` and `providerOptions.cerebras` carry any
 * field to the wire; `model_kwargs` too, except what ChatCerebras validates; the top level only
 * what the client takes there.
 */
export function accepts(body: RequestBody, container: Container, wire: string): boolean {
  if (container === "extra_body" || container === "provider_options") return true;
  if (container === "model_kwargs") return !(body.sdk === "langchain-cerebras" && wire === "reasoning_effort");
  return containerFor(body, wire) === "top";
}

/** The key to write for a wire field in a container. */
function sourceKey(body: RequestBody, container: Container, wire: string): string {
  if (container === "provider_options") return WIRE_TO_CAMEL[wire] && wire !== "max_tokens" ? WIRE_TO_CAMEL[wire]! : wire;
  if (container === "top" && CAMEL_CASE_SDKS.has(body.sdk)) {
    if (body.sdk === "ai-sdk" && wire === "max_tokens") return "maxOutputTokens";
    return WIRE_TO_CAMEL[wire] ?? wire;
  }
  return wire;
}

/** One entry rendered for a container: a keyword argument, a dict entry or an object property. */
export function renderEntry(body: RequestBody, container: Container, wire: string, valueText: string): string {
  const { kit } = body.file;
  const key = sourceKey(body, container, wire);
  // Python keywords, unless the body is a dict literal (a raw HTTP call's json=).
  const keywords = container === "top" && isPython(body.file) && body.request.kind !== "http";
  return keywords ? kit.keyword(key, valueText) : kit.entry(key, valueText);
}

export function sourceText(body: RequestBody, value: Value): string {
  return body.file.text.slice(value.range.start, value.range.end);
}

/** A `// @ts-expect-error` or `// @ts-ignore` line right above an entry. */
export function directiveAbove(text: string, entryStart: number): { start: number; end: number } | undefined {
  const lineStart = text.lastIndexOf("\n", entryStart - 1) + 1;
  if (lineStart === 0 || text.slice(lineStart, entryStart).trim() !== "") return undefined;
  const previousStart = text.lastIndexOf("\n", lineStart - 2) + 1;
  const line = text.slice(previousStart, lineStart - 1).replace(/\r$/, "");
  return /^\s*\/\/\s*@ts-(expect-error|ignore)\b/.test(line) ? { start: previousStart, end: lineStart } : undefined;
}

/**
 * Keeps TypeScript's directives true after a field changes: a `// @ts-expect-error` above a field
 * that is removed, or that becomes one the SDK types, would be unused (a compile error); one is
 * added above a field that becomes untyped, where the line allows.
 */
export function directiveEdits(body: RequestBody, target: BodyField, newWire: string | undefined): Edit[] {
  if (body.file.language !== "typescript" || target.container !== "top" || target.later || !inlineRequest(body)) return [];
  const { text } = body.file;
  const existing = directiveAbove(text, target.entry.range.start);
  const needed = newWire === undefined ? undefined : typeEscape(body, newWire);
  if (existing && !needed) return [{ ...existing, text: "" }];
  const ownLine = text.slice(text.lastIndexOf("\n", target.entry.range.start - 1) + 1, target.entry.range.start).trim() === "";
  if (!existing && needed && ownLine) {
    const at = target.entry.range.start;
    return [{ start: at, end: at, text: `${needed}${lineEnding(text)}${indentOf(text, at)}` }];
  }
  return [];
}

export function removeField(body: RequestBody, target: BodyField, moving = false): Edit[] {
  if (target.later || target.shared || target.passed) return [];
  // The last field of an inline `extra_body={...}`: the keyword goes too, not just its contents.
  const top = body.request.request && written(body.request.request);
  const { text } = body.file;
  const own = written(target.list);
  const { inner } = own;
  // Only when nothing else is inside: a comment there would go with the keyword.
  const alone = text.slice(inner.start, target.entry.range.start) + text.slice(target.entry.range.end, inner.end);
  const holder = target.container === "extra_body" && !target.via && own.entries.length === 1 && /^[\s,]*$/.test(alone)
    ? top?.entries.find((entry) => entry.key === "extra_body" && entry.value.list === target.list)
    : undefined;
  if (top && holder) return removeEntries(text, top, [top.entries.indexOf(holder)], moving);
  const index = own.entries.indexOf(target.entry);
  return [...directiveEdits(body, target, undefined), ...removeEntries(text, own, [index], moving)];
}

/**
 * Renames a field (`max_tokens` → `max_completion_tokens`), keeping its value: in place, or moved
 * to where the client takes the new name. Undefined when the endpoint has no such field.
 */
export function renameField(body: RequestBody, target: BodyField, wire: string): Edit[] | undefined {
  return replaceField(body, target, wire, sourceText(body, target.entry.value));
}

export function replaceValue(target: BodyField, valueText: string): Edit[] {
  return target.shared ? [] : [replace(target.entry.value.range, valueText)];
}

/**
 * The request object is written in the call, where the SDK's params type checks it; an object
 * built in a variable first (`create(params)`) has the type its declaration gives it.
 */
function inlineRequest(body: RequestBody): boolean {
  const fields = body.request.request;
  return body.request.args.entries.some((entry) => entry.value.list !== undefined && entry.value.list.range.start === fields?.range.start);
}

const OPENAI_TYPED = new Set(OPENAI_CHAT_FIELDS);
const CEREBRAS_TYPED = new Set(CEREBRAS_NODE_CHAT_FIELDS);

/**
 * The `// @ts-expect-error` line a TypeScript field needs when the SDK's params type does not
 * know it, as openai-node's README advises for undocumented params; undefined when none is needed.
 */
export function typeEscape(body: RequestBody, wire: string): string | undefined {
  if (body.file.language !== "typescript" || body.request.kind !== "method" || !inlineRequest(body)) return undefined;
  const typed = body.sdk === "openai" ? OPENAI_TYPED : body.sdk === "cerebras" ? CEREBRAS_TYPED : undefined;
  if (!typed || typed.has(wire)) return undefined;
  const sdk = body.sdk === "openai" ? "openai" : "@cerebras/cerebras_cloud_sdk";
  return `// @ts-expect-error ${wire} is a Cerebras request field that ${sdk}'s types do not declare`;
}

const list = (edit: Edit | undefined): Edit[] | undefined => (edit ? [edit] : undefined);

/** Adds a field where it belongs for this client, creating `extra_body` or `providerOptions` if needed. */
export function addField(body: RequestBody, wire: string, valueText: string): Edit[] | undefined {
  // A wrapper's call takes the wrapper's parameters, not the request's fields.
  if (!endpointTakes(body, wire) || body.request.forwarding) return undefined;
  const container = containerFor(body, wire);
  const { kit, text } = body.file;
  const top = written(body.request.request!);
  // A wrapper of the OpenAI Python client passes its fields to create() as keywords: a field that
  // is not one needs an extra_body this tool does not write inside another dict.
  if (body.library?.sendsThrough === "openai" && isPython(body.file) && container !== "extra_body" && !OPENAI_CHAT_KEYWORDS.has(wire)) return undefined;
  const rendered = renderEntry(body, container, wire, valueText);
  if (container === "top") return list(appendEntries(text, top, [rendered], typeEscape(body, wire)));
  const ownDict = extraDicts(body.library)[0];
  const holderKey =
    container === "extra_body" ? "extra_body" : container === "model_kwargs" ? (ownDict ?? (isPython(body.file) ? "model_kwargs" : "modelKwargs")) : "providerOptions";
  const holder = top.entries.find((entry) => entry.key === holderKey);
  if (container === "provider_options") {
    const cerebras = { cerebras: kit.object([rendered]) };
    if (!holder) return list(appendEntries(text, top, [kit.entry("providerOptions", kit.object([kit.entry("cerebras", cerebras.cerebras)]))]));
    const options = holder.value.list;
    if (holder.value.kind !== "object" || !options) return undefined;
    const existing = options.entries.find((entry) => entry.key === "cerebras");
    if (!existing) return list(appendEntries(text, options, [kit.entry("cerebras", cerebras.cerebras)]));
    if (existing.value.kind !== "object" || !existing.value.list) return undefined;
    return list(appendEntries(text, existing.value.list, [rendered]));
  }
  if (!holder) return list(appendEntries(text, top, [kit.keyword(holderKey, kit.object([rendered]))]));
  if (holder.value.kind === "object" && holder.value.list) return list(appendEntries(text, written(holder.value.list), [rendered]));
  if (holder.value.kind === "name" || holder.value.kind === "call") {
    return [replace(holder.value.range, kit.object([kit.spread(sourceText(body, holder.value)), rendered]))];
  }
  return undefined;
}

/**
 * A field rewritten where it stands: only its key and, if it changes, its value are replaced, so
 * the entry keeps its own quotes and spacing (`"max_tokens":10` in compact JSON stays compact).
 */
function rewriteInPlace(body: RequestBody, target: BodyField, wire: string, valueText: string): Edit[] {
  const { entry } = target;
  const keyRange = entry.keyRange;
  // A shorthand property (`{ max_tokens }`) has no key of its own to rename.
  if (!keyRange || keyRange.end > entry.value.range.start) return [replace(entry.range, renderEntry(body, target.container, wire, valueText))];
  const { text } = body.file;
  const quote = /^["'`]/.exec(text.slice(keyRange.start, keyRange.end))?.[0] ?? "";
  const edits = [replace(keyRange, `${quote}${sourceKey(body, target.container, wire)}${quote}`)];
  if (valueText !== sourceText(body, entry.value)) edits.push(replace(entry.value.range, valueText));
  return edits;
}

/**
 * Replaces a field with another (`thinking` → `reasoning_effort`): in place when the new field
 * belongs in the same container, else removed here and added where it belongs.
 */
export function replaceField(body: RequestBody, target: BodyField, wire: string, valueText: string): Edit[] | undefined {
  if (!endpointTakes(body, wire) || target.shared || target.passed) return undefined;
  if (target.later && !accepts(body, target.container, wire)) return undefined;
  if (target.spread || accepts(body, target.container, wire)) return [...directiveEdits(body, target, wire), ...rewriteInPlace(body, target, wire, valueText)];
  const added = addField(body, wire, valueText);
  return added ? [...removeField(body, target, true), ...added] : undefined;
}

/** The request goes to Cerebras, or might once the code moves (a Z.ai client). */
export function isCerebras(body: RequestBody): boolean {
  return body.endpoint === "cerebras";
}
