import type { LoweredFile, ParseError } from "../model/types.js";

/** What lowering one file gives: its facts, or why it could not be parsed. */
export type LowerResult = { file: LoweredFile } | { error: ParseError };
