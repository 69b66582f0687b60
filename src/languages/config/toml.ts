import { parseTOML } from "toml-eslint-parser";
import type { Comment, EntryList, LoweredFile, ParseError, Value } from "../../model/types.js";
import { configFile, type ConfigValue } from "./common.js";

type TomlNode = ReturnType<typeof parseTOML>["body"][number];
interface TomlValueNode {
  type: string;
  kind?: string;
  style?: string;
  multiline?: boolean;
  value?: unknown;
  range: [number, number];
  elements?: TomlValueNode[];
  body?: TomlKeyValue[];
}
interface TomlKeyValue {
  type: string;
  key: { keys: { name?: string; value?: string }[] };
  value: TomlValueNode;
}

function lowerValue(node: TomlValueNode): Value {
  const range = { start: node.range[0], end: node.range[1] };
  if (node.type === "TOMLValue" && node.kind === "string") {
    const quote = node.multiline ? 3 : 1;
    return { kind: "string", range, contentRange: { start: range.start + quote, end: range.end - quote }, string: String(node.value) };
  }
  if (node.type === "TOMLArray") {
    const entries = (node.elements ?? []).map((element) => {
      const value = lowerValue(element);
      return { key: null, value, range: value.range };
    });
    const list: EntryList = { entries, range, inner: { start: range.start + 1, end: range.end - 1 } };
    return { kind: "array", range, list };
  }
  return { kind: "other", range };
}

const keyName = (key: { name?: string; value?: string }): string => key.name ?? key.value ?? "";

/** TOML, pyproject.toml included. */
export function lowerToml(path: string, text: string): LoweredFile | { error: ParseError } {
  let ast: ReturnType<typeof parseTOML>;
  try {
    ast = parseTOML(text);
  } catch (error) {
    const offset = (error as { index?: number }).index ?? 0;
    return { error: { range: { start: offset, end: offset }, message: `syntax error: ${(error as Error).message}` } };
  }
  const values: ConfigValue[] = [];
  const visitBody = (body: TomlKeyValue[], prefix: string[]): void => {
    const siblings = new Map<string, string>();
    for (const pair of body) {
      if (pair.type !== "TOMLKeyValue") continue;
      const path = pair.key.keys.map(keyName);
      siblings.set(path.join("."), pair.value.kind === "string" ? String(pair.value.value) : "");
    }
    for (const pair of body) {
      if (pair.type !== "TOMLKeyValue") continue;
      const path = [...prefix, ...pair.key.keys.map(keyName)];
      if (pair.value.type === "TOMLInlineTable") visitBody(pair.value.body ?? [], path);
      else values.push({ keyPath: path, value: lowerValue(pair.value), siblings });
    }
  };
  for (const node of ast.body as TomlNode[]) {
    const top = node as unknown as { type: string; body: unknown[] };
    if (top.type !== "TOMLTopLevelTable") continue;
    const loose: TomlKeyValue[] = [];
    for (const child of top.body) {
      const table = child as { type: string; body: TomlKeyValue[]; resolvedKey?: (string | number)[] };
      if (table.type === "TOMLTable") visitBody(table.body, (table.resolvedKey ?? []).map(String));
      else if (table.type === "TOMLKeyValue") loose.push(child as TomlKeyValue);
    }
    visitBody(loose, []);
  }
  const comments: Comment[] = (ast.comments ?? []).map((comment) => ({
    range: { start: comment.range[0], end: comment.range[1] },
    text: text.slice(comment.range[0], comment.range[1]),
  }));
  return configFile(path, "toml", text, values, comments, "#");
}
