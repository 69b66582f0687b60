import { assemble } from "../../model/assemble.js";
import { UNLIMITED } from "../../model/budget.js";
import type { Language } from "../../model/types.js";
import { recover, type LowerOptions, type LowerResult } from "../adapter.js";
import { findLiterals } from "./literals.js";
import { lowerJavaScript } from "./lower.js";
import { parseJavaScript } from "./parser.js";

export async function lowerJavaScriptFile(path: string, language: Language, text: string, { budget = UNLIMITED, link }: LowerOptions): Promise<LowerResult> {
  const parsed = parseJavaScript(path, text);
  if ("error" in parsed) {
    const { error, source } = parsed;
    return { error, ...(source ? recover(() => assemble(lowerJavaScript(path, language, text, source, budget))) : {}) };
  }
  // The tree may come from Flow-blanked text; the model must carry the original.
  budget.check();
  const raw = lowerJavaScript(path, language, text, parsed.source, budget);
  raw.literals = findLiterals(text, parsed.source);
  return { file: assemble(raw, link ? await link(raw) : undefined) };
}
