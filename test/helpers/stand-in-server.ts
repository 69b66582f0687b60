import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A stand-in for the chat-completions API on 127.0.0.1: it records every request body and answers
 * with a completion, or with `text/event-stream` chunks when the request streams.
 */
export interface StandIn {
  url: string;
  bodies: Record<string, unknown>[];
  /** The Authorization headers of model-list requests. */
  authorizations: string[];
  /** Where each chat request went and the key it carried, in the order of `bodies`. */
  chats: { path: string; authorization: string }[];
  close(): Promise<void>;
}

const completion = {
  id: "chatcmpl-test",
  object: "chat.completion",
  created: 1,
  model: "zai-glm-4.7",
  choices: [{ index: 0, message: { role: "assistant", content: "ok", reasoning: "thought" }, finish_reason: "stop", logprobs: null }],
  usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 },
};

const chunk = (delta: Record<string, unknown>, finish: string | null) => ({
  id: "chatcmpl-test",
  object: "chat.completion.chunk",
  created: 1,
  model: "zai-glm-4.7",
  choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
  ...(finish ? { usage: completion.usage } : {}),
});

/** What `GET /v1/models` answers: the IDs to list, or an HTTP error status. */
export interface StandInOptions {
  models?: string[];
  modelsStatus?: number;
}

export async function startStandIn(options: StandInOptions = {}): Promise<StandIn> {
  const bodies: Record<string, unknown>[] = [];
  const authorizations: string[] = [];
  const chats: { path: string; authorization: string }[] = [];
  const server: Server = createServer((request, response) => {
    if (request.method === "GET" && request.url?.endsWith("/models")) {
      authorizations.push(request.headers.authorization ?? "");
      const status = options.modelsStatus ?? 200;
      response.writeHead(status, { "content-type": "application/json" });
      const data = (options.models ?? []).map((id) => ({ id, object: "model", created: 0, owned_by: "Cerebras" }));
      response.end(JSON.stringify(status === 200 ? { object: "list", data } : { message: "Wrong API Key", type: "invalid_request_error" }));
      return;
    }
    const parts: Buffer[] = [];
    request.on("data", (part: Buffer) => parts.push(part));
    request.on("end", () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(parts).toString("utf8")) as Record<string, unknown>;
      } catch {
        body = { "<unparsable>": true };
      }
      // The Cerebras SDK also warms its connection with a request of its own: only chat requests count.
      if (request.method === "POST" && request.url?.endsWith("/chat/completions")) {
        bodies.push(body);
        chats.push({ path: request.url, authorization: request.headers.authorization ?? "" });
      }
      if (body.stream) {
        response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
        response.write(`data: ${JSON.stringify(chunk({ role: "assistant", content: "o", reasoning: "r" }, null))}\n\n`);
        response.write(`data: ${JSON.stringify(chunk({}, "stop"))}\n\n`);
        response.end("data: [DONE]\n\n");
      } else {
        response.writeHead(200, { "content-type": "application/json" });
        response.end(JSON.stringify(completion));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bodies,
    authorizations,
    chats,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
