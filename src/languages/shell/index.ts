import { parseTree, type Node } from "jsonc-parser";
import { classifyExpression } from "../../model/endpoints.js";
import { modelNameKind } from "../../model/names.js";
import type { Comment, Entry, EntryList, LoweredFile, ModelRef, RequestSite, Value } from "../../model/types.js";
import { configKit, hashComments } from "../config/common.js";

/**
 * Shell scripts and `bash` blocks in docs: a `curl` to a chat-completions URL with a JSON body in
 * single quotes (`-d '{...}'`, `--data-raw`, `--json`) is a request like any other, and the rules
 * check its body. Offsets point into the script, so fixes edit the JSON in place.
 */

function lowerJson(node: Node, base: number): Value {
  const range = { start: base + node.offset, end: base + node.offset + node.length };
  switch (node.type) {
    case "string":
      return { kind: "string", range, contentRange: { start: range.start + 1, end: range.end - 1 }, string: node.value as string };
    case "number":
      return { kind: "number", range, number: node.value as number };
    case "boolean":
      return { kind: "boolean", range, boolean: node.value as boolean };
    case "null":
      return { kind: "null", range };
    case "object":
    case "array":
      return { kind: node.type === "object" ? "object" : "array", range, list: lowerList(node, base) };
    default:
      return { kind: "other", range };
  }
}

function lowerList(node: Node, base: number): EntryList {
  const range = { start: base + node.offset, end: base + node.offset + node.length };
  const entries: Entry[] = (node.children ?? []).map((child) => {
    if (node.type === "array") {
      const value = lowerJson(child, base);
      return { key: null, value, range: value.range };
    }
    const [key, value] = child.children as [Node, Node];
    return {
      key: String(key.value),
      keyRange: { start: base + key.offset, end: base + key.offset + key.length },
      value: lowerJson(value, base),
      range: { start: base + child.offset, end: base + child.offset + child.length },
    };
  });
  return { entries, range, inner: { start: range.start + 1, end: range.end - 1 } };
}

const DATA_FLAGS = /(?:^|\s)(?:-d|--data|--data-raw|--data-binary|--json)\s+'([^']*)'/g;

export function lowerShell(path: string, text: string): LoweredFile {
  const requests: RequestSite[] = [];
  const models: ModelRef[] = [];
  // A command runs to the end of its line, or further over backslash-continued lines.
  for (const command of text.matchAll(/(^|[;&|(]\s*|\n\s*)curl\b(?:\\\r?\n|[^\n])*/g)) {
    const start = command.index + command[1]!.length;
    const source = command[0].slice(command[1]!.length);
    const url = /(["']?)((?:https?:\/\/|\$\{?\w+\}?)[^\s"']*chat\/completions[^\s"']*)\1/.exec(source);
    if (!url) continue;
    for (const data of source.matchAll(DATA_FLAGS)) {
      const jsonStart = start + data.index + data[0].length - data[1]!.length - 1;
      const root = parseTree(data[1]!);
      if (!root || root.type !== "object") continue;
      const urlStart = start + url.index;
      const urlValue: Value = { kind: "string", range: { start: urlStart, end: urlStart + url[0].length }, string: url[2]! };
      const request = lowerList(root, jsonStart);
      const site: RequestSite = {
        kind: "http",
        method: "chat.completions",
        sdk: "http",
        endpoint: classifyExpression(urlValue, text),
        range: { start, end: start + source.length },
        calleeRange: { start, end: start + 4 },
        args: request,
        request,
        open: false,
      };
      requests.push(site);
      for (const entry of request.entries) {
        if (entry.key && modelNameKind(entry.key) === "single" && entry.value.kind === "string") {
          models.push({ value: entry.value, position: "argument", key: entry.key, request: site, endpoint: site.endpoint });
        }
      }
    }
  }
  const comments: Comment[] = hashComments(text);
  return {
    path,
    language: "shell",
    text,
    clients: [],
    requests,
    models,
    imports: [],
    urls: [],
    constants: new Map(),
    reads: [],
    keys: [],
    comments,
    kit: configKit("shell", "#"),
  };
}
