import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Language, Parser, type Node, type ParseOptions, type Tree } from "web-tree-sitter";
import { UNLIMITED, type Budget } from "../../model/budget.js";
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

export async function parsePython(text: string, budget: Budget = UNLIMITED): Promise<Tree> {
  const instance = await pythonParser();
  // tree-sitter asks the callback now and then; true cancels the parse.
  const progressCallback = (() => budget.expired()) as unknown as ParseOptions["progressCallback"];
  const tree = instance.parse(text, null, { progressCallback });
  if (!tree) {
    budget.check();
    throw new Error("tree-sitter returned no tree");
  }
  return tree;
}

/**
 * The first syntax error in a tree, if any: the innermost ERROR or MISSING node, since tree-sitter
 * may wrap a whole file in an ERROR whose start says nothing about where it went wrong.
 */
export function firstSyntaxError(root: Node): ParseError | undefined {
  if (!root.hasError) return undefined;
  let found: Node | undefined;
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.isMissing) {
      found = node;
      break;
    }
    const children = node.children.filter((child): child is Node => child !== null && (child.hasError || child.isMissing));
    if (node.type === "ERROR" && children.length === 0) {
      found = node;
      break;
    }
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
  }
  if (!found) return { range: { start: 0, end: 0 }, message: "syntax error" };
  const message = found.isMissing ? `syntax error: missing ${found.type}` : "syntax error";
  return { range: { start: found.startIndex, end: found.endIndex }, message };
}
