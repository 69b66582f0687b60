import type { Target } from "../../src/model/rule.js";
import type { LoweredFile, Value } from "../../src/model/types.js";
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

/** A literal number rendered the way people write it (`0.6`, not `0.6000000000000001`). */
export function formatNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/**
 * Whether the migration guide's model advice applies to this request: it goes to Cerebras or Z.ai
 * with a GLM model (or an unnamed one), or it names a GLM model wherever it goes. Keeps the
 * sampling rules quiet on, say, an OpenAI call to gpt-4o.
 */
export function isGlmRequest(body: RequestBody, target: Target): boolean {
  const id = body.model === undefined ? undefined : parseModelId(body.model).id;
  const glm = id !== undefined && (id === target.model || /(^|[-/])glm-/.test(id));
  if (body.endpoint === "cerebras" || body.endpoint === "zai") return id === undefined || glm;
  return glm;
}
