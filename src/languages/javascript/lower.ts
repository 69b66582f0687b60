import ts from "./typescript.cjs";
import { UNLIMITED, type Budget } from "../../engine/budget.js";
import { modelsIn, RESPONSE_FIELDS, shadowKey, type Returned, type CalleeBase, type Chain, type RawBinding, type RawCall, type RawFile, type RawKey, type RawModel, type RawRead } from "../../model/assemble.js";
import { JS_CONSTRUCTORS, JS_MODULE_CLIENTS, JS_REQUEST_FUNCTIONS } from "../../model/sdks.js";
import type { Comment, Entry, EntryList, ImportStatement, Language, LocalImport, Range, Reexport, Value } from "../../model/types.js";
import { pushTo } from "../../collections.js";
import { javascriptKit } from "./kit.js";

/** The outermost expression holding `node` within its statement (an `if`'s whole condition). */
function expressionGroup(node: ts.Node): ts.Node {
  let current = node;
  for (let parent = current.parent; parent && !ts.isStatement(parent) && !ts.isBlock(parent) && !ts.isSourceFile(parent); parent = parent.parent) {
    current = parent;
  }
  return current;
}

const TABLES = {
  constructors: JS_CONSTRUCTORS,
  moduleClients: JS_MODULE_CLIENTS,
  requestFunctions: JS_REQUEST_FUNCTIONS,
  passThroughMembers: new Set(["withOptions"]),
};

/** Reads a TypeScript syntax tree (of JS, TS or blanked Flow) into the assembler's facts. */
export function lowerJavaScript(path: string, language: Language, text: string, source: ts.SourceFile, budget: Budget = UNLIMITED): RawFile {
  const aliases = new Map<string, string>();
  const calls: RawCall[] = [];
  const callByNode = new Map<ts.Node, RawCall>();
  const bindings: RawBinding[] = [];
  const models: RawModel[] = [];
  const comments: Comment[] = [];
  const reads: RawRead[] = [];
  const imports: ImportStatement[] = [];
  const keys: RawKey[] = [];
  const seenComments = new Set<number>();
  const localImports: LocalImport[] = [];
  const shadowed = new Set<string>();
  const reexports: Reexport[] = [];
  const functions = new Map<string, number>();
  const returns = new Map<number, Returned[]>();
  let defaultExport: Returned | undefined;
  /** What a function returns, or an arrow's expression body: a call, or a name. */
  const returned = (scope: number, expression: ts.Expression): void => {
    const value = unwrap(expression);
    if (value.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(value) && value.text === "undefined")) return;
    const result: Returned = ts.isIdentifier(value)
      ? { name: value.text }
      : ts.isNewExpression(value) || ts.isCallExpression(value)
        ? { call: lowerCall(value) }
        : { other: true };
    pushTo(returns, scope, result);
  };
  const assignments = new Map<string, Value[]>();
  const assign = (name: string, value: Value): void => {
    const list = assignments.get(name);
    if (list) list.push(value);
    else assignments.set(name, [value]);
  };
  let doubleQuotes = 0;
  let singleQuotes = 0;

  const start = (node: ts.Node): number => node.getStart(source);

  /** The enclosing function's start, or -1 at module level (also for `this.` names). */
  const scopeOf = (node: ts.Node, name?: string): number => (name?.startsWith("this.") ? -1 : enclosingFunction(node));
  // Remembered per node, so deep nesting costs one climb per level, not one per node and level.
  const enclosing = new Map<ts.Node, number>();
  const enclosingFunction = (node: ts.Node): number => {
    const parent = node.parent;
    if (!parent) return -1;
    if (ts.isFunctionLike(parent)) return parent.pos;
    let scope = enclosing.get(parent);
    if (scope === undefined) enclosing.set(parent, (scope = enclosingFunction(parent)));
    return scope;
  };
  const range = (node: ts.Node): Range => ({ start: start(node), end: node.end });

  const unwrap = (node: ts.Expression): ts.Expression => {
    let current = node;
    for (;;) {
      if (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isSatisfiesExpression(current)) {
        current = current.expression;
      } else if (ts.isNonNullExpression(current) || ts.isTypeAssertionExpression(current)) {
        current = current.expression;
      } else if (ts.isAwaitExpression(current)) {
        current = current.expression;
      } else {
        return current;
      }
    }
  };

  const dotted = (node: ts.Node): string[] | undefined => {
    if (ts.isIdentifier(node)) return [node.text];
    if (node.kind === ts.SyntaxKind.ThisKeyword) return ["this"];
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.name)) {
      const object = dotted(unwrap(node.expression));
      return object ? [...object, node.name.text] : undefined;
    }
    if (ts.isQualifiedName(node)) {
      const left = dotted(node.left);
      return left ? [...left, node.right.text] : undefined;
    }
    return undefined;
  };

  const propertyName = (name: ts.PropertyName): string | undefined => {
    if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
    if (ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
    if (ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression)) return name.expression.text;
    return undefined;
  };

  const listOf = (elements: readonly ts.Node[], open: number, close: number): EntryList => ({
    entries: elements.map(lowerEntry),
    range: { start: open, end: close },
    inner: { start: open + 1, end: close - 1 },
  });

  const lowerEntry = (node: ts.Node): Entry => {
    if (ts.isPropertyAssignment(node)) {
      const key = propertyName(node.name);
      const value = lowerValue(node.initializer);
      if (key === undefined) return { key: null, opaqueKey: true, keyRange: range(node.name), value, range: range(node) };
      return { key, keyRange: range(node.name), value, range: range(node) };
    }
    if (ts.isShorthandPropertyAssignment(node)) {
      const value: Value = { kind: "name", range: range(node.name), name: node.name.text };
      return { key: node.name.text, keyRange: range(node.name), value, range: range(node) };
    }
    if (ts.isSpreadAssignment(node) || ts.isSpreadElement(node)) {
      return { key: null, spread: true, value: lowerValue(node.expression), range: range(node) };
    }
    if (ts.isMethodDeclaration(node) || ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node)) {
      const key = propertyName(node.name);
      return { key: key ?? null, opaqueKey: key === undefined, value: { kind: "other", range: range(node) }, range: range(node) };
    }
    if (ts.isOmittedExpression(node)) return { key: null, value: { kind: "other", range: range(node) }, range: range(node) };
    return { key: null, value: lowerValue(node as ts.Expression), range: range(node) };
  };

  /**
   * A value's range is the whole expression (`await f()`, `x as T`, `process.env.X ?? "d"`), so an
   * edit that moves or replaces it keeps what surrounds the core; literals keep their content range.
   */
  const lowerValue = (outer: ts.Expression): Value => {
    const node = unwrap(outer);
    const value = lowerCore(node);
    return node === outer ? value : { ...value, range: range(outer) };
  };

  const lowerCore = (node: ts.Expression): Value => {
    const here = range(node);
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
      return { kind: "object", range: here, list: listOf(node.properties, here.start, here.end) };
    }
    if (ts.isArrayLiteralExpression(node)) {
      return { kind: "array", range: here, list: listOf(node.elements, here.start, here.end) };
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
      const fallback = lowerValue(node.right);
      if (fallback.kind === "string") return { ...fallback, range: here };
    }
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const call = lowerCall(node);
      const callee = call.base.kind === "name" ? [...call.base.segments, ...call.members].join(".") : undefined;
      return { kind: "call", range: here, args: call.args, ...(callee ? { callee } : {}) };
    }
    return { kind: "other", range: here };
  };

  /** `resp.choices[0].message` as root `resp` and path `choices`, `[]`, `message`. */
  const chainOf = (start: ts.Expression): Chain => {
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
        return { root: { kind: "call", call: lowerCall(node) }, path };
      } else if (ts.isIdentifier(node)) {
        return { root: { kind: "name", name: node.text }, path };
      } else if (node.kind === ts.SyntaxKind.ThisKeyword && path.length > 0) {
        return { root: { kind: "name", name: `this.${path[0]}` }, path: path.slice(1) };
      } else {
        return { root: { kind: "other" }, path };
      }
    }
  };

  const addRead = (node: ts.Node, field: string, fieldRange: Range, kind: RawRead["kind"], owner: ts.Expression): void => {
    reads.push({ field, range: fieldRange, kind, chain: chainOf(owner), receiver: range(owner), group: range(expressionGroup(node)), scope: scopeOf(node) });
  };
  /** A string literal's text between its quotes. */
  const contentOf = (literal: ts.Node): Range => {
    const here = range(literal);
    return { start: here.start + 1, end: here.end - 1 };
  };

  const visitRead = (node: ts.PropertyAccessExpression | ts.ElementAccessExpression | ts.BinaryExpression): void => {
    if (ts.isPropertyAccessExpression(node)) {
      if (RESPONSE_FIELDS.has(node.name.text)) addRead(node, node.name.text, range(node.name), "attribute", node.expression);
      return;
    }
    if (ts.isBinaryExpression(node)) {
      // "reasoning_content" in delta
      if (node.operatorToken.kind === ts.SyntaxKind.InKeyword && ts.isStringLiteralLike(node.left) && RESPONSE_FIELDS.has(node.left.text)) {
        addRead(node, node.left.text, contentOf(node.left), "in", node.right);
      }
      return;
    }
    const argument = node.argumentExpression;
    if (ts.isStringLiteralLike(argument) && RESPONSE_FIELDS.has(argument.text)) addRead(node, argument.text, contentOf(argument), "subscript", node.expression);
  };

  /** `{ role: "assistant", reasoning_content }`: where the literal goes decides if it is sent. */
  const visitKey = (property: ts.PropertyAssignment | ts.ShorthandPropertyAssignment): void => {
    const name = property.name;
    const key = ts.isShorthandPropertyAssignment(property) ? property.name.text : propertyName(name);
    if (key === undefined || !RESPONSE_FIELDS.has(key)) return;
    const object = property.parent as ts.ObjectLiteralExpression;
    let role: string | undefined;
    for (const sibling of object.properties) {
      if (ts.isPropertyAssignment(sibling) && propertyName(sibling.name) === "role" && ts.isStringLiteralLike(sibling.initializer)) role = sibling.initializer.text;
    }
    const here = range(name);
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
      const call = ownerCall(parent.parent.parent);
      if (call) found.messagesOf = call;
    } else if (ts.isCallExpression(parent) && ts.isPropertyAccessExpression(parent.expression) && parent.expression.name.text === "push") {
      const target = dotted(unwrap(parent.expression.expression));
      if (target) found.appendedTo = target.join(".");
    }
    keys.push(found);
  };

  const lowerCallee = (node: ts.Expression): { base: CalleeBase; members: string[] } => {
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
      return { base: { kind: "call", call: lowerCall(current) }, members };
    }
    return { base: { kind: "other" }, members };
  };

  function lowerCall(node: ts.CallExpression | ts.NewExpression): RawCall {
    const known = callByNode.get(node);
    if (known) return known;
    const { base, members } = lowerCallee(node.expression);
    const argumentNodes = node.arguments ?? ts.factory.createNodeArray([]);
    const hasParens = node.arguments !== undefined;
    // The "(" sits just before the arguments' start; the call itself ends with ")".
    const open = hasParens ? argumentNodes.pos - 1 : node.end;
    const close = node.end;
    const args = listOf(argumentNodes, open, close);
    const first = argumentNodes[0] ? unwrap(argumentNodes[0]) : undefined;
    const fields = first && ts.isObjectLiteralExpression(first) ? lowerValue(first).list : undefined;
    const call: RawCall = {
      range: range(node),
      scope: scopeOf(node),
      calleeRange: range(node.expression),
      base,
      members,
      args,
      ...(fields ? { fields } : {}),
      open: first !== undefined && (!fields || fields.entries.some((entry) => entry.spread || entry.opaqueKey)),
    };
    callByNode.set(node, call);
    calls.push(call);
    return call;
  }

  const addModel = (value: Value, position: RawModel["position"], key: string, call?: RawCall, scope?: number): void => {
    const found = modelsIn(value, position, key, call);
    for (const model of found) models.push(scope === undefined ? model : { ...model, scope });
  };

  const bindInitializer = (name: string, initializer: ts.Expression | undefined): void => {
    if (!initializer) return;
    const value = unwrap(initializer);
    assign(name, lowerValue(value));
    if (ts.isPropertyAccessExpression(value) || ts.isElementAccessExpression(value) || ts.isIdentifier(value)) {
      bindings.push({ name, chain: chainOf(value), scope: scopeOf(value, name) });
    }
    if (ts.isNewExpression(value) || ts.isCallExpression(value)) {
      const required = requiredModule(value);
      if (required !== undefined) {
        aliases.set(name, required);
        localImports.push({ local: name, module: required, name: null });
        return;
      }
      bindings.push({ name, call: lowerCall(value), scope: scopeOf(value, name) });
    } else if (!ts.isPropertyAccessExpression(value) && !ts.isElementAccessExpression(value) && !ts.isIdentifier(value) && !isFunctionValue(value) && value.kind !== ts.SyntaxKind.NullKeyword) {
      // Any other value: the name holds something that is not a client (and, at module level,
      // a name other modules may import).
      bindings.push({ name, scope: scopeOf(value, name) });
    }
    addModel(lowerValue(value), "variable", name, undefined, scopeOf(value, name));
  };
  /** `() => ...`, `function () {...}`: a module-level one is a factory other code may call. */
  const isFunctionValue = (value: ts.Expression): boolean => ts.isArrowFunction(value) || ts.isFunctionExpression(value);

  const requiredModule = (node: ts.Expression): string | undefined => {
    if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== "require") return undefined;
    const [argument] = node.arguments;
    return argument && ts.isStringLiteralLike(argument) ? argument.text : undefined;
  };

  const bindType = (name: string, type: ts.TypeNode | undefined): void => {
    if (type && ts.isTypeReferenceNode(type)) {
      const segments = dotted(type.typeName);
      if (segments) bindings.push({ name, typeSegments: segments, scope: scopeOf(type, name) });
    }
  };

  const visitImport = (node: ts.ImportDeclaration): void => {
    if (!ts.isStringLiteral(node.moduleSpecifier) || !node.importClause) return;
    const module = node.moduleSpecifier.text;
    const statement: ImportStatement = { range: range(node), module, names: [] };
    imports.push(statement);
    const clause = node.importClause;
    if (clause.name) {
      aliases.set(clause.name.text, `${module}.default`);
      statement.names.push({ name: "default", local: clause.name.text });
      localImports.push({ local: clause.name.text, module, name: "default" });
    }
    const named = clause.namedBindings;
    if (!named) return;
    if (ts.isNamespaceImport(named)) {
      aliases.set(named.name.text, module);
      localImports.push({ local: named.name.text, module, name: null });
    } else {
      for (const element of named.elements) {
        const imported = (element.propertyName ?? element.name).text;
        aliases.set(element.name.text, `${module}.${imported}`);
        statement.names.push({ name: imported, local: element.name.text });
        localImports.push({ local: element.name.text, module, name: imported });
      }
    }
  };

  /** `export { a as b } from "./m"`, `export * from "./m"`, and local `export { client as default }`. */
  const visitExport = (node: ts.ExportDeclaration): void => {
    const module = node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : undefined;
    const clause = node.exportClause;
    if (module !== undefined) {
      if (!clause) reexports.push({ exported: null, module, name: null });
      else if (ts.isNamespaceExport(clause)) reexports.push({ exported: clause.name.text, module, name: null });
      else for (const element of clause.elements) reexports.push({ exported: element.name.text, module, name: (element.propertyName ?? element.name).text });
      return;
    }
    if (!clause || !ts.isNamedExports(clause)) return;
    for (const element of clause.elements) {
      const local = (element.propertyName ?? element.name).text;
      if (element.name.text === "default") defaultExport = { name: local };
      else if (local !== element.name.text) bindings.push({ name: element.name.text, chain: { root: { kind: "name", name: local }, path: [] }, scope: -1 });
    }
  };

  const isDefaultExport = (node: ts.Node): boolean => {
    const modifiers = ts.canHaveModifiers(node) ? (ts.getModifiers(node) ?? []) : [];
    return modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword);
  };

  /** `function getClient() {...}` or `const getClient = () => ...` at module level. */
  const visitFunction = (node: ts.FunctionDeclaration | ts.VariableDeclaration): void => {
    if (ts.isFunctionDeclaration(node)) {
      if (node.parent !== source) return;
      if (node.name) functions.set(node.name.text, node.pos);
      if (isDefaultExport(node)) functions.set("default", node.pos);
      return;
    }
    const initializer = node.initializer ? unwrap(node.initializer) : undefined;
    const statement = node.parent?.parent;
    if (!initializer || !ts.isIdentifier(node.name) || !statement || statement.parent !== source) return;
    if (!ts.isArrowFunction(initializer) && !ts.isFunctionExpression(initializer)) return;
    functions.set(node.name.text, initializer.pos);
    if (ts.isArrowFunction(initializer) && !ts.isBlock(initializer.body)) returned(initializer.pos, initializer.body);
  };

  const visitVariable = (node: ts.VariableDeclaration): void => {
    if (ts.isIdentifier(node.name)) {
      bindType(node.name.text, node.type);
      bindInitializer(node.name.text, node.initializer);
      return;
    }
    // const { OpenAI } = require("openai")
    const required = node.initializer ? requiredModule(unwrap(node.initializer)) : undefined;
    if (required === undefined || !ts.isObjectBindingPattern(node.name)) return;
    for (const element of node.name.elements) {
      if (!ts.isIdentifier(element.name)) continue;
      const imported = element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName.text : element.name.text;
      aliases.set(element.name.text, `${required}.${imported}`);
      localImports.push({ local: element.name.text, module: required, name: imported });
    }
  };

  const collectComments = (position: number): void => {
    const ranges = [
      ...(ts.getLeadingCommentRanges(text, position) ?? []),
      ...(ts.getTrailingCommentRanges(text, position) ?? []),
    ];
    for (const comment of ranges) {
      if (seenComments.has(comment.pos)) continue;
      seenComments.add(comment.pos);
      comments.push({ range: { start: comment.pos, end: comment.end }, text: text.slice(comment.pos, comment.end) });
    }
  };

  /** `const { client } = require("./llm")`: an import, not a shadowing local. */
  const isRequireBinding = (node: ts.BindingElement): boolean => {
    const declaration = node.parent.parent;
    return ts.isVariableDeclaration(declaration) && declaration.initializer !== undefined && requiredModule(unwrap(declaration.initializer)) !== undefined;
  };

  let visited = 0;
  const visit = (node: ts.Node): void => {
    if ((++visited & 4095) === 0) budget.check();
    collectComments(node.pos);
    collectComments(node.end);
    if (ts.isStringLiteral(node)) {
      const quote = text[start(node)];
      if (quote === '"') doubleQuotes++;
      else if (quote === "'") singleQuotes++;
    } else if (ts.isImportDeclaration(node)) {
      visitImport(node);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const reference = node.moduleReference.expression;
      if (ts.isStringLiteral(reference)) aliases.set(node.name.text, reference.text);
    } else if (ts.isVariableDeclaration(node)) {
      visitVariable(node);
      visitFunction(node);
    } else if (ts.isFunctionDeclaration(node)) {
      visitFunction(node);
      // A function declared inside another shadows an import of its name there.
      if (node.parent !== source && node.name) shadowed.add(shadowKey(scopeOf(node), node.name.text));
    } else if (ts.isBindingElement(node) && ts.isIdentifier(node.name) && !isRequireBinding(node)) {
      // const { client } = ..., ([client]) => ...: not modelled, but it shadows an import.
      shadowed.add(shadowKey(scopeOf(node), node.name.text));
    } else if (ts.isCatchClause(node) && node.variableDeclaration && ts.isIdentifier(node.variableDeclaration.name)) {
      shadowed.add(shadowKey(scopeOf(node), node.variableDeclaration.name.text));
    } else if (ts.isClassDeclaration(node) && node.name) {
      shadowed.add(shadowKey(scopeOf(node), node.name.text));
    } else if (ts.isReturnStatement(node) && node.expression) {
      const scope = scopeOf(node);
      if (scope !== -1) returned(scope, node.expression);
    } else if (ts.isExportDeclaration(node)) {
      visitExport(node);
    } else if (ts.isExportAssignment(node) && !node.isExportEquals) {
      const value = unwrap(node.expression);
      if (ts.isIdentifier(value)) defaultExport = { name: value.text };
      else if (ts.isNewExpression(value) || ts.isCallExpression(value)) defaultExport = { call: lowerCall(value) };
    } else if (ts.isPropertyDeclaration(node) && ts.isIdentifier(node.name)) {
      bindType(`this.${node.name.text}`, node.type);
      bindInitializer(`this.${node.name.text}`, node.initializer);
    } else if (ts.isParameter(node) && ts.isIdentifier(node.name)) {
      bindType(node.name.text, node.type);
      // An untyped parameter still shadows an outer name: what it holds is unknown.
      if (!node.type || !ts.isTypeReferenceNode(node.type)) bindings.push({ name: node.name.text, scope: scopeOf(node) });
      // constructor(private client: OpenAI): a parameter property is also this.client.
      const isProperty = (ts.getModifiers(node)?.length ?? 0) > 0;
      if (isProperty) bindType(`this.${node.name.text}`, node.type);
      if (node.initializer) addModel(lowerValue(node.initializer), "parameter", node.name.text);
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = unwrap(node.left);
      // params.top_p = x or params["top_p"] = x changes what `params` holds.
      const owner = ts.isPropertyAccessExpression(left) || ts.isElementAccessExpression(left) ? dotted(unwrap(left.expression)) : undefined;
      if (owner && owner[0] !== "this") assign(owner.join("."), { kind: "other", range: range(left) });
      const target = dotted(left);
      if (target) {
        const name = target.join(".");
        const value = lowerValue(node.right);
        assign(name, value);
        const right = unwrap(node.right);
        if (ts.isNewExpression(right) || ts.isCallExpression(right)) bindings.push({ name, call: lowerCall(right), scope: scopeOf(node, name) });
        else if (ts.isIdentifier(right) || ts.isPropertyAccessExpression(right) || ts.isElementAccessExpression(right)) {
          bindings.push({ name, chain: chainOf(right), scope: scopeOf(node, name) });
        } else if (right.kind !== ts.SyntaxKind.NullKeyword && !(ts.isIdentifier(right) && right.text === "undefined")) {
          bindings.push({ name, scope: scopeOf(node, name) });
        }
        addModel(value, "variable", name);
      }
    } else if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      lowerCall(node);
    } else if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      visitRead(node);
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.InKeyword) {
      visitRead(node);
    } else if (ts.isForOfStatement(node)) {
      // for await (const chunk of stream): each chunk is an element of what is iterated.
      const declarations = ts.isVariableDeclarationList(node.initializer) ? node.initializer.declarations : [];
      const [declaration] = declarations;
      if (declarations.length === 1 && declaration && ts.isIdentifier(declaration.name)) {
        const chain = chainOf(node.expression);
        bindings.push({ name: declaration.name.text, chain: { root: chain.root, path: [...chain.path, "[]"] }, scope: scopeOf(node) });
      }
    } else if (ts.isShorthandPropertyAssignment(node)) {
      visitKey(node);
    } else if (ts.isPropertyAssignment(node)) {
      visitKey(node);
      const key = propertyName(node.name);
      if (key !== undefined) {
        const owner = node.parent;
        const call = ownerCall(owner);
        addModel(lowerValue(node.initializer), call ? "argument" : "entry", key, call);
      }
    }
    ts.forEachChild(node, visit);
  };

  /** The call whose first argument is this object literal (the request or options object). */
  const ownerCall = (object: ts.Node): RawCall | undefined => {
    let parent = object.parent;
    let child: ts.Node = object;
    while (parent && (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isSatisfiesExpression(parent))) {
      child = parent;
      parent = parent.parent;
    }
    if (parent && (ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.[0] === child) {
      return lowerCall(parent);
    }
    return undefined;
  };

  visit(source);

  return {
    path,
    language,
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
    kit: javascriptKit(language, singleQuotes > doubleQuotes ? "'" : '"'),
    tables: TABLES,
    localImports,
    reexports,
    functions,
    returns,
    shadowed,
    ...(defaultExport ? { defaultExport } : {}),
  };
}
