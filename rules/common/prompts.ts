import type { Target } from "../../src/model/rule.js";
import type { LoweredFile, Value } from "../../src/model/types.js";
import { field, requestBodies } from "./body.js";
import { isGlmRequest, resolve } from "./values.js";

/**
 * The system prompts of GLM requests: the `content` of a `system` (or `developer`) message in a
 * messages literal, or the AI SDK's `system` option; constants are followed to their literal.
 */
export function systemPrompts(file: LoweredFile, target: Target): Value[] {
  const prompts: Value[] = [];
  const seen = new Set<number>();
  const add = (value: Value): void => {
    const literal = resolve(file, value);
    if (literal.kind === "string" && literal.string !== undefined && !seen.has(literal.range.start)) {
      seen.add(literal.range.start);
      prompts.push(literal);
    }
  };
  for (const body of requestBodies(file)) {
    if (!isGlmRequest(body, target)) continue;
    const system = field(body, "system");
    if (system && body.sdk === "ai-sdk") add(system.entry.value);
    const messages = field(body, "messages");
    const list = messages ? resolve(file, messages.entry.value).list : undefined;
    for (const element of list?.entries ?? []) {
      const entries = resolve(file, element.value).list?.entries ?? [];
      const role = entries.find((entry) => entry.key === "role");
      const content = entries.find((entry) => entry.key === "content");
      const roleName = role ? resolve(file, role.value).string : undefined;
      if (content && (roleName === "system" || roleName === "developer")) add(content.value);
    }
  }
  return prompts;
}

/** Maps an offset in a string's value to the file, when the literal has no escapes to shift it. */
export function offsetInFile(file: LoweredFile, literal: Value, index: number): number | undefined {
  const content = literal.contentRange;
  if (!content || file.text.slice(content.start, content.end) !== literal.string) return undefined;
  return content.start + index;
}
