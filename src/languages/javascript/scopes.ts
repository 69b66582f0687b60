import ts from "./typescript.cjs";
import type { ImportStatement } from "../../model/types.js";
import { range, requiredModule, scopeOf, unwrap, type ScriptLowering } from "./syntax.js";
import { lowerCall } from "./values.js";

// Imports and exports, and the names that functions, classes, patterns and `catch` bind in a scope.

export function visitImport(lowering: ScriptLowering, node: ts.ImportDeclaration): void {
  if (!ts.isStringLiteral(node.moduleSpecifier) || !node.importClause) return;
  const { aliases, localImports } = lowering.raw;
  const module = node.moduleSpecifier.text;
  const statement: ImportStatement = { range: range(lowering, node), module, names: [] };
  lowering.raw.imports.push(statement);
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
}

/** `import OpenAI = require("openai")`. */
export function visitImportEquals(lowering: ScriptLowering, node: ts.ImportEqualsDeclaration): void {
  if (!ts.isExternalModuleReference(node.moduleReference)) return;
  const reference = node.moduleReference.expression;
  if (ts.isStringLiteral(reference)) lowering.raw.aliases.set(node.name.text, reference.text);
}

/** `const { OpenAI } = require("openai")`: names imported by destructuring a require. */
export function visitRequirePattern(lowering: ScriptLowering, node: ts.VariableDeclaration): void {
  const required = node.initializer ? requiredModule(unwrap(node.initializer)) : undefined;
  if (required === undefined || !ts.isObjectBindingPattern(node.name)) return;
  for (const element of node.name.elements) {
    if (!ts.isIdentifier(element.name)) continue;
    const imported = element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName.text : element.name.text;
    lowering.raw.aliases.set(element.name.text, `${required}.${imported}`);
    lowering.raw.localImports.push({ local: element.name.text, module: required, name: imported });
  }
}

/** `export { a as b } from "./m"`, `export * from "./m"`, and local `export { client as default }`. */
export function visitExport(lowering: ScriptLowering, node: ts.ExportDeclaration): void {
  const { reexports } = lowering.raw;
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
    if (element.name.text === "default") lowering.raw.defaultExport = { name: local };
    else if (local !== element.name.text) lowering.raw.bindings.push({ name: element.name.text, chain: { root: { kind: "name", name: local }, path: [] }, scope: -1 });
  }
}

/** `export default client`, `export default new OpenAI()`. */
export function visitExportAssignment(lowering: ScriptLowering, node: ts.ExportAssignment): void {
  if (node.isExportEquals) return;
  const value = unwrap(node.expression);
  if (ts.isIdentifier(value)) lowering.raw.defaultExport = { name: value.text };
  else if (ts.isNewExpression(value) || ts.isCallExpression(value)) lowering.raw.defaultExport = { call: lowerCall(lowering, value) };
}

/** `const { client } = require("./llm")`: an import, not a shadowing local. */
function isRequireBinding(node: ts.BindingElement): boolean {
  const declaration = node.parent.parent;
  return ts.isVariableDeclaration(declaration) && declaration.initializer !== undefined && requiredModule(unwrap(declaration.initializer)) !== undefined;
}

/**
 * Names bound by forms the bindings do not model, which shadow an import of the same name in
 * their scope: a destructured name (`const { client } = ...`, `([client]) => ...`), `catch (e)`,
 * a class.
 */
export function visitShadowing(lowering: ScriptLowering, node: ts.BindingElement | ts.CatchClause | ts.ClassDeclaration): void {
  let name: string | undefined;
  if (ts.isBindingElement(node)) name = ts.isIdentifier(node.name) && !isRequireBinding(node) ? node.name.text : undefined;
  else if (ts.isCatchClause(node)) name = node.variableDeclaration && ts.isIdentifier(node.variableDeclaration.name) ? node.variableDeclaration.name.text : undefined;
  else name = node.name?.text;
  if (name !== undefined) lowering.raw.shadow(scopeOf(node), name);
}
