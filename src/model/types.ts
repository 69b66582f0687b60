/**
 * The shared model every language adapter lowers its syntax tree into. Rules only ever see this,
 * so each rule is written once for Python, JavaScript/TypeScript and config files.
 *
 * Offsets are indices into the decoded file text (UTF-16 code units, as JavaScript strings count
 * them); the writer re-encodes, so BOMs and encodings survive.
 */

import type { LibraryId } from "../../rules/knowledge/libraries.js";

export interface Range {
  start: number;
  end: number;
}

export type Language = "python" | "javascript" | "typescript" | "env" | "yaml" | "json" | "toml" | "shell" | "markdown" | "notebook";

/** Where a request ends up. Decided from a base URL literal, an env-var name or the SDK default. */
export type Endpoint = "cerebras" | "zai" | "other" | "unknown";

/**
 * The client library a client or request belongs to: the ids of rules/knowledge/libraries.ts, or
 * `http`, a raw HTTP client (requests, httpx, fetch, axios, curl) whose body is the JSON as written.
 */
export type Sdk = LibraryId | "http";

export type ValueKind =
  | "string"
  | "number"
  | "boolean"
  | "null"
  | "object"
  | "array"
  | "name"
  | "call"
  | "other";

/** A lowered expression. Only literals carry their value; anything else is opaque. */
export interface Value {
  kind: ValueKind;
  range: Range;
  /** For strings: the range between the quotes, so an edit can keep the file's own quoting. */
  contentRange?: Range;
  string?: string;
  number?: number;
  boolean?: boolean;
  /** Dotted name for identifiers and attribute chains (`os.environ`, `self.client`). */
  name?: string;
  /** Object, dict and array literals. */
  list?: EntryList;
  /** For a call: the dotted callee and its arguments (enough for `os.getenv("X", "default")`). */
  callee?: string;
  args?: EntryList;
  /**
   * For a conditional (`a if c else b`, `c ? a : b`, `c && a`, `c and a`): the values it may
   * give, so a conditional spread (`...(c ? { top_p: 0.9 } : {})`) shows the fields it may add.
   */
  branches?: Value[];
}

/**
 * One keyword argument, dict or object entry, or array element. Positional arguments and array
 * elements have `key: null`; `**kw`, `...spread` and `*args` have `spread: true`.
 */
export interface Entry {
  key: string | null;
  keyRange?: Range;
  value: Value;
  range: Range;
  spread?: boolean;
  /** A computed key (`[k]: v`) or another key the adapter cannot name. */
  opaqueKey?: boolean;
  /**
   * Set by a statement after the dict or object was built (`body["max_tokens"] = n`,
   * `params.top_p = 0.9`, `kwargs.update(top_p=0.9)`, `Object.assign(body, {...})`): its key can be
   * renamed and its value replaced where it stands, but it is no list entry to remove or move.
   */
  later?: boolean;
}

/** A bracketed, comma-separated list: an argument list, an object or dict, an array. */
export interface EntryList {
  entries: Entry[];
  /** The whole list, brackets included. */
  range: Range;
  /** Between the brackets. */
  inner: Range;
}

/** A client or chat-model object built from a known SDK. */
export interface Client {
  sdk: Sdk;
  /** The callee of the construction (`ZaiClient`, `new OpenAI`'s `OpenAI`), where findings point. */
  calleeRange?: Range;
  endpoint: Endpoint;
  /** The base URL expression, when one was given. */
  baseUrl?: Value;
  /** The construction call (`OpenAI(...)`, `new Cerebras({...})`). */
  range: Range;
  /** The constructor's options: Python keywords, or the JS options object. */
  options?: EntryList;
  /** The name it is bound to (`client`, `self.client`, `this.llm`), if any. */
  binding?: string;
  /** For Z.ai clients: the member paths called on it in this file (`chat.completions.create`, `images.generations`). */
  uses?: Set<string>;
  /** For a client another module made: that module and the module-level name it is bound to there. */
  origin?: { path: string; name: string };
  /** The library that patched this client and takes some request keywords itself (`instructor`). */
  wrapper?: string;
}

/**
 * A place where a request body is assembled: an SDK method call (`client.chat.completions.create`)
 * or, for chat-model wrappers such as LangChain's, the constructor whose fields become the body.
 */
export interface RequestSite {
  /**
   * `http`: a raw HTTP call whose JSON body is the request (`requests.post(url, json={...})`).
   * `wrapper`: a call of the project's own function that makes the request (`forwarding`).
   */
  kind: "method" | "constructor" | "function" | "http" | "wrapper";
  /** `chat.completions.create`, `ChatOpenAI`, `completion`... */
  method: string;
  range: Range;
  calleeRange: Range;
  client?: Client;
  sdk?: Sdk;
  endpoint: Endpoint;
  /** The raw argument list of the call. */
  args: EntryList;
  /**
   * The request fields: Python keywords, or the JS params object literal. Undefined when the
   * request is built elsewhere (a variable passed in).
   */
  request?: EntryList;
  /** The request also takes fields this file cannot see (`**kwargs`, `...spread`, a variable). */
  open: boolean;
  /**
   * The dicts and objects that names in the request hold in its own function, each with the
   * changes made to it before the request is sent (`params["max_tokens"] = n` after
   * `params = {...}`) as `later` entries: `create(**params)`, `extra_body=extra`.
   */
  bodies?: ReadonlyMap<string, Value>;
  /** For a wrapper's call: which of its keywords reach the request inside, under which field. */
  forwarding?: Forwarding;
  /**
   * The model literal a non-literal `model` resolves to through constants, fields and lookups
   * (`model=MODELS["fast"]`, `model: this.modelId`), when it is one.
   */
  model?: Value;
  /**
   * `model` is one value the model may have, not the only one: a parameter's default or a
   * setting's fallback, which a caller or the environment may change. Reports may rest on it; a
   * fix that is right only for that model is not safe.
   */
  modelPossible?: boolean;
}

/**
 * What a project's function passes on to the request it makes: `fields` maps its parameters to
 * the request keys they are given as (`temperature=temp` maps `temp` to `temperature`); with
 * `kwargs`, any other keyword goes into the request as it is (`**kwargs`).
 */
export interface Forwarding {
  /** How calls name it: `ask`, `self.generate`. */
  wrapper: string;
  fields: Map<string, string>;
  /** Its other named parameters: a keyword naming one never reaches `**kwargs`. */
  keeps: Set<string>;
  kwargs: boolean;
  /** JS: the argument (by position) whose object the function spreads into its request. */
  argument?: number;
  /** Where the request inside goes, and its client library. */
  endpoint: Endpoint;
  sdk?: Sdk;
  /** The request's model when the wrapper fixes it (a literal in the request). */
  model?: string;
  /** The request the wrapper makes, when it is in this file. */
  inner?: RequestSite;
}

/** `literal`: a string shaped like a model ID found anywhere else (its `place` says where). */
export type ModelPosition = "argument" | "variable" | "parameter" | "entry" | "provider" | "config" | "literal";

/** A string literal that names a model, in a position that selects a model. */
export interface ModelRef {
  value: Value;
  position: ModelPosition;
  /** The keyword, variable or key name that makes this a model position. */
  key: string;
  request?: RequestSite;
  client?: Client;
  endpoint: Endpoint;
  /** The other elements when the string sits in a list of models. */
  siblings?: Value[];
  /** Where other files use this module-level setting in a request (`app/main.py:12`). */
  usedAt?: string[];
  /** Where those requests go. */
  usedOn?: Endpoint[];
  /** An argument of the project's own function (`call_llm(model=...)`), not of an SDK's call. */
  wrapper?: boolean;
  /** Where the string literal sits (a list element, a mapping key, a comparison...). */
  place?: StringPlace;
  /** The outermost list, dict, object, enum or union literal holding it: a catalog shares one. */
  container?: Range;
}

/**
 * One setting of a configuration file or shell script (`ZAI_API_KEY=...`, `base_url: ...`), for
 * rules that move a configuration as a whole. Settings of one group are read together by one
 * program: a `.env` file or a shell script, one compose service's `environment`, one YAML, JSON or
 * TOML mapping.
 */
export interface ConfigEntry {
  /** Keys from the document root down to this one (`model_list`, `litellm_params`, `model`). */
  keyPath: string[];
  /** Where the key's own name is written, when a fix may rename it (a variable, a mapping key). */
  keyRange?: Range;
  value: Value;
  group: number;
  /** The group of the mapping that holds this one's mapping (a LiteLLM deployment around its `litellm_params`). */
  parent?: number;
}

/** An import statement: `from zai import ZaiClient as Z` is module `zai`, name `ZaiClient`, local `Z`. */
export interface ImportStatement {
  range: Range;
  module: string;
  names: { name: string; local: string }[];
}

/** A comment, for suppressions. */
export interface Comment {
  range: Range;
  text: string;
}

export interface ParseError {
  range: Range;
  message: string;
}

/**
 * How a field is read: `x.f`, `x["f"]`, `getattr(x, "f")`, `x.get("f")`; or tested for, by
 * `hasattr(x, "f")` and `"f" in x` (guards, which must change with the reads they guard).
 */
export type ReadKind = "attribute" | "subscript" | "getattr" | "get" | "hasattr" | "in";

/**
 * A read of a response field (`resp.choices[0].message.reasoning_content`, `getattr(m,
 * "reasoning_content")`, `chunk["choices"][0]["delta"].get("reasoning_content")`).
 */
export interface FieldRead {
  field: string;
  /** What an edit replaces to read another field: the attribute name or the string's content. */
  range: Range;
  kind: ReadKind;
  /** The object the field is read off (`delta` of `delta.reasoning_content`), to match guards to reads. */
  receiver: Range;
  /**
   * The whole expression the read sits in, up to its statement (the condition of an `if`, the
   * value of an assignment): a guard and the read it guards share it.
   */
  group: Range;
  /** The request whose result the read starts from, when the file shows it. */
  request?: RequestSite;
  /** Members from the request's result to the field's owner: `choices`, `[]`, `message`. */
  path: string[];
  /** The receiver could be traced to a request, or to something that is certainly not one. */
  traced: boolean;
}

/** A dict or object literal that names a response field as a key (`{"reasoning_content": ...}`). */
export interface FieldKey {
  field: string;
  range: Range;
  /** The literal's `role` value, when it is a string. */
  role?: string;
  /** The request whose `messages` holds this literal, directly or through `messages.append(...)`. */
  requests: RequestSite[];
}

export interface LoweredFile {
  /** String literals shaped like model IDs or URLs, with their place (code files only). */
  literals?: RawLiteral[];
  path: string;
  language: Language;
  text: string;
  clients: Client[];
  requests: RequestSite[];
  models: ModelRef[];
  imports: ImportStatement[];
  /** Base URLs in config files (`base_url: https://api.z.ai/...`), by their key. */
  urls: { key: string; value: Value }[];
  /** Configuration files and shell scripts: every key with a scalar or list value, with its group. */
  configEntries?: ConfigEntry[];
  /** Names assigned exactly once in the file (`PARAMS = {...}`), with that value. */
  constants: ReadonlyMap<string, Value>;
  reads: FieldRead[];
  keys: FieldKey[];
  comments: Comment[];
  kit: EditKit;
  /**
   * What other modules can import from this one: its module-level clients, factories and names.
   * Worked out on demand, since only a module another file imports is ever asked.
   */
  exportsOf?: () => ReadonlyMap<string, ImportedSymbol>;
  /** Requests here whose model is a name defined in another module of the tree. */
  modelUses?: ModelUse[];
  /** Uses of this module's Z.ai clients by other modules, by the client's name, with where each is. */
  clientUses?: ReadonlyMap<string, (ClientUse & { at: string })[]>;
  /** The values of those names, where their module assigns them a string (`config.MODEL` → `zai-glm-4.6`). */
  importedStrings?: ReadonlyMap<string, string>;
  /** For this module's names that other files' requests use (a model setting, a dict they spread), where those requests go. */
  usedElsewhere?: ReadonlyMap<string, Endpoint[]>;
  /** The numbers names of other modules hold where a call's sampling option reads them (`temperature=consts.TEMPERATURE`). */
  importedNumbers?: ReadonlyMap<string, number>;
  /** The other files whose contents this file's findings depend on (the modules it imports). */
  deps?: string[];
  /** Files whose absence this file's findings depend on (an import that found nothing there). */
  absent?: string[];
}

/** An import of another module of the project: `from .llm import client`, `import { client } from "./llm"`. */
export interface LocalImport {
  local: string;
  /** As written: `.llm`, `app.clients`, `./llm`. */
  module: string;
  /** The imported name; null for the module itself (`import app.clients as c`, `import * as llm`). */
  name: string | null;
}

/** `export { client as llm } from "./clients"`, or with name null, `export * from "./clients"`. */
export interface Reexport {
  exported: string | null;
  module: string;
  name: string | null;
}

/** What an imported name is, as far as glm-migrate follows it. */
export type ImportedSymbol =
  | { kind: "client"; client: Client }
  /** A function that returns a client (`def get_client(): return OpenAI(...)`). */
  | { kind: "factory"; client: Client }
  /** Any other module-level name (`MODEL = "zai-glm-4.6"`), defined at `path`. */
  /**
   * `string`, `number`: the name's value, when the module assigns it one such literal (`MODEL = "zai-glm-4.6"`);
   * `endpoint`: where a URL or key it holds otherwise points (`BASE_URL = os.getenv("X", "https://api.cerebras.ai/v1")`);
   * `fields`: the entries of a dict or object literal it holds (`API_CONFIG.BASE_URL`).
   */
  | { kind: "value"; path: string; name: string; string?: string; number?: number; endpoint?: Endpoint; fields?: ReadonlyMap<string, ImportedSymbol> }
  /**
   * A project function that makes a request: `forwarding`, the request fields it takes from the
   * keywords it is called with (`ask_cerebras(temperature=...)`); `models`, the parameters it sends
   * as a request's model (`def ask(q, model="..."): create(model=model)`) and where those requests go.
   */
  | { kind: "wrapper"; forwarding?: Forwarding; models?: { parameter: RawParameter; endpoints: Endpoint[] }[] }
  | { kind: "module"; path: string; exports: ReadonlyMap<string, ImportedSymbol> };

/** `create(model=MODEL)` where `MODEL` is defined in `definition`: reported there, once. */
export interface ModelUse {
  definition: string;
  name: string;
  endpoint: Endpoint;
  /** The file and line of the request that uses it. */
  path: string;
  line: number;
  /**
   * A Z.ai client used from another module: what the use calls (`chat.completions.create`,
   * `images.generations`) and, for a request, its model literal and field names, so the module
   * that makes the client moves it only when every use can move with it.
   */
  client?: ClientUse;
}

/** One use of a Z.ai client from another module. */
export interface ClientUse {
  member: string;
  model?: string;
  /** The model is a setting of a third module, which model-id checks where it is defined. */
  modelElsewhere?: boolean;
  fields: string[];
}

/** What the project linker found for one file: its imports resolved, and the uses of its names. */
export interface ModuleLinks {
  imported: ReadonlyMap<string, ImportedSymbol>;
  /** Uses of this file's module-level names by requests in other files, by name (a client's carry `client`). */
  uses: ReadonlyMap<string, { endpoint: Endpoint; at: string; client?: ClientUse }[]>;
  /** Files looked for and not found: one appearing would change the links. */
  absent?: string[];
  /** `--type-aware`: the client the type checker sees behind a request call's receiver, by call start. */
  typed?: ReadonlyMap<number, Client>;
  deps: string[];
}

/** Renders source text in one language's syntax and the file's own quote style. */
export interface EditKit {
  language: Language;
  quote: '"' | "'";
  string(value: string): string;
  boolean(value: boolean): string;
  null(): string;
  /** `name=value` in Python, `name: value` in JS. */
  keyword(name: string, valueText: string): string;
  /** `"key": value` in a Python dict, `key: value` in a JS object. */
  entry(key: string, valueText: string): string;
  /** A dict or object literal from rendered entries. */
  object(entryTexts: string[]): string;
  /** `**x` in Python, `...x` in JS. */
  spread(expressionText: string): string;
  lineComment: string;
}

/**
 * Where a string literal sits, for model IDs and URLs kept outside a position named `model`:
 * a dict or object value, a list element, a class field, an enum member, a type (`Literal[...]`,
 * a union), a call argument, a variable or parameter default; or a test of a value (a comparison,
 * an `in` or `.includes()` test, a `case` pattern, a mapping key or lookup), which only reads it.
 */
export type StringPlace =
  | "value"
  | "element"
  | "field"
  | "enum"
  | "type"
  | "argument"
  | "variable"
  | "parameter"
  | "comparison"
  | "key"
  | "case"
  | "other";

/** A string literal shaped like a model ID or an http(s) URL, with its place. */
export interface RawLiteral {
  value: Value;
  place: StringPlace;
  /** The key, field, variable or parameter name it is the value of; the callee for an argument. */
  key?: string;
  /**
   * The outermost list, dict, object, enum or union literal holding it (through calls that are
   * themselves elements): a catalog's entries share it.
   */
  container?: Range;
}

/** A parameter of a function: its name, its place among the positional ones, its default. */
export interface RawParameter {
  name: string;
  /** Its position for positional arguments; -1 for keyword-only and rest parameters. */
  index: number;
  default?: Value;
  /**
   * A property of the object passed at this position (`function ask({ model = "..." })`): the
   * argument is that object literal's entry of the same name.
   */
  field?: number;
}
