import type { EditKit } from "../../model/types.js";

export function pythonKit(quote: '"' | "'"): EditKit {
  const string = (value: string): string =>
    quote +
    value
      .replace(/\\/g, "\\\\")
      .replace(quote === '"' ? /"/g : /'/g, `\\${quote}`)
      .replace(/\n/g, "\\n") +
    quote;
  return {
    language: "python",
    quote,
    string,
    boolean: (value) => (value ? "True" : "False"),
    null: () => "None",
    keyword: (name, valueText) => `${name}=${valueText}`,
    entry: (key, valueText) => `${string(key)}: ${valueText}`,
    object: (entryTexts) => `{${entryTexts.join(", ")}}`,
    spread: (expressionText) => `**${expressionText}`,
    lineComment: "#",
  };
}
