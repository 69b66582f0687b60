import { indentOf, lineEnding, replace } from "../src/model/edits.js";
import { Fix, type Edit, type Rule } from "../src/model/rule.js";
import { directiveAbove, field, requestBody, sourceText, typeEscape, type BodyField, type RequestBody } from "./common/body.js";
import { removeEntries } from "../src/model/edits.js";
import { BODY_FLOWS } from "./common/follows.js";

function hoist(body: RequestBody, extra: BodyField): Edit[] | undefined {
  const { text } = body.file;
  const value = extra.entry.value;
  // `params.extra_body = {...}` is a statement: its fields would become statements of their own.
  if (extra.later || extra.shared) return undefined;
  if (value.kind !== "object" || !value.list) {
    // extra_body: options → ...options: the fields land at the top level either way.
    return value.kind === "name" || value.kind === "call" ? [replace(extra.entry.range, `...${sourceText(body, value)}`)] : undefined;
  }
  const inner = value.list.entries;
  const topKeys = new Set(body.fields.filter((candidate) => candidate.container === "top").map((candidate) => candidate.wire));
  if (inner.some((entry) => entry.opaqueKey || (entry.key !== null && topKeys.has(entry.key)))) return undefined;
  const start = extra.entry.range.start;
  const ownLine = text.slice(text.lastIndexOf("\n", start - 1) + 1, start).trim() === "";
  const escapes = inner.map((entry) => (entry.key === null ? undefined : typeEscape(body, entry.key)));
  const pieces = inner.map((entry) => text.slice(entry.range.start, entry.range.end));
  const edits: Edit[] = [];
  const existing = directiveAbove(text, start);
  if (!escapes.some(Boolean)) {
    if (existing) edits.push({ ...existing, text: "" }); // would be an unused directive now
    if (pieces.length === 0) return [...edits, ...removeEntries(text, extra.list, [extra.list.entries.indexOf(extra.entry)])];
    const separator = ownLine ? `,${lineEnding(text)}${indentOf(text, start)}` : ", ";
    return [...edits, replace(extra.entry.range, pieces.join(separator))];
  }
  if (!ownLine) return undefined; // a directive needs a line of its own
  const eol = lineEnding(text);
  const indent = indentOf(text, start);
  const lines = pieces.map((piece, index) => {
    const escape = escapes[index];
    // The directive above extra_body becomes the first hoisted field's, reworded below.
    const comment = escape && !(index === 0 && existing) ? `${escape}${eol}${indent}` : "";
    return `${comment}${piece}`;
  });
  if (existing) edits.push({ ...existing, text: escapes[0] ? `${indentOf(text, existing.start)}${escapes[0]}${eol}` : "" });
  return [...edits, replace(extra.entry.range, lines.join(`,${eol}${indent}`))];
}

export const literalExtraBody: Rule = {
  meta: {
    id: "literal-extra-body",
    severity: "error",
    fix: "safe",
    languages: ["javascript", "typescript"],
    triggers: ["extra_body"],
    messages: {
      "sent-literally":
        "the Node SDKs have no `extra_body`: it is sent as a literal `extra_body` field, which the API rejects (Cerebras with HTTP 400); put its fields at the top level",
    },
    docs: {
      summary: "`extra_body: {...}` in a Node SDK request, which is sent as a literal `extra_body` field.",
      whatItDoes:
        "Finds `extra_body` in the params of the OpenAI or Cerebras Node SDK and hoists its properties to the " +
        "top level of the params object. In TypeScript with the OpenAI SDK (or a field the Cerebras SDK does not " +
        "type), each hoisted field gets a `// @ts-expect-error` line, as openai-node's README advises for " +
        "undocumented params; a `// @ts-expect-error` that sat above `extra_body` is reused or dropped.",
      why:
        "`extra_body` is a Python SDK option. The Node SDKs have none and send unknown params as they are, so " +
        "`extra_body` reaches Cerebras as a real field, which it rejects (HTTP 400).",
      example: 'client.chat.completions.create({\n  model: "zai-glm-4.7",\n  messages,\n  extra_body: { clear_thinking: false },\n});\n',
      useInstead:
        "client.chat.completions.create({\n" +
        '  model: "zai-glm-4.7",\n' +
        "  messages,\n" +
        "  // @ts-expect-error clear_thinking is a Cerebras request field that openai's types do not declare\n" +
        "  clear_thinking: false,\n" +
        "});\n",
      setup: 'import OpenAI from "openai";\nconst client = new OpenAI({ baseURL: "https://api.cerebras.ai/v1" });\nconst messages: never[] = [];\n',
      exampleFile: "example.ts",
      source: "openai/openai-node README.md, \"Undocumented request params\" (v6, 2026); Cerebras rejects unknown fields with HTTP 400",
      follows: BODY_FLOWS,
    },
  },
  check({ file, report }) {
    for (const request of file.requests) {
      if (request.kind !== "method" || (request.sdk !== "openai" && request.sdk !== "cerebras")) continue;
      const body = requestBody(file, request);
      const extra = body ? field(body, "extra_body") : undefined;
      if (!body || !extra || extra.container !== "top") continue;
      report({
        range: extra.entry.keyRange ?? extra.entry.range,
        messageId: "sent-literally",
        fix: Fix.safe(hoist(body, extra), "Move the fields of `extra_body` to the top level"),
      });
    }
  },
};
