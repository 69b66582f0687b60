/**
 * Raw HTTP clients a chat-completions request is sent with, and where each takes the JSON body.
 * The URL (or Node's hostname and path) says where the request goes; the body is the request.
 * Sources, read 2026-11-29:
 * - got: `got.post(url, { json })`, the `json` option is the body object (sindresorhus/got,
 *   documentation/2-options.md, `json` and `stringifyJson`).
 * - ky: `ky.post(input, { json })`, "Shortcut for sending JSON. Use this instead of the `body`
 *   option" (sindresorhus/ky, readme.md, options.json).
 * - undici: `request(url, { method, body })` and `fetch(input, init)` as WHATWG fetch, the body a
 *   string (nodejs/undici README.md, `undici.request([url, options])`; v22 bundled copy).
 * - Node: `https.request(options, callback)` with `options.hostname` (or `host`) and `path`, the
 *   body written with `req.write(chunk)` or `req.end(chunk)` (nodejs.org/api/http.html,
 *   http.request and request.write).
 * - Python: `requests.post(url, json=...)` or `data=json.dumps(...)`; httpx and aiohttp alike.
 */

/** The last name of a callee that posts to a URL given first (`axios.post`, `fetch`, `session.request`). */
export const HTTP_POST_NAMES: ReadonlySet<string> = new Set(["post", "fetch", "request"]);

/** Imported callables (module-qualified) that send a request to the URL given first: `got(url, {...})`. */
export const HTTP_CALLABLES: ReadonlySet<string> = new Set(["got.default", "ky.default", "undici.fetch", "undici.request"]);

/** Options holding the body object itself: got's and ky's `json`; Python's `json=` keyword. */
export const JSON_BODY_OPTIONS: readonly string[] = ["json"];

/** Options holding the body serialised (`body: JSON.stringify(...)`, `data=json.dumps(...)`). */
export const SERIALISED_BODY_OPTIONS: readonly string[] = ["body", "data", "content"];
export const JSON_SERIALISERS: ReadonlySet<string> = new Set(["JSON.stringify", "json.dumps"]);

/** Node's `http.request` / `https.request`, as imported (`node:https.default.request`, `https.request`). */
export const NODE_REQUEST = /^(?:node:)?https?(?:\.default)?\.request$/;
/** What writes a chunk of the body into the request Node's `request()` returned. */
export const NODE_BODY_WRITERS: ReadonlySet<string> = new Set(["write", "end"]);
