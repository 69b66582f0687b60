import { parseTree, type Node } from "jsonc-parser";
import { classifyExpression } from "../../model/endpoints.js";
import { modelNameKind } from "../../model/names.js";
import type { Comment, Entry, EntryList, LoweredFile, ModelRef, RequestSite, Value } from "../../model/types.js";
import { configKit, hashComments } from "../config/common.js";
import { shellCommands, type Segment, type ShellCommand } from "./words.js";

/**
 * Shell scripts and `bash` blocks in docs: a `curl` to a chat-completions URL with a JSON body in
 * single quotes (`-d '{...}'`, `--data-raw`, `--json`, over as many lines as it takes) or in a
 * here-document read with `--data @-` is a request like any other, and the rules check its body.
 * Offsets point into the script, so fixes edit the JSON in place.
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

/** curl's options whose argument is the request body. */
const DATA_FLAGS = new Set(["-d", "--data", "--data-raw", "--data-binary", "--data-ascii", "--json"]);
const CHAT_URL = /^(?:https?:\/\/|\$\{?\w+\}?).*chat\/completions/;

/** The body's text in the script: a single-quoted argument, or a here-document read with `@-`. */
function bodyOf(text: string, command: ShellCommand, index: number): { start: number; end: number } | undefined {
  const word = command.words[index]!;
  let argument: Segment[] | undefined;
  let value: string | undefined;
  if (DATA_FLAGS.has(word.value)) {
    argument = command.words[index + 1]?.segments;
    value = command.words[index + 1]?.value;
  } else {
    // -d'{...}' or --data='{...}': the flag and its argument in one word.
    const [flag, ...rest] = word.segments;
    if (flag?.quote === "" && DATA_FLAGS.has(text.slice(flag.start, flag.end).replace(/=$/, ""))) argument = rest;
  }
  if (argument?.length === 1 && argument[0]!.quote === "'") return argument[0];
  if (value === "@-" && command.hereDocuments.length > 0) return command.hereDocuments[0];
  return undefined;
}

/** The commands that run curl: `curl ...`, also after `VAR=value`, `$ ` (a prompt in docs) or `sudo`. */
function curlCommands(text: string): ShellCommand[] {
  return shellCommands(text).flatMap((command) => {
    const first = command.words.findIndex((word) => !/^\w+=/.test(word.value) && word.value !== "$" && word.value !== "sudo");
    if (command.words[first]?.value !== "curl") return [];
    return [{ ...command, words: command.words.slice(first) }];
  });
}

export function lowerShell(path: string, text: string): LoweredFile {
  const requests: RequestSite[] = [];
  const models: ModelRef[] = [];
  for (const command of curlCommands(text)) {
    const url = command.words.find((word) => CHAT_URL.test(word.value));
    if (!url) continue;
    const curl = command.words[0]!;
    for (let index = 1; index < command.words.length; index++) {
      const body = bodyOf(text, command, index);
      if (!body) continue;
      const root = parseTree(text.slice(body.start, body.end));
      if (!root || root.type !== "object") continue;
      const urlValue: Value = { kind: "string", range: { start: url.start, end: url.end }, string: url.value };
      const request = lowerList(root, body.start);
      const site: RequestSite = {
        kind: "http",
        method: "chat.completions",
        sdk: "http",
        endpoint: classifyExpression(urlValue, text),
        range: { start: curl.start, end: Math.max(command.words.at(-1)!.end, body.end) },
        calleeRange: { start: curl.start, end: curl.end },
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
