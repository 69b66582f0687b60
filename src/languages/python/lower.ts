import type { Node } from "web-tree-sitter";
import type { CalleeBase, RawBinding, RawCall, RawFile, RawModel } from "../../model/assemble.js";
import { modelNameKind } from "../../model/names.js";
import { PYTHON_CONSTRUCTORS, PYTHON_MODULE_CLIENTS, PYTHON_REQUEST_FUNCTIONS } from "../../model/sdks.js";
import type { Comment, Entry, EntryList, Range, Value } from "../../model/types.js";
import { pythonKit } from "./kit.js";

const TABLES = {
  constructors: PYTHON_CONSTRUCTORS,
  moduleClients: PYTHON_MODULE_CLIENTS,
  requestFunctions: PYTHON_REQUEST_FUNCTIONS,
  passThroughMembers: new Set(["with_options", "copy", "with_raw_response", "with_streaming_response"]),
};

const range = (node: Node): Range => ({ start: node.startIndex, end: node.endIndex });

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
export function lowerPython(path: string, text: string, root: Node): RawFile {
  const aliases = new Map<string, string>();
  const calls: RawCall[] = [];
  const callById = new Map<number, RawCall>();
  const bindings: RawBinding[] = [];
  const models: RawModel[] = [];
  const comments: Comment[] = [];
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
    while (current.type === "parenthesized_expression" && current.namedChildCount === 1) {
      current = current.namedChild(0)!;
    }
    return current;
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

  const lowerValue = (outer: Node): Value => {
    const node = unwrap(outer);
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

  const addModel = (given: Value, position: RawModel["position"], key: string, call?: RawCall): void => {
    const kind = modelNameKind(key);
    if (!kind) return;
    const value = envDefault(given) ?? given;
    if (value.kind === "string" && value.string !== undefined) {
      models.push({ value, position, key, ...(call ? { call } : {}) });
    } else if (value.kind === "array" && value.list && kind === "list") {
      const siblings = value.list.entries.map((entry) => entry.value);
      for (const element of siblings) {
        if (element.kind === "string" && element.string !== undefined) {
          models.push({ value: element, position, key, siblings, ...(call ? { call } : {}) });
        }
      }
    }
  };

  /** `os.getenv("MODEL", "zai-glm-4.6")`: the default is the model when the variable is unset. */
  const envDefault = (value: Value): Value | undefined => {
    if (value.kind !== "call" || !value.callee || !value.args) return undefined;
    const qualified = [aliases.get(value.callee.split(".")[0]!) ?? "", ...value.callee.split(".").slice(1)].join(".");
    if (qualified !== "os.getenv" && qualified !== "os.environ.get") return undefined;
    const entries = value.args.entries;
    const fallback = entries.find((entry) => entry.key === "default") ?? (entries[1]?.key === null ? entries[1] : undefined);
    return fallback?.value.kind === "string" ? fallback.value : undefined;
  };

  const visitImport = (node: Node): void => {
    if (node.type === "import_statement") {
      for (const child of node.namedChildren) {
        if (child?.type === "dotted_name") {
          const head = child.text.split(".")[0]!.trim();
          aliases.set(head, head);
        } else if (child?.type === "aliased_import") {
          const name = child.childForFieldName("name");
          const alias = child.childForFieldName("alias");
          if (name && alias) aliases.set(alias.text, name.text.replace(/\s+/g, ""));
        }
      }
      return;
    }
    const moduleName = node.childForFieldName("module_name");
    if (!moduleName || moduleName.type !== "dotted_name") return;
    const module = moduleName.text.replace(/\s+/g, "");
    for (const child of node.childrenForFieldName("name")) {
      if (child?.type === "dotted_name") {
        aliases.set(child.text, `${module}.${child.text}`);
      } else if (child?.type === "aliased_import") {
        const name = child.childForFieldName("name");
        const alias = child.childForFieldName("alias");
        if (name && alias) aliases.set(alias.text, `${module}.${name.text}`);
      }
    }
  };

  const visitAssignment = (node: Node): void => {
    const left = node.childForFieldName("left");
    const right = node.childForFieldName("right");
    const type = node.childForFieldName("type");
    const name = dotted(left);
    if (!name) return;
    const target = name.join(".");
    if (right) {
      const value = unwrap(right);
      if (value.type === "call") {
        const call = lowerCall(value);
        if (call) bindings.push({ name: target, call });
      }
      const lowered = lowerValue(value);
      assign(target, lowered);
      addModel(lowered, "variable", target);
    }
    const typeName = type ? dotted(unwrap(type.namedChild(0) ?? type)) : undefined;
    if (typeName) bindings.push({ name: target, typeSegments: typeName });
  };

  const visitParameter = (node: Node): void => {
    const nameNode = node.type === "typed_parameter" ? node.namedChild(0) : node.childForFieldName("name");
    if (!nameNode || nameNode.type !== "identifier") return;
    const type = node.childForFieldName("type");
    const typeName = type ? dotted(unwrap(type.namedChild(0) ?? type)) : undefined;
    if (typeName) bindings.push({ name: nameNode.text, typeSegments: typeName });
    const value = node.childForFieldName("value");
    if (value) addModel(lowerValue(value), "parameter", nameNode.text);
  };

  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.type) {
      case "comment":
        comments.push({ range: range(node), text: node.text });
        break;
      case "string_start": {
        const quote = node.text.replace(/^[a-zA-Z]*/, "");
        if (quote === '"') doubleQuotes++;
        else if (quote === "'") singleQuotes++;
        break;
      }
      case "import_statement":
      case "import_from_statement":
        visitImport(node);
        break;
      case "assignment":
        visitAssignment(node);
        break;
      case "typed_parameter":
      case "default_parameter":
      case "typed_default_parameter":
        visitParameter(node);
        break;
      case "call": {
        const call = lowerCall(node);
        if (call) {
          for (const entry of call.args.entries) {
            if (entry.key !== null) addModel(entry.value, "argument", entry.key, call);
          }
        }
        break;
      }
      case "pair": {
        const entry = lowerEntry(node);
        if (entry.key !== null) addModel(entry.value, "entry", entry.key);
        break;
      }
    }
    const children = node.children;
    for (let index = children.length - 1; index >= 0; index--) {
      const child = children[index];
      if (child) stack.push(child);
    }
  }

  return {
    path,
    language: "python",
    text,
    aliases,
    calls,
    bindings,
    models,
    comments,
    assignments,
    kit: pythonKit(singleQuotes > doubleQuotes ? "'" : '"'),
    tables: TABLES,
  };
}
