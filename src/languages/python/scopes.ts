import type { Node } from "web-tree-sitter";
import type { Signature } from "../../model/wrappers.js";
import type { ImportStatement } from "../../model/types.js";
import { range, type PythonLowering } from "./syntax.js";

// Imports, and the names that functions, classes and patterns bind in a scope.

/** `import openai as oa`, `from openai import OpenAI`, `from .llm import client`. */
export function visitImport(lowering: PythonLowering, node: Node): void {
  const { aliases, localImports } = lowering.raw;
  const statement: ImportStatement = { range: range(node), module: "", names: [] };
  lowering.raw.imports.push(statement);
  if (node.type === "import_statement") {
    for (const child of node.namedChildren) {
      if (child?.type === "dotted_name") {
        const head = child.text.split(".")[0]!.trim();
        aliases.set(head, head);
      } else if (child?.type === "aliased_import") {
        const name = child.childForFieldName("name");
        const alias = child.childForFieldName("alias");
        if (name && alias) {
          const module = name.text.replace(/\s+/g, "");
          aliases.set(alias.text, module);
          localImports.push({ local: alias.text, module, name: null });
        }
      }
    }
    return;
  }
  const moduleName = node.childForFieldName("module_name");
  if (!moduleName) return;
  const module = moduleName.text.replace(/\s+/g, "");
  // from .llm import client: a module of this project, never an SDK.
  const relative = moduleName.type === "relative_import";
  if (!relative) statement.module = module;
  for (const child of node.childrenForFieldName("name")) {
    if (child?.type === "dotted_name") {
      if (!relative) aliases.set(child.text, `${module}.${child.text}`);
      statement.names.push({ name: child.text, local: child.text });
      localImports.push({ local: child.text, module, name: child.text });
    } else if (child?.type === "aliased_import") {
      const name = child.childForFieldName("name");
      const alias = child.childForFieldName("alias");
      if (name && alias) {
        if (!relative) aliases.set(alias.text, `${module}.${name.text}`);
        statement.names.push({ name: name.text, local: alias.text });
        localImports.push({ local: alias.text, module, name: name.text });
      }
    }
  }
}

/** A function defined at module level (not a method) others may call by name; a nested one shadows. */
export function definedFunction(lowering: PythonLowering, node: Node, start: number, nested: boolean): void {
  const name = node.childForFieldName("name");
  if (!name) return;
  if (nested) {
    lowering.raw.shadow(lowering.scope, name.text);
    return;
  }
  const decorated = lowering.typeAbove(1) === "decorated_definition";
  const parent = decorated ? lowering.typeAbove(2) : lowering.typeAbove(1);
  if (parent === "module") lowering.raw.functions.set(name.text, start);
  // A method: `self.name(...)` calls it from the class's other methods.
  else if (parent === "block" && lowering.typeAbove(decorated ? 3 : 2) === "class_definition") lowering.raw.method(name.text, start);
  else return;
  lowering.raw.signatures.set(start, signatureOf(node));
}

/** The parameters a call can pass by keyword, and the `**kwargs` that takes any other. */
function signatureOf(node: Node): Signature {
  const params: string[] = [];
  let kwargs: string | undefined;
  for (const child of node.childForFieldName("parameters")?.namedChildren ?? []) {
    if (!child) continue;
    if (child.type === "identifier") params.push(child.text);
    else if (child.type === "dictionary_splat_pattern") kwargs = child.namedChild(0)?.text;
    else if (child.type === "typed_parameter" && child.namedChild(0)?.type === "dictionary_splat_pattern") kwargs = child.namedChild(0)!.namedChild(0)?.text;
    else if (child.type === "typed_parameter" && child.namedChild(0)?.type === "identifier") params.push(child.namedChild(0)!.text);
    else if (child.type === "default_parameter" || child.type === "typed_default_parameter") {
      const name = child.childForFieldName("name");
      if (name?.type === "identifier") params.push(name.text);
    }
  }
  return { params, ...(kwargs ? { kwargs } : {}) };
}

/** Names bound by patterns, comprehensions, walrus and classes: not modelled, but they shadow imports. */
export function visitShadowing(lowering: PythonLowering, node: Node): void {
  if (node.type === "pattern_list" || node.type === "tuple_pattern" || node.type === "list_pattern" || node.type === "list_splat_pattern") {
    for (const child of node.namedChildren) if (child?.type === "identifier") lowering.raw.shadow(lowering.scope, child.text);
    return;
  }
  const name = node.childForFieldName(node.type === "for_in_clause" ? "left" : "name");
  if (name?.type === "identifier") lowering.raw.shadow(lowering.scope, name.text);
}
