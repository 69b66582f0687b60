import type { Node } from "web-tree-sitter";
import { candidateQuotes, type RawLiteral, type StringPlace } from "../../model/literals.js";
import type { Range } from "../../model/types.js";

/** Methods whose string argument is tested against a value (or looked up), not set as one. */
const TEST_METHODS = new Set(["startswith", "endswith", "count", "index", "find", "get", "pop", "__contains__"]);
const COLLECTIONS = new Set(["list", "tuple", "set", "dictionary"]);
/** Nodes a catalog's strings climb through to their outermost collection. */
const CLIMBABLE = new Set([...COLLECTIONS, "pair", "keyword_argument", "argument_list", "call", "parenthesized_expression", "expression_list", "subscript"]);

const range = (node: Node): Range => ({ start: node.startIndex, end: node.endIndex });
const same = (a: Node | null | undefined, b: Node): boolean => a?.id === b.id;

/** `x or "d"`, `a if c else "d"`, `("d")`: the value passes through unchanged. */
function transparent(node: Node, child: Node): boolean {
  if (node.type === "parenthesized_expression") return true;
  if (node.type === "boolean_operator") return same(node.childForFieldName("right"), child);
  if (node.type === "conditional_expression") return !same(node.namedChild(1), child);
  return false;
}

/** `Literal["a", "b"]`, `typing.Literal[...]`. */
function isLiteralType(subscript: Node): boolean {
  const value = subscript.childForFieldName("value");
  return value !== null && /(^|\.)Literal$/.test(value.text);
}

function isEnumClass(block: Node | null): boolean {
  const owner = block?.parent;
  if (owner?.type !== "class_definition") return false;
  const bases = owner.childForFieldName("superclasses")?.text ?? "";
  return /\b(Str|Int)?Enum\b/.test(bases);
}

function placeOf(literal: Node): { place: StringPlace; key?: string } {
  let child = literal;
  let parent = literal.parent;
  while (parent && transparent(parent, child)) {
    child = parent;
    parent = parent.parent;
  }
  if (!parent) return { place: "other" };
  switch (parent.type) {
    case "pair": {
      if (same(parent.childForFieldName("key"), child)) return { place: "key" };
      const key = parent.childForFieldName("key");
      return { place: "value", ...(key ? { key: key.text.replace(/^["']|["']$/g, "") } : {}) };
    }
    case "list":
    case "tuple":
    case "set": {
      // model in ("a", "b"): a collection that is only tested against.
      const owner = parent.parent;
      if (owner?.type === "comparison_operator") return { place: "comparison" };
      return { place: "element" };
    }
    case "keyword_argument":
      return { place: "value", key: parent.childForFieldName("name")?.text ?? "" };
    case "argument_list": {
      const call = parent.parent;
      const callee = call?.childForFieldName("function");
      const method = callee?.type === "attribute" ? callee.childForFieldName("attribute")?.text : undefined;
      const first = same(parent.namedChild(0), child);
      if (method && TEST_METHODS.has(method)) return first ? { place: "comparison" } : { place: "value", key: method };
      return { place: "argument", key: callee?.text ?? "" };
    }
    case "comparison_operator":
      return { place: "comparison" };
    case "case_pattern":
    case "case_clause":
      return { place: "case" };
    case "subscript":
      return isLiteralType(parent) ? { place: "type" } : { place: "key" };
    case "assignment": {
      if (!same(parent.childForFieldName("right"), child)) return { place: "other" };
      const key = parent.childForFieldName("left")?.text ?? "";
      const block = parent.parent?.parent;
      if (block?.type === "block" && block.parent?.type === "class_definition") return { place: isEnumClass(block) ? "enum" : "field", key };
      return { place: "variable", key };
    }
    case "default_parameter":
    case "typed_default_parameter":
      return { place: "parameter", key: parent.childForFieldName("name")?.text ?? "" };
    case "return_statement":
      return { place: "value" };
    default:
      return { place: "other" };
  }
}

function containerOf(literal: Node): Range | undefined {
  let found: Node | undefined;
  for (let node = literal.parent; node && CLIMBABLE.has(node.type); node = node.parent) {
    if (COLLECTIONS.has(node.type) || (node.type === "subscript" && isLiteralType(node))) found = node;
  }
  if (found) return range(found);
  // The members of an Enum class are one collection.
  const statement = literal.parent?.type === "assignment" ? literal.parent.parent : undefined;
  const block = statement?.parent;
  return block && isEnumClass(block) ? range(block) : undefined;
}

/** The string literals of a Python file shaped like model IDs or URLs, with where each sits. */
export function findLiterals(text: string, root: Node): RawLiteral[] {
  const found: RawLiteral[] = [];
  for (const quote of candidateQuotes(text)) {
    let node: Node | null = root.descendantForIndex(quote, quote + 1);
    while (node && node.type !== "string") node = node.type === "string_start" || node.type === "string_content" ? node.parent : null;
    if (!node || node.namedChildren.some((child) => child?.type === "interpolation")) continue;
    const open = node.children[0];
    const close = node.children.at(-1);
    if (!open || !close || open.type !== "string_start" || close.type !== "string_end") continue;
    // A bare string statement is a docstring or a comment in disguise.
    if (node.parent?.type === "expression_statement" || node.parent?.type === "concatenated_string") continue;
    const contentRange = { start: open.endIndex, end: close.startIndex };
    const container = containerOf(node);
    found.push({
      value: { kind: "string", range: range(node), contentRange, string: text.slice(contentRange.start, contentRange.end) },
      ...placeOf(node),
      ...(container ? { container } : {}),
    });
  }
  return found;
}
