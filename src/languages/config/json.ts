import { createScanner, parseTree, printParseErrorCode, type Node, type ParseError as JsonError } from "jsonc-parser";

/** jsonc-parser's SyntaxKind is an ambient const enum, which isolated modules cannot read. */
const LINE_COMMENT = 12;
const BLOCK_COMMENT = 13;
const END_OF_FILE = 17;
import type { Comment, EntryList, LoweredFile, ParseError, Value } from "../../model/types.js";
import { configFile, type ConfigValue } from "./common.js";

function lowerValue(node: Node): Value {
  const range = { start: node.offset, end: node.offset + node.length };
  if (node.type === "string") {
    return { kind: "string", range, contentRange: { start: range.start + 1, end: range.end - 1 }, string: node.value as string };
  }
  if (node.type === "array") {
    const list: EntryList = {
      entries: (node.children ?? []).map((child) => {
        const value = lowerValue(child);
        return { key: null, value, range: value.range };
      }),
      range,
      inner: { start: range.start + 1, end: range.end - 1 },
    };
    return { kind: "array", range, list };
  }
  if (node.type === "number") return { kind: "number", range, number: node.value as number };
  if (node.type === "boolean") return { kind: "boolean", range, boolean: node.value as boolean };
  if (node.type === "null") return { kind: "null", range };
  return { kind: "other", range };
}

/** JSON, with the comments and trailing commas that tsconfig-style files allow. */
export function lowerJson(path: string, text: string): LoweredFile | { error: ParseError } {
  const errors: JsonError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const first = errors[0];
  if (first || !root) {
    const offset = first?.offset ?? 0;
    const message = first ? `syntax error: ${printParseErrorCode(first.error)}` : "syntax error: empty document";
    return { error: { range: { start: offset, end: offset + (first?.length ?? 0) }, message } };
  }
  const values: ConfigValue[] = [];
  const visit = (node: Node, keyPath: string[], parent?: ReadonlyMap<string, string>): void => {
    if (node.type === "object") {
      const properties = (node.children ?? []).filter((child) => child.children?.length === 2);
      const siblings = new Map<string, string>();
      for (const property of properties) {
        const [key, value] = property.children as [Node, Node];
        siblings.set(String(key.value), value.type === "string" ? String(value.value) : "");
      }
      for (const property of properties) {
        const [key, value] = property.children as [Node, Node];
        const path = [...keyPath, String(key.value)];
        const keyRange = { start: key.offset + 1, end: key.offset + key.length - 1 };
        if (value.type === "string" || value.type === "array") values.push({ keyPath: path, value: lowerValue(value), siblings, keyRange, ...(parent ? { parent } : {}) });
        visit(value, path, siblings);
      }
    } else if (node.type === "array") {
      for (const child of node.children ?? []) visit(child, keyPath, parent);
    }
  };
  visit(root, []);
  return configFile(path, "json", text, values, jsonComments(text), "//");
}

/** Comments, read by jsonc-parser's own scanner so that `//` inside a string is never one. */
function jsonComments(text: string): Comment[] {
  const comments: Comment[] = [];
  if (!text.includes("/")) return comments;
  const scanner = createScanner(text, false);
  for (let token: number = scanner.scan(); token !== END_OF_FILE; token = scanner.scan()) {
    if (token === LINE_COMMENT || token === BLOCK_COMMENT) {
      const start = scanner.getTokenOffset();
      const end = start + scanner.getTokenLength();
      comments.push({ range: { start, end }, text: text.slice(start, end) });
    }
  }
  return comments;
}
