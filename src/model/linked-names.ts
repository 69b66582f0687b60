import { pushTo } from "../collections.js";
import type { RawBinding, RawCall, RawFile } from "./assemble.js";
import { literalShape } from "./literals.js";
import { derivedFrom } from "./model-flow.js";
import { modelNameKind } from "./names.js";
import type { Entry } from "./types.js";
import { CLIENT_ENDPOINT_OPTIONS, REQUEST_METHODS, SAMPLING_OPTIONS } from "./sdks.js";

/**
 * The imported names worth following to other modules: those a request's client or model can come
 * from. Following every import would read half a package for each file that mentions an SDK; the
 * names that matter are far fewer:
 * - the receiver of each request call (`client` of `client.chat.completions.create`, `get_client`
 *   of `get_client().chat...`) and the name a request's `model` is (`config.MODEL`);
 * - for a module being imported (`exporting`), every module-level name's source, since any of
 *   them may be what the importer asked for;
 * - and, from those, what they are bound to or return, back to the imported name they start at.
 */
export function linkedNames(raw: RawFile, exporting: boolean): Set<string> {
  const names = new Set<string>();
  const pending: string[] = [];
  const want = (dotted: string | undefined): void => {
    if (!dotted) return;
    const head = dotted.split(".")[0]!;
    if (!names.has(head)) {
      names.add(head);
      pending.push(head);
    }
    if (dotted !== head) pending.push(dotted);
  };
  const wantCall = (call: RawCall | undefined): void => {
    if (call?.base.kind === "name") want(call.base.segments.join("."));
    else if (call?.base.kind === "call") wantCall(call.base.call);
  };
  const wantBinding = (binding: RawBinding): void => {
    if (binding.call) wantCall(binding.call);
    else if (binding.chain?.root.kind === "name") want(binding.chain.root.name);
    else if (binding.chain?.root.kind === "call") wantCall(binding.chain.root.call);
  };

  // payload = {"model": self.model, ...}: where a raw body's model comes from.
  for (const values of raw.assignments.values()) {
    for (const value of values) {
      const model = value.kind === "object" ? value.list?.entries.find((entry) => entry.key === "model")?.value : undefined;
      if (model?.kind === "name") want(model.name);
    }
  }
  for (const call of raw.calls) {
    // requests.post(f"{self.base_url}chat/completions"): the names the URL is built from.
    if (HTTP_SENDS.has(calleeOf(call).at(-1) ?? "")) {
      for (const entry of call.args.entries) if (entry.key === null) for (const match of raw.text.slice(entry.value.range.start, entry.value.range.end).matchAll(DOTTED)) want(match[0]);
    }
    // ask_cerebras(q, model="..."): a function of another module the model may be sent through.
    if (call.base.kind === "name" && call.members.length === 0 && passesModel(call)) want(call.base.segments.join("."));
    const receiver = requestReceiver(call);
    if (receiver?.kind === "name") want(receiver.name);
    else if (receiver?.kind === "call") wantCall(receiver.call);
    // ask_cerebras(model=..., temperature=0.1): a function of another module may make the request.
    else if (call.base.kind === "name" && call.members.length === 0 && call.args.entries.some(passesRequestFields)) want(call.base.segments.join("."));
    for (const entry of call.fields?.entries ?? []) {
      // create(**PARAMS): a dict of another module this request's fields come from.
      if (entry.spread && entry.value.kind === "name" && receiver !== undefined) want(entry.value.name);
      // OpenAI(base_url=settings.BASE_URL, api_key=settings.API_KEY): where a client sends; and
      // temperature=consts.TEMPERATURE: a number the rules check.
      if (entry.key !== null && (CLIENT_ENDPOINT_OPTIONS.has(entry.key) || SAMPLING_OPTIONS.has(entry.key)) && entry.value.kind === "name") want(entry.value.name);
      else if (entry.key === "model" && entry.value.kind === "name") want(entry.value.name);
      // model: MODELS.GLM.split("/").pop(): the constant the string is derived from.
      else if (entry.key === "model" && entry.value.kind !== "string") want(derivedFrom(raw.text.slice(entry.value.range.start, entry.value.range.end)));
    }
  }
  if (exporting) {
    for (const binding of raw.bindings) if (binding.scope === -1) wantBinding(binding);
    for (const scope of raw.functions?.values() ?? []) pending.push(`\u0000${scope}`);
    const fallback = raw.defaultExport;
    if (fallback && "call" in fallback) wantCall(fallback.call);
    else if (fallback && "name" in fallback) want(fallback.name);
  }

  const byName = new Map<string, RawBinding[]>();
  for (const binding of raw.bindings) pushTo(byName, binding.name, binding);
  const seen = new Set<string>();
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    // A function's scope (queued as NUL + start): what it returns.
    const scope = name.startsWith("\u0000") ? Number(name.slice(1)) : raw.functions?.get(name);
    for (const returned of scope === undefined ? [] : (raw.returns?.get(scope) ?? [])) {
      if ("call" in returned) wantCall(returned.call);
      else if ("name" in returned) want(returned.name);
    }
    for (const binding of byName.get(name) ?? []) wantBinding(binding);
  }
  return names;
}

const HTTP_SENDS: ReadonlySet<string> = new Set(["post", "fetch", "request"]);
const DOTTED = /(?<![\w$.])[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*/g;

function calleeOf(call: RawCall): string[] {
  return call.base.kind === "name" ? [...call.base.segments, ...call.members] : call.members;
}

/** A call with a model keyword (`model=...`) or a model-shaped string argument. */
function passesModel(call: RawCall): boolean {
  return call.args.entries.some(
    (entry) => (entry.key !== null && modelNameKind(entry.key) === "single") || (entry.key === null && entry.value.kind === "string" && literalShape(entry.value.string ?? "")),
  );
}

/** Keywords worth following a call into another module for: the request fields rules read. */
const REQUEST_KEYWORDS: ReadonlySet<string> = new Set([
  "temperature",
  "top_p",
  "max_tokens",
  "max_completion_tokens",
  "extra_body",
  "thinking",
  "disable_reasoning",
  "reasoning_effort",
  "clear_thinking",
]);

function passesRequestFields(entry: Entry): boolean {
  if (entry.key === null && entry.value.kind === "object") return entry.value.list?.entries.some(passesRequestFields) ?? false;
  return entry.spread === true || (entry.key !== null && (REQUEST_KEYWORDS.has(entry.key) || modelNameKind(entry.key) !== undefined));
}

/** The request method a call ends with (`chat.completions.create`), if any. */
export function requestMethod(call: RawCall): string | undefined {
  const path = (call.base.kind === "name" ? call.base.segments : call.members).join(".");
  return REQUEST_METHODS.find((candidate) => path.endsWith(candidate));
}

/** The receiver of a request method call: `client` of `client.chat.completions.create(...)`. */
function requestReceiver(call: RawCall): { kind: "name"; name: string } | { kind: "call"; call: RawCall } | undefined {
  const path = call.base.kind === "name" ? call.base.segments : call.members;
  const method = requestMethod(call);
  if (!method) return undefined;
  const receiver = path.slice(0, path.length - method.split(".").length);
  if (call.base.kind === "name") return receiver.length > 0 ? { kind: "name", name: receiver.join(".") } : undefined;
  return call.base.kind === "call" ? { kind: "call", call: call.base.call } : undefined;
}
