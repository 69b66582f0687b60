import { appendEntries, removeEntries, replace } from "../src/model/edits.js";
import { Fix, type Edit, type Rule } from "../src/model/rule.js";
import type { EntryList } from "../src/model/types.js";
import { pythonKeywords, requestBodies, sourceText, type BodyField, type RequestBody } from "./common/body.js";
import { IMPORTED_CLIENT_CALL } from "./common/triggers.js";
import { NON_OPENAI_FIELDS, LANGCHAIN_CEREBRAS_FIELDS } from "./knowledge/langchain.js";
import { OPENAI_PYTHON_KEYWORDS } from "./knowledge/openai-python.js";
import { ZAI_ONLY_FIELDS } from "./knowledge/zai.js";
import { BODY_FLOWS } from "./common/follows.js";

const ZAI_FIELDS: ReadonlySet<string> = new Set(["thinking", ...ZAI_ONLY_FIELDS.map((known) => known.wire)]);

/**
 * One fix that moves every offending field of a request into its `extra_body`: all at once, since
 * two fixes that each added an `extra_body=` would repeat the keyword. Fields already present in
 * an `extra_body` dict literal stay where they are (the user must choose) and are left out.
 */
function moveIntoExtraBody(body: RequestBody, offending: BodyField[]): { fix?: Fix; clashing: Set<BodyField> } {
  const { kit, text } = body.file;
  const top = body.request.request!;
  const holder = top.entries.find((entry) => entry.key === "extra_body");
  const present = new Set(holder?.value.kind === "object" ? holder.value.list?.entries.map((entry) => entry.key) : []);
  const clashing = new Set(offending.filter((item) => present.has(item.wire)));
  const movable = offending.filter((item) => !clashing.has(item) && !item.spread && !item.later);
  // Two offending entries with one name: moving both would write the key twice.
  const names = new Set<string>();
  for (const item of movable) {
    if (names.has(item.wire)) return { clashing };
    names.add(item.wire);
  }
  if (movable.length === 0) return { clashing };
  const rendered = movable.map((item) => kit.entry(item.wire, sourceText(body, item.entry.value)));
  // With **kwargs in the call, a new extra_body= could collide with one inside kwargs.
  const safety = body.open && !holder ? "unsafe" : "safe";

  const edits: Edit[] = [];
  let removals = movable;
  if (!holder) {
    const first = movable.find((item) => item.list === top);
    const created = kit.keyword("extra_body", kit.object(rendered));
    if (first) {
      edits.push(replace(first.entry.range, created));
      removals = movable.filter((item) => item !== first);
    } else {
      edits.push(appendEntries(text, top, [created])!);
    }
  } else if (holder.value.kind === "object" && holder.value.list && !holder.value.list.entries.some((entry) => entry.opaqueKey)) {
    edits.push(appendEntries(text, holder.value.list, rendered)!);
  } else if (holder.value.kind === "name" || holder.value.kind === "call") {
    edits.push(replace(holder.value.range, kit.object([kit.spread(sourceText(body, holder.value)), ...rendered])));
  } else {
    return { clashing };
  }
  const byList = new Map<EntryList, number[]>();
  const indexOf = new Map<EntryList, Map<unknown, number>>();
  for (const item of removals) {
    let positions = indexOf.get(item.list);
    if (!positions) {
      positions = new Map(item.list.entries.map((entry, index) => [entry, index]));
      indexOf.set(item.list, positions);
    }
    const indices = byList.get(item.list) ?? [];
    indices.push(positions.get(item.entry)!);
    byList.set(item.list, indices);
  }
  for (const [list, indices] of byList) edits.push(...removeEntries(text, list, indices, true));
  return { fix: Fix.of(safety, edits, "Move into `extra_body`"), clashing };
}

/** The fields of a request that the client would pass to the OpenAI SDK's `create()` as keywords it does not take. */
function offendingFields(body: RequestBody): BodyField[] {
  // A request this file sends to another provider (Gemini's or Groq's OpenAI-compatible URL) is
  // that provider's business: the migration leaves it as it is.
  if (body.endpoint === "other") return [];
  const chat = OPENAI_PYTHON_KEYWORDS.get("chat.completions.create")!;
  const keywords = pythonKeywords(body);
  // On Cerebras, Z.ai's fields are not to be moved but removed or translated (unsupported-param,
  // zai-thinking-param): in extra_body they would turn a TypeError into an HTTP 400 nobody reports.
  const other = body.endpoint === "cerebras" ? ZAI_FIELDS : new Set<string>();
  if (keywords) return body.fields.filter((item) => item.container === "top" && !keywords.has(item.wire) && !other.has(item.wire));
  if (body.sdk === "langchain-openai" || body.sdk === "langchain-cerebras") {
    // LangChain moves unknown constructor keywords into model_kwargs, and spreads model_kwargs
    // into the OpenAI client's create(): a Cerebras field there raises TypeError at invoke time.
    const own = body.sdk === "langchain-cerebras" ? LANGCHAIN_CEREBRAS_FIELDS : new Set<string>();
    return body.fields.filter(
      (item) =>
        (item.container === "model_kwargs" && !chat.has(item.wire)) ||
        (item.container === "top" && NON_OPENAI_FIELDS.has(item.wire) && !own.has(item.wire)),
    );
  }
  return [];
}

export const extraBodyRequired: Rule = {
  meta: {
    id: "extra-body-required",
    severity: "error",
    fix: "safe",
    languages: ["python"],
    triggers: ["openai", "langchain_cerebras", IMPORTED_CLIENT_CALL],
    messages: {
      "not-a-keyword": "`{field}` is not a keyword of {target}, which raises TypeError at run time; pass it in `extra_body`",
      "not-a-keyword-clash":
        "`{field}` is not a keyword of {target}, which raises TypeError at run time; pass it in `extra_body` (it is in `extra_body` already: keep one of the two)",
    },
    docs: {
      summary: "Cerebras- or Z.ai-only fields passed where the OpenAI Python client takes them as keywords, which raises TypeError.",
      whatItDoes:
        "Finds keyword arguments of the OpenAI Python client's `chat.completions.create()` (and `parse`, " +
        "`stream`, legacy `completions.create`) that are not parameters of that method, such as " +
        "`disable_reasoning=`, `clear_thinking=`, `reasoning_format=` or `thinking=`, and the same fields given to " +
        "LangChain's `ChatOpenAI`/`ChatCerebras` directly or in `model_kwargs`. The fix moves them into " +
        "`extra_body={...}`: into an existing `extra_body` dict, or as `extra_body={**existing, ...}` when it is " +
        "a name. Calls on the Cerebras SDK, which takes these as keywords, are not reported, nor calls whose " +
        "client cannot be resolved, nor requests to another provider's URL (Gemini, Groq, OpenAI itself).",
      why:
        "The OpenAI Python SDK's `create()` is keyword-only with no `**kwargs`: an unknown keyword raises " +
        "`TypeError` before any request is sent. LangChain passes `model_kwargs` (and unknown constructor " +
        "keywords, which it moves there) to that `create()`; its docs say to use `extra_body` for provider " +
        "parameters. The fix is safe because the call could not have worked before; it is unsafe only when the " +
        "call also spreads `**kwargs`, which might hold an `extra_body` of its own.",
      setup: 'from openai import OpenAI\nclient = OpenAI(base_url="https://api.cerebras.ai/v1")\nm = []\n',
      example: 'client.chat.completions.create(model="zai-glm-4.7", messages=m, clear_thinking=False)',
      useInstead:
        'client.chat.completions.create(model="zai-glm-4.7", messages=m, extra_body={"clear_thinking": False})',
      source:
        "openai/openai-python src/openai/resources/chat/completions/completions.py (keyword-only, no **kwargs, " +
        "in every v1+ release); Cerebras/cerebras-cloud-sdk-python src/cerebras/cloud/sdk/resources/chat/completions.py " +
        "and resources/completions.py (1.67.0, 2026-01-06); langchain-openai chat_models/base.py (model_kwargs, extra_body)",
      follows: BODY_FLOWS,
    },
  },
  check({ file, report }) {
    for (const body of requestBodies(file)) {
      const offending = offendingFields(body);
      if (offending.length === 0) continue;
      const { fix, clashing } = moveIntoExtraBody(body, offending);
      const client = body.sdk === "cerebras" ? "Cerebras" : "OpenAI";
      const target = body.request.kind === "method" ? `the ${client} Python client's \`${body.request.method}()\`` : "the OpenAI client's `create()` (through LangChain)";
      for (const item of offending) {
        const clash = clashing.has(item);
        const moved = !clash && !item.spread && !item.later;
        report({
          range: item.via?.range ?? item.entry.keyRange ?? item.entry.range,
          messageId: clash ? "not-a-keyword-clash" : "not-a-keyword",
          data: { field: item.wire, target },
          fix: moved ? fix : undefined,
        });
      }
    }
  },
};
