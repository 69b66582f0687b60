import ts from "./typescript.cjs";
import type { RawFile } from "../../model/assemble.js";
import { UNLIMITED, type Budget } from "../../model/budget.js";
import { RawFileBuilder } from "../../model/raw-file-builder.js";
import { JS_CONSTRUCTORS, JS_MODULE_CLIENTS, JS_REQUEST_FUNCTIONS } from "../../model/sdks.js";
import type { Language } from "../../model/types.js";
import { visitAssignment, visitField, visitMethod, visitObjectAssign, visitForOf, visitFunction, visitParameter, visitProperty, visitReturn, visitVariable } from "./bindings.js";
import { javascriptKit } from "./kit.js";
import { visitKey, visitRead } from "./reads.js";
import { visitExport, visitExportAssignment, visitImport, visitImportEquals, visitShadowing } from "./scopes.js";
import { forgetScopes, scopeOf, start, type ScriptLowering } from "./syntax.js";
import { lowerCall } from "./values.js";

// The walk over a TypeScript syntax tree. What each kind of node says is read by the parts:
// scopes.ts (imports, exports and scopes), values.ts (values and calls), bindings.ts (what names
// hold), reads.ts (response field reads and message keys).

const TABLES = {
  constructors: JS_CONSTRUCTORS,
  moduleClients: JS_MODULE_CLIENTS,
  requestFunctions: JS_REQUEST_FUNCTIONS,
  passThroughMembers: new Set(["withOptions"]),
};

/** The comments before and after a node's edges, each once. */
function collectComments(lowering: ScriptLowering, seen: Set<number>, position: number): void {
  const { text } = lowering;
  const ranges = [...(ts.getLeadingCommentRanges(text, position) ?? []), ...(ts.getTrailingCommentRanges(text, position) ?? [])];
  for (const comment of ranges) {
    if (seen.has(comment.pos)) continue;
    seen.add(comment.pos);
    lowering.raw.comments.push({ range: { start: comment.pos, end: comment.end }, text: text.slice(comment.pos, comment.end) });
  }
}

/** What one node says; the walk visits every node. */
function visitNode(lowering: ScriptLowering, node: ts.Node): void {
  if (ts.isStringLiteral(node)) {
    lowering.raw.countQuote(lowering.text[start(lowering, node)]);
  } else if (ts.isImportDeclaration(node)) {
    visitImport(lowering, node);
  } else if (ts.isImportEqualsDeclaration(node)) {
    visitImportEquals(lowering, node);
  } else if (ts.isVariableDeclaration(node)) {
    visitVariable(lowering, node);
    visitFunction(lowering, node);
  } else if (ts.isFunctionDeclaration(node)) {
    visitFunction(lowering, node);
    // A function declared inside another shadows an import of its name there.
    if (node.parent !== lowering.source && node.name) lowering.raw.shadow(scopeOf(node), node.name.text);
  } else if (ts.isBindingElement(node) || ts.isCatchClause(node) || ts.isClassDeclaration(node)) {
    visitShadowing(lowering, node);
  } else if (ts.isReturnStatement(node)) {
    visitReturn(lowering, node);
  } else if (ts.isExportDeclaration(node)) {
    visitExport(lowering, node);
  } else if (ts.isExportAssignment(node)) {
    visitExportAssignment(lowering, node);
  } else if (ts.isPropertyDeclaration(node)) {
    visitField(lowering, node);
  } else if (ts.isMethodDeclaration(node) || ts.isConstructorDeclaration(node) || ts.isGetAccessorDeclaration(node)) {
    visitMethod(lowering, node);
  } else if (ts.isParameter(node)) {
    visitParameter(lowering, node);
  } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    visitAssignment(lowering, node);
  } else if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
    lowerCall(lowering, node);
    if (ts.isCallExpression(node)) visitObjectAssign(lowering, node);
  } else if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
    visitRead(lowering, node);
  } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.InKeyword) {
    visitRead(lowering, node);
  } else if (ts.isForOfStatement(node)) {
    visitForOf(lowering, node);
  } else if (ts.isShorthandPropertyAssignment(node)) {
    visitKey(lowering, node);
  } else if (ts.isPropertyAssignment(node)) {
    visitKey(lowering, node);
    visitProperty(lowering, node);
  }
}

/** Reads a TypeScript syntax tree (of JS, TS or blanked Flow) into the assembler's facts. */
export function lowerJavaScript(path: string, language: Language, text: string, source: ts.SourceFile, budget: Budget = UNLIMITED): RawFile {
  const raw = new RawFileBuilder();
  const lowering: ScriptLowering = { text, source, raw, callByNode: new Map() };
  const seenComments = new Set<number>();
  let visited = 0;
  const visit = (node: ts.Node): void => {
    if ((++visited & 4095) === 0) budget.check();
    collectComments(lowering, seenComments, node.pos);
    collectComments(lowering, seenComments, node.end);
    visitNode(lowering, node);
    ts.forEachChild(node, visit);
  };
  try {
    visit(source);
  } finally {
    forgetScopes();
  }
  return raw.finish({ path, language, text, kit: javascriptKit(language, raw.preferredQuote), tables: TABLES });
}
