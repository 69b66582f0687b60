import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Language, Parser, type ParseOptions, type Tree } from "web-tree-sitter";
import { UNLIMITED, type Budget } from "../model/budget.js";

export type Grammar = "python" | "bash";

const parsers = new Map<Grammar, Promise<Parser>>();

/**
 * The grammars ship in our package (copied into dist/wasm at build) so users never run the
 * grammar packages' native install scripts; in a source checkout the devDependencies provide them.
 */
function grammarPath(grammar: Grammar): string {
  const file = `tree-sitter-${grammar}.wasm`;
  const packaged = fileURLToPath(new URL(`../../wasm/${file}`, import.meta.url));
  if (existsSync(packaged)) return packaged;
  return createRequire(import.meta.url).resolve(`tree-sitter-${grammar}/${file}`);
}

/** Loaded on first use, so a run that meets no file of the grammar never loads it. */
export function treeSitterParser(grammar: Grammar): Promise<Parser> {
  let parser = parsers.get(grammar);
  if (!parser) {
    parser = (async () => {
      await Parser.init();
      const language = await Language.load(grammarPath(grammar));
      const instance = new Parser();
      instance.setLanguage(language);
      return instance;
    })();
    parsers.set(grammar, parser);
  }
  return parser;
}

export async function parseWith(grammar: Grammar, text: string, budget: Budget = UNLIMITED): Promise<Tree> {
  const instance = await treeSitterParser(grammar);
  // tree-sitter asks the callback now and then; true cancels the parse.
  const progressCallback = (() => budget.expired()) as unknown as ParseOptions["progressCallback"];
  const tree = instance.parse(text, null, { progressCallback });
  if (!tree) {
    // A cancelled parse leaves its state in the parser, and the next call would resume it on
    // another file's text: start afresh.
    instance.reset();
    budget.check();
    throw new Error("tree-sitter returned no tree");
  }
  return tree;
}
