import type { Node } from "web-tree-sitter";
import type { CalleeBase, Chain, RawCall } from "../../model/assemble.js";
import type { Entry, EntryList, Value } from "../../model/types.js";
import { dotted, lowerString, range, scopeOf, stringValue, unwrap, type PythonLowering } from "./syntax.js";

// Values and calls, in one module since each holds the other: a call's arguments are values, and
// a value may be a call.

/** Methods that give a response's JSON body as a dict: requests/httpx `.json()`, the SDKs' pydantic `.model_dump()` and `.to_dict()`. */
export const AS_DICT = new Set(["json", "model_dump", "to_dict"]);

export function lowerList(lowering: PythonLowering, node: Node, open: string): EntryList {
  const entries: Entry[] = [];
  for (const child of node.namedChildren) {
    if (!child || child.type === "comment") continue;
    entries.push(lowerEntry(lowering, child));
  }
  const first = node.children[0];
  const innerStart = first && first.type === open ? first.endIndex : node.startIndex;
  const last = node.children.at(-1);
  const innerEnd = last && last.type !== open && last.text.length === 1 && ")]}".includes(last.text) ? last.startIndex : node.endIndex;
  return { entries, range: range(node), inner: { start: innerStart, end: innerEnd } };
}

export function lowerEntry(lowering: PythonLowering, node: Node): Entry {
  switch (node.type) {
    case "keyword_argument": {
      const name = node.childForFieldName("name")!;
      const value = node.childForFieldName("value")!;
      return { key: name.text, keyRange: range(name), value: lowerValue(lowering, value), range: range(node) };
    }
    case "pair": {
      const key = unwrap(node.childForFieldName("key")!);
      const value = lowerValue(lowering, node.childForFieldName("value")!);
      const keyValue = key.type === "string" ? lowerString(key) : undefined;
      if (keyValue?.string !== undefined) {
        return { key: keyValue.string, keyRange: range(key), value, range: range(node) };
      }
      return { key: null, opaqueKey: true, keyRange: range(key), value, range: range(node) };
    }
    case "dictionary_splat":
    case "list_splat": {
      const inner = node.namedChild(0);
      return { key: null, spread: true, value: inner ? lowerValue(lowering, inner) : { kind: "other", range: range(node) }, range: range(node) };
    }
    default:
      return { key: null, value: lowerValue(lowering, node), range: range(node) };
  }
}

/**
 * A value's range is the whole expression (`await f()`, `(x)`), so an edit that moves or
 * replaces it keeps what surrounds the core; literals keep their content range inside.
 */
export function lowerValue(lowering: PythonLowering, outer: Node): Value {
  const node = unwrap(outer);
  const value = lowerCore(lowering, node);
  return node.id === outer.id ? value : { ...value, range: range(outer) };
}

function lowerCore(lowering: PythonLowering, node: Node): Value {
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
        const inner = lowerValue(lowering, operand);
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
      const operator = node.childForFieldName("operator")?.text;
      const fallback = operator === "or" && right ? lowerValue(lowering, right) : undefined;
      if (fallback?.kind === "string") return { ...fallback, range: range(node) };
      // c and {"top_p": 0.9}: spread, it adds those fields or none.
      return operator === "and" && right ? { kind: "other", range: range(node), branches: [lowerValue(lowering, right)] } : { kind: "other", range: range(node) };
    }
    case "conditional_expression": {
      const [chosen, , otherwise] = node.namedChildren;
      return chosen && otherwise ? { kind: "other", range: range(node), branches: [lowerValue(lowering, chosen), lowerValue(lowering, otherwise)] } : { kind: "other", range: range(node) };
    }
    case "true":
    case "false":
      return { kind: "boolean", range: range(node), boolean: node.type === "true" };
    case "none":
      return { kind: "null", range: range(node) };
    case "dictionary":
      return { kind: "object", range: range(node), list: lowerList(lowering, node, "{") };
    case "list":
      return { kind: "array", range: range(node), list: lowerList(lowering, node, "[") };
    case "tuple":
      return { kind: "array", range: range(node), list: lowerList(lowering, node, "(") };
    case "identifier":
    case "attribute": {
      const name = dotted(node);
      return name ? { kind: "name", range: range(node), name: name.join(".") } : { kind: "other", range: range(node) };
    }
    case "call": {
      const call = lowerCall(lowering, node);
      if (!call) return { kind: "other", range: range(node) };
      const callee = call.base.kind === "name" ? [...call.base.segments, ...call.members].join(".") : undefined;
      return { kind: "call", range: range(node), args: call.args, ...(callee ? { callee } : {}) };
    }
    default:
      return { kind: "other", range: range(node) };
  }
}

function lowerCallee(lowering: PythonLowering, node: Node): { base: CalleeBase; members: string[] } {
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
    const inner = lowerCall(lowering, current);
    if (inner) return { base: { kind: "call", call: inner }, members };
  }
  return { base: { kind: "other" }, members };
}

/** A call, recorded once however often it is met. */
export function lowerCall(lowering: PythonLowering, node: Node): RawCall | undefined {
  const known = lowering.callById.get(node.id);
  if (known) return known;
  const fn = node.childForFieldName("function");
  const argumentsNode = node.childForFieldName("arguments");
  if (!fn || !argumentsNode || argumentsNode.type !== "argument_list") return undefined;
  const { base, members } = lowerCallee(lowering, fn);
  const args = lowerList(lowering, argumentsNode, "(");
  const call: RawCall = {
    range: range(node),
    scope: scopeOf(lowering),
    calleeRange: range(fn),
    base,
    members,
    args,
    fields: args,
    open: args.entries.some((entry) => entry.spread),
  };
  lowering.callById.set(node.id, call);
  lowering.raw.calls.push(call);
  return call;
}

/** `resp.choices[0].message` as root `resp` and path `choices`, `[]`, `message`. */
export function chainOf(lowering: PythonLowering, start: Node): Chain {
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
      const call = lowerCall(lowering, node);
      return { root: call ? { kind: "call", call } : { kind: "other" }, path };
    } else if (node.type === "identifier") {
      // self.response is one binding name, as assignments record it.
      if (node.text === "self" && path.length > 0) return { root: { kind: "name", name: `self.${path[0]}` }, path: path.slice(1) };
      return { root: { kind: "name", name: node.text }, path };
    } else {
      return { root: { kind: "other" }, path };
    }
  }
}
