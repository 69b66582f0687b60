/**
 * Which models the Cerebras API lists for an account now: `GET /v1/models` with
 * `CEREBRAS_API_KEY` (the OpenAI-style list, `{ data: [{ id }] }`). Only `models --check` and
 * `lint --check-models` call it; nothing else in glm-migrate touches the network.
 */

/** Cerebras' SDKs default to this base and add `/v1` themselves. */
export const CEREBRAS_DEFAULT_BASE = "https://api.cerebras.ai";

export type LiveModels = { ok: true; url: string; ids: string[] } | { ok: false; reason: string };

export interface LiveModelsOptions {
  env: NodeJS.ProcessEnv;
  /** A base URL given on the command line; else `CEREBRAS_BASE_URL`, else Cerebras' own. */
  baseUrl?: string;
  timeoutMs?: number;
}

/** `https://api.cerebras.ai` and `https://api.cerebras.ai/v1` both name the same list. */
export function modelsUrl(base: string): string {
  const trimmed = base.replace(/\/+$/, "");
  return /\/v1$/.test(trimmed) ? `${trimmed}/models` : `${trimmed}/v1/models`;
}

function idsOf(body: unknown): string[] | undefined {
  const data = (body as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) return undefined;
  const ids = data.map((entry) => (entry as { id?: unknown } | null)?.id);
  return ids.every((id): id is string => typeof id === "string") ? ids : undefined;
}

export async function fetchLiveModels(options: LiveModelsOptions): Promise<LiveModels> {
  const key = options.env.CEREBRAS_API_KEY;
  if (!key) return { ok: false, reason: "CEREBRAS_API_KEY is not set" };
  const base = options.baseUrl || options.env.CEREBRAS_BASE_URL || CEREBRAS_DEFAULT_BASE;
  let url: string;
  try {
    url = new URL(modelsUrl(base)).href;
  } catch {
    return { ok: false, reason: `\`${base}\` is not a URL` };
  }
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { authorization: `Bearer ${key}`, accept: "application/json" },
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = (error as Error).name === "TimeoutError" ? "no answer in time" : (cause?.code ?? cause?.message ?? (error as Error).message);
    return { ok: false, reason: `cannot reach ${url} (${why})` };
  }
  if (!response.ok) return { ok: false, reason: `${url} answered HTTP ${response.status}${response.status === 401 ? " (is CEREBRAS_API_KEY right?)" : ""}` };
  let ids: string[] | undefined;
  try {
    ids = idsOf(await response.json());
  } catch {
    ids = undefined;
  }
  if (!ids) return { ok: false, reason: `${url} did not answer with a model list` };
  return { ok: true, url, ids };
}
