import type { EntryList, Forwarding, Range, RequestSite } from "./types.js";

/**
 * A project's own function that makes a request is called with the request's fields:
 * `def ask(prompt, temperature=0.7, **kwargs): return client.chat.completions.create(...,
 * temperature=temperature, **kwargs)` called as `ask("hi", temperature=0.2, top_p=0.9)`. Each
 * call of such a wrapper is a request too: its keywords are the fields the wrapper forwards.
 */

/** The parameters a call can pass by keyword, and the `**kwargs` that takes any other. */
export interface Signature {
  params: string[];
  kwargs?: string;
}

/** What this module reads of the assembler's raw calls (kept structural: the assembler imports this module). */
interface CallLike {
  range: Range;
  scope: number;
  calleeRange: Range;
  base: { kind: string; segments?: string[] };
  members: string[];
  args: EntryList;
  fields?: EntryList;
  open: boolean;
}

/** The functions, methods and calls of one file. */
interface Definitions<Call> {
  functions?: ReadonlyMap<string, number>;
  methods?: ReadonlyMap<string, number>;
  signatures?: ReadonlyMap<number, Signature>;
  calls: readonly Call[];
}

/** What one request inside a function takes from the function's parameters. */
function forwardingOf(site: RequestSite, signature: Signature, wrapper: string): Forwarding | undefined {
  const fields = new Map<string, string>();
  let kwargs = false;
  const seen = new Set<EntryList>();
  const visit = (list: EntryList | undefined): void => {
    if (!list || seen.has(list)) return;
    seen.add(list);
    for (const entry of list.entries) {
      const name = entry.value.kind === "name" ? entry.value.name : undefined;
      if (entry.spread && name !== undefined) {
        // **kwargs straight in, or a dict built in the function that spreads it (`{..., **kwargs}`).
        if (name === signature.kwargs) kwargs = true;
        else visit(site.bodies?.get(name)?.list);
      } else if (entry.key !== null && name !== undefined && signature.params.includes(name)) {
        fields.set(name, entry.key);
      }
    }
  };
  visit(site.request);
  if (!kwargs && fields.size === 0) return undefined;
  const keeps = new Set(signature.params.filter((param) => !fields.has(param)));
  return { wrapper, fields, keeps, kwargs, inner: site };
}

/** The requests made in each function or method, with the names a call reaches it by. */
function wrappersOf<Call extends CallLike>(raw: Definitions<Call>, requests: readonly RequestSite[], callOf: ReadonlyMap<RequestSite, Call>): Map<string, Forwarding> {
  const names = new Map<number, string>();
  for (const [name, scope] of raw.functions ?? []) names.set(scope, name);
  for (const [name, scope] of raw.methods ?? []) names.set(scope, `self.${name}`);
  const found = new Map<string, Forwarding>();
  const mixed = new Set<string>();
  for (const site of requests) {
    const scope = callOf.get(site)?.scope;
    const name = scope === undefined ? undefined : names.get(scope);
    const signature = scope === undefined ? undefined : raw.signatures?.get(scope);
    if (name === undefined || !signature || site.kind === "wrapper" || mixed.has(name)) continue;
    const forwarding = forwardingOf(site, signature, name);
    if (!forwarding) continue;
    const known = found.get(name);
    if (!known) {
      found.set(name, forwarding);
    } else if (known.inner.endpoint !== site.endpoint || known.inner.sdk !== site.sdk) {
      // Two requests bound differently (a Cerebras and an OpenAI branch): which one a call makes is unknown.
      found.delete(name);
      mixed.add(name);
    } else {
      for (const [param, key] of forwarding.fields) {
        if (!known.fields.has(param)) known.fields.set(param, key);
        known.keeps.delete(param);
      }
      known.kwargs ||= forwarding.kwargs;
    }
  }
  return found;
}

/**
 * The calls of the file's own wrappers (`ask(...)`, `self.generate(...)`), each as a request
 * whose fields are the keywords the wrapper forwards.
 */
export function wrapperCalls<Call extends CallLike>(
  raw: Definitions<Call>,
  requests: readonly RequestSite[],
  callOf: ReadonlyMap<RequestSite, Call>,
  isBound: (name: string, scope: number) => boolean,
): { call: Call; site: RequestSite }[] {
  if (requests.length === 0) return [];
  const wrappers = wrappersOf(raw, requests, callOf);
  if (wrappers.size === 0) return [];
  const requestCalls = new Set(callOf.values());
  const sites: { call: Call; site: RequestSite }[] = [];
  for (const call of raw.calls) {
    const segments = call.base.kind === "name" ? call.base.segments : undefined;
    if (!segments || call.members.length > 0 || requestCalls.has(call)) continue;
    const name = segments.join(".");
    const forwarding = wrappers.get(name);
    if (!forwarding || (segments.length === 1 && isBound(name, call.scope))) continue;
    if (segments.length === 2 && segments[0] !== "self") continue;
    const { inner } = forwarding;
    sites.push({
      call,
      site: {
        kind: "wrapper",
        method: name,
        range: call.range,
        calleeRange: call.calleeRange,
        endpoint: inner.endpoint,
        ...(inner.sdk ? { sdk: inner.sdk } : {}),
        args: call.args,
        ...(call.fields ? { request: call.fields } : {}),
        open: call.open,
        forwarding,
      },
    });
  }
  return sites;
}
