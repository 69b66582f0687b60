/** What a request body must be for zai-glm-4.7 on Cerebras, shared by the request scenarios. */

export type Body = Record<string, unknown>;

export const TARGET = "zai-glm-4.7";
const CAP = 40_960;
const ZAI_ONLY = ["thinking", "tool_stream", "do_sample", "request_id", "user_id", "sensitive_word_check", "meta", "watermark_enabled", "chat_template_kwargs"];

/** What is wrong with a body for zai-glm-4.7 on Cerebras. */
export function defects(body: Body): string[] {
  const found: string[] = [];
  if (body.model !== TARGET) found.push(`model ${String(body.model)}`);
  if ("extra_body" in body) found.push("extra_body");
  if ("disable_reasoning" in body) found.push("disable_reasoning");
  for (const field of ZAI_ONLY) if (field in body) found.push(field);
  for (const field of ["max_completion_tokens", "max_tokens"]) {
    if (typeof body[field] === "number" && (body[field] as number) > CAP) found.push(`${field} ${String(body[field])}`);
  }
  return found;
}

/** Reasoning was turned off, by any of the forms code migrating to Cerebras uses. */
export function reasoningOff(body: Body): boolean {
  const nested = (body.extra_body ?? {}) as Body;
  const thinking = (body.thinking ?? nested.thinking) as Body | undefined;
  return body.disable_reasoning === true || nested.disable_reasoning === true || thinking?.type === "disabled" || body.reasoning_effort === "none";
}
