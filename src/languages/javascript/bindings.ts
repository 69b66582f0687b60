import ts from "./typescript.cjs";
import type { Returned } from "../../model/assemble.js";
import type { Entry } from "../../model/types.js";
import type { Signature } from "../../model/wrappers.js";
import { dotted, isDefaultExport, isFunctionValue, propertyName, range, requiredModule, scopeOf, unwrap, type ScriptLowering } from "./syntax.js";
import { visitRequirePattern } from "./scopes.js";
import { chainOf, lowerCall, lowerValue, ownerCall } from "./values.js";

// What names hold (variables, fields, parameters, assignments, `for ... of`, what functions
// return), and the model settings among the values.

/** What a function returns, or an arrow's expression body: a call, or a name. */
function returned(lowering: ScriptLowering, scope: number, expression: ts.Expression): void {
  const value = unwrap(expression);
  if (value.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(value) && value.text === "undefined")) return;
  const result: Returned = ts.isIdentifier(value)
    ? { name: value.text }
    : ts.isNewExpression(value) || ts.isCallExpression(value)
      ? { call: lowerCall(lowering, value) }
      : { other: true };
  lowering.raw.returned(scope, result);
}

export function visitReturn(lowering: ScriptLowering, node: ts.ReturnStatement): void {
  const scope = scopeOf(node);
  if (node.expression && scope !== -1) returned(lowering, scope, node.expression);
}

function bindInitializer(lowering: ScriptLowering, name: string, initializer: ts.Expression | undefined): void {
  if (!initializer) return;
  const { raw } = lowering;
  const value = unwrap(initializer);
  raw.assign(name, lowerValue(lowering, value));
  raw.assignIn(scopeOf(value, name), name, lowerValue(lowering, value));
  if (ts.isPropertyAccessExpression(value) || ts.isElementAccessExpression(value) || ts.isIdentifier(value)) {
    raw.bindings.push({ name, chain: chainOf(lowering, value), scope: scopeOf(value, name) });
  }
  if (ts.isNewExpression(value) || ts.isCallExpression(value)) {
    const required = requiredModule(value);
    if (required !== undefined) {
      raw.aliases.set(name, required);
      raw.localImports.push({ local: name, module: required, name: null });
      return;
    }
    raw.bindings.push({ name, call: lowerCall(lowering, value), scope: scopeOf(value, name) });
  } else if (!ts.isPropertyAccessExpression(value) && !ts.isElementAccessExpression(value) && !ts.isIdentifier(value) && !isFunctionValue(value) && value.kind !== ts.SyntaxKind.NullKeyword) {
    // Any other value: the name holds something that is not a client (and, at module level,
    // a name other modules may import).
    raw.bindings.push({ name, scope: scopeOf(value, name) });
  }
  raw.addModels(lowerValue(lowering, value), "variable", name, undefined, scopeOf(value, name));
}

function bindType(lowering: ScriptLowering, name: string, type: ts.TypeNode | undefined): void {
  if (type && ts.isTypeReferenceNode(type)) {
    const segments = dotted(type.typeName);
    if (segments) lowering.raw.bindings.push({ name, typeSegments: segments, scope: scopeOf(type, name) });
  }
}

/** `function getClient() {...}` or `const getClient = () => ...` at module level. */
export function visitFunction(lowering: ScriptLowering, node: ts.FunctionDeclaration | ts.VariableDeclaration): void {
  const { functions } = lowering.raw;
  if (ts.isFunctionDeclaration(node)) {
    if (node.parent !== lowering.source) return;
    if (node.name) functions.set(node.name.text, node.pos);
    if (isDefaultExport(node)) functions.set("default", node.pos);
    lowering.raw.signatures.set(node.pos, signatureOf(node));
    return;
  }
  const initializer = node.initializer ? unwrap(node.initializer) : undefined;
  const statement = node.parent?.parent;
  if (!initializer || !ts.isIdentifier(node.name) || !statement || statement.parent !== lowering.source) return;
  if (!ts.isArrowFunction(initializer) && !ts.isFunctionExpression(initializer)) return;
  functions.set(node.name.text, initializer.pos);
  lowering.raw.signatures.set(initializer.pos, signatureOf(initializer));
  if (ts.isArrowFunction(initializer) && !ts.isBlock(initializer.body)) returned(lowering, initializer.pos, initializer.body);
}

export function visitVariable(lowering: ScriptLowering, node: ts.VariableDeclaration): void {
  if (ts.isIdentifier(node.name)) {
    bindType(lowering, node.name.text, node.type);
    bindInitializer(lowering, node.name.text, node.initializer);
    return;
  }
  visitRequirePattern(lowering, node);
}

/** A class field: `client = new OpenAI()`, `client: OpenAI`. */
export function visitField(lowering: ScriptLowering, node: ts.PropertyDeclaration): void {
  if (!ts.isIdentifier(node.name)) return;
  bindType(lowering, `this.${node.name.text}`, node.type);
  bindInitializer(lowering, `this.${node.name.text}`, node.initializer);
}

export function visitParameter(lowering: ScriptLowering, node: ts.ParameterDeclaration): void {
  if (!ts.isIdentifier(node.name)) return;
  bindType(lowering, node.name.text, node.type);
  // An untyped parameter still shadows an outer name: what it holds is unknown.
  if (!node.type || !ts.isTypeReferenceNode(node.type)) lowering.raw.bindings.push({ name: node.name.text, scope: scopeOf(node) });
  // constructor(private client: OpenAI): a parameter property is also this.client.
  const isProperty = (ts.getModifiers(node)?.length ?? 0) > 0;
  if (isProperty) bindType(lowering, `this.${node.name.text}`, node.type);
  if (node.initializer) lowering.raw.addModels(lowerValue(lowering, node.initializer), "parameter", node.name.text, undefined, scopeOf(node));
}

/** `x = value`, `this.client = new OpenAI()`, `params.top_p = x`. */
export function visitAssignment(lowering: ScriptLowering, node: ts.BinaryExpression): void {
  const { raw } = lowering;
  const left = unwrap(node.left);
  // params.top_p = x or params["top_p"] = x changes what `params` holds.
  const owner = ts.isPropertyAccessExpression(left) || ts.isElementAccessExpression(left) ? dotted(unwrap(left.expression)) : undefined;
  if (owner && owner[0] !== "this") raw.assign(owner.join("."), { kind: "other", range: range(lowering, left) });
  if (owner && (ts.isPropertyAccessExpression(left) || ts.isElementAccessExpression(left))) visitKeySet(lowering, node, left, owner.join("."));
  const target = dotted(left);
  if (!target) return;
  const name = target.join(".");
  const value = lowerValue(lowering, node.right);
  raw.assign(name, value);
  raw.assignIn(scopeOf(node, name), name, value);
  const right = unwrap(node.right);
  if (ts.isNewExpression(right) || ts.isCallExpression(right)) raw.bindings.push({ name, call: lowerCall(lowering, right), scope: scopeOf(node, name) });
  else if (ts.isIdentifier(right) || ts.isPropertyAccessExpression(right) || ts.isElementAccessExpression(right)) {
    raw.bindings.push({ name, chain: chainOf(lowering, right), scope: scopeOf(node, name) });
  } else if (right.kind !== ts.SyntaxKind.NullKeyword && !(ts.isIdentifier(right) && right.text === "undefined")) {
    raw.bindings.push({ name, scope: scopeOf(node, name) });
  }
  raw.addModels(value, "variable", name);
}

/** for await (const chunk of stream): each chunk is an element of what is iterated. */
export function visitForOf(lowering: ScriptLowering, node: ts.ForOfStatement): void {
  const declarations = ts.isVariableDeclarationList(node.initializer) ? node.initializer.declarations : [];
  const [declaration] = declarations;
  if (declarations.length === 1 && declaration && ts.isIdentifier(declaration.name)) {
    const chain = chainOf(lowering, node.expression);
    lowering.raw.bindings.push({ name: declaration.name.text, chain: { root: chain.root, path: [...chain.path, "[]"] }, scope: scopeOf(node) });
  }
}

/** `{ model: "..." }`: a model setting, an argument when the object is a call's first. */
export function visitProperty(lowering: ScriptLowering, node: ts.PropertyAssignment): void {
  const key = propertyName(node.name);
  if (key === undefined) return;
  const call = ownerCall(lowering, node.parent);
  lowering.raw.addModels(lowerValue(lowering, node.initializer), call ? "argument" : "entry", key, call);
}

/**
 * `params.max_tokens = n`, `body["thinking"] = {...}`: the object gets (or changes) that key after
 * it was built. A computed key (`body[k] = v`) may be any field, so the body is open.
 */
function visitKeySet(lowering: ScriptLowering, node: ts.BinaryExpression, left: ts.PropertyAccessExpression | ts.ElementAccessExpression, name: string): void {
  const here = range(lowering, node);
  const value = lowerValue(lowering, node.right);
  const keyNode = ts.isPropertyAccessExpression(left) ? left.name : ts.isStringLiteralLike(left.argumentExpression) ? left.argumentExpression : undefined;
  const entry: Entry = keyNode
    ? { key: keyNode.text, keyRange: range(lowering, keyNode), value, range: here, later: true }
    : { key: null, spread: true, value: { kind: "other", range: range(lowering, left) }, range: here, later: true };
  lowering.raw.changed({ name, scope: scopeOf(node, name), at: here.start, entries: [entry] });
}

/** `Object.assign(body, { top_p: 0.9 }, extra)`: every later argument's properties land on `body`. */
export function visitObjectAssign(lowering: ScriptLowering, node: ts.CallExpression): void {
  const callee = dotted(node.expression);
  const [first, ...sources] = node.arguments;
  const name = first ? dotted(unwrap(first)) : undefined;
  if (callee?.join(".") !== "Object.assign" || !name || name[0] === "this") return;
  const entries = sources.flatMap((source): Entry[] => {
    const value = lowerValue(lowering, source);
    return value.kind === "object" && value.list ? value.list.entries : [{ key: null, spread: true, value, range: value.range }];
  });
  const at = range(lowering, node).start;
  lowering.raw.changed({ name: name.join("."), scope: scopeOf(node, name.join(".")), at, entries: entries.map((entry) => ({ ...entry, later: true })) });
}

/** A class method: `this.name(...)` calls it from the class's other methods. */
export function visitMethod(lowering: ScriptLowering, node: ts.MethodDeclaration): void {
  if (!ts.isIdentifier(node.name) || !node.body) return;
  lowering.raw.method(node.name.text, node.pos);
  lowering.raw.signatures.set(node.pos, signatureOf(node));
}

/** A JS function's parameters in order (a pattern holds no one name: its place stays empty). */
function signatureOf(node: ts.SignatureDeclarationBase): Signature {
  return { params: node.parameters.map((parameter) => (ts.isIdentifier(parameter.name) ? parameter.name.text : "")), positional: true };
}
