import {
  HTTP_CALLABLES,
  HTTP_POST_NAMES,
  JSON_BODY_OPTIONS,
  JSON_SERIALISERS,
  NODE_BODY_WRITERS,
  NODE_REQUEST,
  SERIALISED_BODY_OPTIONS,
} from "../../rules/knowledge/http-clients.js";
import { classifyUrl, findOption } from "./endpoints.js";
import type { Endpoint, Entry, EntryList, Value } from "./types.js";

/**
 * Raw HTTP calls whose JSON body is a chat-completions request, whatever client sends it: where
 * the body is, and for Node's `https.request`, where the request goes. The clients and how each
 * takes its body are data (rules/knowledge/http-clients.ts, with their sources).
 */

/** A call as these helpers need it: its arguments, callee, and module-qualified callee. */
export interface HttpCall {
  args: EntryList;
  /** `axios.post` → ["axios", "post"]. */
  callee: readonly string[];
  /** The callee through the file's imports (`got.default`, `undici.fetch`), if imported. */
  qualified?: string;
}

type Constants = ReadonlyMap<string, Value>;

/** A name bound once to a value stands for that value. */
function resolved(value: Value | undefined, constants: Constants): Value | undefined {
  return value?.kind === "name" && value.name ? (constants.get(value.name) ?? value) : value;
}

/** `JSON.stringify(x)` or `json.dumps(x)`, also through a constant: `x`. */
function serialised(value: Value | undefined, constants: Constants): Value | undefined {
  const call = resolved(value, constants);
  return call?.kind === "call" && call.callee && JSON_SERIALISERS.has(call.callee) ? call.args?.entries[0]?.value : undefined;
}

/** Whether the callee posts to the URL it is given first. */
export function isHttpPost(call: HttpCall): boolean {
  return HTTP_POST_NAMES.has(call.callee.at(-1) ?? "") || (call.qualified !== undefined && HTTP_CALLABLES.has(call.qualified));
}

function option(list: EntryList | undefined, keys: readonly string[]): Value | undefined {
  for (const key of keys) {
    const found = findOption(list, key);
    if (found) return found;
  }
  return undefined;
}

/**
 * The body of a POST to `url`: a `json=` keyword or `data=json.dumps(...)` (Python), an options
 * object's `json` (got, ky) or `body: JSON.stringify(...)` (fetch, undici), or axios's second
 * argument, the body itself.
 */
export function httpBody(call: HttpCall, url: Value, constants: Constants): Value | undefined {
  const keyword = (keys: readonly string[]): Value | undefined => call.args.entries.find((entry) => entry.key !== null && keys.includes(entry.key))?.value;
  const direct = keyword(JSON_BODY_OPTIONS) ?? serialised(keyword(SERIALISED_BODY_OPTIONS), constants);
  if (direct) return direct;
  const positional = call.args.entries.filter((entry) => entry.key === null && !entry.spread);
  const init = positional[positional.findIndex((entry) => entry.value === url) + 1]?.value;
  const options = resolved(init, constants)?.list;
  const inOptions = option(options, JSON_BODY_OPTIONS) ?? serialised(option(options, SERIALISED_BODY_OPTIONS), constants);
  if (inOptions) return inOptions;
  // axios.post(url, data): an options object (method, headers, body) is not a body.
  const optionsShaped = option(options, ["method", "headers", ...SERIALISED_BODY_OPTIONS]) !== undefined;
  const axiosStyle = call.callee.at(-1) !== "fetch" && !(call.qualified && HTTP_CALLABLES.has(call.qualified)) && !optionsShaped;
  return axiosStyle ? init : undefined;
}

/** Node's `https.request(options, callback)`: the options, when they name a chat-completions path. */
export function nodeRequest(call: HttpCall, constants: Constants): { endpoint: Endpoint } | undefined {
  if (!call.qualified || !NODE_REQUEST.test(call.qualified)) return undefined;
  const first = call.args.entries.find((entry: Entry) => entry.key === null)?.value;
  const options = resolved(first, constants)?.list;
  const text = (key: string): string | undefined => {
    const value = resolved(findOption(options, key), constants);
    return value?.kind === "string" ? value.string : undefined;
  };
  const host = text("hostname") ?? text("host");
  const path = text("path");
  if (host === undefined || path === undefined || !/chat\/completions/.test(path)) return undefined;
  return { endpoint: classifyUrl(`https://${host}${path}`) };
}

/**
 * The body written into a request Node's `request()` returned: `req.write(JSON.stringify(body))`
 * or `req.end(...)` on the name the request is bound to.
 */
export function nodeWrittenBody(writes: readonly HttpCall[], constants: Constants): Value | undefined {
  for (const write of writes) {
    if (!NODE_BODY_WRITERS.has(write.callee.at(-1) ?? "")) continue;
    const body = serialised(write.args.entries[0]?.value, constants);
    if (body) return body;
  }
  return undefined;
}
