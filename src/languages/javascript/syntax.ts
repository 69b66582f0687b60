import ts from "./typescript.cjs";
import type { RawCall } from "../../model/assemble.js";
import type { RawFileBuilder } from "../../model/raw-file-builder.js";
import type { Range } from "../../model/types.js";

/** What the parts of the JS/TS lowering share while one walk over a tree lasts. */
export interface ScriptLowering {
  readonly text: string;
  readonly source: ts.SourceFile;
  readonly raw: RawFileBuilder;
  /** Calls lowered so far: a call met twice (as a value, then in the walk) is one call. */
  readonly callByNode: Map<ts.Node, RawCall>;
}

export const start = (lowering: ScriptLowering, node: ts.Node): number => node.getStart(lowering.source);

export const range = (lowering: ScriptLowering, node: ts.Node): Range => ({ start: start(lowering, node), end: node.end });

/** The enclosing function's start, or -1 at module level (also for `this.` names). */
export function scopeOf(node: ts.Node, name?: string): number {
  return name?.startsWith("this.") ? -1 : enclosingFunction(node);
}

// Long climbs are remembered per node, so deep nesting costs one climb per level, not one per node
// and level. A Map emptied after each file, not a WeakMap: a million weak entries made every
// garbage collection crawl (31 s of a 1M-line file's 45). Short climbs (a module-level statement's
// parts) are not remembered at all.
const enclosing = new Map<ts.Node, number>();
const REMEMBERED_CLIMB = 4;

function enclosingFunction(node: ts.Node): number {
  const climbed: ts.Node[] = [];
  let scope = -1;
  for (let current = node; ; ) {
    const parent = current.parent;
    if (!parent) break;
    if (ts.isFunctionLike(parent)) {
      scope = parent.pos;
      break;
    }
    const known = enclosing.get(parent);
    if (known !== undefined) {
      scope = known;
      break;
    }
    climbed.push(parent);
    current = parent;
  }
  if (climbed.length > REMEMBERED_CLIMB) for (const passed of climbed) enclosing.set(passed, scope);
  return scope;
}

/** Forgets the climbs remembered for one file's tree. */
export function forgetScopes(): void {
  enclosing.clear();
}

export function unwrap(node: ts.Expression): ts.Expression {
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
}

/** `a.b.c` (or `this.b`, or a qualified type name) as its segments. */
export function dotted(node: ts.Node): string[] | undefined {
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
}

export function propertyName(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  if (ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression)) return name.expression.text;
  return undefined;
}

/** The module of `require("m")`. */
export function requiredModule(node: ts.Expression): string | undefined {
  if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== "require") return undefined;
  const [argument] = node.arguments;
  return argument && ts.isStringLiteralLike(argument) ? argument.text : undefined;
}

/** `() => ...`, `function () {...}`: a module-level one is a factory other code may call. */
export const isFunctionValue = (value: ts.Expression): boolean => ts.isArrowFunction(value) || ts.isFunctionExpression(value);

export function isDefaultExport(node: ts.Node): boolean {
  const modifiers = ts.canHaveModifiers(node) ? (ts.getModifiers(node) ?? []) : [];
  return modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword);
}
