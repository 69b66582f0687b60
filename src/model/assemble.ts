import { pushTo } from "../collections.js";
import { BodyFlow, type RawChange } from "./body-flow.js";
import { wrapperCalls, wrappersOf, type Signature } from "./wrappers.js";
import { LineIndex } from "./line-index.js";
import { classifyExpression, classifyUrl, clientEndpoint, findOption } from "./endpoints.js";
import { modelNameKind } from "./names.js";
import { placeLiterals, type RawLiteral } from "./literals.js";
import { linkModelFlow, linkWrapperCalls, modelLiterals, modelSourceName, type Caller, type ValueFlow } from "./model-flow.js";
import { clientBase, urlEndpoint } from "./url-flow.js";
import { httpBody, isHttpPost, nodeRequest, nodeWrittenBody, type HttpCall } from "./http-sites.js";
import { PROVIDER_MODEL_MEMBERS, PROVIDER_SDKS, REQUEST_METHODS, SAMPLING_OPTIONS, type SdkConstructor } from "./sdks.js";
import type {
  Client,
  ClientUse,
  Comment,
  ImportedSymbol,
  LocalImport,
  ModelUse,
  ModuleLinks,
  Reexport,
  EditKit,
  Endpoint,
  EntryList,
  FieldKey,
  Forwarding,
  FieldRead,
  ImportStatement,
  Language,
  LoweredFile,
  ModelPosition,
  ModelRef,
  Range,
  ReadKind,
  RequestSite,
  RawParameter,
  Sdk,
  Value,
} from "./types.js";

export type { RawParameter } from "./types.js";

/**
 * What an adapter reads off its syntax tree. The assembler turns these facts into clients,
 * request sites and model references the same way for every language.
 */

/** The callee of a call: a dotted name, or members read off another call's result. */
export type CalleeBase =
  | { kind: "name"; segments: string[] }
  | { kind: "call"; call: RawCall }
  | { kind: "other" };

export interface RawCall {
  range: Range;
  /** The enclosing function (its start offset), -1 at module level: names resolve within it. */
  scope: number;
  calleeRange: Range;
  base: CalleeBase;
  /**
   * Members read off a call base (`chat.completions.create` of `OpenAI().chat.completions.create`).
   * Empty for a name base, whose segments hold the whole dotted callee.
   */
  members: string[];
  args: EntryList;
  /**
   * The options or request fields: Python keywords (the argument list itself) or the JS object
   * literal passed first. Undefined when JS passes something other than an object literal.
   */
  fields?: EntryList;
  /** Fields this file cannot see: `**kw`, `...spread`, or a non-literal first argument. */
  open: boolean;
}

export interface RawBinding {
  /** `client`, `self.client`, `this.client`. */
  name: string;
  call?: RawCall;
  /** A type annotation's qualified-able name (`OpenAI`, `openai.AsyncOpenAI`). */
  typeSegments?: string[];
  /** A member chain (`msg = resp.choices[0].message`, `for chunk in stream`). */
  chain?: Chain;
  /** Where the name is bound: its function, or -1 for module level and `self.`/`this.` names. */
  scope: number;
}

/** An expression as a root and the members read off it; `[]` stands for any index or iteration. */
export interface Chain {
  root: { kind: "name"; name: string } | { kind: "call"; call: RawCall } | { kind: "other" };
  path: string[];
}

export interface RawRead {
  field: string;
  range: Range;
  kind: ReadKind;
  receiver: Range;
  group: Range;
  chain: Chain;
  scope: number;
}

export interface RawKey {
  field: string;
  range: Range;
  role?: string;
  /** The call whose `messages` list holds the literal. */
  messagesOf?: RawCall;
  /** The list name the literal is appended to (`messages.append({...})`). */
  appendedTo?: string;
  scope: number;
}

export interface RawModel {
  value: Value;
  position: ModelPosition;
  key: string;
  /** The call whose argument (or options field) this is. */
  call?: RawCall;
  siblings?: Value[];
  /** For a variable: the function it is assigned in, or -1 at module level. */
  scope?: number;
}

/**
 * The model strings a value holds in a model position named `key`: the string itself under a
 * singular name (`model`), each string of a list under a plural one (`models`).
 */
export function modelsIn(value: Value, position: ModelPosition, key: string, call?: RawCall): RawModel[] {
  const kind = modelNameKind(key);
  const withCall = call ? { call } : {};
  if (!kind) return [];
  if (value.kind === "string" && value.string !== undefined) return [{ value, position, key, ...withCall }];
  if (value.kind !== "array" || !value.list || kind !== "list") return [];
  const siblings = value.list.entries.map((entry) => entry.value);
  return siblings
    .filter((element) => element.kind === "string" && element.string !== undefined)
    .map((element) => ({ value: element, position, key, siblings, ...withCall }));
}

/** A function or method defined in the file, by the scope its body's names resolve in. */
export interface RawFunction {
  name: string;
  scope: number;
  /** The class it is a method of (`__init__` and `constructor` make the class callable). */
  className?: string;
}

export interface LanguageTables {
  constructors: ReadonlyMap<string, SdkConstructor>;
  moduleClients: ReadonlyMap<string, SdkConstructor>;
  requestFunctions: ReadonlyMap<string, Sdk>;
  /** Functions that hand back the client they are given, patched, by the patching library's id. */
  wrappers?: ReadonlyMap<string, string>;
  /** Members that return the same client or resource and can be skipped (`with_options`). */
  passThroughMembers: ReadonlySet<string>;
}

export interface RawFile {
  path: string;
  language: Language;
  text: string;
  /** Local name → qualified name, from imports and requires. */
  aliases: Map<string, string>;
  calls: RawCall[];
  bindings: RawBinding[];
  models: RawModel[];
  imports: ImportStatement[];
  reads: RawRead[];
  keys: RawKey[];
  comments: Comment[];
  /** Every value assigned to a name or attribute (`MODEL = ...`, `openai.base_url = ...`), in order. */
  assignments: Map<string, Value[]>;
  /** The function each assigned value is evaluated in (its names resolve there); -1 or absent at module level. */
  valueScopes?: Map<Value, number>;
  /** What each function returns, as values, by its scope. */
  returnValues?: Map<number, Value[]>;
  /** Each function's parameters, by its scope. */
  parameters?: Map<number, RawParameter[]>;
  /** Every function and method defined in the file, nested ones too. */
  definitions?: RawFunction[];
  /** Module-level classes with attributes assigned in their body, each as `Class.attribute` in `assignments`. */
  classes?: Set<string>;
  /** The same, by scope and name (`shadowKey`). */
  locals?: Map<string, Value[]>;
  /** Changes of dicts and objects after they were built (`params["top_p"] = x`, `kwargs.update(...)`). */
  changes?: RawChange[];
  kit: EditKit;
  tables: LanguageTables;
  /** Imports the project linker may follow to other modules of the tree. */
  localImports?: LocalImport[];
  reexports?: Reexport[];
  /** Module-level functions, by name, as the scope their body's names resolve in. */
  functions?: Map<string, number>;
  /** Methods of the file's classes, by name (`self.name(...)`), as their scope. */
  methods?: Map<string, number>;
  /** The parameters of functions and methods, by scope. */
  signatures?: Map<number, Signature>;
  /** String literals shaped like model IDs or URLs, wherever they sit. */
  literals?: RawLiteral[];
  /** What each function (by scope) returns, every `return` of it (a bare `return` or `None` aside). */
  returns?: Map<number, Returned[]>;
  /** `export default new OpenAI()` or `export default client`. */
  defaultExport?: Returned;
  /**
   * Names bound by forms the bindings do not model (destructuring, comprehensions, `catch (e)`,
   * nested functions), as `shadowKey(scope, name)`: there such a name is never taken for an import.
   */
  shadowed?: Set<string>;
}

export const shadowKey = (scope: number, name: string): string => `${scope}\u0000${name}`;

export type Returned = { call: RawCall } | { name: string } | { other: true };

/** Resolves a file's imports of other project modules before it is assembled. */
export type Link = (raw: RawFile) => Promise<ModuleLinks>;

const SERIALIZERS: ReadonlySet<string> = new Set(["JSON.stringify", "json.dumps"]);

export function assemble(raw: RawFile, links?: ModuleLinks): LoweredFile {
  const { text, tables } = raw;
  const imported = links?.imported ?? new Map<string, ImportedSymbol>();
  /** `client`, `llm.client`, `config.MODEL`: a name imported from another module of the tree. */
  const importedSymbol = (segments: readonly string[], scope: number): ImportedSymbol | undefined => {
    const head = segments[0]!;
    if (raw.shadowed?.has(shadowKey(scope, head)) || raw.shadowed?.has(shadowKey(-1, head))) return undefined;
    let symbol = imported.get(segments[0]!);
    for (const segment of segments.slice(1)) symbol = symbol?.kind === "module" ? symbol.exports.get(segment) : symbol?.kind === "value" ? symbol.fields?.get(segment) : undefined;
    return symbol;
  };
  /** The string a dotted name holds in another module (`Config.GLM_BASE_URL` of `from config import Config`). */
  const importedString = (name: string, scope: number): string | undefined => {
    const segments = name.split(".");
    if (bindingsByName.visible(segments[0]!, scope).length > 0) return undefined;
    const symbol = importedSymbol(segments, scope);
    return symbol?.kind === "value" ? symbol.string : undefined;
  };
  /** Where a URL or key another module's name holds points (`settings.BASE_URL`, `from settings import API_KEY`). */
  const importedEndpoint = (name: string, scope: number): Endpoint | undefined => {
    const symbol = importedSymbol(name.split("."), scope);
    if (symbol?.kind !== "value") return undefined;
    return symbol.string !== undefined ? classifyUrl(symbol.string) : symbol.endpoint;
  };
  const importedClient = (segments: readonly string[], kind: "client" | "factory", scope: number): Client | undefined => {
    const symbol = importedSymbol(segments, scope);
    return symbol?.kind === kind ? symbol.client : undefined;
  };
  const qualify = (segments: readonly string[]): string | undefined => {
    const head = segments[0];
    const target = head === undefined ? undefined : raw.aliases.get(head);
    return target === undefined ? undefined : [target, ...segments.slice(1)].join(".");
  };

  const { constants, moduleAssignments } = collectAssignments(raw, qualify);
  const changed = changedNames(raw);
  addEntryConstants(raw, constants, changed);
  const instances = addInstanceAttributes(raw, constants, changed);
  const bodyFlow = new BodyFlow(raw.locals ?? new Map(), raw.changes ?? []);
  const clients: Client[] = [];
  const clientByCall = new Map<RawCall, Client>();
  const constructorOf = (call: RawCall): SdkConstructor | undefined => {
    if (call.base.kind !== "name") return undefined;
    const name = qualify(calleeSegments(call));
    return name === undefined ? undefined : tables.constructors.get(name);
  };
  for (const call of raw.calls) {
    const constructor = constructorOf(call);
    if (!constructor) continue;
    const { endpoint, baseUrl } = clientEndpoint(constructor, call.fields, text, constants, (name) => importedEndpoint(name, call.scope));
    const client: Client = {
      sdk: constructor.sdk,
      endpoint,
      range: call.range,
      calleeRange: call.calleeRange,
      ...(baseUrl ? { baseUrl } : {}),
      ...(call.fields ? { options: call.fields } : {}),
    };
    clients.push(client);
    clientByCall.set(call, client);
  }

  const bindingsByName = new BindingIndex(raw.bindings);
  for (const binding of raw.bindings) {
    if (binding.call) {
      const client = clientByCall.get(binding.call);
      if (client) client.binding ??= binding.name;
    }
  }

  /**
   * What a name holds where it is used: its bindings in that function, else at module level. A
   * client only if every binding there is one (a constructed client wins over a type annotation);
   * a parameter, or any other value, leaves it unknown.
   */
  const boundClient = (name: string, scope: number, depth = 0): Client | undefined => {
    if (depth > 0) return boundClientAt(name, scope, depth);
    // From the top, a name's client is worked out once: a name bound and used on every line would
    // otherwise go through all its bindings at each use.
    const key = shadowKey(scope, name);
    if (!resolvedNames.has(key)) resolvedNames.set(key, boundClientAt(name, scope, 0));
    return resolvedNames.get(key);
  };
  const resolvedNames = new Map<string, Client | undefined>();
  const boundClientAt = (name: string, scope: number, depth: number): Client | undefined => {
    const candidates = bindingsByName.visible(name, scope);
    if (depth > 8) return undefined;
    if (candidates.length === 0) return importedClient(name.split("."), "client", scope);
    const built: Client[] = [];
    const typed: Client[] = [];
    for (const binding of candidates) {
      if (binding.call) {
        const client = callClient(binding.call, binding.scope, depth);
        if (!client) return undefined;
        built.push(client);
      } else if (binding.typeSegments) {
        const qualified = qualify(binding.typeSegments);
        const constructor = qualified === undefined ? undefined : tables.constructors.get(qualified);
        if (!constructor) return undefined;
        typed.push({ sdk: constructor.sdk, endpoint: constructor.defaultEndpoint, range: { start: 0, end: 0 } });
      } else if (binding.chain && binding.chain.path.length === 0 && binding.chain.root.kind === "name") {
        // self.client = client: the same object under another name.
        const client = boundClient(binding.chain.root.name, binding.scope, depth + 1);
        if (!client) return undefined;
        built.push(client);
      } else if (binding.chain?.root.kind === "name" && !binding.chain.path.includes("[]") && !isBound(binding.chain.root.name, binding.scope)) {
        // client = llm.client: a client another module made.
        const client = importedClient([binding.chain.root.name, ...binding.chain.path], "client", binding.scope);
        if (!client) return undefined;
        built.push(client);
      } else {
        return undefined;
      }
    }
    const pool = built.length > 0 ? built : typed;
    const first = pool[0]!;
    if (pool.every((client) => client.sdk === first.sdk && client.endpoint === first.endpoint)) return first;
    return pool.every((client) => client.sdk === first.sdk) ? { sdk: first.sdk, endpoint: "unknown", range: first.range } : undefined;
  };

  const isBound = (name: string, scope: number): boolean => bindingsByName.visible(name.split(".")[0]!, scope).length > 0;

  /** The client a call returns: a construction, `with_options(...)`, or a factory's result. */
  const callClient = (call: RawCall, scope: number, depth: number): Client | undefined =>
    clientByCall.get(call) ?? wrappedClient(call, scope, depth) ?? passedThrough(call, scope, depth) ?? factoryClient(call, depth);

  /** `instructor.from_openai(OpenAI(...))`, `instructor.patch(client)`: the client given, patched. */
  const wrappedClient = (call: RawCall, scope: number, depth: number): Client | undefined => {
    if (call.base.kind !== "name" || call.members.length > 0 || depth > 8) return undefined;
    const qualified = qualify(call.base.segments);
    const wrapper = qualified === undefined ? undefined : tables.wrappers?.get(qualified);
    const given = call.args.entries[0];
    if (!wrapper || !given || given.key !== null || given.spread) return undefined;
    let client: Client | undefined;
    if (given.value.kind === "call") {
      const inner = raw.calls.find((candidate) => candidate.range.start === given.value.range.start && candidate.range.end === given.value.range.end);
      client = inner ? callClient(inner, scope, depth + 1) : undefined;
    } else if (given.value.kind === "name" && given.value.name) {
      client = boundClient(given.value.name, scope, depth + 1);
    }
    return client && { ...client, wrapper };
  };

  /** `get_client()`, `llm.make_client()`: a function here or in an imported module that returns a client. */
  const factoryClient = (call: RawCall, depth: number): Client | undefined => {
    if (call.base.kind !== "name" || call.members.length > 0 || depth > 8) return undefined;
    const segments = call.base.segments;
    if (isBound(segments[0]!, call.scope)) return undefined;
    const local = segments.length === 1 ? raw.functions?.get(segments[0]!) : undefined;
    return local === undefined ? importedClient(segments, "factory", call.scope) : returnedClient(local, depth + 1);
  };

  const returnedClient = (scope: number, depth: number): Client | undefined => {
    // Every return must give a client, and the same SDK; differing endpoints leave it unknown.
    const clients: Client[] = [];
    for (const returned of raw.returns?.get(scope) ?? []) {
      const client = "call" in returned ? callClient(returned.call, scope, depth) : "name" in returned ? boundClient(returned.name, scope, depth + 1) : undefined;
      if (!client) return undefined;
      clients.push(client);
    }
    const first = clients[0];
    if (!first || clients.some((client) => client.sdk !== first.sdk)) return undefined;
    return clients.every((client) => client.endpoint === first.endpoint) ? first : { sdk: first.sdk, endpoint: "unknown", range: first.range };
  };

  /** `client.with_options(timeout=5)`: a call that hands the same client back. */
  const passedThrough = (call: RawCall, scope: number, depth: number): Client | undefined => {
    const callee = calleeSegments(call);
    if (call.base.kind !== "name" || callee.length < 2 || !tables.passThroughMembers.has(callee.at(-1)!)) return undefined;
    return boundClient(callee.slice(0, -1).join("."), scope, depth + 1);
  };

  const moduleClient = (qualified: string): Client | undefined => {
    const constructor = tables.moduleClients.get(qualified);
    if (!constructor) return undefined;
    for (const key of constructor.baseUrlKeys) {
      const assigned = moduleAssignments.get(`${qualified}.${key}`);
      if (assigned) {
        const { endpoint } = clientEndpoint(constructor, syntheticOptions(key, assigned), text);
        return { sdk: constructor.sdk, endpoint, baseUrl: assigned, range: assigned.range };
      }
    }
    return { sdk: constructor.sdk, endpoint: constructor.defaultEndpoint, range: { start: 0, end: 0 } };
  };

  /**
   * The client a receiver expression evaluates to: a bound name, an inline construction, a module
   * client, or any of these behind members that hand the client back (`with_options(...)`).
   */
  const resolveReceiver = (base: CalleeBase, members: readonly string[], scope: number): Client | undefined => {
    if (members.some((member) => !tables.passThroughMembers.has(member))) return undefined;
    if (base.kind === "call") {
      const direct = clientByCall.get(base.call) ?? wrappedClient(base.call, scope, 0) ?? factoryClient(base.call, 0);
      if (direct) return direct;
      const callee = calleeSegments(base.call);
      if (callee.length < 2 || !tables.passThroughMembers.has(callee.at(-1)!)) return undefined;
      return base.call.base.kind === "name"
        ? resolveReceiver({ kind: "name", segments: base.call.base.segments.slice(0, -1) }, [], scope)
        : resolveReceiver(base.call.base, base.call.members.slice(0, -1), scope);
    }
    if (base.kind !== "name") return undefined;
    const segments = [...base.segments];
    while (segments.length > 1 && tables.passThroughMembers.has(segments.at(-1)!)) segments.pop();
    const name = segments.join(".");
    const bound = boundClient(name, name.startsWith("self.") || name.startsWith("this.") ? -1 : scope);
    if (bound) return bound;
    // A name bound here to something else is not the module or import of the same name.
    if (bindingsByName.visible(segments[0]!, scope).length > 0) return undefined;
    const fromModule = importedClient(segments, "client", scope);
    if (fromModule) return fromModule;
    const qualified = qualify(segments);
    return qualified === undefined ? undefined : moduleClient(qualified);
  };

  /** A call as the HTTP helpers see it: arguments, callee, and the callee through the imports. */
  const asHttpCall = (call: RawCall): HttpCall => {
    const qualified = call.base.kind === "name" && call.members.length === 0 ? qualify(call.base.segments) : undefined;
    return { args: call.args, callee: calleeSegments(call), ...(qualified !== undefined ? { qualified } : {}) };
  };

  /** Calls on the names a call's result is bound to (`req.write(...)` after `req = https.request(...)`). */
  let callsOnName: Map<string, RawCall[]> | undefined;
  const callsOnResult = (call: RawCall): HttpCall[] => {
    if (!callsOnName) {
      callsOnName = new Map();
      for (const other of raw.calls) {
        if (other.base.kind === "name" && other.base.segments.length === 2 && other.members.length === 0) pushTo(callsOnName, other.base.segments[0]!, other);
      }
    }
    const bound = raw.bindings.filter((binding) => binding.call === call);
    return bound.flatMap((binding) => (callsOnName!.get(binding.name) ?? []).filter((other) => other.scope === binding.scope)).map(asHttpCall);
  };

  /** The request site of a raw HTTP call whose body is this JSON literal (or constant). */
  const httpRequest = (call: RawCall, body: Value | undefined, endpoint: Endpoint): RequestSite | undefined => {
    // A body built in the same function, and changed there before it is sent, or a constant.
    const literal = body?.kind === "name" && body.name ? (bodyFlow.valueAt(body.name, call.scope, call.range.start) ?? constants.get(body.name)) : body;
    if (!literal || literal.kind !== "object" || !literal.list) return undefined;
    return {
      kind: "http",
      method: "chat.completions",
      sdk: "http",
      endpoint,
      range: call.range,
      calleeRange: call.calleeRange,
      args: call.args,
      request: literal.list,
      open: literal.list.entries.some((entry) => entry.spread),
    };
  };

  const providerByCall = new Map<RawCall, Client>();
  const callAt = new Map(raw.calls.map((call) => [call.range.start, call]));
  for (const call of raw.calls) {
    // cerebras("zai-glm-4.7"), provider.chat("zai-glm-4.7"): the Vercel AI SDK's model factories.
    if (call.base.kind !== "name" || call.members.length > 0) continue;
    const segments = [...call.base.segments];
    if (segments.length > 1 && PROVIDER_MODEL_MEMBERS.has(segments.at(-1)!)) segments.pop();
    const provider = resolveReceiver({ kind: "name", segments }, [], call.scope);
    const first = call.args.entries[0];
    if (provider && PROVIDER_SDKS.has(provider.sdk) && first?.key === null && first.value.kind === "string") {
      raw.models.push({ value: first.value, position: "provider", key: "model", call });
      providerByCall.set(call, provider);
    }
  }
  const requests: RequestSite[] = [];
  const requestByCall = new Map<RawCall, RequestSite>();
  const callOfRequest = new Map<RequestSite, RawCall>();
  for (const call of raw.calls) {
    const site = requestSite(call);
    if (site) {
      requests.push(site);
      requestByCall.set(call, site);
      callOfRequest.set(site, call);
    }
  }
  const importedWrapper = (segments: readonly string[], scope: number): Forwarding | undefined => {
    const symbol = importedSymbol(segments, scope);
    return symbol?.kind === "wrapper" ? symbol.forwarding : undefined;
  };
  // Twice: the second round finds the functions that call a wrapper the first found (one level).
  let wrappers = new Map<string, Forwarding & { scope: number }>();
  for (let round = 0; round < 2; round++) {
    const found = wrappersOf(raw, requests, callOfRequest);
    if (round > 0 && found.size === wrappers.size) break;
    wrappers = found;
    for (const { call, site } of wrapperCalls(raw, wrappers, callOfRequest, importedWrapper, isBound)) {
      requests.push(site);
      requestByCall.set(call, site);
      callOfRequest.set(site, call);
    }
  }

  /**
   * A raw HTTP POST to a chat-completions URL: `requests.post(url, json={...})`, `httpx.post(...)`,
   * `fetch(url, { body: JSON.stringify({...}) })`, `axios.post(url, {...})`, got and ky (`json`),
   * undici's `request` and `fetch`, and Node's `https.request({ hostname, path })` with the body
   * written by `req.write(JSON.stringify(body))`. The URL decides the endpoint; the JSON literal is
   * the request.
   */
  function httpSite(call: RawCall): RequestSite | undefined {
    const http = asHttpCall(call);
    const node = nodeRequest(http, constants);
    if (node) return httpRequest(call, nodeWrittenBody(callsOnResult(call), constants), node.endpoint);
    if (!isHttpPost(http)) return undefined;
    const positional = call.args.entries.filter((entry) => entry.key === null && !entry.spread);
    // The URL is a literal, a template, or a constant of the file (URL = "https://...").
    const urlText = (value: Value): string => {
      const constant = value.kind === "name" && value.name ? constants.get(value.name) : undefined;
      return constant?.kind === "string" ? (constant.string ?? "") : text.slice(value.range.start, value.range.end);
    };
    const url = positional.find((entry) => /chat\/completions/.test(urlText(entry.value)))?.value;
    if (!url) return undefined;
    let endpoint = urlEndpoint(url, text, constants, (name) => importedString(name, call.scope));
    if (endpoint === "unknown" && /^["'`]?\//.test(urlText(url))) endpoint = relativeEndpoint(call);
    return httpRequest(call, httpBody(http, url, constants), endpoint);
  }

  /** `http.post("/chat/completions")` on a client made with a base URL: that base's endpoint. */
  function relativeEndpoint(call: RawCall): Endpoint {
    const receiver = calleeSegments(call).slice(0, -1).join(".");
    if (!receiver || call.base.kind !== "name") return "unknown";
    const scope = receiver.startsWith("self.") || receiver.startsWith("this.") ? -1 : call.scope;
    const made = bindingsByName.visible(receiver, scope).map((binding) => binding.call);
    const bases = made.map((client) => (client ? clientBase(client.fields) : undefined));
    const endpoints = new Set(bases.map((base) => (base ? urlEndpoint(base, text, constants) : "unknown")));
    return endpoints.size === 1 ? [...endpoints][0]! : "unknown";
  }

  /**
   * The request's fields: its keywords or its object literal, or the object a name passed in
   * holds in the same function (`create(params)` after `const params = {...}`), changes included;
   * and what the names it spreads in hold there (`create(**params)`).
   */
  function requestFields(call: RawCall): { request?: EntryList; open: boolean; bodies?: Map<string, Value> } {
    const named = (value: Value | undefined): Value | undefined =>
      value?.kind === "name" && value.name ? bodyFlow.valueAt(value.name, call.scope, call.range.start) : undefined;
    let request = call.fields;
    let open = call.open;
    const first = call.args.entries[0];
    if (!request && first && first.key === null && !first.spread) {
      request = named(first.value)?.list;
      if (request) open = request.entries.some((entry) => entry.spread || entry.opaqueKey);
    }
    const bodies = new Map<string, Value>();
    for (const entry of request?.entries ?? []) {
      const held = named(entry.value);
      if (held && entry.value.name !== undefined) bodies.set(entry.value.name, held);
    }
    return { ...(request ? { request } : {}), open, ...(bodies.size > 0 ? { bodies } : {}) };
  }

  function requestSite(call: RawCall): RequestSite | undefined {
    const http = httpSite(call);
    if (http) return http;
    const { open, ...fields } = requestFields(call);
    const shared = { range: call.range, calleeRange: call.calleeRange, args: call.args, open };
    const direct = clientByCall.get(call);
    if (direct) {
      if (!constructorOf(call)!.requestFields) return undefined;
      const method = calleeSegments(call).at(-1) ?? "";
      return { kind: "constructor", method, client: direct, sdk: direct.sdk, endpoint: direct.endpoint, ...shared, ...fields };
    }
    if (call.base.kind === "name" && call.members.length === 0) {
      const qualified = qualify(call.base.segments);
      const functionSdk = qualified === undefined ? undefined : tables.requestFunctions.get(qualified);
      if (functionSdk) {
        // generateText({ model: cerebras("...") }): the model object says where the request goes.
        const model = findOption(call.fields, "model");
        const provider = model?.kind === "call" ? providerByCall.get(callAt.get(model.range.start)!) : undefined;
        const endpoint = provider?.endpoint ?? "unknown";
        return { kind: "function", method: qualified!, sdk: functionSdk, endpoint, ...shared, ...fields };
      }
    }
    const path = (call.base.kind === "name" ? call.base.segments : call.members).filter(
      (segment) => !tables.passThroughMembers.has(segment),
    );
    for (const method of REQUEST_METHODS) {
      const parts = method.split(".");
      if (path.length < parts.length || path.slice(-parts.length).join(".") !== method) continue;
      const receiverPath = path.slice(0, path.length - parts.length);
      let client: Client | undefined;
      if (call.base.kind === "name") {
        if (receiverPath.length === 0) continue;
        client = resolveReceiver({ kind: "name", segments: receiverPath }, [], call.scope);
      } else {
        client = resolveReceiver(call.base, receiverPath, call.scope);
      }
      client ??= links?.typed?.get(call.range.start);
      // `chat.completions.create` is distinctive enough to keep as a request site with an
      // unknown client; a bare `completions.create` on an unknown receiver is not.
      if (!client && !method.includes("chat.")) continue;
      return {
        kind: "method",
        method,
        endpoint: client?.endpoint ?? "unknown",
        ...(client ? { client, sdk: client.sdk } : {}),
        ...shared,
        ...fields,
      };
    }
    return undefined;
  }

  // What each Z.ai client is used for (`images.generations`, `chat.completions.create`): a client
  // used for a service Cerebras does not offer cannot move there.
  if (clients.some((client) => client.endpoint === "zai")) {
    for (const call of raw.calls) {
      if (call.base.kind !== "name") continue;
      const segments = call.base.segments;
      const rootLength = segments[0] === "self" || segments[0] === "this" ? 2 : 1;
      if (segments.length <= rootLength) continue;
      const root = segments.slice(0, rootLength);
      const client = resolveReceiver({ kind: "name", segments: root }, [], call.scope);
      // `self.client` bound to clients of two classes resolves to none: each Z.ai one of that name
      // may be the receiver, so the use counts against all of them.
      const named = root.join(".");
      const receivers = client ? [client] : clients.filter((candidate) => candidate.binding === named);
      // Only this file's own clients: an imported one is the object other importers of its
      // module are given too (the linker keeps a module's reading for the run).
      for (const receiver of receivers) if (receiver.endpoint === "zai" && clients.includes(receiver)) (receiver.uses ??= new Set()).add(segments.slice(rootLength).join("."));
    }
  }

  addPositionalModels(raw, requests, callOfRequest);
  addLibraryModels(raw, clientByCall, constructorOf);
  const models = modelRefs(raw, requestByCall, clientByCall, providerByCall);
  linkForwardedDefaults(models, raw.models, wrappers);
  placeLiterals(models, raw.literals ?? []);
  linkModelVariables(models, requests, clients, constants);
  const flow: ValueFlow = {
    text,
    constants,
    ...(raw.valueScopes ? { valueScopes: raw.valueScopes } : {}),
    ...(raw.parameters ? { parameters: raw.parameters } : {}),
    callers: callersOf(raw, (name, scope) => isBound(name, scope)),
    returns: returnsOf(raw, (name, scope) => isBound(name, scope)),
    importedString,
  };
  const parameterEndpoints = linkModelFlow(models, requests, flow, (site) => callOfRequest.get(site)?.scope ?? -1);
  linkWrapperCalls(models, importedModelWrapperCalls(), flow, parameterEndpoints);
  const modelUses: ModelUse[] = [];
  const importedStrings = new Map<string, string>();
  let lines: LineIndex | undefined;
  for (const [call, request] of requestByCall) {
    const model = findOption(request.request, "model");
    if (model?.kind !== "name" || !model.name || isBound(model.name, call.scope)) continue;
    const symbol = importedSymbol(model.name.split("."), call.scope);
    if (symbol?.kind === "value") {
      if (symbol.string !== undefined) importedStrings.set(model.name, symbol.string);
      lines ??= new LineIndex(text);
      modelUses.push({ definition: symbol.path, name: symbol.name, endpoint: request.endpoint, path: raw.path, line: lines.position(model.range.start).line });
    }
  }
  // create(**PARAMS) with PARAMS from another module: that module's dict feeds this request, so it
  // is fixed there only while every request it feeds goes to one place.
  for (const [call, request] of requestByCall) {
    for (const entry of request.request?.entries ?? []) {
      if (!entry.spread || entry.value.kind !== "name" || !entry.value.name || isBound(entry.value.name, call.scope)) continue;
      const symbol = importedSymbol(entry.value.name.split("."), call.scope);
      if (symbol?.kind !== "value") continue;
      lines ??= new LineIndex(text);
      modelUses.push({ definition: symbol.path, name: symbol.name, endpoint: request.endpoint, path: raw.path, line: lines.position(entry.value.range.start).line });
    }
  }
  // temperature=consts.TEMPERATURE: the number another module assigns it (read only: no edit reaches there).
  const importedNumbers = new Map<string, number>();
  for (const call of raw.calls) {
    for (const entry of call.fields?.entries ?? []) {
      if (entry.key === null || !SAMPLING_OPTIONS.has(entry.key) || entry.value.kind !== "name" || !entry.value.name || isBound(entry.value.name, call.scope)) continue;
      const symbol = importedSymbol(entry.value.name.split("."), call.scope);
      if (symbol?.kind === "value" && symbol.number !== undefined) importedNumbers.set(entry.value.name, symbol.number);
    }
  }
  for (const [call, request] of requestByCall) {
    // model: MODELS.GLM_4_7.split("/").pop() with MODELS from another module: a field of its constant.
    const model = findOption(request.request, "model");
    const source = model ? modelSourceName(model, text, constants) : undefined;
    const segments = source?.split(".") ?? [];
    if (segments.length < 2 || isBound(segments[0]!, call.scope)) continue;
    const symbol = importedSymbol([segments[0]!], call.scope);
    if (symbol?.kind !== "value") continue;
    lines ??= new LineIndex(text);
    const use: ModelUse = { definition: symbol.path, name: [symbol.name, ...segments.slice(1)].join("."), endpoint: request.endpoint, path: raw.path, line: lines.position(model!.range.start).line };
    // `model=API_CONFIG.MODEL` read straight off the constant's fields was counted above.
    if (!modelUses.some((known) => known.definition === use.definition && known.name === use.name && known.line === use.line)) modelUses.push(use);
  }
  // A Z.ai client another module made, used here: each use goes back to that module, which moves
  // the client only when every use can move with it.
  if (imported.size > 0) {
    for (const call of raw.calls) {
      if (call.base.kind !== "name" || call.base.segments.length < 2) continue;
      const [root, ...member] = call.base.segments;
      const client = resolveReceiver({ kind: "name", segments: [root!] }, [], call.scope);
      if (client?.endpoint !== "zai" || !client.origin) continue;
      const request = requestByCall.get(call);
      const model = request ? findOption(request.request, "model") : undefined;
      // `model=config.MODEL`: the string another module assigns it, when it assigns one.
      const symbol = model?.kind === "name" && model.name && !constants.has(model.name) ? importedSymbol(model.name.split("."), call.scope) : undefined;
      const literal = model?.kind === "name" ? (constants.get(model.name ?? "") ?? (symbol?.kind === "value" && symbol.string !== undefined ? { ...model, kind: "string" as const, string: symbol.string } : undefined)) : model;
      lines ??= new LineIndex(text);
      modelUses.push({
        definition: client.origin.path,
        name: client.origin.name,
        endpoint: "zai",
        path: raw.path,
        line: lines.position(call.range.start).line,
        client: {
          member: [...member, ...call.members].join("."),
          ...(literal?.kind === "string" && literal.string !== undefined ? { model: literal.string } : symbol?.kind === "value" ? { modelElsewhere: true } : {}),
          fields: (request?.request?.entries ?? []).flatMap((entry) => (entry.key === null ? [] : [entry.key])),
        },
      });
    }
  }
  const clientUses = new Map<string, (ClientUse & { at: string })[]>();
  for (const [name, uses] of links?.uses ?? []) {
    for (const use of uses) if (use.client) pushTo(clientUses, name, { ...use.client, at: use.at });
  }
  // MODELS.GLM_4_7 used as the model in another module: the literal that field holds.
  for (const [name, uses] of links?.uses ?? []) {
    if (!name.includes(".")) continue;
    const endpoints = new Set(uses.map((use) => use.endpoint));
    for (const literal of modelLiterals({ kind: "name", name, range: { start: 0, end: 0 } }, text, constants)) {
      const ref = models.find((candidate) => candidate.value.contentRange?.start === literal.contentRange!.start);
      if (!ref) continue;
      ref.usedAt = uses.map((use) => use.at);
      ref.usedOn = [...endpoints];
      if (ref.endpoint === "unknown" && endpoints.size === 1) ref.endpoint = [...endpoints][0]!;
    }
  }
  models.forEach((model, index) => {
    // Only the module-level name is what other modules import.
    const uses = model.position === "variable" && raw.models[index]!.scope === -1 ? links?.uses.get(model.key) : undefined;
    if (!uses?.length) return;
    model.usedAt = uses.map((use) => use.at);
    const endpoints = new Set(uses.map((use) => use.endpoint));
    model.usedOn = [...endpoints];
    if (model.endpoint === "unknown" && endpoints.size === 1) model.endpoint = [...endpoints][0]!;
  });
  // The model key of a raw HTTP body belongs to that request.
  const modelsAt = new Map<number, ModelRef[]>();
  if (requests.some((site) => site.kind === "http")) for (const model of models) pushTo(modelsAt, model.value.range.start, model);
  for (const site of requests) {
    if (site.kind !== "http" || !site.request) continue;
    const body = site.request.range;
    for (const entry of site.request.entries) {
      for (const model of modelsAt.get(entry.value.range.start) ?? []) {
        const inside = model.value.range.start >= body.start && model.value.range.end <= body.end;
        if (inside && !model.request) {
          model.request = site;
          model.endpoint = site.endpoint;
        }
      }
    }
  }

  return {
    path: raw.path,
    language: raw.language,
    text,
    clients,
    requests,
    models,
    imports: raw.imports,
    urls: [],
    ...(raw.literals?.length ? { literals: raw.literals } : {}),
    constants,
    ...traceResponses(raw, new Map([...requestByCall].filter(([, site]) => site.kind !== "wrapper"))),
    comments: raw.comments,
    kit: raw.kit,
    exportsOf: moduleExports,
    ...(modelUses.length > 0 ? { modelUses } : {}),
    ...(clientUses.size > 0 ? { clientUses } : {}),
    ...(importedStrings.size > 0 ? { importedStrings } : {}),
    ...(importedNumbers.size > 0 ? { importedNumbers } : {}),
    ...(links?.uses.size ? { usedElsewhere: new Map([...links.uses].map(([name, uses]) => [name, [...new Set(uses.map((use) => use.endpoint))]])) } : {}),
    ...(links?.deps.length ? { deps: links.deps } : {}),
    ...(links?.absent?.length ? { absent: links.absent } : {}),
  };

  /** `ask_cerebras(q, model="...")` where another module's `ask_cerebras` sends `model` to requests. */
  function importedModelWrapperCalls(): { caller: Caller; parameter: RawParameter; endpoints: ReadonlySet<Endpoint> }[] {
    const found: { caller: Caller; parameter: RawParameter; endpoints: ReadonlySet<Endpoint> }[] = [];
    if (imported.size === 0) return found;
    for (const call of raw.calls) {
      if (call.base.kind !== "name" || call.members.length > 0 || isBound(call.base.segments[0]!, call.scope)) continue;
      const symbol = importedSymbol(call.base.segments, call.scope);
      if (symbol?.kind !== "wrapper") continue;
      for (const { parameter, endpoints } of symbol.models ?? []) found.push({ caller: { args: call.args, scope: call.scope, shift: 0 }, parameter, endpoints: new Set(endpoints) });
    }
    return found;
  }

  /**
   * The module-level functions that send a parameter as a request's model, and where those requests
   * go: added to the wrapper symbol of a function that also forwards request fields.
   */
  function wrapperExports(named: ReadonlyMap<string, ImportedSymbol>): Map<string, ImportedSymbol> {
    const wrappers = new Map<string, ImportedSymbol>();
    for (const [name, scope] of raw.functions ?? []) {
      const known = named.get(name);
      if (known && known.kind !== "wrapper") continue;
      const models = (raw.parameters?.get(scope) ?? []).flatMap((parameter) => {
        const endpoints = parameterEndpoints.get(`${scope}\u0000${parameter.name}`);
        return endpoints ? [{ parameter, endpoints: [...endpoints] }] : [];
      });
      if (models.length > 0) wrappers.set(name, { ...known, kind: "wrapper", models });
    }
    return wrappers;
  }

  /**
   * What another module importing this one can use: each module-level name (a client, a factory
   * or a plain value) and the names this module itself imported.
   */
  /** What an importer may learn of a value: its string, or where the URL or key it holds points. */
  function valueHints(value: Value | undefined): { string?: string; number?: number; endpoint?: Endpoint } {
    if (value?.kind === "string") return value.string !== undefined ? { string: value.string } : {};
    if (value?.kind === "number") return value.number !== undefined ? { number: value.number } : {};
    const endpoint = value ? classifyExpression(value, text) : "unknown";
    return endpoint !== "unknown" ? { endpoint } : {};
  }

  /** A dict or object constant's entries, as importers read them (`API_CONFIG.BASE_URL`), two levels deep. */
  function entryFields(name: string, value: Value | undefined, depth: number): { fields?: Map<string, ImportedSymbol> } {
    if (value?.kind !== "object" || depth > 2) return {};
    const fields = new Map<string, ImportedSymbol>();
    for (const entry of value.list?.entries ?? []) {
      if (entry.key === null || entry.spread) continue;
      const dotted = `${name}.${entry.key}`;
      const held = constants.get(dotted);
      if (held) fields.set(entry.key, { kind: "value", path: raw.path, name: dotted, ...valueHints(held), ...entryFields(dotted, held, depth + 1) });
    }
    return fields.size > 0 ? { fields } : {};
  }

  function moduleExports(): Map<string, ImportedSymbol> {
    const exports = new Map<string, ImportedSymbol>(imported);
    const external = (client: Client): Client => ({ sdk: client.sdk, endpoint: client.endpoint, range: { start: 0, end: 0 } });
    const named = new Set<string>();
    for (const binding of raw.bindings) {
      // A name bound many times is one export.
      if (binding.scope !== -1 || binding.name.includes(".") || named.has(binding.name)) continue;
      named.add(binding.name);
      const client = boundClient(binding.name, -1);
      const literal = constants.get(binding.name);
      const string = { ...valueHints(literal), ...entryFields(binding.name, literal, 1) };
      const shared = client ? { ...external(client), origin: client.origin ?? { path: raw.path, name: binding.name } } : undefined;
      exports.set(binding.name, shared ? { kind: "client", client: shared } : { kind: "value", path: raw.path, name: binding.name, ...string });
    }
    for (const [name, scope] of raw.functions ?? []) {
      const client = returnedClient(scope, 0);
      if (client) exports.set(name, { kind: "factory", client: external(client) });
      const wrapper = client ? undefined : wrappers.get(name);
      if (wrapper) exports.set(name, { kind: "wrapper", forwarding: exportedForwarding(wrapper) });
    }
    for (const [name, wrapper] of wrapperExports(exports)) exports.set(name, wrapper);
    // A settings class (`from config import Config; Config.GLM_MODEL`) and an instance of one
    // (`from config import settings`, with settings = Settings()) are read like modules: their
    // attributes, as this file reads them. One pass groups the constants by owner.
    const byOwner = new Map<string, Map<string, ImportedSymbol>>();
    for (const [dotted, value] of constants) {
      const dot = dotted.indexOf(".");
      if (dot === -1 || dotted.indexOf(".", dot + 1) !== -1) continue;
      const owner = dotted.slice(0, dot);
      if (!instances.has(owner) && !raw.classes?.has(owner)) continue;
      let attributes = byOwner.get(owner);
      if (!attributes) byOwner.set(owner, (attributes = new Map()));
      attributes.set(dotted.slice(dot + 1), { kind: "value", path: raw.path, name: dotted, ...valueHints(value) });
    }
    for (const [name] of instances) exports.set(name, { kind: "module", path: raw.path, exports: byOwner.get(name) ?? new Map() });
    for (const name of raw.classes ?? []) {
      if (!exports.has(name)) exports.set(name, { kind: "module", path: raw.path, exports: byOwner.get(name) ?? new Map() });
    }
    const fallback = raw.defaultExport;
    if (fallback) {
      const client = "call" in fallback ? callClient(fallback.call, -1, 0) : "name" in fallback ? boundClient(fallback.name, -1) : undefined;
      const named = "name" in fallback ? exports.get(fallback.name) : undefined;
      if (client) exports.set("default", { kind: "client", client: external(client) });
      else if (named) exports.set("default", named);
    }
    return exports;
  }
}


/**
 * The calls of the file's own functions, by the function's scope: `ask(q, model="...")`,
 * `self.generate(...)`, `this.run(...)`, and a class called to make an instance (`Bot(...)`,
 * `new Bot(...)`: its `__init__` or `constructor`).
 */
function callersOf(raw: RawFile, isBound: (name: string, scope: number) => boolean): (scope: number) => readonly Caller[] {
  let byScope: Map<number, Caller[]> | undefined;
  return (scope) => {
    byScope ??= indexCallers(raw, isBound);
    return byScope.get(scope) ?? [];
  };
}

/** `self.name` or `this.name`: the method of that name in the class at hand, else the one method of that name. */
function methodScope(definitions: readonly RawFunction[], segments: readonly string[], here: string | undefined): number | undefined {
  if (!/^(self|this|cls)$/.test(segments[0]!)) return undefined;
  const named = definitions.filter((definition) => definition.className !== undefined && definition.name === segments[1]);
  const own = named.filter((definition) => definition.className === here);
  return (own.length === 1 ? own[0] : named.length === 1 ? named[0] : undefined)?.scope;
}

/**
 * What `self.active_model` (a property or getter), `self.pick()` and `pick()` return: the values
 * of every `return` of that method of the class, or of that module-level function.
 */
function returnsOf(raw: RawFile, isBound: (name: string, scope: number) => boolean): ValueFlow["returns"] {
  const classOf = new Map((raw.definitions ?? []).map((definition) => [definition.scope, definition.className]));
  return (name, scope) => {
    const segments = name.split(".");
    let target: number | undefined;
    if (segments.length === 1 && !isBound(name, scope)) target = raw.functions?.get(name);
    else if (segments.length === 2) target = methodScope(raw.definitions ?? [], segments, classOf.get(scope));
    const values = target === undefined ? undefined : raw.returnValues?.get(target);
    return values?.map((value) => ({ value, scope: target! }));
  };
}

function indexCallers(raw: RawFile, isBound: (name: string, scope: number) => boolean): Map<number, Caller[]> {
  const byScope = new Map<number, Caller[]>();
  const definitions = raw.definitions ?? [];
  if (definitions.length === 0) return byScope;
  const classOf = new Map(definitions.map((definition) => [definition.scope, definition.className]));
  const constructors = new Map<string, number>();
  const methods = new Map<string, RawFunction[]>();
  for (const definition of definitions) {
    if (definition.className === undefined) continue;
    if (definition.name === "__init__" || definition.name === "constructor") constructors.set(definition.className, definition.scope);
    pushTo(methods, definition.name, definition);
  }
  // A method's `self` (or `cls`) is not passed in the call's arguments.
  const shift = (scope: number): number => (raw.language === "python" && /^(self|cls)$/.test(raw.parameters?.get(scope)?.[0]?.name ?? "") ? 1 : 0);
  for (const call of raw.calls) {
    if (call.base.kind !== "name" || call.members.length > 0) continue;
    const segments = call.base.segments;
    let target: number | undefined;
    if (segments.length === 1 && !isBound(segments[0]!, call.scope)) {
      target = raw.functions?.get(segments[0]!) ?? constructors.get(segments[0]!);
    } else if (segments.length === 2) {
      target = methodScope(methods.get(segments[1]!) ?? [], segments, classOf.get(call.scope));
    }
    if (target !== undefined) pushTo(byScope, target, { args: call.args, scope: call.scope, shift: shift(target) });
  }
  return byScope;
}

/**
 * Names assigned exactly once in the file (`constants`), and the last value given to each
 * attribute of an imported module (`openai.base_url = ...`), by its qualified name. A URL that is
 * only normalised after it is first given (`url = url.trim()`, `base = base.rstrip("/")`,
 * `url = url + "/v1"`) counts as given once: those steps keep its host.
 */
function collectAssignments(raw: RawFile, qualify: (segments: readonly string[]) => string | undefined): { constants: Map<string, Value>; moduleAssignments: Map<string, Value> } {
  const moduleAssignments = new Map<string, Value>();
  const constants = new Map<string, Value>();
  for (const [dotted, values] of raw.assignments) {
    const last = values.at(-1)!;
    if (values.length === 1 || normalisedUrl(raw, dotted, values)) constants.set(dotted, values[0]!);
    if (!dotted.includes(".")) continue;
    const qualified = qualify(dotted.split("."));
    if (qualified !== undefined) moduleAssignments.set(qualified, last);
  }
  return { constants, moduleAssignments };
}

/**
 * A constant dict or object literal's entries, each as a constant of its own (`CONFIG.temperature`
 * of `CONFIG = { temperature: 0.2 }`; code reads `CONFIG["temperature"]` the same way, see
 * `subscriptName`), two levels deep, unless the file assigns one itself.
 */
function addEntryConstants(raw: RawFile, constants: Map<string, Value>, changed: ReadonlySet<string>): void {
  const add = (name: string, value: Value, depth: number): void => {
    if (value.kind !== "object" || !value.list || depth > 2) return;
    for (const entry of value.list.entries) {
      if (entry.key === null || entry.spread || !/^[A-Za-z_$][\w$-]*$/.test(entry.key)) continue;
      const key = `${name}.${entry.key}`;
      if (raw.assignments.has(key) || constants.has(key)) continue;
      constants.set(key, entry.value);
      add(key, entry.value, depth + 1);
    }
  };
  for (const [name, value] of [...constants]) if (value.kind === "object" && !changed.has(name)) add(name, value, 1);
}

/**
 * The dicts, objects and instances the file changes after making them (`X["k"] = v`, `X.a.b = v`,
 * `X.update(...)`, `Object.assign(X, ...)`, anywhere), and every dotted name above each: what they
 * hold where they are read is not their literal. One pass over the file's assignments and changes.
 */
function changedNames(raw: RawFile): Set<string> {
  const changed = new Set<string>();
  const addAbove = (dotted: string, includeSelf: boolean): void => {
    for (let dot = dotted.indexOf("."); dot !== -1; dot = dotted.indexOf(".", dot + 1)) changed.add(dotted.slice(0, dot));
    if (includeSelf) changed.add(dotted);
  };
  for (const change of raw.changes ?? []) addAbove(change.name, true);
  for (const key of raw.assignments.keys()) addAbove(key, false);
  return changed;
}

/**
 * `config = LLMConfig()` of a class of this file (a dataclass, a pydantic settings class) at module
 * level: `config.model` holds the class's default, or the keyword the call gives it, unless the
 * file assigns it itself. A call with positional or spread arguments sets fields this cannot
 * tell, and is left alone. Returns each such instance with its class.
 */
function addInstanceAttributes(raw: RawFile, constants: Map<string, Value>, changed: ReadonlySet<string>): Map<string, string> {
  const instances = new Map<string, string>();
  if (!raw.classes?.size) return instances;
  const shadowed = new Set([...(raw.shadowed ?? [])].map((key) => key.slice(key.indexOf("\u0000") + 1)));
  // Every binding of the name, in any scope: a parameter or local of the same name, or a `global`
  // rebinding in a function, would make `config.x` mean something else there.
  const bound = new Map<string, RawBinding[]>();
  for (const binding of raw.bindings) if (!binding.name.includes(".")) pushTo(bound, binding.name, binding);
  const attributes = new Map<string, [string, Value][]>();
  for (const [dotted, value] of constants) {
    const dot = dotted.indexOf(".");
    if (dot === -1 || dotted.indexOf(".", dot + 1) !== -1 || !raw.classes.has(dotted.slice(0, dot))) continue;
    pushTo(attributes, dotted.slice(0, dot), [dotted.slice(dot + 1), value] as [string, Value]);
  }
  for (const [name, bindings] of bound) {
    const call = bindings.length === 1 && bindings[0]!.scope === -1 ? bindings[0]!.call : undefined;
    if (!call || call.base.kind !== "name" || call.base.segments.length !== 1 || call.members.length > 0) continue;
    const owner = call.base.segments[0]!;
    if (!raw.classes.has(owner) || changed.has(name) || shadowed.has(name) || !isFieldClass(raw.text, owner)) continue;
    if (call.args.entries.some((entry) => entry.key === null || entry.spread)) continue;
    instances.set(name, owner);
    for (const [attribute, value] of attributes.get(owner) ?? []) {
      const key = `${name}.${attribute}`;
      if (raw.assignments.has(key)) continue;
      constants.set(key, call.args.entries.find((entry) => entry.key === attribute)?.value ?? value);
    }
  }
  return instances;
}

/**
 * A class whose fields are its attributes' defaults, set by keyword: a dataclass, an attrs class,
 * a pydantic model or settings class. Another class's `__init__` may set what it likes.
 */
function isFieldClass(text: string, owner: string): boolean {
  const header = new RegExp(`((?:^[ \\t]*@[^\\n]*\\n)*)^[ \\t]*class[ \\t]+${owner.replace(/[$]/g, "\\$&")}\\b[ \\t]*(?:\\(([^)]*)\\))?[ \\t]*:`, "m").exec(text);
  if (!header) return false;
  return /@(?:dataclasses\.)?dataclass\b|@(?:attr\.)?(?:s|attrs|define|frozen|mutable)\b/.test(header[1] ?? "") || /\b(?:BaseSettings|BaseModel)\b/.test(header[2] ?? "");
}

/**
 * A URL's first value, then only steps that keep its host, in the same function: a trim
 * (`strip`, `rstrip("/")`, `trim()`, `removesuffix("/")`), an end-anchored regex removed
 * (`replace(/\/+$/, "")`), or a path appended (`url + "/v1"`).
 */
function normalisedUrl(raw: RawFile, dotted: string, values: readonly Value[]): boolean {
  const [first, ...later] = values;
  const { text } = raw;
  if (!first || later.length === 0 || !/https?:\/\//.test(text.slice(first.range.start, first.range.end))) return false;
  const scope = raw.valueScopes?.get(first) ?? -1;
  const name = dotted.replace(/[.$]/g, "\\$&");
  const step = new RegExp(
    `^${name}\\s*(?:\\.(?:strip|rstrip|lstrip|trim|trimEnd|trimStart|removesuffix)\\(\\s*(?:(["'])[^"'\\n:]*\\1)?\\s*\\)` +
      `|\\.replace\\(\\s*\\/[^\\n]*\\$\\/[a-z]*\\s*,\\s*(["'])\\2\\s*\\)` +
      `|\\s*\\+\\s*(["'\`])\\/[^"'\`\\n:]*\\3)$`,
  );
  return later.every((value) => (raw.valueScopes?.get(value) ?? -1) === scope && step.test(text.slice(value.range.start, value.range.end).trim()));
}

/** litellm.completion("cerebras/zai-glm-4.6", messages): a request function's first positional string is its model. */
function addPositionalModels(raw: RawFile, requests: readonly RequestSite[], callOfRequest: ReadonlyMap<RequestSite, RawCall>): void {
  for (const site of requests) {
    const first = site.args.entries[0];
    if (site.kind === "function" && first && first.key === null && !first.spread && first.value.kind === "string") {
      raw.models.push({ value: first.value, position: "argument", key: "model", call: callOfRequest.get(site)! });
    }
  }
}

/** dspy.LM("cerebras/..."), agno's Cerebras(id="..."): the model options a client library names itself. */
function addLibraryModels(raw: RawFile, clientByCall: ReadonlyMap<RawCall, Client>, constructorOf: (call: RawCall) => SdkConstructor | undefined): void {
  for (const call of clientByCall.keys()) {
    const constructor = constructorOf(call)!;
    const first = call.args.entries[0];
    if (constructor.modelArgument && first && first.key === null && !first.spread && first.value.kind === "string") {
      raw.models.push({ value: first.value, position: "argument", key: "model", call });
    }
    for (const entry of call.fields?.entries ?? []) {
      if (entry.key === null || modelNameKind(entry.key) || !constructor.modelKeys.includes(entry.key)) continue;
      if (entry.value.kind === "string" && entry.value.string !== undefined) raw.models.push({ value: entry.value, position: "argument", key: "model", call });
    }
  }
}

/** Each model string with the request or client it belongs to, and where that sends it. */
function modelRefs(
  raw: RawFile,
  requestByCall: ReadonlyMap<RawCall, RequestSite>,
  clientByCall: ReadonlyMap<RawCall, Client>,
  providerByCall: ReadonlyMap<RawCall, Client>,
): ModelRef[] {
  return raw.models.map((candidate) => {
    const request = candidate.call ? modelRequest(requestByCall.get(candidate.call), candidate.key) : undefined;
    const client =
      request?.client ?? (candidate.call ? clientByCall.get(candidate.call) ?? providerByCall.get(candidate.call) : undefined);
    const endpoint: Endpoint = request?.endpoint ?? client?.endpoint ?? "unknown";
    const callee = candidate.call && !request && !client ? calleeSegments(candidate.call) : [];
    // callChatApi({ model }), self.generate(model=...): the project's own function, not an SDK's;
    // JSON.stringify({ model }) is a body on its way to some request.
    const wrapper =
      callee.length === 1 || (callee.length === 2 && (callee[0] === "self" || callee[0] === "this")) || SERIALIZERS.has(callee.join("."));
    return {
      value: candidate.value,
      position: candidate.position,
      key: candidate.key,
      endpoint,
      ...(request ? { request } : {}),
      ...(client ? { client } : {}),
      ...(wrapper && candidate.call?.base.kind === "name" ? { wrapper: true } : {}),
      ...(candidate.siblings ? { siblings: candidate.siblings } : {}),
    };
  });
}

/**
 * `def ask(q, model="zai-glm-4.6"): create(model=model, ...)`: the parameter's default is the
 * model of the wrapper's request whenever a call leaves it out, so it goes where that request goes.
 */
function linkForwardedDefaults(models: ModelRef[], raws: readonly RawModel[], wrappers: ReadonlyMap<string, Forwarding & { scope: number }>): void {
  if (wrappers.size === 0) return;
  const byScope = new Map([...wrappers.values()].map((wrapper) => [wrapper.scope, wrapper]));
  models.forEach((model, index) => {
    const scope = raws[index]!.scope;
    const wrapper = model.position === "parameter" && scope !== undefined ? byScope.get(scope) : undefined;
    if (wrapper?.fields.get(model.key) === "model" && model.endpoint === "unknown") model.endpoint = wrapper.endpoint;
  });
}

/** A wrapper as other modules see it: what it forwards, where its request goes and its model, not the request itself. */
function exportedForwarding(forwarding: Forwarding): Forwarding {
  const { inner, ...rest } = forwarding;
  const model = inner ? findOption(inner.request, "model") : undefined;
  const literal = model?.kind === "string" ? model.string : inner?.model?.string;
  return {
    wrapper: rest.wrapper,
    fields: rest.fields,
    keeps: rest.keeps,
    kwargs: rest.kwargs,
    endpoint: rest.endpoint,
    ...(rest.argument !== undefined ? { argument: rest.argument } : {}),
    ...(rest.sdk ? { sdk: rest.sdk } : {}),
    ...(literal !== undefined ? { model: literal } : {}),
  };
}

/** The request a keyword names the model of: a wrapper's call only where it forwards that keyword as the model. */
function modelRequest(site: RequestSite | undefined, key: string): RequestSite | undefined {
  const forwarding = site?.forwarding;
  if (!forwarding) return site;
  const forwarded = forwarding.fields.get(key) ?? (forwarding.kwargs ? key : undefined);
  return forwarded === "model" ? site : undefined;
}

function calleeSegments(call: RawCall): string[] {
  return call.base.kind === "name" ? [...call.base.segments, ...call.members] : call.members;
}

/** The first of `sorted` (by value start) that starts at or after `offset`. */
function firstAtOrAfter(sorted: readonly ModelRef[], offset: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]!.value.range.start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

function syntheticOptions(key: string, value: Value): EntryList {
  return { entries: [{ key, value, range: value.range }], range: value.range, inner: value.range };
}

/**
 * `MODEL = "glm-4.6"` used as `create(model=MODEL)`, and `"model"` in `PARAMS = {...}` used as
 * `create(**PARAMS)`, take the endpoint of the calls that use them, when they all agree.
 */
function linkModelVariables(models: ModelRef[], requests: RequestSite[], clients: Client[], constants: ReadonlyMap<string, Value>): void {
  const spreadEndpoints = new Map<Value, Set<Endpoint>>();
  for (const request of requests) {
    for (const entry of request.request?.entries ?? []) {
      const literal = entry.spread && entry.value.kind === "name" ? constants.get(entry.value.name ?? "") : undefined;
      if (literal?.kind !== "object") continue;
      const set = spreadEndpoints.get(literal) ?? new Set<Endpoint>();
      set.add(request.endpoint);
      spreadEndpoints.set(literal, set);
    }
  }
  // Each spread literal looks only at the entries that start inside it (models sorted by start),
  // not at every entry of the file; the last literal that holds one decides, as in file order.
  const entries = spreadEndpoints.size === 0 ? [] : models.filter((model) => model.position === "entry" && model.endpoint === "unknown").sort((a, b) => a.value.range.start - b.value.range.start);
  for (const [literal, endpoints] of spreadEndpoints) {
    if (endpoints.size !== 1) continue;
    for (let index = firstAtOrAfter(entries, literal.range.start); index < entries.length && entries[index]!.value.range.start < literal.range.end; index++) {
      const model = entries[index]!;
      if (model.value.range.end <= literal.range.end) model.endpoint = [...endpoints][0]!;
    }
  }
  const useEndpoints = new Map<string, Set<Endpoint>>();
  const note = (name: string | undefined, endpoint: Endpoint): void => {
    if (!name) return;
    const set = useEndpoints.get(name) ?? new Set<Endpoint>();
    set.add(endpoint);
    useEndpoints.set(name, set);
  };
  for (const request of requests) {
    const model = findOption(request.request, "model");
    if (model?.kind === "name") note(model.name, request.endpoint);
  }
  for (const client of clients) {
    const model = findOption(client.options, "model");
    if (model?.kind === "name") note(model.name, client.endpoint);
  }
  for (const model of models) {
    if (model.position !== "variable" || model.endpoint !== "unknown") continue;
    const endpoints = useEndpoints.get(model.key);
    if (endpoints?.size === 1) model.endpoint = [...endpoints][0]!;
  }
}

/** The response fields rules care about; the adapters record reads and keys of these only. */
export const RESPONSE_FIELDS: ReadonlySet<string> = new Set(["reasoning_content"]);

/**
 * Follows names back to the request whose result they hold (`resp = create(...)`,
 * `msg = resp.choices[0].message`, `for chunk in stream`) and places each read and key.
 */
function traceResponses(
  raw: RawFile,
  requestByCall: ReadonlyMap<RawCall, RequestSite>,
): { reads: FieldRead[]; keys: FieldKey[] } {
  const byName = new BindingIndex(raw.bindings.filter((binding) => binding.call || binding.chain));
  /** The one binding a name has in this function, else at module level; none if ambiguous. */
  const bindingFor = (name: string, scope: number): RawBinding | undefined => {
    const candidates = byName.visible(name, scope);
    return candidates.length === 1 ? candidates[0] : undefined;
  };
  const trace = (chain: Chain, scope: number, depth: number): { request?: RequestSite; path: string[]; traced: boolean } => {
    if (chain.root.kind === "call") {
      const request = requestByCall.get(chain.root.call);
      return request ? { request, path: chain.path, traced: true } : { path: chain.path, traced: true };
    }
    if (chain.root.kind !== "name" || depth > 8) return { path: chain.path, traced: false };
    const binding = bindingFor(chain.root.name, scope);
    if (!binding) return { path: chain.path, traced: false };
    const inner = binding.call ? { root: { kind: "call" as const, call: binding.call }, path: [] } : binding.chain!;
    const traced = trace(inner, binding.scope, depth + 1);
    return { ...traced, path: [...traced.path, ...chain.path] };
  };
  const reads: FieldRead[] = raw.reads.map((read) => {
    const traced = trace(read.chain, read.scope, 0);
    return { field: read.field, range: read.range, kind: read.kind, receiver: read.receiver, group: read.group, path: traced.path, traced: traced.traced, ...(traced.request ? { request: traced.request } : {}) };
  });
  /** Requests by the function they are in and the name of the messages list they send. */
  let sendingLists: Map<string, RequestSite[]> | undefined;
  const sendingList = (): Map<string, RequestSite[]> => {
    if (sendingLists) return sendingLists;
    sendingLists = new Map();
    for (const [call, request] of requestByCall) {
      const messages = findOption(request.request, "messages");
      if (messages?.kind === "name" && messages.name) pushTo(sendingLists, shadowKey(call.scope, messages.name), request);
    }
    return sendingLists;
  };
  const keys: FieldKey[] = raw.keys.map((key) => {
    const sending: RequestSite[] = [];
    const direct = key.messagesOf ? requestByCall.get(key.messagesOf) : undefined;
    if (direct) sending.push(direct);
    // The requests in the same function that send the list the literal was appended to.
    if (key.appendedTo) sending.push(...(sendingList().get(shadowKey(key.scope, key.appendedTo)) ?? []));
    return { field: key.field, range: key.range, requests: sending, ...(key.role !== undefined ? { role: key.role } : {}) };
  });
  return { reads, keys };
}

/** Bindings by name and scope, so a lookup costs the same however often a name is bound. */
class BindingIndex {
  private readonly byScope = new Map<string, RawBinding[]>();

  constructor(bindings: readonly RawBinding[]) {
    for (const binding of bindings) pushTo(this.byScope, `${binding.scope}\u0000${binding.name}`, binding);
  }

  /** What `name` may hold where it is used: its bindings in that function, else at module level. */
  visible(name: string, scope: number): RawBinding[] {
    const local = this.byScope.get(`${scope}\u0000${name}`) ?? [];
    if (local.length > 0 || scope === -1) return local;
    return this.byScope.get(`-1\u0000${name}`) ?? [];
  }
}
