import type { Node } from "web-tree-sitter";
import { RESPONSE_FIELDS, type RawKey, type RawRead } from "../../model/assemble.js";
import type { Range } from "../../model/types.js";
import { dotted, lowerString, range, scopeOf, stringValue, unwrap, type PythonLowering } from "./syntax.js";
import { chainOf, lowerCall } from "./values.js";

// Reads of response fields (`message.reasoning_content`, `delta.get("reasoning_content")`) and
// the keys that write them into messages sent back.

/** Where an expression stops: statements, clauses, blocks and definitions. */
const STATEMENT_LEVEL = /(_statement|_clause|_definition|^block|^module)$/;

/** The outermost expression holding `node` within its statement (an `if`'s whole condition). */
function expressionGroup(node: Node): Node {
  let current = node;
  for (let parent = current.parent; parent && !STATEMENT_LEVEL.test(parent.type); parent = parent.parent) current = parent;
  return current;
}

function addRead(lowering: PythonLowering, node: Node, field: string, fieldRange: Range, kind: RawRead["kind"], owner: Node): void {
  lowering.raw.reads.push({
    field,
    range: fieldRange,
    kind,
    chain: chainOf(lowering, owner),
    receiver: range(owner),
    group: range(expressionGroup(node)),
    scope: scopeOf(lowering),
  });
}

export function visitRead(lowering: PythonLowering, node: Node): void {
  if (node.type === "attribute") {
    const attribute = node.childForFieldName("attribute");
    if (attribute && RESPONSE_FIELDS.has(attribute.text)) addRead(lowering, node, attribute.text, range(attribute), "attribute", node.childForFieldName("object")!);
  } else if (node.type === "subscript") {
    const index = node.childForFieldName("subscript");
    const key = index ? unwrap(index) : undefined;
    const value = key?.type === "string" ? lowerString(key) : undefined;
    if (value?.string !== undefined && RESPONSE_FIELDS.has(value.string) && value.contentRange) {
      addRead(lowering, node, value.string, value.contentRange, "subscript", node.childForFieldName("value")!);
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
    if (owner) addRead(lowering, node, key.string, key.contentRange, builtin ?? "get", owner);
  } else if (node.type === "comparison_operator") {
    // "reasoning_content" in delta, "reasoning_content" not in chunk
    const [left, operator, right] = node.children;
    const key = left && unwrap(left).type === "string" ? lowerString(unwrap(left)) : undefined;
    const membership = operator?.type === "in" || operator?.type === "not in";
    if (membership && right && node.childCount === 3 && key?.string && RESPONSE_FIELDS.has(key.string) && key.contentRange) {
      addRead(lowering, node, key.string, key.contentRange, "in", right);
    }
  }
}

/** `{"role": "assistant", "reasoning_content": ...}`: where the literal goes decides if it is sent. */
export function visitKey(lowering: PythonLowering, pair: Node): void {
  const keyNode = pair.childForFieldName("key");
  const key = keyNode && unwrap(keyNode).type === "string" ? lowerString(unwrap(keyNode)) : undefined;
  if (!key?.string || !RESPONSE_FIELDS.has(key.string) || !key.contentRange) return;
  const dict = pair.parent!;
  let role: string | undefined;
  for (const sibling of dict.namedChildren) {
    if (sibling?.type === "pair" && stringValue(sibling.childForFieldName("key")) === "role") role = stringValue(sibling.childForFieldName("value"));
  }
  const found: RawKey = { field: key.string, range: key.contentRange, scope: scopeOf(lowering), ...(role !== undefined ? { role } : {}) };
  const parent = dict.parent;
  if (parent?.type === "list" && parent.parent?.type === "keyword_argument" && parent.parent.childForFieldName("name")?.text === "messages") {
    const call = parent.parent.parent?.parent;
    const lowered = call?.type === "call" ? lowerCall(lowering, call) : undefined;
    if (lowered) found.messagesOf = lowered;
  } else if (parent?.type === "argument_list" && parent.parent?.type === "call") {
    const fn = parent.parent.childForFieldName("function");
    const object = fn?.type === "attribute" ? dotted(fn.childForFieldName("object")) : undefined;
    if (object && fn?.childForFieldName("attribute")?.text === "append") found.appendedTo = object.join(".");
  }
  lowering.raw.keys.push(found);
}
