import type { Node } from "web-tree-sitter";
import { UNLIMITED, type Budget } from "../../engine/budget.js";
import { modelsIn, RESPONSE_FIELDS, shadowKey, type Returned, type CalleeBase, type Chain, type RawBinding, type RawCall, type RawFile, type RawKey, type RawModel, type RawRead } from "../../model/assemble.js";
import { PYTHON_CONSTRUCTORS, PYTHON_MODULE_CLIENTS, PYTHON_REQUEST_FUNCTIONS } from "../../model/sdks.js";
import type { Comment, Entry, EntryList, ImportStatement, LocalImport, Range, Value } from "../../model/types.js";
import { pushTo } from "../../collections.js";
import { pythonKit } from "./kit.js";

const TABLES = {
  constructors: PYTHON_CONSTRUCTORS,
  moduleClients: PYTHON_MODULE_CLIENTS,
  requestFunctions: PYTHON_REQUEST_FUNCTIONS,
  passThroughMembers: new Set(["with_options", "copy", "with_raw_response", "with_streaming_response"]),
};

const range = (node: Node): Range => ({ start: node.startIndex, end: node.endIndex });

/** Where an expression stops: statements, clauses, blocks and definitions. */
const STATEMENT_LEVEL = /(_statement|_clause|_definition|^block|^module)$/;

/** The outermost expression holding `node` within its statement (an `if`'s whole condition). */
function expressionGroup(node: Node): Node {
  let current = node;
  for (let parent = current.parent; parent && !STATEMENT_LEVEL.test(parent.type); parent = parent.parent) current = parent;
  return current;
}

/** The node kinds the lowering looks at; every other node is only walked through. */
/** Methods that give a response's JSON body as a dict: requests/httpx `.json()`, the SDKs' pydantic `.model_dump()` and `.to_dict()`. */
const AS_DICT = new Set(["json", "model_dump", "to_dict"]);

/** Node kinds that matter only as reads of a response field, visited where the text names one. */
const READ_ONLY = new Set(["attribute", "subscript", "comparison_operator"]);

const INTERESTING = new Set([
  "comparison_operator",
  "return_statement",
  "import_statement",
  "import_from_statement",
  "assignment",
  "typed_parameter",
  "default_parameter",
  "typed_default_parameter",
  "parameters",
  "lambda_parameters",
  "as_pattern",
  "call",
  "pair",
  "attribute",
  "subscript",
  "for_statement",
  // Names bound by patterns, comprehensions, walrus, classes: not modelled, but they shadow imports.
  "pattern_list",
  "tuple_pattern",
  "list_pattern",
  "list_splat_pattern",
  "for_in_clause",
  "named_expression",
  "class_definition",
]);

const SIMPLE_ESCAPES: Record<string, string> = {
  "\\": "\\",
  "'": "'",
  '"': '"',
  n: "\n",
  t: "\t",
  r: "\r",
  "0": "\0",
};

/** Reads a tree-sitter-python tree into the facts the shared assembler needs. */
export function lowerPython(path: string, text: string, root: Node, budget: Budget = UNLIMITED): RawFile {
  const aliases = new Map<string, string>();
  const calls: RawCall[] = [];
  const callById = new Map<number, RawCall>();
  const bindings: RawBinding[] = [];
  const models: RawModel[] = [];
  const comments: Comment[] = [];
  const reads: RawRead[] = [];
  const imports: ImportStatement[] = [];
  const keys: RawKey[] = [];
  const localImports: LocalImport[] = [];
  const shadowed = new Set<string>();
  const functions = new Map<string, number>();
  const returns = new Map<number, Returned[]>();
  const assignments = new Map<string, Value[]>();
  const assign = (name: string, value: Value): void => {
    const list = assignments.get(name);
    if (list) list.push(value);
    else assignments.set(name, [value]);
  };
  let doubleQuotes = 0;
  let singleQuotes = 0;

  const dotted = (node: Node | null): string[] | undefined => {
    if (!node) return undefined;
    if (node.type === "identifier") return [node.text];
    if (node.type === "attribute") {
      const object = dotted(node.childForFieldName("object"));
      const attribute = node.childForFieldName("attribute");
      return object && attribute ? [...object, attribute.text] : undefined;
    }
    return undefined;
  };

  const unwrap = (node: Node): Node => {
    let current = node;
    while ((current.type === "parenthesized_expression" || current.type === "await") && current.namedChildCount === 1) {
      current = current.namedChild(0)!;
    }
    return current;
  };

  /**
   * The function the walk is in (its start), or -1 at module level. The cursor loop keeps it, so
   * no lookup climbs the tree (`node.parent` walks down from the root in tree-sitter).
   */
  let currentScope = -1;
  const scopeOf = (_node: Node, name?: string): number => (name?.startsWith("self.") ? -1 : currentScope);

  const stringValue = (node: Node | null | undefined): string | undefined => {
    const inner = node ? unwrap(node) : undefined;
    return inner?.type === "string" ? lowerString(inner).string : undefined;
  };

  /** `resp.choices[0].message` as root `resp` and path `choices`, `[]`, `message`. */
  const chainOf = (start: Node): Chain => {
    const path: string[] = [];
    let node = unwrap(start);
    for (;;) {
      if (node.type === "attribute") {
        path.unshift(node.childForFieldName("attribute")?.text ?? "");
        node = unwrap(node.childForFieldName("object")!);
      } else if (node.type === "subscript") {
        path.unshift(stringValue(node.childForFieldName("subscript")) ?? "[]");
        node = unwrap(node.childForFieldName("value")!);
      } else if (node.type === "call") {
        const fn = node.childForFieldName("function");
        const key = stringValue(node.childForFieldName("arguments")?.namedChild(0));
        // d.get("choices") reads a member just as d["choices"] does.
        if (fn?.type === "attribute" && fn.childForFieldName("attribute")?.text === "get" && key !== undefined) {
          path.unshift(key);
          node = unwrap(fn.childForFieldName("object")!);
          continue;
        }
        // response.json(), completion.model_dump(): the response's body as a dict, read as the response itself.
        if (fn?.type === "attribute" && AS_DICT.has(fn.childForFieldName("attribute")?.text ?? "") && !node.childForFieldName("arguments")?.namedChildCount) {
          node = unwrap(fn.childForFieldName("object")!);
          continue;
        }
        const call = lowerCall(node);
        return { root: call ? { kind: "call", call } : { kind: "other" }, path };
      } else if (node.type === "identifier") {
        // self.response is one binding name, as assignments record it.
        if (node.text === "self" && path.length > 0) return { root: { kind: "name", name: `self.${path[0]}` }, path: path.slice(1) };
        return { root: { kind: "name", name: node.text }, path };
      } else {
        return { root: { kind: "other" }, path };
      }
    }
  };

  const addRead = (node: Node, field: string, fieldRange: Range, kind: RawRead["kind"], owner: Node): void => {
    reads.push({ field, range: fieldRange, kind, chain: chainOf(owner), receiver: range(owner), group: range(expressionGroup(node)), scope: scopeOf(node) });
  };

  const visitRead = (node: Node): void => {
    if (node.type === "attribute") {
      const attribute = node.childForFieldName("attribute");
      if (attribute && RESPONSE_FIELDS.has(attribute.text)) addRead(node, attribute.text, range(attribute), "attribute", node.childForFieldName("object")!);
    } else if (node.type === "subscript") {
      const index = node.childForFieldName("subscript");
      const key = index ? unwrap(index) : undefined;
      const value = key?.type === "string" ? lowerString(key) : undefined;
      if (value?.string !== undefined && RESPONSE_FIELDS.has(value.string) && value.contentRange) {
        addRead(node, value.string, value.contentRange, "subscript", node.childForFieldName("value")!);
      }
    } else if (node.type === "call") {
      const fn = node.childForFieldName("function");
      const args = node.childForFieldName("arguments")?.namedChildren.filter((child): child is Node => child !== null && child.type !== "comment") ?? [];
      const builtin = fn?.type === "identifier" && (fn.text === "getattr" || fn.text === "hasattr") ? fn.text : undefined;
      const isGet = fn?.type === "attribute" && fn.childForFieldName("attribute")?.text === "get";
      const keyNode = builtin ? args[1] : isGet ? args[0] : undefined;
      const key = keyNode && unwrap(keyNode).type === "string" ? lowerString(unwrap(keyNode)) : undefined;
      if (!key?.string || !RESPONSE_FIELDS.has(key.string) || !key.contentRange) return;
      const owner = builtin ? args[0] : fn!.childForFieldName("object");
      if (owner) addRead(node, key.string, key.contentRange, builtin ?? "get", owner);
    } else if (node.type === "comparison_operator") {
      // "reasoning_content" in delta, "reasoning_content" not in chunk
      const [left, operator, right] = node.children;
      const key = left && unwrap(left).type === "string" ? lowerString(unwrap(left)) : undefined;
      const membership = operator?.type === "in" || operator?.type === "not in";
      if (membership && right && node.childCount === 3 && key?.string && RESPONSE_FIELDS.has(key.string) && key.contentRange) {
        addRead(node, key.string, key.contentRange, "in", right);
      }
    }
  };

  /** `{"role": "assistant", "reasoning_content": ...}`: where the literal goes decides if it is sent. */
  const visitKey = (pair: Node): void => {
    const keyNode = pair.childForFieldName("key");
    const key = keyNode && unwrap(keyNode).type === "string" ? lowerString(unwrap(keyNode)) : undefined;
    if (!key?.string || !RESPONSE_FIELDS.has(key.string) || !key.contentRange) return;
    // Climbed with a copy of the walk's cursor: `node.parent` searches down from the root.
    const [dict, parent, argument, , call] = ancestors(5);
    if (!dict) return;
    let role: string | undefined;
    for (const sibling of dict.namedChildren) {
      if (sibling?.type === "pair" && stringValue(sibling.childForFieldName("key")) === "role") role = stringValue(sibling.childForFieldName("value"));
    }
    const found: RawKey = { field: key.string, range: key.contentRange, scope: scopeOf(pair), ...(role !== undefined ? { role } : {}) };
    if (parent?.type === "list" && argument?.type === "keyword_argument" && argument.childForFieldName("name")?.text === "messages") {
      const lowered = call?.type === "call" ? lowerCall(call) : undefined;
      if (lowered) found.messagesOf = lowered;
    } else if (parent?.type === "argument_list" && argument?.type === "call") {
      const fn = argument.childForFieldName("function");
      const object = fn?.type === "attribute" ? dotted(fn.childForFieldName("object")) : undefined;
      if (object && fn?.childForFieldName("attribute")?.text === "append") found.appendedTo = object.join(".");
    }
    keys.push(found);
  };

  const lowerString = (node: Node): Value => {
    const children = node.children;
    const start = children[0];
    const end = children.at(-1);
    if (!start || !end || start.type !== "string_start" || end.type !== "string_end") {
      return { kind: "other", range: range(node) };
    }
    const prefix = start.text.replace(/['"]/g, "").toLowerCase();
    const contentRange = { start: start.endIndex, end: end.startIndex };
    if (prefix.includes("b")) return { kind: "other", range: range(node) };
    let value = "";
    for (const child of children.slice(1, -1)) {
      if (child.type === "interpolation") return { kind: "other", range: range(node), contentRange };
      if (child.type === "escape_sequence" && !prefix.includes("r")) {
        const escaped = SIMPLE_ESCAPES[child.text.slice(1)];
        if (escaped === undefined) return { kind: "string", range: range(node), contentRange };
        value += escaped;
      } else {
        value += child.text;
      }
    }
    return { kind: "string", range: range(node), contentRange, string: value };
  };

  const lowerList = (node: Node, open: string): EntryList => {
    const entries: Entry[] = [];
    for (const child of node.namedChildren) {
      if (!child || child.type === "comment") continue;
      entries.push(lowerEntry(child));
    }
    const first = node.children[0];
    const innerStart = first && first.type === open ? first.endIndex : node.startIndex;
    const last = node.children.at(-1);
    const innerEnd = last && last.type !== open && last.text.length === 1 && ")]}".includes(last.text) ? last.startIndex : node.endIndex;
    return { entries, range: range(node), inner: { start: innerStart, end: innerEnd } };
  };

  const lowerEntry = (node: Node): Entry => {
    switch (node.type) {
      case "keyword_argument": {
        const name = node.childForFieldName("name")!;
        const value = node.childForFieldName("value")!;
        return { key: name.text, keyRange: range(name), value: lowerValue(value), range: range(node) };
      }
      case "pair": {
        const key = unwrap(node.childForFieldName("key")!);
        const value = lowerValue(node.childForFieldName("value")!);
        const keyValue = key.type === "string" ? lowerString(key) : undefined;
        if (keyValue?.string !== undefined) {
          return { key: keyValue.string, keyRange: range(key), value, range: range(node) };
        }
        return { key: null, opaqueKey: true, keyRange: range(key), value, range: range(node) };
      }
      case "dictionary_splat":
      case "list_splat": {
        const inner = node.namedChild(0);
        return { key: null, spread: true, value: inner ? lowerValue(inner) : { kind: "other", range: range(node) }, range: range(node) };
      }
      default:
        return { key: null, value: lowerValue(node), range: range(node) };
    }
  };

  /**
   * A value's range is the whole expression (`await f()`, `(x)`), so an edit that moves or
   * replaces it keeps what surrounds the core; literals keep their content range inside.
   */
  const lowerValue = (outer: Node): Value => {
    const node = unwrap(outer);
    const value = lowerCore(node);
    return node.id === outer.id ? value : { ...value, range: range(outer) };
  };

  const lowerCore = (node: Node): Value => {
    switch (node.type) {
      case "string":
        return lowerString(node);
      case "integer":
      case "float": {
        const number = Number(node.text.replace(/_/g, ""));
        return Number.isNaN(number) ? { kind: "other", range: range(node) } : { kind: "number", range: range(node), number };
      }
      case "unary_operator": {
        const operand = node.childForFieldName("argument");
        const operator = node.childForFieldName("operator")?.text;
        if (operand && (operator === "-" || operator === "+")) {
          const inner = lowerValue(operand);
          if (inner.kind === "number") {
            return { kind: "number", range: range(node), number: operator === "-" ? -inner.number! : inner.number! };
          }
        }
        return { kind: "other", range: range(node) };
      }
      case "boolean_operator": {
        // os.environ.get("MODEL") or "zai-glm-4.6": the literal is the default. The value spans
        // the whole expression; only its content range points into the literal.
        const right = node.childForFieldName("right");
        const fallback = node.childForFieldName("operator")?.text === "or" && right ? lowerValue(right) : undefined;
        return fallback?.kind === "string" ? { ...fallback, range: range(node) } : { kind: "other", range: range(node) };
      }
      case "true":
      case "false":
        return { kind: "boolean", range: range(node), boolean: node.type === "true" };
      case "none":
        return { kind: "null", range: range(node) };
      case "dictionary":
        return { kind: "object", range: range(node), list: lowerList(node, "{") };
      case "list":
        return { kind: "array", range: range(node), list: lowerList(node, "[") };
      case "tuple":
        return { kind: "array", range: range(node), list: lowerList(node, "(") };
      case "identifier":
      case "attribute": {
        const name = dotted(node);
        return name ? { kind: "name", range: range(node), name: name.join(".") } : { kind: "other", range: range(node) };
      }
      case "call": {
        const call = lowerCall(node);
        if (!call) return { kind: "other", range: range(node) };
        const callee = call.base.kind === "name" ? [...call.base.segments, ...call.members].join(".") : undefined;
        return { kind: "call", range: range(node), args: call.args, ...(callee ? { callee } : {}) };
      }
      default:
        return { kind: "other", range: range(node) };
    }
  };

  const lowerCallee = (node: Node): { base: CalleeBase; members: string[] } => {
    const members: string[] = [];
    let current = unwrap(node);
    while (current.type === "attribute") {
      const attribute = current.childForFieldName("attribute");
      const object = current.childForFieldName("object");
      if (!attribute || !object) return { base: { kind: "other" }, members: [] };
      members.unshift(attribute.text);
      current = unwrap(object);
    }
    if (current.type === "identifier") return { base: { kind: "name", segments: [current.text, ...members] }, members: [] };
    if (current.type === "call") {
      const inner = lowerCall(current);
      if (inner) return { base: { kind: "call", call: inner }, members };
    }
    return { base: { kind: "other" }, members };
  };

  function lowerCall(node: Node): RawCall | undefined {
    const known = callById.get(node.id);
    if (known) return known;
    const fn = node.childForFieldName("function");
    const argumentsNode = node.childForFieldName("arguments");
    if (!fn || !argumentsNode || argumentsNode.type !== "argument_list") return undefined;
    const { base, members } = lowerCallee(fn);
    const args = lowerList(argumentsNode, "(");
    const call: RawCall = {
      range: range(node),
      scope: scopeOf(node),
      calleeRange: range(fn),
      base,
      members,
      args,
      fields: args,
      open: args.entries.some((entry) => entry.spread),
    };
    callById.set(node.id, call);
    calls.push(call);
    return call;
  }

  const addModel = (given: Value, position: RawModel["position"], key: string, call?: RawCall, scope?: number): void => {
    const found = modelsIn(defaultOf(given) ?? given, position, key, call);
    for (const model of found) models.push(scope === undefined ? model : { ...model, scope });
  };

  /**
   * The literal a setting falls back to: `os.getenv("MODEL", "zai-glm-4.6")` when the variable is
   * unset, pydantic's `Field(default=...)` (or `Field("...")`) and dataclasses' `field(default=...)`.
   */
  const defaultOf = (value: Value): Value | undefined => {
    if (value.kind !== "call" || !value.callee || !value.args) return undefined;
    const parts = value.callee.split(".");
    const qualified = [aliases.get(parts[0]!) ?? parts[0], ...parts.slice(1)].join(".");
    const entries = value.args.entries;
    let fallback;
    if (qualified === "os.getenv" || qualified === "os.environ.get") {
      fallback = entries.find((entry) => entry.key === "default") ?? (entries[1]?.key === null ? entries[1] : undefined);
    } else if (parts.at(-1) === "Field" || parts.at(-1) === "field") {
      fallback = entries.find((entry) => entry.key === "default") ?? (entries[0]?.key === null ? entries[0] : undefined);
    }
    return fallback?.value.kind === "string" ? fallback.value : undefined;
  };

  /** `parser.add_argument("--model", default="zai-glm-4.6")`: the default is a model setting. */
  const argparseDefault = (call: RawCall): void => {
    const callee = call.base.kind === "name" ? call.base.segments : call.members;
    if (callee.at(-1) !== "add_argument") return;
    const flags = call.args.entries.filter((entry) => entry.key === null && entry.value.kind === "string");
    const option = flags.map((entry) => entry.value.string!).find((flag) => flag.startsWith("--"));
    const fallback = call.args.entries.find((entry) => entry.key === "default");
    if (option && fallback) addModel(fallback.value, "variable", option.replace(/^-+/, "").replace(/-/g, "_"));
  };

  const visitImport = (node: Node): void => {
    const statement: ImportStatement = { range: range(node), module: "", names: [] };
    imports.push(statement);
    if (node.type === "import_statement") {
      for (const child of node.namedChildren) {
        if (child?.type === "dotted_name") {
          const head = child.text.split(".")[0]!.trim();
          aliases.set(head, head);
        } else if (child?.type === "aliased_import") {
          const name = child.childForFieldName("name");
          const alias = child.childForFieldName("alias");
          if (name && alias) {
            const module = name.text.replace(/\s+/g, "");
            aliases.set(alias.text, module);
            localImports.push({ local: alias.text, module, name: null });
          }
        }
      }
      return;
    }
    const moduleName = node.childForFieldName("module_name");
    if (!moduleName) return;
    const module = moduleName.text.replace(/\s+/g, "");
    // from .llm import client: a module of this project, never an SDK.
    const relative = moduleName.type === "relative_import";
    if (!relative) statement.module = module;
    for (const child of node.childrenForFieldName("name")) {
      if (child?.type === "dotted_name") {
        if (!relative) aliases.set(child.text, `${module}.${child.text}`);
        statement.names.push({ name: child.text, local: child.text });
        localImports.push({ local: child.text, module, name: child.text });
      } else if (child?.type === "aliased_import") {
        const name = child.childForFieldName("name");
        const alias = child.childForFieldName("alias");
        if (name && alias) {
          if (!relative) aliases.set(alias.text, `${module}.${name.text}`);
          statement.names.push({ name: name.text, local: alias.text });
          localImports.push({ local: alias.text, module, name: name.text });
        }
      }
    }
  };

  const visitAssignment = (node: Node): void => {
    const left = node.childForFieldName("left");
    const right = node.childForFieldName("right");
    const type = node.childForFieldName("type");
    const name = dotted(left);
    if (!name) {
      // params["top_p"] = x changes what PARAMS holds: it is no longer the literal it was.
      const root = left?.type === "subscript" ? dotted(left.childForFieldName("value")) : undefined;
      if (root) assign(root.join("."), { kind: "other", range: range(left!) });
      return;
    }
    const target = name.join(".");
    if (right) {
      const value = unwrap(right);
      const fn = value.type === "call" ? value.childForFieldName("function") : undefined;
      if (fn?.type === "attribute" && AS_DICT.has(fn.childForFieldName("attribute")?.text ?? "")) {
        // data = completion.model_dump(): the response itself, as a dict.
        bindings.push({ name: target, chain: chainOf(value), scope: scopeOf(node, target) });
      } else if (value.type === "call") {
        const call = lowerCall(value);
        if (call) bindings.push({ name: target, call, scope: scopeOf(node, target) });
      } else if (value.type === "attribute" || value.type === "subscript" || value.type === "identifier") {
        bindings.push({ name: target, chain: chainOf(value), scope: scopeOf(node, target) });
      } else if (value.type !== "none") {
        // Any other value (but the `None` of a lazily made client): the name no longer holds
        // what it held before.
        bindings.push({ name: target, scope: scopeOf(node, target) });
      }
      const lowered = lowerValue(value);
      assign(target, lowered);
      addModel(lowered, "variable", target, undefined, scopeOf(node, target));
    }
    const typeName = type ? dotted(unwrap(type.namedChild(0) ?? type)) : undefined;
    if (typeName) bindings.push({ name: target, typeSegments: typeName, scope: scopeOf(node, target) });
  };

  const visitParameter = (node: Node): void => {
    const nameNode =
      node.type === "identifier" ? node : node.type === "typed_parameter" ? node.namedChild(0) : node.childForFieldName("name");
    if (!nameNode || nameNode.type !== "identifier") return;
    const type = node.childForFieldName("type");
    const typeName = type ? dotted(unwrap(type.namedChild(0) ?? type)) : undefined;
    // An untyped parameter still shadows a module-level name: what it holds is unknown.
    bindings.push({ name: nameNode.text, scope: scopeOf(node), ...(typeName ? { typeSegments: typeName } : {}) });
    const value = node.childForFieldName("value");
    if (value) addModel(lowerValue(value), "parameter", nameNode.text);
  };

  // Reads of response fields only matter in files that name one; elsewhere attribute and
  // subscript nodes, the most common of all, are never materialised.
  const fields = [...RESPONSE_FIELDS].filter((name) => text.includes(name));
  // The walk meets nodes in order of their start, so each field's next mention is searched for
  // only once it is passed: a search from every node would read the rest of the file each time.
  const nextMention = fields.map(() => -1);
  const mentionsField = (start: number, end: number): boolean =>
    fields.some((name, index) => {
      let at = nextMention[index]!;
      if (at < start) {
        const found = text.indexOf(name, start);
        nextMention[index] = at = found === -1 ? Infinity : found;
      }
      return at < end;
    });

  const visit = (node: Node): void => {
    switch (node.type) {
      case "import_statement":
      case "import_from_statement":
        visitImport(node);
        break;
      case "return_statement": {
        // def get_client(): return OpenAI(...): the function is a factory of what it returns.
        const value = node.namedChild(0) ? unwrap(node.namedChild(0)!) : undefined;
        if (currentScope === -1 || !value || value.type === "none") break;
        const call = value.type === "call" ? lowerCall(value) : undefined;
        const returned: Returned = value.type === "identifier" ? { name: value.text } : call ? { call } : { other: true };
        pushTo(returns, currentScope, returned);
        break;
      }
      case "assignment":
        visitAssignment(node);
        break;
      case "typed_parameter":
      case "default_parameter":
      case "typed_default_parameter":
        visitParameter(node);
        break;
      case "parameters":
      case "lambda_parameters":
        for (const child of node.namedChildren) if (child?.type === "identifier") visitParameter(child);
        break;
      case "as_pattern": {
        // with OpenAI(...) as client:
        const value = node.namedChild(0);
        const alias = node.childForFieldName("alias")?.namedChild(0);
        if (types[depth - 1] === "with_item" && value && alias?.type === "identifier" && unwrap(value).type === "call") {
          const call = lowerCall(unwrap(value));
          if (call) bindings.push({ name: alias.text, call, scope: scopeOf(node) });
        } else if (alias?.type === "identifier") {
          shadowed.add(shadowKey(currentScope, alias.text));
        }
        break;
      }
      case "pattern_list":
      case "tuple_pattern":
      case "list_pattern":
      case "list_splat_pattern":
        for (const child of node.namedChildren) if (child?.type === "identifier") shadowed.add(shadowKey(currentScope, child.text));
        break;
      case "for_in_clause":
      case "named_expression":
      case "class_definition": {
        const name = node.childForFieldName(node.type === "for_in_clause" ? "left" : "name");
        if (name?.type === "identifier") shadowed.add(shadowKey(currentScope, name.text));
        break;
      }
      case "call": {
        if (fields.length > 0) visitRead(node);
        const call = lowerCall(node);
        if (call) {
          for (const entry of call.args.entries) {
            if (entry.key !== null) addModel(entry.value, "argument", entry.key, call);
          }
          argparseDefault(call);
        }
        break;
      }
      case "pair": {
        const entry = lowerEntry(node);
        if (entry.key !== null) addModel(entry.value, "entry", entry.key);
        visitKey(node);
        break;
      }
      case "attribute":
      case "subscript":
        visitRead(node);
        break;
      case "comparison_operator":
        visitRead(node);
        break;
      case "for_statement": {
        // for chunk in stream: each chunk is an element of what is iterated.
        const left = node.childForFieldName("left");
        const right = node.childForFieldName("right");
        if (left?.type === "identifier" && right) {
          const chain = chainOf(right);
          bindings.push({ name: left.text, chain: { root: chain.root, path: [...chain.path, "[]"] }, scope: scopeOf(node) });
        }
        break;
      }
    }
  };

  // A cursor walks the tree without building a Node object for every node: only the kinds
  // above are materialised, and comments and quotes are read straight off the text.
  const cursor = root.walk();
  let visited = 0;
  let depth = 0;
  // The type of the node at each depth of the walk, so a parent's kind is known without asking
  // tree-sitter, whose `node.parent` searches down from the root.
  const types: string[] = [];
  /** The current node's nearest ancestors, innermost first. */
  const ancestors = (count: number): (Node | undefined)[] => {
    // copy() (web-tree-sitter 0.27) copies whichever cursor was last handed to WebAssembly, not
    // necessarily this one: reading a property hands this one over first.
    void cursor.nodeTypeId;
    const up = cursor.copy();
    const found: (Node | undefined)[] = [];
    try {
      for (let index = 0; index < count && up.gotoParent(); index++) found.push(up.currentNode);
    } finally {
      up.delete();
    }
    return found;
  };
  // Functions entered, innermost last: their depth in the tree and their start.
  const scopes: { depth: number; start: number }[] = [];
  try {
    for (;;) {
      if ((++visited & 4095) === 0) budget.check();
      const type = cursor.nodeType;
      types[depth] = type;
      if (type === "function_definition" || type === "lambda") {
        if (type === "function_definition") definedFunction(cursor.currentNode, cursor.startIndex, scopes.length > 0);
        scopes.push({ depth, start: cursor.startIndex });
        currentScope = cursor.startIndex;
      }
      if (type === "comment") {
        const start = cursor.startIndex;
        const end = cursor.endIndex;
        comments.push({ range: { start, end }, text: text.slice(start, end) });
      } else if (type === "string_start") {
        const opener = text.slice(cursor.startIndex, cursor.endIndex).replace(/^[a-zA-Z]*/, "");
        if (opener === '"') doubleQuotes++;
        else if (opener === "'") singleQuotes++;
      } else if (INTERESTING.has(type) && (!READ_ONLY.has(type) || mentionsField(cursor.startIndex, cursor.endIndex))) {
        visit(cursor.currentNode);
      }
      if (cursor.gotoFirstChild()) {
        depth++;
        continue;
      }
      for (;;) {
        // Leaving a node (to its sibling or its parent) leaves the functions opened at its depth.
        while (scopes.length > 0 && scopes.at(-1)!.depth >= depth) scopes.pop();
        currentScope = scopes.at(-1)?.start ?? -1;
        if (cursor.gotoNextSibling()) break;
        if (!cursor.gotoParent()) return finish();
        depth--;
      }
    }
  } finally {
    cursor.delete();
  }

  /** A function defined at module level (not a method) others may call by name; a nested one shadows. */
  function definedFunction(node: Node, start: number, nested: boolean): void {
    const name = node.childForFieldName("name");
    if (!name) return;
    if (nested) {
      shadowed.add(shadowKey(currentScope, name.text));
      return;
    }
    const parent = types[depth - 1] === "decorated_definition" ? types[depth - 2] : types[depth - 1];
    if (parent === "module") functions.set(name.text, start);
  }

  function finish(): RawFile {
    return {
      path,
      language: "python",
      text,
      aliases,
      calls,
      bindings,
      models,
      imports,
      reads,
      keys,
      comments,
      assignments,
      kit: pythonKit(singleQuotes > doubleQuotes ? "'" : '"'),
      tables: TABLES,
      localImports,
      functions,
      returns,
      shadowed,
    };
  }
}
