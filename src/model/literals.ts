import type { ModelRef, RawLiteral, StringPlace } from "./types.js";

export type { RawLiteral, StringPlace } from "./types.js";

/** Places that test or look up a value rather than set one: never rewritten by a safe fix. */
export const TEST_PLACES: ReadonlySet<StringPlace> = new Set(["comparison", "key", "case"]);

const MODEL_SHAPE = /^[A-Za-z@][\w.:/@-]{2,120}$/;
const URL_SHAPE = /^https?:\/\/[^\s"'`<>]+$/i;

/** Whether a string's content could be a model ID (letters, a digit, a hyphen) or a URL. */
export function literalShape(content: string): boolean {
  if (URL_SHAPE.test(content)) return true;
  return MODEL_SHAPE.test(content) && /\d/.test(content) && content.includes("-");
}

/**
 * The offsets of the opening quotes of string literals whose content has that shape, found on the
 * text before any tree is walked, so files without one cost a regular expression.
 */
export function candidateQuotes(text: string): Set<number> {
  const found = new Set<number>();
  for (const match of text.matchAll(/(["'`])([^"'`\s\\]{3,400})\1/g)) {
    if (literalShape(match[2]!)) found.add(match.index);
  }
  return found;
}

/**
 * Gives the model references the place and catalog of their literal, and adds every other
 * model-shaped literal as a `literal` reference for the rules to judge by its place and file.
 */
export function placeLiterals(models: ModelRef[], literals: readonly RawLiteral[]): void {
  const byContent = new Map<number, ModelRef>();
  for (const model of models) if (model.value.contentRange) byContent.set(model.value.contentRange.start, model);
  for (const literal of literals) {
    const content = literal.value.contentRange!;
    const known = byContent.get(content.start);
    const where = { place: literal.place, ...(literal.container ? { container: literal.container } : {}) };
    if (known) {
      Object.assign(known, where);
      continue;
    }
    if (URL_SHAPE.test(literal.value.string ?? "")) continue;
    const model: ModelRef = { value: literal.value, position: "literal", key: literal.key ?? "", endpoint: "unknown", ...where };
    models.push(model);
    byContent.set(content.start, model);
  }
}
