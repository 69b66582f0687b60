import type { Target } from "../../src/model/rule.js";
import type { EditKit } from "../../src/model/types.js";
import { field, type RequestBody } from "./body.js";
import { booleanOf, stringOf } from "./values.js";

/** The field that turns reasoning off in the form the target asks for. */
export function reasoningOffField(target: Target, kit: EditKit): { wire: string; valueText: string } {
  return target.reasoningOff === "disable_reasoning"
    ? { wire: "disable_reasoning", valueText: kit.boolean(true) }
    : { wire: "reasoning_effort", valueText: kit.string("none") };
}

/** Reasoning is turned off in this body, by either form. */
export function reasoningIsOff(body: RequestBody): boolean {
  const disable = field(body, "disable_reasoning");
  if (disable && booleanOf(body.file, disable.entry.value) === true) return true;
  const effort = field(body, "reasoning_effort");
  return effort !== undefined && stringOf(body.file, effort.entry.value) === "none";
}
