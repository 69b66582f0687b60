import type { Node, Tree } from "web-tree-sitter";
import { UNLIMITED, type Budget } from "../../model/budget.js";
import type { ParseError } from "../../model/types.js";
import { blankDataRuns } from "../data-runs.js";
import { parseWith } from "../tree-sitter.js";

export function parsePython(text: string, budget: Budget = UNLIMITED): Promise<Tree> {
  return parseWith("python", blankDataRuns(text), budget);
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
