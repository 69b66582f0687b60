import { parseTree, type Node as JsonNode } from "jsonc-parser";
import type { Node } from "web-tree-sitter";
import { UNLIMITED, type Budget } from "../../model/budget.js";
import { classifyExpression } from "../../model/endpoints.js";
import { modelNameKind } from "../../model/names.js";
import type { Comment, Entry, EntryList, LoweredFile, ModelRef, RequestSite, Value } from "../../model/types.js";
import { configEntries, configKit, configModels, configUrls, hashComments, type ConfigValue } from "../config/common.js";
import { parseWith } from "../tree-sitter.js";

/**
 * Shell scripts and `bash` blocks in docs: a `curl` to a chat-completions URL with a JSON body in
 * single quotes (`-d '{...}'`, `--data-raw`, `--json`, over as many lines as it takes) or in a
 * here-document read with `--data @-` is a request like any other, and the rules check its body.
 * tree-sitter's Bash grammar reads the script (quotes over several lines, continuations, pipes,
 * here-documents); offsets point into it, so fixes edit the JSON in place.
 */

function lowerJson(node: JsonNode, base: number): Value {
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

function lowerList(node: JsonNode, base: number): EntryList {
  const range = { start: base + node.offset, end: base + node.offset + node.length };
  const entries: Entry[] = (node.children ?? []).map((child) => {
    if (node.type === "array") {
      const value = lowerJson(child, base);
      return { key: null, value, range: value.range };
    }
    const [key, value] = child.children as [JsonNode, JsonNode];
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
const CHAT_URL = /^(?:https?:\/\/|\$\{?\w+).*chat\/completions/;

/** What a word means once its quotes are removed (expansions left as written). */
function unquoted(node: Node): string {
  if (node.type === "raw_string" || node.type === "string") return node.text.slice(1, -1);
  if (node.type === "concatenation") return node.namedChildren.map((child) => unquoted(child!)).join("");
  return node.text;
}

/** The here-document a command reads as standard input: its own, or one piped into it. */
function hereDocument(command: Node): Node | undefined {
  for (let node = command.parent; node && node.type !== "program" && node.type !== "command_substitution"; node = node.parent) {
    for (const child of node.namedChildren) {
      if (child?.type === "heredoc_body") return child;
      const body = child?.type === "heredoc_redirect" ? child.namedChildren.find((part) => part?.type === "heredoc_body") : undefined;
      if (body) return body;
    }
  }
  return undefined;
}

/**
 * The body's text in the script: a single-quoted argument, a here-document read with `@-`, or one
 * that `cat` prints into the argument.
 */
function bodyOf(command: Node, args: Node[], index: number): { start: number; end: number } | undefined {
  const word = args[index]!;
  let argument: Node | undefined;
  if (DATA_FLAGS.has(unquoted(word))) argument = args[index + 1];
  else if (word.type === "concatenation" && word.namedChildCount === 2 && DATA_FLAGS.has(word.namedChildren[0]!.text.replace(/=$/, ""))) {
    // -d'{...}' or --data='{...}': the flag and its argument in one word.
    argument = word.namedChildren[1]!;
  } else return undefined;
  if (argument?.type === "raw_string") return { start: argument.startIndex + 1, end: argument.endIndex - 1 };
  if (argument && unquoted(argument) === "@-") {
    const body = hereDocument(command);
    if (body) return { start: body.startIndex, end: body.endIndex };
  }
  // -d "$(cat <<EOF ... EOF)": the here-document of a `cat` substituted in place.
  const cat = argument && /^"?\$\(\s*cat\s+<</.test(argument.text) ? argument.descendantsOfType("heredoc_body")[0] : undefined;
  if (cat) return { start: cat.startIndex, end: cat.endIndex };
  return undefined;
}

/** `-H "Authorization: Bearer $ZAI_API_KEY"`: each header's name, and its value as a setting. */
function headers(args: Node[]): { name: string; value: Value }[] {
  const found: { name: string; value: Value }[] = [];
  for (let index = 0; index + 1 < args.length; index++) {
    if (!/^(-H|--header)$/.test(unquoted(args[index]!))) continue;
    const value = wordValue(args[index + 1]!);
    const header = value.kind === "string" && value.contentRange ? /^([\w-]+):\s*/.exec(value.string!) : null;
    if (!header || !value.contentRange) continue;
    const start = value.contentRange.start + header[0].length;
    found.push({ name: header[1]!, value: { kind: "string", range: value.range, contentRange: { start, end: value.contentRange.end }, string: value.string!.slice(header[0].length) } });
  }
  return found;
}

/** The commands that run curl (also behind a `$ ` prompt, as docs show them, or `sudo`), with curl's arguments. */
function curlCommands(root: Node): { command: Node; name: Node; args: Node[] }[] {
  return root.descendantsOfType("command").flatMap((command) => {
    const words = [command!.childForFieldName("name"), ...command!.childrenForFieldName("argument")].filter((node): node is Node => node !== null);
    const at = words.findIndex((word) => word.text !== "$" && word.text !== "sudo");
    // tree-sitter reads a prompt's `$ curl` as the expansion `$curl`.
    if (at === -1 || words[at]!.text.replace(/^\$\s+/, "") !== "curl") return [];
    return [{ command: command!, name: words[at]!, args: words.slice(at + 1) }];
  });
}

/**
 * A shell word as a setting's value: its text as written, between its quotes, so a `${OTHER}`
 * inside stays a reference a fix can rename; a command's output is no setting.
 */
function wordValue(node: Node): Value {
  const range = { start: node.startIndex, end: node.endIndex };
  const quoted = node.type === "raw_string" || node.type === "string";
  const content = quoted ? { start: range.start + 1, end: range.end - 1 } : range;
  const text = node.text.slice(content.start - range.start, content.end - range.start);
  return /\$\(|`/.test(text) ? { kind: "other", range } : { kind: "string", range, contentRange: content, string: text };
}

/**
 * `export ZAI_BASE_URL="https://api.z.ai/..."`, `MODEL=glm-4.7 python app.py`: a variable set to a
 * word or a quoted string is a setting like a `.env` line, so the same rules read it. Every variable of the script is a sibling of every other, as the programs it
 * starts see them; one set twice counts with its last value.
 */
function assignments(root: Node): ConfigValue[] {
  const found: { key: string; keyRange: { start: number; end: number }; value: Value }[] = [];
  for (const node of root.descendantsOfType("variable_assignment")) {
    const name = node!.childForFieldName("name");
    const value = node!.childForFieldName("value");
    if (!name || !value) continue;
    const lowered = wordValue(value);
    found.push({ key: name.text, keyRange: { start: name.startIndex, end: name.endIndex }, value: lowered });
  }
  const siblings = new Map(found.map((entry) => [entry.key, entry.value.string ?? ""]));
  return found.map((entry) => ({ keyPath: [entry.key], keyRange: entry.keyRange, value: entry.value, siblings }));
}

export async function lowerShell(path: string, text: string, budget: Budget = UNLIMITED): Promise<LoweredFile> {
  const requests: RequestSite[] = [];
  const models: ModelRef[] = [];
  const tree = await parseWith("bash", text, budget);
  const settings: ConfigValue[] = [];
  let variables: ConfigValue[] = [];
  try {
    variables = assignments(tree.rootNode);
    settings.push(...variables);
    for (const { command, name, args } of curlCommands(tree.rootNode)) {
      const url = args.find((arg) => CHAT_URL.test(unquoted(arg)));
      if (!url) continue;
      for (let index = 0; index < args.length; index++) {
        const body = bodyOf(command, args, index);
        if (!body) continue;
        const root = parseTree(text.slice(body.start, body.end));
        if (!root || root.type !== "object") continue;
        const urlValue: Value = { kind: "string", range: { start: url.startIndex, end: url.endIndex }, string: unquoted(url) };
        const request = lowerList(root, body.start);
        const site: RequestSite = {
          kind: "http",
          method: "chat.completions",
          sdk: "http",
          endpoint: classifyExpression(urlValue, text),
          range: { start: name.startIndex, end: Math.max(command.endIndex, body.end) },
          calleeRange: { start: name.startIndex, end: name.endIndex },
          args: request,
          request,
          open: false,
        };
        requests.push(site);
        // The request's URL, key header and model move together: one group per command.
        const group: ConfigValue[] = [{ keyPath: ["url"], value: wordValue(url), siblings: new Map() }];
        for (const header of headers(args)) group.push({ keyPath: [header.name], value: header.value, siblings: new Map() });
        for (const entry of request.entries) {
          if (entry.key && modelNameKind(entry.key) === "single" && entry.value.kind === "string") {
            models.push({ value: entry.value, position: "argument", key: entry.key, request: site, endpoint: site.endpoint });
            group.push({ keyPath: [entry.key], value: entry.value, siblings: new Map() });
          }
        }
        const siblings = new Map(group.map((item) => [item.keyPath[0]!, item.value.string ?? ""]));
        settings.push(...group.map((item) => ({ ...item, siblings })));
      }
    }
  } finally {
    tree.delete();
  }
  const comments: Comment[] = hashComments(text);
  return {
    path,
    language: "shell",
    text,
    clients: [],
    requests,
    models: [...models, ...configModels(variables)],
    imports: [],
    urls: configUrls(variables),
    configEntries: configEntries(settings),
    constants: new Map(),
    reads: [],
    keys: [],
    comments,
    kit: configKit("shell", "#"),
  };
}
