import type { Node } from "web-tree-sitter";
import type { RawCall } from "../../model/assemble.js";
import type { RawFileBuilder } from "../../model/raw-file-builder.js";
import type { Range, Value } from "../../model/types.js";

/** What the parts of the Python lowering share while one walk over a tree lasts. */
export interface PythonLowering {
  readonly raw: RawFileBuilder;
  /** Calls lowered so far, by node id: a call met twice (as a value, then in the walk) is one call. */
  readonly callById: Map<number, RawCall>;
  /**
   * The function the walk is in (its start), or -1 at module level. The cursor loop keeps it, so
   * no lookup climbs the tree (`node.parent` walks down from the root in tree-sitter).
   */
  scope: number;
  /**
   * The kind of the current node's ancestor `levels` up (1: its parent), kept by the walk:
   * tree-sitter's `node.parent` searches down from the root, past every statement before it.
   */
  typeAbove: (levels: number) => string | undefined;
  /** The class whose body holds the current statement directly (`GLM_BASE_URL = ...` in `class Config:`). */
  classBody: () => string | undefined;
}

export const range = (node: Node): Range => ({ start: node.startIndex, end: node.endIndex });

/** The scope a name bound here belongs to: `self.` names live on the instance, at module level. */
export const scopeOf = (lowering: PythonLowering, name?: string): number => (name?.startsWith("self.") ? -1 : lowering.scope);

export function unwrap(node: Node): Node {
  let current = node;
  while ((current.type === "parenthesized_expression" || current.type === "await") && current.namedChildCount === 1) {
    current = current.namedChild(0)!;
  }
  return current;
}

/** `a.b.c` as its segments; undefined for anything but names and attribute reads. */
export function dotted(node: Node | null): string[] | undefined {
  if (!node) return undefined;
  if (node.type === "identifier") return [node.text];
  if (node.type === "attribute") {
    const object = dotted(node.childForFieldName("object"));
    const attribute = node.childForFieldName("attribute");
    return object && attribute ? [...object, attribute.text] : undefined;
  }
  return undefined;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  "\\": "\\",
  "'": "'",
  '"': '"',
  n: "\n",
  t: "\t",
  r: "\r",
  "0": "\0",
};

export function lowerString(node: Node): Value {
  const children = node.children;
  const start = children[0];
  const end = children.at(-1);
  if (!start || !end || start.type !== "string_start" || end.type !== "string_end") {
    return { kind: "other", range: range(node) };
  }
  const prefix = start.text.replace(/['"]/g, "").toLowerCase();
  const contentRange = { start: start.endIndex, end: end.startIndex };
  if (prefix.includes("b")) return { kind: "other", range: range(node) };
  let value = "";
  for (const child of children.slice(1, -1)) {
    if (child.type === "interpolation") return { kind: "other", range: range(node), contentRange };
    if (child.type === "escape_sequence" && !prefix.includes("r")) {
      const escaped = SIMPLE_ESCAPES[child.text.slice(1)];
      if (escaped === undefined) return { kind: "string", range: range(node), contentRange };
      value += escaped;
    } else {
      value += child.text;
    }
  }
  return { kind: "string", range: range(node), contentRange, string: value };
}

/** The text of a string literal (parentheses and `await` aside), or undefined for anything else. */
export function stringValue(node: Node | null | undefined): string | undefined {
  const inner = node ? unwrap(node) : undefined;
  return inner?.type === "string" ? lowerString(inner).string : undefined;
}
