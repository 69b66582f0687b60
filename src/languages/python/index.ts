import { assemble, type RawFile } from "../../model/assemble.js";
import type { ParseError } from "../../model/types.js";
import { recover, type LowerOptions, type LowerResult } from "../adapter.js";
import { findLiterals } from "./literals.js";
import { lowerPython } from "./lower.js";
import { firstSyntaxError, parsePython } from "./parser.js";

/**
 * CPython rejects a call that repeats a keyword; tree-sitter does not. Checking it here means a
 * fix that would repeat one is caught by the re-parse and never written.
 */
function repeatedKeyword(raw: RawFile): ParseError | undefined {
  for (const call of raw.calls) {
    const seen = new Set<string>();
    for (const entry of call.args.entries) {
      if (entry.key === null) continue;
      if (seen.has(entry.key)) return { range: entry.range, message: `syntax error: keyword argument repeated: ${entry.key}` };
      seen.add(entry.key);
    }
  }
  return undefined;
}

export async function lowerPythonFile(path: string, text: string, { budget, link }: LowerOptions): Promise<LowerResult> {
  const tree = await parsePython(text, budget);
  try {
    const error = firstSyntaxError(tree.rootNode);
    if (error) return { error, ...recover(() => assemble(lowerPython(path, text, tree.rootNode, budget))) };
    const raw = lowerPython(path, text, tree.rootNode, budget);
    raw.literals = findLiterals(text, tree.rootNode);
    const repeated = repeatedKeyword(raw);
    if (repeated) return { error: repeated };
    return { file: assemble(raw, link ? await link(raw) : undefined) };
  } finally {
    // Trees live in WebAssembly memory, which the garbage collector does not see.
    tree.delete();
  }
}
