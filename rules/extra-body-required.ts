import { appendEntries, removeEntries, replace } from "../src/model/edits.js";
import type { Fix, Rule } from "../src/model/rule.js";
import type { EntryList, LoweredFile } from "../src/model/types.js";
import { OPENAI_PYTHON_KEYWORDS } from "./knowledge/openai-python.js";

/**
 * One fix that moves every offending keyword of a call into its `extra_body`: all at once, since
 * two fixes that each added an `extra_body=` would repeat the keyword. Keywords already present
 * in an `extra_body` dict literal stay where they are (the user must choose) and are left out.
 */
function moveIntoExtraBody(
  file: LoweredFile,
  args: EntryList,
  indices: number[],
  open: boolean,
): { fix?: Fix; moved: Set<number>; clashing: Set<number> } {
  const { kit, text } = file;
  const extraBody = args.entries.find((candidate) => candidate.key === "extra_body");
  const body = extraBody?.value;
  const taken = new Set(body?.kind === "object" ? body.list?.entries.map((entry) => entry.key) : []);
  const movable = indices.filter((index) => !taken.has(args.entries[index]!.key));
  const clashing = new Set(indices.filter((index) => taken.has(args.entries[index]!.key)));
  const rendered = movable.map((index) => {
    const entry = args.entries[index]!;
    return kit.entry(entry.key!, text.slice(entry.value.range.start, entry.value.range.end));
  });
  const moved = new Set(movable);
  if (movable.length === 0) return { moved, clashing };
  // With **kwargs in the call, a new extra_body= could collide with one inside kwargs.
  const safety = open && !extraBody ? "unsafe" : "safe";
  if (!extraBody) {
    const [first, ...rest] = movable;
    const created = replace(args.entries[first!]!.range, kit.keyword("extra_body", kit.object(rendered)));
    return { moved, clashing, fix: { safety, edits: [created, ...removeEntries(text, args, rest)] } };
  }
  if (body!.kind === "object" && body!.list && !body!.list.entries.some((entry) => entry.opaqueKey)) {
    const appended = appendEntries(text, body!.list, rendered)!;
    return { moved, clashing, fix: { safety, edits: [...removeEntries(text, args, movable), appended] } };
  }
  if (body!.kind === "name" || body!.kind === "call") {
    const merged = kit.object([kit.spread(text.slice(body!.range.start, body!.range.end)), ...rendered]);
    return { moved, clashing, fix: { safety, edits: [...removeEntries(text, args, movable), replace(body!.range, merged)] } };
  }
  return { moved: new Set(), clashing };
}

export const extraBodyRequired: Rule = {
  meta: {
    id: "extra-body-required",
    severity: "error",
    fix: "safe",
    languages: ["python"],
    triggers: ["openai"],
    docs: {
      summary: "Cerebras- or Z.ai-only keywords passed straight to the OpenAI Python client, which raises TypeError.",
      whatItDoes:
        "Finds keyword arguments of the OpenAI Python client's `chat.completions.create()` (and `parse`, " +
        "`stream`, legacy `completions.create`) that are not parameters of that method, such as " +
        "`disable_reasoning=`, `clear_thinking=`, `reasoning_format=` or `thinking=`, and moves them into " +
        "`extra_body={...}`: into an existing `extra_body` dict, or as `extra_body={**existing, ...}` when it is " +
        "a name. Calls on the Cerebras SDK, which takes these as keywords, are not reported, nor calls whose " +
        "client cannot be resolved.",
      why:
        "The OpenAI Python SDK's `create()` is keyword-only with no `**kwargs`: an unknown keyword raises " +
        "`TypeError` before any request is sent. Non-standard body fields must go in `extra_body`. The fix is " +
        "safe because the call could not have worked before; it is unsafe only when the call also spreads " +
        "`**kwargs`, which might hold an `extra_body` of its own.",
      example:
        'client = OpenAI(base_url="https://api.cerebras.ai/v1")\n' +
        'client.chat.completions.create(model="zai-glm-4.7", messages=m, clear_thinking=False)',
      useInstead:
        'client.chat.completions.create(model="zai-glm-4.7", messages=m, extra_body={"clear_thinking": False})',
      source:
        "API-FACTS.md §4; openai/openai-python src/openai/resources/chat/completions/completions.py " +
        "(keyword-only, no **kwargs, in every v1+ release)",
    },
  },
  check({ file, report }) {
    for (const request of file.requests) {
      if (request.sdk !== "openai" || request.kind !== "method" || !request.request) continue;
      const allowed = OPENAI_PYTHON_KEYWORDS.get(request.method);
      if (!allowed) continue;
      const args = request.request;
      const offending = args.entries.flatMap((entry, index) => (entry.key !== null && !allowed.has(entry.key) ? [index] : []));
      if (offending.length === 0) continue;
      const { fix, moved, clashing } = moveIntoExtraBody(file, args, offending, request.open);
      for (const index of offending) {
        const entry = args.entries[index]!;
        const clash = clashing.has(index) ? " (it is in `extra_body` already: keep one of the two)" : "";
        report({
          range: entry.keyRange ?? entry.range,
          message:
            `\`${entry.key}\` is not a keyword of the OpenAI Python client's \`${request.method}()\`, which raises ` +
            `TypeError at run time; pass it in \`extra_body\`${clash}`,
          ...(fix && moved.has(index) ? { fix } : {}),
        });
      }
    }
  },
};
