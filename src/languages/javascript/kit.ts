import type { EditKit, Language } from "../../model/types.js";

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function javascriptKit(language: Language, quote: '"' | "'"): EditKit {
  const string = (value: string): string =>
    quote +
    value
      .replace(/\\/g, "\\\\")
      .replace(quote === '"' ? /"/g : /'/g, `\\${quote}`)
      .replace(/\n/g, "\\n") +
    quote;
  const key = (name: string): string => (IDENTIFIER.test(name) ? name : string(name));
  return {
    language,
    quote,
    string,
    boolean: (value) => (value ? "true" : "false"),
    null: () => "null",
    keyword: (name, valueText) => `${key(name)}: ${valueText}`,
    entry: (name, valueText) => `${key(name)}: ${valueText}`,
    object: (entryTexts) => (entryTexts.length === 0 ? "{}" : `{ ${entryTexts.join(", ")} }`),
    spread: (expressionText) => `...${expressionText}`,
    lineComment: "//",
  };
}
