import ts from "./typescript.cjs";
import { RESPONSE_FIELDS, type RawKey, type RawRead } from "../../model/assemble.js";
import type { Range } from "../../model/types.js";
import { dotted, propertyName, range, scopeOf, unwrap, type ScriptLowering } from "./syntax.js";
import { chainOf, ownerCall } from "./values.js";

// Reads of response fields (`message.reasoning_content`, `"reasoning_content" in delta`) and the
// keys that write them into messages sent back.

/** The outermost expression holding `node` within its statement (an `if`'s whole condition). */
function expressionGroup(node: ts.Node): ts.Node {
  let current = node;
  for (let parent = current.parent; parent && !ts.isStatement(parent) && !ts.isBlock(parent) && !ts.isSourceFile(parent); parent = parent.parent) {
    current = parent;
  }
  return current;
}

function addRead(lowering: ScriptLowering, node: ts.Node, field: string, fieldRange: Range, kind: RawRead["kind"], owner: ts.Expression): void {
  lowering.raw.reads.push({
    field,
    range: fieldRange,
    kind,
    chain: chainOf(lowering, owner),
    receiver: range(lowering, owner),
    group: range(lowering, expressionGroup(node)),
    scope: scopeOf(node),
  });
}

/** A string literal's text between its quotes. */
function contentOf(lowering: ScriptLowering, literal: ts.Node): Range {
  const here = range(lowering, literal);
  return { start: here.start + 1, end: here.end - 1 };
}

export function visitRead(lowering: ScriptLowering, node: ts.PropertyAccessExpression | ts.ElementAccessExpression | ts.BinaryExpression): void {
  if (ts.isPropertyAccessExpression(node)) {
    if (RESPONSE_FIELDS.has(node.name.text)) addRead(lowering, node, node.name.text, range(lowering, node.name), "attribute", node.expression);
    return;
  }
  if (ts.isBinaryExpression(node)) {
    // "reasoning_content" in delta
    if (node.operatorToken.kind === ts.SyntaxKind.InKeyword && ts.isStringLiteralLike(node.left) && RESPONSE_FIELDS.has(node.left.text)) {
      addRead(lowering, node, node.left.text, contentOf(lowering, node.left), "in", node.right);
    }
    return;
  }
  const argument = node.argumentExpression;
  if (ts.isStringLiteralLike(argument) && RESPONSE_FIELDS.has(argument.text)) addRead(lowering, node, argument.text, contentOf(lowering, argument), "subscript", node.expression);
}

/** `{ role: "assistant", reasoning_content }`: where the literal goes decides if it is sent. */
export function visitKey(lowering: ScriptLowering, property: ts.PropertyAssignment | ts.ShorthandPropertyAssignment): void {
  const name = property.name;
  const key = ts.isShorthandPropertyAssignment(property) ? property.name.text : propertyName(name);
  if (key === undefined || !RESPONSE_FIELDS.has(key)) return;
  const object = property.parent as ts.ObjectLiteralExpression;
  let role: string | undefined;
  for (const sibling of object.properties) {
    if (ts.isPropertyAssignment(sibling) && propertyName(sibling.name) === "role" && ts.isStringLiteralLike(sibling.initializer)) role = sibling.initializer.text;
  }
  const here = range(lowering, name);
  const quoted = ts.isStringLiteral(name);
  // A shorthand `{ reasoning_content }` has no key text of its own to rename.
  if (ts.isShorthandPropertyAssignment(property)) return;
  const found: RawKey = {
    field: key,
    range: quoted ? { start: here.start + 1, end: here.end - 1 } : here,
    scope: scopeOf(property),
    ...(role !== undefined ? { role } : {}),
  };
  const parent = object.parent;
  if (ts.isArrayLiteralExpression(parent) && ts.isPropertyAssignment(parent.parent) && propertyName(parent.parent.name) === "messages") {
    const call = ownerCall(lowering, parent.parent.parent);
    if (call) found.messagesOf = call;
  } else if (ts.isCallExpression(parent) && ts.isPropertyAccessExpression(parent.expression) && parent.expression.name.text === "push") {
    const target = dotted(unwrap(parent.expression.expression));
    if (target) found.appendedTo = target.join(".");
  }
  lowering.raw.keys.push(found);
}
