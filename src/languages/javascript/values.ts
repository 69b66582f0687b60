import ts from "./typescript.cjs";
import type { CalleeBase, Chain, RawCall } from "../../model/assemble.js";
import type { Entry, EntryList, Value } from "../../model/types.js";
import { dotted, propertyName, range, scopeOf, unwrap, type ScriptLowering } from "./syntax.js";

// Values and calls, in one module since each holds the other: a call's arguments are values, and
// a value may be a call.

export function listOf(lowering: ScriptLowering, elements: readonly ts.Node[], open: number, close: number): EntryList {
  return {
    entries: elements.map((element) => lowerEntry(lowering, element)),
    range: { start: open, end: close },
    inner: { start: open + 1, end: close - 1 },
  };
}

function lowerEntry(lowering: ScriptLowering, node: ts.Node): Entry {
  const here = (part: ts.Node) => range(lowering, part);
  if (ts.isPropertyAssignment(node)) {
    const key = propertyName(node.name);
    const value = lowerValue(lowering, node.initializer);
    if (key === undefined) return { key: null, opaqueKey: true, keyRange: here(node.name), value, range: here(node) };
    return { key, keyRange: here(node.name), value, range: here(node) };
  }
  if (ts.isShorthandPropertyAssignment(node)) {
    const value: Value = { kind: "name", range: here(node.name), name: node.name.text };
    return { key: node.name.text, keyRange: here(node.name), value, range: here(node) };
  }
  if (ts.isSpreadAssignment(node) || ts.isSpreadElement(node)) {
    return { key: null, spread: true, value: lowerValue(lowering, node.expression), range: here(node) };
  }
  if (ts.isMethodDeclaration(node) || ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node)) {
    const key = propertyName(node.name);
    return { key: key ?? null, opaqueKey: key === undefined, value: { kind: "other", range: here(node) }, range: here(node) };
  }
  if (ts.isOmittedExpression(node)) return { key: null, value: { kind: "other", range: here(node) }, range: here(node) };
  return { key: null, value: lowerValue(lowering, node as ts.Expression), range: here(node) };
}

/**
 * A value's range is the whole expression (`await f()`, `x as T`, `process.env.X ?? "d"`), so an
 * edit that moves or replaces it keeps what surrounds the core; literals keep their content range.
 */
export function lowerValue(lowering: ScriptLowering, outer: ts.Expression): Value {
  const node = unwrap(outer);
  const value = lowerCore(lowering, node);
  return node === outer ? value : { ...value, range: range(lowering, outer) };
}

function lowerCore(lowering: ScriptLowering, node: ts.Expression): Value {
  const here = range(lowering, node);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    return { kind: "string", range: here, contentRange: { start: here.start + 1, end: here.end - 1 }, string: node.text };
  }
  if (ts.isNumericLiteral(node)) return { kind: "number", range: here, number: Number(node.text) };
  if (ts.isPrefixUnaryExpression(node) && ts.isNumericLiteral(node.operand)) {
    const number = Number(node.operand.text);
    if (node.operator === ts.SyntaxKind.MinusToken) return { kind: "number", range: here, number: -number };
    if (node.operator === ts.SyntaxKind.PlusToken) return { kind: "number", range: here, number };
  }
  if (node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword) {
    return { kind: "boolean", range: here, boolean: node.kind === ts.SyntaxKind.TrueKeyword };
  }
  if (node.kind === ts.SyntaxKind.NullKeyword) return { kind: "null", range: here };
  if (ts.isObjectLiteralExpression(node)) {
    return { kind: "object", range: here, list: listOf(lowering, node.properties, here.start, here.end) };
  }
  if (ts.isArrayLiteralExpression(node)) {
    return { kind: "array", range: here, list: listOf(lowering, node.elements, here.start, here.end) };
  }
  if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) || node.kind === ts.SyntaxKind.ThisKeyword) {
    const name = dotted(node);
    return name ? { kind: "name", range: here, name: name.join(".") } : { kind: "other", range: here };
  }
  if (
    ts.isBinaryExpression(node) &&
    (node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || node.operatorToken.kind === ts.SyntaxKind.BarBarToken)
  ) {
    // process.env.MODEL ?? "zai-glm-4.6", options.model || "...": the default when the left is unset.
    // The value spans the whole expression; only its content range points into the literal.
    const fallback = lowerValue(lowering, node.right);
    if (fallback.kind === "string") return { ...fallback, range: here };
  }
  if (ts.isConditionalExpression(node)) {
    return { kind: "other", range: here, branches: [lowerValue(lowering, node.whenTrue), lowerValue(lowering, node.whenFalse)] };
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) {
    // ...(c && { top_p: 0.9 }): spread, it adds those fields or none.
    return { kind: "other", range: here, branches: [lowerValue(lowering, node.right)] };
  }
  if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
    const call = lowerCall(lowering, node);
    const callee = call.base.kind === "name" ? [...call.base.segments, ...call.members].join(".") : undefined;
    return { kind: "call", range: here, args: call.args, ...(callee ? { callee } : {}) };
  }
  return { kind: "other", range: here };
}

function lowerCallee(lowering: ScriptLowering, node: ts.Expression): { base: CalleeBase; members: string[] } {
  const members: string[] = [];
  let current = unwrap(node);
  while (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) {
    if (ts.isPropertyAccessExpression(current)) {
      if (!ts.isIdentifier(current.name)) return { base: { kind: "other" }, members: [] };
      members.unshift(current.name.text);
    } else if (ts.isStringLiteralLike(current.argumentExpression)) {
      members.unshift(current.argumentExpression.text);
    } else {
      return { base: { kind: "other" }, members: [] };
    }
    current = unwrap(current.expression);
  }
  if (ts.isIdentifier(current)) return { base: { kind: "name", segments: [current.text, ...members] }, members: [] };
  if (current.kind === ts.SyntaxKind.ThisKeyword) return { base: { kind: "name", segments: ["this", ...members] }, members: [] };
  if (ts.isCallExpression(current) || ts.isNewExpression(current)) {
    return { base: { kind: "call", call: lowerCall(lowering, current) }, members };
  }
  return { base: { kind: "other" }, members };
}

/** A call (or `new`), recorded once however often it is met. */
export function lowerCall(lowering: ScriptLowering, node: ts.CallExpression | ts.NewExpression): RawCall {
  const known = lowering.callByNode.get(node);
  if (known) return known;
  const { base, members } = lowerCallee(lowering, node.expression);
  const argumentNodes = node.arguments ?? ts.factory.createNodeArray([]);
  const hasParens = node.arguments !== undefined;
  // The "(" sits just before the arguments' start; the call itself ends with ")".
  const open = hasParens ? argumentNodes.pos - 1 : node.end;
  const close = node.end;
  const args = listOf(lowering, argumentNodes, open, close);
  const first = argumentNodes[0] ? unwrap(argumentNodes[0]) : undefined;
  const fields = first && ts.isObjectLiteralExpression(first) ? lowerValue(lowering, first).list : undefined;
  const call: RawCall = {
    range: range(lowering, node),
    scope: scopeOf(node),
    calleeRange: range(lowering, node.expression),
    base,
    members,
    args,
    ...(fields ? { fields } : {}),
    open: first !== undefined && (!fields || fields.entries.some((entry) => entry.spread || entry.opaqueKey)),
  };
  lowering.callByNode.set(node, call);
  lowering.raw.calls.push(call);
  return call;
}

/** The call whose first argument is this object literal (the request or options object). */
export function ownerCall(lowering: ScriptLowering, object: ts.Node): RawCall | undefined {
  let parent = object.parent;
  let child: ts.Node = object;
  while (parent && (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isSatisfiesExpression(parent))) {
    child = parent;
    parent = parent.parent;
  }
  if (parent && (ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.[0] === child) {
    return lowerCall(lowering, parent);
  }
  return undefined;
}

/** `resp.choices[0].message` as root `resp` and path `choices`, `[]`, `message`. */
export function chainOf(lowering: ScriptLowering, start: ts.Expression): Chain {
  const path: string[] = [];
  let node = unwrap(start);
  for (;;) {
    if (ts.isPropertyAccessExpression(node)) {
      path.unshift(node.name.text);
      node = unwrap(node.expression);
    } else if (ts.isElementAccessExpression(node)) {
      path.unshift(ts.isStringLiteralLike(node.argumentExpression) ? node.argumentExpression.text : "[]");
      node = unwrap(node.expression);
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === "json" && node.arguments.length === 0) {
      // await response.json(): the body of an HTTP response, read as the response itself.
      node = unwrap(node.expression.expression);
    } else if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      return { root: { kind: "call", call: lowerCall(lowering, node) }, path };
    } else if (ts.isIdentifier(node)) {
      return { root: { kind: "name", name: node.text }, path };
    } else if (node.kind === ts.SyntaxKind.ThisKeyword && path.length > 0) {
      return { root: { kind: "name", name: `this.${path[0]}` }, path: path.slice(1) };
    } else {
      return { root: { kind: "other" }, path };
    }
  }
}
