import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import ts from "typescript";

/**
 * The layers of the source tree (README, "Architecture"), and which layers each may import.
 * Imports run one way: cli -> engine (and config) -> languages and rules -> model; reports read
 * only the model; knowledge is data that imports nothing but the model's types; the small
 * helpers at the top of src/ import only each other.
 */
export const LAYERS = ["api", "cli", "engine", "config", "report", "languages", "rules", "model", "knowledge", "base"] as const;
export type Layer = (typeof LAYERS)[number];

const BELOW_ENGINE: Layer[] = ["languages", "rules", "model", "knowledge", "base"];
export const ALLOWED: Record<Layer, readonly Layer[]> = {
  api: ["engine", "config", "report", ...BELOW_ENGINE],
  cli: ["cli", "engine", "config", "report", ...BELOW_ENGINE],
  engine: ["engine", "config", ...BELOW_ENGINE],
  config: ["config", ...BELOW_ENGINE],
  report: ["report", "model", "knowledge", "base"],
  languages: ["languages", "model", "knowledge", "base"],
  rules: ["rules", "model", "knowledge", "base"],
  model: ["model", "knowledge", "base"],
  knowledge: ["knowledge"],
  base: ["base"],
};

/** Knowledge may name the model's types (a table typed as `Sdk[]`), never run its code. */
const TYPE_ONLY_ALLOWED: Partial<Record<Layer, readonly Layer[]>> = { knowledge: ["model"] };

/** The layer of a file, by its path relative to the repository root (with `/` separators). */
export function layerOf(file: string): Layer {
  if (file === "src/index.ts") return "api";
  if (file.startsWith("rules/knowledge/")) return "knowledge";
  if (file.startsWith("rules/")) return "rules";
  const top = file.split("/")[1]!;
  if (file.split("/").length === 2) return "base";
  if ((LAYERS as readonly string[]).includes(top)) return top as Layer;
  throw new Error(`${file}: not in any layer; add its folder to test/helpers/import-graph.ts`);
}

export interface ImportEdge {
  from: string;
  to: string;
  /** `import type` / `export type`: erased at build time. */
  typeOnly: boolean;
}

/** The relative imports of one module: static imports, re-exports, `import x = require()` and `import()`. */
export function importsOf(file: string, text: string): { specifier: string; typeOnly: boolean }[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const found: { specifier: string; typeOnly: boolean }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly = !!clause && (clause.isTypeOnly || (!clause.name && !!clause.namedBindings && ts.isNamedImports(clause.namedBindings) &&
        clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((element) => element.isTypeOnly)));
      found.push({ specifier: node.moduleSpecifier.text, typeOnly });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)) {
      found.push({ specifier: node.moduleReference.expression.text, typeOnly: node.isTypeOnly });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const argument = node.arguments[0];
      if (argument && ts.isStringLiteral(argument)) found.push({ specifier: argument.text, typeOnly: false });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push({ specifier: node.argument.literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.filter((entry) => entry.specifier.startsWith("."));
}

function sourceFiles(root: string, folder: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(root, path));
    else if (/\.(c|m)?ts$/.test(entry.name) && !entry.name.endsWith(".d.ts")) files.push(path.split(sep).join("/"));
  }
  return files;
}

/** Maps an import as written (`./x.js`, `./x.cjs`) to the source file it names. */
function resolveImport(root: string, from: string, specifier: string): string {
  const target = join(dirname(from), specifier).split(sep).join("/");
  const candidates = [target.replace(/\.js$/, ".ts"), target.replace(/\.cjs$/, ".cts"), target.replace(/\.mjs$/, ".mts"), target];
  const found = candidates.find((candidate) => existsSync(join(root, candidate)));
  if (!found) throw new Error(`${from}: cannot resolve ${specifier}`);
  return found;
}

/** Every import between the modules of src/ and rules/. */
export function importGraph(root: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of [...sourceFiles(root, "src"), ...sourceFiles(root, "rules")]) {
    for (const { specifier, typeOnly } of importsOf(file, readFileSync(join(root, file), "utf8"))) {
      const to = relative(root, join(root, resolveImport(root, file, specifier))).split(sep).join("/");
      edges.push({ from: file, to, typeOnly });
    }
  }
  return edges;
}

/** Imports that run the wrong way between layers, one line each. */
export function wrongWay(edges: readonly ImportEdge[]): string[] {
  return edges.flatMap(({ from, to, typeOnly }) => {
    const source = layerOf(from);
    const target = layerOf(to);
    if (ALLOWED[source].includes(target)) return [];
    if (typeOnly && TYPE_ONLY_ALLOWED[source]?.includes(target)) return [];
    return [`${from} (${source}) imports ${to} (${target})`];
  });
}

/** Import circles (type-only imports included), each as the modules on it (Tarjan's algorithm). */
export function cycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) {
    if (!next.has(from)) next.set(from, []);
    next.get(from)!.push(to);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const target of next.get(node) ?? []) {
      if (!index.has(target)) {
        connect(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || next.get(node)?.includes(node)) found.push(component.sort());
  };
  for (const node of next.keys()) if (!index.has(node)) connect(node);
  return found;
}
