import { parseTree, printParseErrorCode, type Node, type ParseError as JsonError } from "jsonc-parser";
import type { Comment, EntryList, LoweredFile, ParseError, Value } from "../../model/types.js";
import { configFile, type ConfigValue } from "./common.js";

function lowerValue(node: Node): Value {
  const range = { start: node.offset, end: node.offset + node.length };
  if (node.type === "string") {
    return { kind: "string", range, contentRange: { start: range.start + 1, end: range.end - 1 }, string: node.value as string };
  }
  if (node.type === "array") {
    const list: EntryList = {
      entries: (node.children ?? []).map((child) => ({ key: null, value: lowerValue(child), range: lowerValue(child).range })),
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
  const visit = (node: Node, keyPath: string[]): void => {
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
        if (value.type === "string" || value.type === "array") values.push({ keyPath: path, value: lowerValue(value), siblings });
        visit(value, path);
      }
    } else if (node.type === "array") {
      for (const child of node.children ?? []) visit(child, keyPath);
    }
  };
  visit(root, []);
  const comments: Comment[] = [];
  for (const match of text.matchAll(/\/\/[^\r\n]*|\/\*[\s\S]*?\*\//g)) {
    // Only real comments: jsonc-parser accepted the file, so a `//` inside a string is in a string.
    if (!insideString(root, match.index)) {
      comments.push({ range: { start: match.index, end: match.index + match[0].length }, text: match[0] });
    }
  }
  return configFile(path, "json", text, values, comments, "//");
}

function insideString(root: Node, offset: number): boolean {
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (offset < node.offset || offset >= node.offset + node.length) continue;
    if (node.type === "string") return true;
    stack.push(...(node.children ?? []));
  }
  return false;
}
