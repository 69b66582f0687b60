import type { Node } from "web-tree-sitter";
import type { RawCall, RawModel, Returned } from "../../model/assemble.js";
import type { Entry, Value } from "../../model/types.js";
import { dotted, lowerString, range, scopeOf, unwrap, type PythonLowering } from "./syntax.js";
import { AS_DICT, chainOf, lowerCall, lowerEntry, lowerValue } from "./values.js";

// What names hold (assignments, parameters, `with ... as`, `for ... in`, what functions return),
// and the model settings among the values.

/**
 * The literal a setting falls back to: `os.getenv("MODEL", "zai-glm-4.6")` when the variable is
 * unset, pydantic's `Field(default=...)` (or `Field("...")`) and dataclasses' `field(default=...)`.
 */
function defaultOf(lowering: PythonLowering, value: Value): Value | undefined {
  if (value.kind !== "call" || !value.callee || !value.args) return undefined;
  const parts = value.callee.split(".");
  const qualified = [lowering.raw.aliases.get(parts[0]!) ?? parts[0], ...parts.slice(1)].join(".");
  const entries = value.args.entries;
  let fallback;
  if (qualified === "os.getenv" || qualified === "os.environ.get") {
    fallback = entries.find((entry) => entry.key === "default") ?? (entries[1]?.key === null ? entries[1] : undefined);
  } else if (parts.at(-1) === "Field" || parts.at(-1) === "field") {
    fallback = entries.find((entry) => entry.key === "default") ?? (entries[0]?.key === null ? entries[0] : undefined);
  }
  return fallback?.value.kind === "string" ? fallback.value : undefined;
}

function addModel(lowering: PythonLowering, given: Value, position: RawModel["position"], key: string, call?: RawCall, scope?: number): void {
  lowering.raw.addModels(defaultOf(lowering, given) ?? given, position, key, call, scope);
}

/** `parser.add_argument("--model", default="zai-glm-4.6")`: the default is a model setting. */
function argparseDefault(lowering: PythonLowering, call: RawCall): void {
  const callee = call.base.kind === "name" ? call.base.segments : call.members;
  if (callee.at(-1) !== "add_argument") return;
  const flags = call.args.entries.filter((entry) => entry.key === null && entry.value.kind === "string");
  const option = flags.map((entry) => entry.value.string!).find((flag) => flag.startsWith("--"));
  const fallback = call.args.entries.find((entry) => entry.key === "default");
  if (option && fallback) addModel(lowering, fallback.value, "variable", option.replace(/^-+/, "").replace(/-/g, "_"));
}

/** A call met in the walk: its keyword arguments may be model settings. */
export function visitCall(lowering: PythonLowering, node: Node): void {
  const call = lowerCall(lowering, node);
  if (!call) return;
  for (const entry of call.args.entries) {
    if (entry.key !== null) addModel(lowering, entry.value, "argument", entry.key, call);
  }
  argparseDefault(lowering, call);
  visitUpdate(lowering, call);
}

/**
 * `params["max_tokens"] = n`: the dict gets (or changes) that key after it was built. A key the
 * file does not spell out (`params[k] = v`) may be any field, so the body is open.
 */
function visitKeySet(lowering: PythonLowering, statement: Node, left: Node, name: string, right: Node): void {
  const keyNode = left.childForFieldName("subscript");
  const keyValue = keyNode && unwrap(keyNode).type === "string" ? lowerString(unwrap(keyNode)) : undefined;
  const value = lowerValue(lowering, right);
  const entry: Entry =
    keyValue?.string !== undefined
      ? { key: keyValue.string, keyRange: range(unwrap(keyNode!)), value, range: range(statement), later: true }
      : { key: null, spread: true, value: { kind: "other", range: range(left) }, range: range(statement), later: true };
  lowering.raw.changed({ name, scope: scopeOf(lowering, name), at: statement.startIndex, entries: [entry] });
}

/** `kwargs.update(top_p=0.9)`, `params.update({"max_tokens": n})`, `params.update(extra)`. */
function visitUpdate(lowering: PythonLowering, call: RawCall): void {
  if (call.base.kind !== "name" || call.base.segments.length < 2 || call.base.segments.at(-1) !== "update") return;
  const name = call.base.segments.slice(0, -1).join(".");
  const entries = call.args.entries.flatMap((entry): Entry[] => {
    if (entry.key === null && !entry.spread && entry.value.kind === "object" && entry.value.list) return entry.value.list.entries;
    if (entry.key === null && !entry.spread) return [{ key: null, spread: true, value: entry.value, range: entry.range }];
    return [entry];
  });
  lowering.raw.changed({ name, scope: scopeOf(lowering, name), at: call.range.start, entries: entries.map((entry) => ({ ...entry, later: true })) });
}

/** A dict entry: `{"model": "..."}` is a model setting. */
export function visitPair(lowering: PythonLowering, node: Node): void {
  const entry = lowerEntry(lowering, node);
  if (entry.key !== null) addModel(lowering, entry.value, "entry", entry.key);
}

export function visitAssignment(lowering: PythonLowering, node: Node): void {
  const { bindings } = lowering.raw;
  const left = node.childForFieldName("left");
  const right = node.childForFieldName("right");
  const type = node.childForFieldName("type");
  const name = dotted(left);
  if (!name) {
    // params["top_p"] = x changes what PARAMS holds: it is no longer the literal it was.
    const root = left?.type === "subscript" ? dotted(left.childForFieldName("value")) : undefined;
    if (root) lowering.raw.assign(root.join("."), { kind: "other", range: range(left!) });
    if (root && right) visitKeySet(lowering, node, left!, root.join("."), right);
    // CONFIG["retry"]["temperature"] = x: the outermost dict changes too.
    let base = left;
    while (base?.type === "subscript") base = base.childForFieldName("value");
    const outer = base && base !== left?.childForFieldName("value") ? dotted(base) : undefined;
    if (outer) lowering.raw.assign(outer.join("."), { kind: "other", range: range(left!) });
    return;
  }
  const target = name.join(".");
  const scope = scopeOf(lowering, target);
  if (right) {
    const value = unwrap(right);
    const fn = value.type === "call" ? value.childForFieldName("function") : undefined;
    if (fn?.type === "attribute" && AS_DICT.has(fn.childForFieldName("attribute")?.text ?? "")) {
      // data = completion.model_dump(): the response itself, as a dict.
      bindings.push({ name: target, chain: chainOf(lowering, value), scope });
    } else if (value.type === "call") {
      const call = lowerCall(lowering, value);
      if (call) bindings.push({ name: target, call, scope });
    } else if (value.type === "attribute" || value.type === "subscript" || value.type === "identifier") {
      bindings.push({ name: target, chain: chainOf(lowering, value), scope });
    } else if (value.type !== "none") {
      // Any other value (but the `None` of a lazily made client): the name no longer holds
      // what it held before.
      bindings.push({ name: target, scope });
    }
    const lowered = lowerValue(lowering, value);
    lowering.raw.assign(target, lowered, lowering.scope);
    lowering.raw.assignIn(scope, target, lowered);
    // class Config: GLM_BASE_URL = "...": also `Config.GLM_BASE_URL`, as code reads it.
    const owner = name.length === 1 ? lowering.classBody() : undefined;
    if (owner) {
      lowering.raw.assign(`${owner}.${target}`, lowered, lowering.scope);
      if (lowering.scope === -1) lowering.raw.classes.add(owner);
    }
    addModel(lowering, lowered, "variable", target, undefined, scope);
  }
  const typeName = type ? dotted(unwrap(type.namedChild(0) ?? type)) : undefined;
  if (typeName) bindings.push({ name: target, typeSegments: typeName, scope });
}

export function visitParameter(lowering: PythonLowering, node: Node): void {
  const nameNode =
    node.type === "identifier" ? node : node.type === "typed_parameter" ? node.namedChild(0) : node.childForFieldName("name");
  if (!nameNode || nameNode.type !== "identifier") return;
  const type = node.childForFieldName("type");
  const typeName = type ? dotted(unwrap(type.namedChild(0) ?? type)) : undefined;
  // An untyped parameter still shadows a module-level name: what it holds is unknown.
  lowering.raw.bindings.push({ name: nameNode.text, scope: scopeOf(lowering), ...(typeName ? { typeSegments: typeName } : {}) });
  const value = node.childForFieldName("value");
  if (value) addModel(lowering, lowerValue(lowering, value), "parameter", nameNode.text, undefined, scopeOf(lowering));
}

/**
 * A function's parameter list, in order: what a call's positional and keyword arguments bind to,
 * and each parameter's default.
 */
export function visitParameters(lowering: PythonLowering, node: Node): void {
  let index = 0;
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === "keyword_separator" || child.type === "list_splat_pattern" || child.type === "dictionary_splat_pattern") {
      // After `*` or `*args` parameters take keywords only.
      index = -1;
      continue;
    }
    if (child.type === "positional_separator") continue;
    const nameNode = child.type === "identifier" ? child : child.type === "typed_parameter" ? child.namedChild(0) : child.childForFieldName("name");
    if (nameNode?.type !== "identifier") continue;
    const value = child.type === "identifier" || child.type === "typed_parameter" ? null : child.childForFieldName("value");
    lowering.raw.parameter(lowering.scope, { name: nameNode.text, index, ...(value ? { default: lowerValue(lowering, value) } : {}) });
    if (index !== -1) index++;
  }
}

/** def get_client(): return OpenAI(...): the function is a factory of what it returns. */
export function visitReturn(lowering: PythonLowering, node: Node): void {
  const value = node.namedChild(0) ? unwrap(node.namedChild(0)!) : undefined;
  if (lowering.scope === -1 || !value || value.type === "none") return;
  const call = value.type === "call" ? lowerCall(lowering, value) : undefined;
  const returned: Returned = value.type === "identifier" ? { name: value.text } : call ? { call } : { other: true };
  lowering.raw.returned(lowering.scope, returned, lowerValue(lowering, value));
}

/** `with OpenAI(...) as client:` binds the client; any other `as` name only shadows. */
export function visitAsPattern(lowering: PythonLowering, node: Node): void {
  const value = node.namedChild(0);
  const alias = node.childForFieldName("alias")?.namedChild(0);
  if (lowering.typeAbove(1) === "with_item" && value && alias?.type === "identifier" && unwrap(value).type === "call") {
    const call = lowerCall(lowering, unwrap(value));
    if (call) lowering.raw.bindings.push({ name: alias.text, call, scope: scopeOf(lowering) });
  } else if (alias?.type === "identifier") {
    lowering.raw.shadow(lowering.scope, alias.text);
  }
}

/** for chunk in stream: each chunk is an element of what is iterated. */
export function visitFor(lowering: PythonLowering, node: Node): void {
  const left = node.childForFieldName("left");
  const right = node.childForFieldName("right");
  if (left?.type === "identifier" && right) {
    const chain = chainOf(lowering, right);
    lowering.raw.bindings.push({ name: left.text, chain: { root: chain.root, path: [...chain.path, "[]"] }, scope: scopeOf(lowering) });
  }
}
