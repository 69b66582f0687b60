import type { Link } from "../model/assemble.js";
import type { Budget } from "../model/budget.js";
import type { Language, LoweredFile, ParseError } from "../model/types.js";

/**
 * What lowering one file gives: its facts, or why it could not be parsed, with the facts of what
 * the parser recovered around the error when there is a tree to read (checked, never fixed).
 */
export type LowerResult = { file: LoweredFile } | { error: ParseError; recovered?: LoweredFile };

/** Files that hold code of other languages (Markdown code blocks, notebook cells): never lowered themselves. */
export type ContainerLanguage = "markdown" | "notebook";

/** A language with an adapter: its files are parsed and lowered to the shared model. */
export type SourceLanguage = Exclude<Language, ContainerLanguage>;

export interface LowerOptions {
  /** Checked while parsing and lowering; the engine's runs out after the file timeout. */
  budget?: Budget;
  /** Resolves the file's imports of other modules of the tree (Python and JS/TS only). */
  link?: Link;
}

/** One language behind the registry in languages/index.ts. */
export interface LanguageAdapter {
  /** File extensions read as this language, lower-case with the dot. */
  extensions: readonly string[];
  lower(path: string, text: string, options: LowerOptions): Promise<LowerResult>;
}

/**
 * The facts of a tree with errors, for a report of what the parser recovered; none when its
 * shapes are too broken to read (the syntax error is reported either way).
 */
export function recover(lower: () => LoweredFile): { recovered?: LoweredFile } {
  try {
    return { recovered: lower() };
  } catch {
    return {};
  }
}
