import ts from "./typescript.cjs";
import { candidateQuotes, type RawLiteral, type StringPlace } from "../../model/literals.js";
import type { Range } from "../../model/types.js";

/** Methods whose string argument is tested against a value, not set as one. */
const TEST_METHODS = new Set(["includes", "startsWith", "endsWith", "has", "indexOf", "lastIndexOf", "match", "test", "localeCompare", "get", "delete"]);
const EQUALITY = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

const nameText = (node: ts.Node | undefined, source: ts.SourceFile): string | undefined => {
  if (!node) return undefined;
  if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node) || ts.isStringLiteralLike(node) || ts.isNumericLiteral(node)) return node.text;
  return node.getText(source);
};

/** Expressions a value passes through unchanged (`x as T`, `(x)`, `env || x`, `c ? x : y`). */
function transparent(node: ts.Node, child: ts.Node): boolean {
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isNonNullExpression(node)) return true;
  if (ts.isConditionalExpression(node)) return child !== node.condition;
  if (ts.isBinaryExpression(node)) {
    const kind = node.operatorToken.kind;
    return (kind === ts.SyntaxKind.BarBarToken || kind === ts.SyntaxKind.QuestionQuestionToken) && child === node.right;
  }
  return false;
}

function placeOf(literal: ts.StringLiteralLike, source: ts.SourceFile): { place: StringPlace; key?: string } {
  let child: ts.Node = literal;
  let parent = literal.parent;
  while (parent && transparent(parent, child)) {
    child = parent;
    parent = parent.parent;
  }
  if (!parent) return { place: "other" };
  if (ts.isPropertyAssignment(parent)) {
    if (parent.name === child) return { place: "key" };
    const key = nameText(parent.name, source);
    return { place: "value", ...(key !== undefined ? { key } : {}) };
  }
  if (ts.isComputedPropertyName(parent)) return { place: "key" };
  if (ts.isArrayLiteralExpression(parent)) {
    // ["a", "b"].includes(model): a list that is only tested against.
    const owner = parent.parent;
    if (owner && ts.isPropertyAccessExpression(owner) && owner.expression === parent && TEST_METHODS.has(owner.name.text)) return { place: "comparison" };
    return { place: "element" };
  }
  if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) {
    const callee = parent.expression;
    if (ts.isPropertyAccessExpression(callee) && TEST_METHODS.has(callee.name.text) && parent.arguments?.[0] === child) return { place: "comparison" };
    return { place: "argument", key: callee.getText(source) };
  }
  if (ts.isBinaryExpression(parent)) {
    if (EQUALITY.has(parent.operatorToken.kind)) return { place: "comparison" };
    if (parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === child) return { place: "variable", key: parent.left.getText(source) };
    return { place: "other" };
  }
  if (ts.isCaseClause(parent)) return { place: "case" };
  if (ts.isElementAccessExpression(parent)) return { place: "key" };
  if (ts.isLiteralTypeNode(parent)) return { place: "type" };
  if (ts.isEnumMember(parent)) return { place: "enum", key: nameText(parent.name, source)! };
  if (ts.isPropertyDeclaration(parent)) return { place: "field", key: nameText(parent.name, source)! };
  if (ts.isVariableDeclaration(parent)) return { place: "variable", key: parent.name.getText(source) };
  if (ts.isParameter(parent) || ts.isBindingElement(parent)) return { place: "parameter", key: parent.name.getText(source) };
  if (ts.isReturnStatement(parent) || ts.isArrowFunction(parent)) return { place: "value" };
  return { place: "other" };
}

/** Literal kinds whose strings form one catalog: lists, objects, enums and union types. */
function isCollection(node: ts.Node): boolean {
  return ts.isArrayLiteralExpression(node) || ts.isObjectLiteralExpression(node) || ts.isEnumDeclaration(node) || ts.isUnionTypeNode(node);
}

/** What a string's catalog is made of climbs through: entries, calls that are elements, wrappers. */
function climbable(node: ts.Node): boolean {
  return (
    isCollection(node) ||
    ts.isPropertyAssignment(node) ||
    ts.isSpreadElement(node) ||
    ts.isSpreadAssignment(node) ||
    ts.isEnumMember(node) ||
    ts.isLiteralTypeNode(node) ||
    ts.isParenthesizedExpression(node) ||
    ts.isAsExpression(node) ||
    ts.isSatisfiesExpression(node) ||
    ts.isCallExpression(node) ||
    ts.isNewExpression(node)
  );
}

function containerOf(literal: ts.Node, source: ts.SourceFile): Range | undefined {
  let found: ts.Node | undefined;
  for (let node = literal.parent; node && climbable(node); node = node.parent) {
    if (isCollection(node)) found = node;
  }
  return found ? { start: found.getStart(source), end: found.end } : undefined;
}

/**
 * The string literals of a JS/TS file shaped like model IDs or URLs, with where each sits. Only
 * the branches of the tree that hold a candidate quote are walked.
 */
export function findLiterals(text: string, source: ts.SourceFile): RawLiteral[] {
  const quotes = candidateQuotes(text);
  if (quotes.size === 0) return [];
  const sorted = [...quotes].sort((a, b) => a - b);
  const holds = (node: ts.Node): boolean => {
    // Any candidate between the node's full start and its end.
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sorted[middle]! < node.pos) low = middle + 1;
      else high = middle;
    }
    return low < sorted.length && sorted[low]! < node.end;
  };
  const found: RawLiteral[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const start = node.getStart(source);
      if (!quotes.has(start)) return;
      const container = containerOf(node, source);
      found.push({
        value: { kind: "string", range: { start, end: node.end }, contentRange: { start: start + 1, end: node.end - 1 }, string: node.text },
        ...placeOf(node, source),
        ...(container ? { container } : {}),
      });
      return;
    }
    ts.forEachChild(node, (child) => {
      if (holds(child)) visit(child);
    });
  };
  visit(source);
  return found;
}
