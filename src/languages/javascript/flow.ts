import { createRequire } from "node:module";
import type { ParseError } from "../../model/types.js";

// Babel is loaded only for a Flow file: for every other JS/TS run, loading it cost about 50 ms of
// start-up (an ES module import of its 1.8 MB CommonJS file is scanned for its exports first).
const babel = (): typeof import("@babel/parser") => createRequire(import.meta.url)("@babel/parser");

/** `// @flow` or `/* @flow *\/` in the comments before the first statement. */
export function isFlow(text: string): boolean {
  const header = /^(?:\s|\/\/[^\n]*\n?|\/\*[\s\S]*?\*\/)*/.exec(text)?.[0] ?? "";
  return /@flow\b/.test(header);
}

interface BabelNode {
  type: string;
  start: number;
  end: number;
  importKind?: string;
  exportKind?: string;
  optional?: boolean;
  [key: string]: unknown;
}

const TYPE_ONLY = new Set([
  "TypeAnnotation",
  "TypeParameterDeclaration",
  "TypeParameterInstantiation",
  "TypeAlias",
  "OpaqueType",
  "InterfaceDeclaration",
  "DeclareVariable",
  "DeclareFunction",
  "DeclareClass",
  "DeclareModule",
  "DeclareModuleExports",
  "DeclareTypeAlias",
  "DeclareOpaqueType",
  "DeclareInterface",
  "DeclareExportDeclaration",
  "DeclareExportAllDeclaration",
  "DeclaredPredicate",
  "InferredPredicate",
]);

/**
 * Checks Flow syntax with Babel, then blanks every type annotation with spaces so TypeScript's
 * parser reads the rest as plain JavaScript at the very same offsets. One lowering then serves
 * JS, TS and Flow, and edits still land on the original text.
 */
export function blankFlowTypes(text: string): { text: string } | { error: ParseError } {
  let program: BabelNode;
  try {
    program = babel().parse(text, {
      sourceType: "unambiguous",
      plugins: ["flow", "jsx", "classProperties", "classPrivateProperties"],
      errorRecovery: false,
    }).program as unknown as BabelNode;
  } catch (error) {
    const position = (error as { pos?: number }).pos ?? 0;
    const message = (error as Error).message.replace(/\s*\(\d+:\d+\)$/, "");
    return { error: { range: { start: position, end: position }, message: `syntax error: ${message}` } };
  }
  // split("") yields UTF-16 code units, the same units Babel's offsets count.
  const units = text.split("");
  const blank = (start: number, end: number): void => {
    for (let index = start; index < end; index++) {
      if (units[index] !== "\n" && units[index] !== "\r") units[index] = " ";
    }
  };
  const visit = (node: BabelNode): void => {
    if (TYPE_ONLY.has(node.type)) {
      blank(node.start, node.end);
      return;
    }
    if (
      (node.type === "ImportDeclaration" && (node.importKind === "type" || node.importKind === "typeof")) ||
      ((node.type === "ExportNamedDeclaration" || node.type === "ExportAllDeclaration") && node.exportKind === "type")
    ) {
      blank(node.start, node.end);
      return;
    }
    if (node.type === "ImportSpecifier" && (node.importKind === "type" || node.importKind === "typeof")) {
      const comma = /^\s*,/.exec(text.slice(node.end));
      blank(node.start, node.end + (comma ? comma[0].length : 0));
      return;
    }
    if (node.type === "TypeCastExpression") {
      visit(node.expression as BabelNode);
      const annotation = node.typeAnnotation as BabelNode;
      blank(annotation.start, annotation.end);
      return;
    }
    if (node.type === "Identifier" && node.optional && node.typeAnnotation) {
      const annotation = node.typeAnnotation as BabelNode;
      const question = text.lastIndexOf("?", annotation.start);
      if (question >= node.start) blank(question, question + 1);
    }
    if ((node.type === "ClassDeclaration" || node.type === "ClassExpression") && Array.isArray(node.implements)) {
      const implemented = node.implements as BabelNode[];
      if (implemented.length > 0) {
        const keyword = text.lastIndexOf("implements", implemented[0]!.start);
        blank(keyword, implemented.at(-1)!.end);
      }
    }
    for (const key of Object.keys(node)) {
      if (key === "loc" || key === "leadingComments" || key === "trailingComments" || key === "innerComments") continue;
      const child = node[key];
      if (Array.isArray(child)) {
        for (const item of child) if (isNode(item)) visit(item);
      } else if (isNode(child)) {
        visit(child);
      }
    }
  };
  visit(program);
  return { text: units.join("") };
}

function isNode(value: unknown): value is BabelNode {
  return typeof value === "object" && value !== null && typeof (value as BabelNode).type === "string";
}
