import type { Target } from "../../src/model/rule.js";
import type { LoweredFile, Value } from "../../src/model/types.js";
import { guideAppliesTo } from "../knowledge/catalog.js";
import { parseModelId } from "../knowledge/models.js";
import type { RequestBody } from "./body.js";

/** A literal, or a name assigned exactly once in the file to a literal. */
export function resolve(file: LoweredFile, value: Value): Value {
  if (value.kind === "name" && value.name) return file.constants.get(value.name) ?? value;
  return value;
}

export function numberOf(file: LoweredFile, value: Value): number | undefined {
  const resolved = resolve(file, value);
  return resolved.kind === "number" ? resolved.number : undefined;
}

export function booleanOf(file: LoweredFile, value: Value): boolean | undefined {
  const resolved = resolve(file, value);
  return resolved.kind === "boolean" ? resolved.boolean : undefined;
}

export function stringOf(file: LoweredFile, value: Value): string | undefined {
  const resolved = resolve(file, value);
  return resolved.kind === "string" ? resolved.string : undefined;
}

/** `None` or `null`: the client leaves the field out or sends the server default. */
export function isNull(file: LoweredFile, value: Value): boolean {
  return resolve(file, value).kind === "null";
}

/** The string literal itself, quotes included, even when the value is `env ?? "..."`. */
export function literalRange(value: Value): { start: number; end: number } {
  const content = value.contentRange!;
  const quoted = content.start > value.range.start && content.end < value.range.end;
  return quoted ? { start: content.start - 1, end: content.end + 1 } : content;
}

/** A literal number rendered the way people write it (`0.6`, not `0.6000000000000001`). */
export function formatNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}


/**
 * Whether the migration guide's model advice applies to this request: it names the target or a
 * GLM 4.5-4.7 model. A request whose model this file does not show gets none of it, so the sampling
 * rules stay quiet on an OpenAI call to gpt-4o, Llama on Cerebras, or GLM-4-Flash on Z.ai.
 */
export function isGlmRequest(body: RequestBody, target: Target): boolean {
  if (body.model === undefined) return false;
  const id = parseModelId(body.model).id;
  // GLM 4.5 to 4.7 by any of their names, as the catalog marks them, and the target.
  return id === target.model || guideAppliesTo(id);
}
