import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Language, Parser, type Node, type Tree } from "web-tree-sitter";
import type { ParseError } from "../../model/types.js";

let parser: Promise<Parser> | undefined;

/**
 * The grammar ships in our package (copied into dist/wasm at build) so users never run the
 * tree-sitter-python install script; in a source checkout the devDependency provides it.
 */
function grammarPath(): string {
  const packaged = fileURLToPath(new URL("../../../wasm/tree-sitter-python.wasm", import.meta.url));
  if (existsSync(packaged)) return packaged;
  return createRequire(import.meta.url).resolve("tree-sitter-python/tree-sitter-python.wasm");
}

/** Loaded on first use, so a run over JS files only never starts the WebAssembly runtime. */
export function pythonParser(): Promise<Parser> {
  parser ??= (async () => {
    await Parser.init();
    const language = await Language.load(grammarPath());
    const instance = new Parser();
    instance.setLanguage(language);
    return instance;
  })();
  return parser;
}

export async function parsePython(text: string): Promise<Tree> {
  const instance = await pythonParser();
  const tree = instance.parse(text);
  if (!tree) throw new Error("tree-sitter returned no tree");
  return tree;
}

/** The first syntax error in a tree, if any. */
export function firstSyntaxError(root: Node): ParseError | undefined {
  if (!root.hasError) return undefined;
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "ERROR" || node.isMissing) {
      const message = node.isMissing ? `syntax error: missing ${node.type}` : "syntax error";
      return { range: { start: node.startIndex, end: node.endIndex }, message };
    }
    if (!node.hasError) continue;
    const children = node.children;
    for (let index = children.length - 1; index >= 0; index--) {
      const child = children[index];
      if (child) stack.push(child);
    }
  }
  return { range: { start: 0, end: 0 }, message: "syntax error" };
}
