import { Fix, type Rule } from "../src/model/rule.js";
import { field, removeField, renameField, requestBodies } from "./common/body.js";
import { ZAI_ONLY_FIELDS } from "./knowledge/zai.js";
import { CEREBRAS_TRIGGERS } from "./common/triggers.js";
import { BODY_FLOWS } from "./common/follows.js";
import { onceMoved, zaiMove } from "./common/zai-move.js";

export const unsupportedParam: Rule = {
  meta: {
    id: "unsupported-param",
    severity: "error",
    fix: "safe",
    languages: ["python", "javascript", "typescript", "shell"],
    triggers: CEREBRAS_TRIGGERS,
    messages: {
      remove: "`{field}` is a Z.ai field and Cerebras rejects unknown fields (HTTP 400): {why}; remove it{once}",
      rename: "`{field}` is a Z.ai field and Cerebras rejects unknown fields (HTTP 400): {why}; use `{to}`{once}",
      blocks:
        "`{field}` is a Z.ai field Cerebras has no equivalent for ({why}), so this request is not moved to Cerebras while it sends it: keep it on Z.ai, or remove the field by hand and fix again",
    },
    docs: {
      summary: "Z.ai-only request fields (`tool_stream`, `do_sample`, `user_id`, ...) sent to Cerebras.",
      whatItDoes:
        "Finds fields that only Z.ai (or a self-hosted GLM) understands in a request that goes to Cerebras: " +
        ZAI_ONLY_FIELDS.map((known) => `\`${known.wire}\``).join(", ") +
        ". `tool_stream` is removed and `user_id` renamed to `user` (safe); the others are removed by an unsafe " +
        "fix, since the behaviour they asked for goes away.",
      why: "Cerebras validates request bodies strictly: an unknown field is answered with HTTP 400.",
      example: 'client.chat.completions.create(model="zai-glm-4.7", messages=m, stream=True, tool_stream=True)',
      useInstead: 'client.chat.completions.create(model="zai-glm-4.7", messages=m, stream=True)',
      setup: 'from openai import OpenAI\nclient = OpenAI(base_url="https://api.cerebras.ai/v1")\nm = []\n',
      source:
        "Cerebras, *Migrate to GLM 4.7*, tool streaming (inference-docs.cerebras.ai/resources/glm-47-migration); " +
        "Z.ai API reference, chat completions (docs.z.ai); zai-org/z-ai-sdk-python src/zai/api_resource/chat/completions.py",
      follows: BODY_FLOWS,
    },
  },
  check({ file, target, report }) {
    for (const body of requestBodies(file)) {
      // A Z.ai-bound request: the whole bill of its move, fixed only as part of that move.
      const move = zaiMove(body, target);
      if (body.endpoint !== "cerebras" && !move) continue;
      for (const known of ZAI_ONLY_FIELDS) {
        const found = field(body, known.wire);
        // A wrapper's parameter: the field is reported where the wrapper puts it in the request.
        if (!found || found.passed) continue;
        if (move && known.blocksMove) {
          report({ range: found.entry.range, messageId: "blocks", data: { field: known.wire, why: known.why } });
          continue;
        }
        const rename = known.action.kind === "rename" ? known.action.to : undefined;
        // With `user` already set, the rename would duplicate it: drop user_id instead, unsafely.
        const renames = rename !== undefined && !field(body, rename);
        const safe = known.safe && !move;
        const fix =
          move?.state === "stays"
            ? undefined
            : renames
              ? Fix.of(safe ? "safe" : "unsafe", renameField(body, found, rename), `Rename to \`${rename}\``)
              : Fix.of(safe && !rename ? "safe" : "unsafe", removeField(body, found), `Remove \`${known.wire}\``);
        report({
          range: found.entry.range,
          messageId: rename ? "rename" : "remove",
          data: { field: known.wire, why: known.why, to: rename ?? "", once: onceMoved(move) },
          fix,
        });
      }
    }
  },
};
