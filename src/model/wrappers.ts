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
  /** JS: parameters are passed by position; an object parameter spread into the request carries fields. */
  positional?: boolean;
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

/** The request field a wrapper's keyword becomes, if it reaches the request. */
export function forwardedKey(forwarding: Forwarding, keyword: string): string | undefined {
  return forwarding.fields.get(keyword) ?? (forwarding.kwargs && !forwarding.keeps.has(keyword) ? keyword : undefined);
}

/** What one request inside a function takes from the function's parameters. */
function forwardingOf(site: RequestSite, signature: Signature, wrapper: string): Forwarding | undefined {
  const fields = new Map<string, string>();
  let kwargs = false;
  let argument: number | undefined;
  const seen = new Set<EntryList>();
  const visit = (list: EntryList | undefined): void => {
    if (!list || seen.has(list)) return;
    seen.add(list);
    for (const entry of list.entries) {
      const name = entry.value.kind === "name" ? entry.value.name : undefined;
      if (entry.spread && name !== undefined) {
        // **kwargs straight in, or a dict built in the function that spreads it (`{..., **kwargs}`);
        // in JS, `...options` of a parameter: the object passed at its place.
        if (name === signature.kwargs) kwargs = true;
        else if (signature.positional && signature.params.includes(name)) argument = signature.params.indexOf(name);
        else visit(site.bodies?.get(name)?.list);
      } else if (entry.key !== null && name !== undefined && signature.params.includes(name) && !signature.positional) {
        // Into another wrapper's call (`ask_cerebras(model=model)`): under the field that one gives it.
        const key = site.forwarding ? forwardedKey(site.forwarding, entry.key) : entry.key;
        if (key !== undefined) fields.set(name, key);
      }
    }
  };
  visit(site.request);
  if (argument !== undefined) return { wrapper, fields, keeps: new Set(), kwargs: true, argument, endpoint: site.endpoint, ...(site.sdk ? { sdk: site.sdk } : {}), inner: site };
  if (!kwargs && fields.size === 0) return undefined;
  const keeps = new Set(signature.params.filter((param) => !fields.has(param)));
  return { wrapper, fields, keeps, kwargs, endpoint: site.endpoint, ...(site.sdk ? { sdk: site.sdk } : {}), inner: site };
}

/**
 * The file's functions and methods that make a request with what they are called with, by the
 * name a call reaches them by (`ask`, `self.generate`), each with its scope.
 */
export function wrappersOf<Call extends CallLike>(raw: Definitions<Call>, requests: readonly RequestSite[], callOf: ReadonlyMap<RequestSite, Call>): Map<string, Forwarding & { scope: number }> {
  const names = new Map<number, string>();
  for (const [name, scope] of raw.functions ?? []) names.set(scope, name);
  for (const [name, scope] of raw.methods ?? []) names.set(scope, `${raw.signatures?.get(scope)?.positional ? "this" : "self"}.${name}`);
  const found = new Map<string, Forwarding & { scope: number }>();
  const mixed = new Set<string>();
  for (const site of requests) {
    const scope = callOf.get(site)?.scope;
    const name = scope === undefined ? undefined : names.get(scope);
    const signature = scope === undefined ? undefined : raw.signatures?.get(scope);
    if (name === undefined || !signature || mixed.has(name)) continue;
    const forwarding = forwardingOf(site, signature, name);
    if (!forwarding) continue;
    const known = found.get(name);
    if (!known) {
      found.set(name, { ...forwarding, scope: scope! });
    } else if (known.endpoint !== site.endpoint || known.sdk !== site.sdk) {
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
  wrappers: ReadonlyMap<string, Forwarding>,
  callOf: ReadonlyMap<RequestSite, Call>,
  /** A wrapper another module defines, by the dotted name a call uses here (`ask`, `utils.ask`). */
  imported: (segments: readonly string[], scope: number) => Forwarding | undefined,
  isBound: (name: string, scope: number) => boolean,
): { call: Call; site: RequestSite }[] {
  const requestCalls = new Set(callOf.values());
  const sites: { call: Call; site: RequestSite }[] = [];
  for (const call of raw.calls) {
    const segments = call.base.kind === "name" ? call.base.segments : undefined;
    if (!segments || call.members.length > 0 || requestCalls.has(call) || call.args.entries.every((entry) => entry.key === null && !entry.spread && entry.value.kind !== "object")) continue;
    const name = segments.join(".");
    const own = segments[0] === "self" || segments[0] === "this";
    if (isBound(segments[0]!, call.scope) && !own) continue;
    const local = own ? segments.length === 2 : segments.length === 1;
    const forwarding = (local ? wrappers.get(name) : undefined) ?? (own ? undefined : imported(segments, call.scope));
    if (!forwarding) continue;
    // JS: the object passed where the function takes the options it spreads into its request.
    const fields = forwarding.argument === undefined ? call.fields : call.args.entries[forwarding.argument]?.value.list;
    sites.push({
      call,
      site: {
        kind: "wrapper",
        method: name,
        range: call.range,
        calleeRange: call.calleeRange,
        endpoint: forwarding.endpoint,
        ...(forwarding.sdk ? { sdk: forwarding.sdk } : {}),
        args: call.args,
        ...(fields ? { request: fields } : {}),
        open: call.open,
        forwarding,
      },
    });
  }
  return sites;
}
