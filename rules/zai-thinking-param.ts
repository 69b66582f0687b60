import { Fix, type Edit, type FixSafety, type Rule } from "../src/model/rule.js";
import { replace } from "../src/model/edits.js";
import { accepts, addField, directiveEdits, endpointTakes, field, renderEntry, removeField, requestBodies, sourceText, type BodyField, type RequestBody } from "./common/body.js";
import { reasoningOffField } from "./common/reasoning.js";
import { zaiMove } from "./common/zai-move.js";
import { stringOf } from "./common/values.js";
import { BODY_FLOWS } from "./common/follows.js";

interface Replacement {
  wire: string;
  valueText: string;
}

/** What Z.ai's `thinking` object becomes on Cerebras, or undefined when it is not a literal. */
function replacements(body: RequestBody, thinking: BodyField, offForm: Replacement): Replacement[] | undefined {
  const value = thinking.entry.value;
  if (value.kind !== "object" || !value.list) return undefined;
  const result: Replacement[] = [];
  for (const entry of value.list.entries) {
    if (entry.key === "type") {
      const type = stringOf(body.file, entry.value);
      if (type === "disabled") {
        if (!field(body, offForm.wire)) result.push(offForm);
      } else if (type !== "enabled") {
        return undefined;
      }
    } else if (entry.key === "clear_thinking") {
      if (!field(body, "clear_thinking")) result.push({ wire: "clear_thinking", valueText: sourceText(body, entry.value) });
    } else {
      return undefined; // budget_tokens or something else we cannot translate
    }
  }
  return result;
}

function fixEdits(body: RequestBody, thinking: BodyField, wanted: Replacement[]): Edit[] | undefined {
  // `body["thinking"] = {...}` is a statement, not an entry to rewrite into others.
  if (thinking.later || thinking.shared || thinking.passed || wanted.some((item) => !endpointTakes(body, item.wire))) return undefined;
  if (wanted.length === 0) return removeField(body, thinking);
  const here = wanted.filter((item) => thinking.spread || accepts(body, thinking.container, item.wire));
  const elsewhere = wanted.filter((item) => !here.includes(item));
  const edits: Edit[] = [];
  if (here.length > 0) {
    const render = (item: Replacement): string => renderEntry(body, thinking.container, item.wire, item.valueText);
    edits.push(...directiveEdits(body, thinking, here[0]!.wire), replace(thinking.entry.range, here.map(render).join(", ")));
  } else {
    // The translation lands elsewhere: a comment on `thinking`'s line still speaks of it.
    edits.push(...removeField(body, thinking, true));
  }
  for (const item of elsewhere) {
    const added = addField(body, item.wire, item.valueText);
    if (!added) return undefined;
    edits.push(...added);
  }
  return edits;
}

export const zaiThinkingParam: Rule = {
  meta: {
    id: "zai-thinking-param",
    severity: "error",
    fix: "safe",
    languages: ["python", "javascript", "typescript", "shell"],
    // The field as a keyword, a key or a property: `thinking=`, `"thinking"`, `'thinking'`, `thinking:`.
    triggers: ["thinking=", '"thinking"', "'thinking'", "thinking:", "thinking ="],
    messages: {
      "on-cerebras":
        "`thinking` is Z.ai's parameter and Cerebras rejects it (HTTP 400); reasoning is on by default, `reasoning_effort` turns it off and `clear_thinking` is top level",
      "stays-on-zai":
        "`thinking` is Z.ai's parameter, which Cerebras rejects once this request moves there; it is kept for now, because the request cannot move: {why}",
      moving:
        "`thinking` is Z.ai's parameter and Cerebras rejects it once this call moves there; reasoning is on by default, `reasoning_effort` turns it off and `clear_thinking` is top level",
    },
    docs: {
      summary: "Z.ai's `thinking` object, which Cerebras rejects with HTTP 400.",
      whatItDoes:
        "Finds Z.ai's `thinking` parameter in a request (a keyword, a property, or inside `extra_body`) and " +
        "translates it: `{\"type\": \"enabled\"}` is removed (reasoning is on by default), " +
        "`{\"type\": \"disabled\"}` becomes the reasoning-off form (`reasoning_effort: \"none\"`, or " +
        "`disable_reasoning: true` when the target says so), and a nested `clear_thinking` becomes the " +
        "top-level `clear_thinking`. The fix is safe where the call goes to Cerebras and unsafe while it " +
        "still goes to Z.ai, where `thinking` is valid.",
      why:
        "Cerebras validates request bodies strictly and answers HTTP 400 to `thinking`. The migration guide: " +
        "\"This is different from the `thinking` parameter that Z.ai uses.\" On Cerebras reasoning is on by " +
        "default and `clear_thinking` is a top-level boolean.",
      example: 'client.chat.completions.create(model="zai-glm-4.7", messages=m, extra_body={"thinking": {"type": "disabled"}})',
      useInstead: 'client.chat.completions.create(model="zai-glm-4.7", messages=m, extra_body={"reasoning_effort": "none"})',
      setup: 'from openai import OpenAI\nclient = OpenAI(base_url="https://api.cerebras.ai/v1")\nm = []\n',
      source:
        "Cerebras, *Migrate to GLM 4.7*, §7 (inference-docs.cerebras.ai/resources/glm-47-migration); Cerebras " +
        "deprecation notices, 2026-03-24, for `reasoning_effort`; Z.ai API reference, `thinking` (docs.z.ai)",
      follows: BODY_FLOWS,
    },
  },
  check({ file, target, report }) {
    for (const body of requestBodies(file)) {
      if (body.endpoint !== "cerebras" && body.endpoint !== "zai") continue;
      const thinking = field(body, "thinking");
      if (!thinking) continue;
      const safety: FixSafety = body.endpoint === "cerebras" ? "safe" : "unsafe";
      // On Z.ai, `thinking` goes only as part of the request's move: never while it stays there.
      const move = zaiMove(body, target);
      if (body.endpoint === "zai" && !move) continue;
      if (move?.state === "stays") {
        report({ range: thinking.entry.range, messageId: "stays-on-zai", data: { why: move.why } });
        continue;
      }
      const wanted = replacements(body, thinking, reasoningOffField(target, file.kit));
      const edits = wanted ? fixEdits(body, thinking, wanted) : undefined;
      const title = wanted?.length ? `Replace with ${wanted.map((item) => `\`${item.wire}\``).join(" and ")}` : "Remove `thinking`";
      report({
        range: thinking.entry.range,
        messageId: body.endpoint === "cerebras" ? "on-cerebras" : "moving",
        fix: Fix.of(safety, edits, title),
      });
    }
  },
};
