import { Fix, type Rule } from "../src/model/rule.js";
import type { Target } from "../src/model/rule.js";
import type { FieldRead, LoweredFile, RequestSite } from "../src/model/types.js";
import { requestBody } from "./common/body.js";
import { onceMoved, zaiMove } from "./common/zai-move.js";
import { FOLLOWS } from "./common/follows.js";

/** For a read off a Z.ai request's response: where that request stands on its move. */
function moveOf(file: LoweredFile, request: RequestSite | undefined, target: Target): ReturnType<typeof zaiMove> {
  if (request?.endpoint !== "zai") return undefined;
  const body = requestBody(file, request);
  return body ? zaiMove(body, target) : undefined;
}

/** The message or delta a response's reasoning lives on: `choices[0].message`, `chunk.choices[0].delta`. */
function isResponseMessage(read: FieldRead): "message" | "delta" | undefined {
  const owner = read.path.at(-1);
  if ((owner === "message" || owner === "delta") && read.path.includes("choices")) return owner;
  return undefined;
}

const GUARDS: ReadonlySet<FieldRead["kind"]> = new Set(["hasattr", "in"]);

function guardName(guard: FieldRead): string {
  return guard.kind === "hasattr" ? "hasattr" : "in";
}

/**
 * Reads grouped with the guards and other reads of the same field off the same object in the
 * same expression (`hasattr(delta, "reasoning_content") and delta.reasoning_content`): one fix
 * renames them all, so a guard never keeps testing the old name after its read moved on.
 */
function readGroups(file: LoweredFile): FieldRead[][] {
  const groups = new Map<string, FieldRead[]>();
  for (const read of file.reads) {
    const receiver = file.text.slice(read.receiver.start, read.receiver.end).replace(/\s+/g, "");
    const key = `${read.group.start}:${read.group.end}:${read.field}:${receiver}`;
    const group = groups.get(key);
    if (group) group.push(read);
    else groups.set(key, [read]);
  }
  return [...groups.values()];
}

function talksToCerebras(file: LoweredFile): boolean {
  return file.clients.some((client) => client.endpoint === "cerebras") || file.requests.some((request) => request.endpoint === "cerebras");
}

export const reasoningContentField: Rule = {
  meta: {
    id: "reasoning-content-field",
    severity: "warning",
    fix: "safe",
    languages: ["python", "javascript", "typescript", "shell"],
    triggers: ["reasoning_content"],
    messages: {
      read: "Cerebras returns reasoning in `{where}`, not `reasoning_content`: this read gets nothing{unless}{beside}{once}",
      test: "Cerebras returns reasoning in `{where}`, not `reasoning_content`: this test never succeeds{unless}{once}",
      "sent-back": "Cerebras rejects `reasoning_content` in an assistant message (HTTP 400); the field is `reasoning`{unless}{once}",
    },
    docs: {
      summary: "`reasoning_content` read from a Cerebras response, or sent back in an assistant message.",
      whatItDoes:
        "Finds reads of `reasoning_content` (`.reasoning_content`, `?.reasoning_content`, " +
        "`[\"reasoning_content\"]`, `getattr(x, \"reasoning_content\", ...)`, `.get(\"reasoning_content\")`) on the " +
        "message or delta of a response, and assistant messages built with a `reasoning_content` key. Where the " +
        "value provably comes from a call to Cerebras (a response, its choices, message or delta, a stream's " +
        "chunks), or the message provably goes to one, the safe fix renames it to `reasoning`. Elsewhere in a " +
        "file that talks to Cerebras it is reported without a fix. The program's own dicts, and responses from " +
        "other providers (DeepSeek and Z.ai do return `reasoning_content`), are left alone.",
      why:
        "Cerebras returns reasoning in `choices[0].message.reasoning` and, streaming, `choices[0].delta.reasoning` " +
        "(\"not `delta.reasoning_content`\"), so reading `reasoning_content` gets nothing; sending " +
        "`reasoning_content` back in an assistant message is rejected with HTTP 400 (`wrong_api_format`).",
      follows: [FOLLOWS.responseReads],
      example: "for chunk in stream:\n    thought = chunk.choices[0].delta.reasoning_content",
      useInstead: "for chunk in stream:\n    thought = chunk.choices[0].delta.reasoning",
      setup:
        'from openai import OpenAI\nclient = OpenAI(base_url="https://api.cerebras.ai/v1")\n' +
        'stream = client.chat.completions.create(model="zai-glm-4.7", messages=[], stream=True)\n',
      source: "Cerebras, *Migrate to GLM 4.7*, streaming and reasoning in history (inference-docs.cerebras.ai/resources/glm-47-migration)",
    },
  },
  check({ file, target, report }) {
    const cerebrasFile = talksToCerebras(file);
    for (const group of readGroups(file)) {
      const first = group[0]!;
      const owner = isResponseMessage(first);
      const endpoint = first.request?.endpoint;
      // A read off a Z.ai response changes only with that request's move.
      const move = moveOf(file, first.request, target);
      if (move && owner !== undefined) {
        const reads = group.filter((read) => !GUARDS.has(read.kind));
        report({
          range: (reads[0] ?? first).range,
          messageId: reads.length > 0 ? "read" : "test",
          data: { where: owner === "delta" ? "delta.reasoning" : "message.reasoning", unless: "", beside: "", once: onceMoved(move) },
          fix: Fix.unsafe(move.state === "moving" ? group.map((read) => ({ start: read.range.start, end: read.range.end, text: "reasoning" })) : undefined, "Read `reasoning`"),
        });
        continue;
      }
      if (endpoint !== undefined && endpoint !== "cerebras" && endpoint !== "unknown") continue;
      const proven = endpoint === "cerebras" && owner !== undefined;
      if (!proven && !(cerebrasFile && owner !== undefined)) continue;
      const reads = group.filter((read) => !GUARDS.has(read.kind));
      const guards = group.filter((read) => GUARDS.has(read.kind));
      report({
        range: (reads[0] ?? first).range,
        messageId: reads.length > 0 ? "read" : "test",
        data: {
          where: owner === "delta" ? "delta.reasoning" : "message.reasoning",
          unless: proven ? "" : " if the response comes from Cerebras",
          beside: reads.length > 0 && guards.length > 0 ? `; the \`${guardName(guards[0]!)}\` test beside it changes with it` : "",
          once: "",
        },
        fix: Fix.safe(proven ? group.map((read) => ({ start: read.range.start, end: read.range.end, text: "reasoning" })) : undefined, "Read `reasoning`"),
      });
    }
    for (const key of file.keys) {
      if (key.role !== undefined && key.role !== "assistant") continue;
      const moves = key.requests.map((request) => moveOf(file, request, target));
      if (moves.length > 0 && moves.every((move) => move)) {
        const stays = moves.find((move) => move?.state === "stays");
        report({
          range: key.range,
          messageId: "sent-back",
          data: { unless: "", once: onceMoved(stays ?? moves[0]) },
          fix: Fix.unsafe(stays ? undefined : [{ start: key.range.start, end: key.range.end, text: "reasoning" }], "Send `reasoning`"),
        });
        continue;
      }
      if (key.requests.some((request) => request.endpoint !== "cerebras" && request.endpoint !== "unknown")) continue;
      const proven = key.requests.some((request) => request.endpoint === "cerebras");
      if (!proven && !(cerebrasFile && key.role === "assistant")) continue;
      report({
        range: key.range,
        messageId: "sent-back",
        data: { unless: proven ? "" : " if this message is sent to Cerebras", once: "" },
        fix: Fix.safe(proven ? [{ start: key.range.start, end: key.range.end, text: "reasoning" }] : undefined, "Send `reasoning`"),
      });
    }
  },
};
