import ts from "./typescript.cjs";
import type { ParseError } from "../../model/types.js";
import { blankDataRuns } from "../data-runs.js";
import { blankFlowTypes, isFlow } from "./flow.js";

function scriptKind(path: string): ts.ScriptKind {
  const lower = path.toLowerCase();
  if (lower.endsWith(".tsx")) return ts.ScriptKind.TSX;
  if (/\.[mc]?ts$/.test(lower)) return ts.ScriptKind.TS;
  if (lower.endsWith(".jsx")) return ts.ScriptKind.JSX;
  // Plain .js may hold JSX; TypeScript's JS mode reads both.
  return ts.ScriptKind.JS;
}

/**
 * Legacy octal forms (`"\033"`, `010`, `08`): TypeScript's parser always flags them, but they
 * are valid in sloppy-mode JavaScript, which real code (and node_modules) still contains.
 */
const SLOPPY_MODE_ONLY = new Set([1121, 1487, 1488, 1489]);

/**
 * Parses JS/TS with TypeScript's own parser. Flow files are checked by Babel and handed over with
 * their type annotations blanked out.
 */
export function parseJavaScript(path: string, text: string): { source: ts.SourceFile } | { error: ParseError; source?: ts.SourceFile } {
  let input = text;
  const flow = !/\.[mc]?tsx?$/i.test(path) && isFlow(text);
  if (flow) {
    const blanked = blankFlowTypes(text);
    if ("error" in blanked) return blanked;
    input = blanked.text;
  }
  const kind = flow ? ts.ScriptKind.JSX : scriptKind(path);
  // JSDoc comments are not parsed into the tree: no rule reads them, and parsing them was a tenth
  // of the parser's time on the bench corpus (the option: TypeScript 5.3, microsoft/TypeScript#55739).
  const options = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };
  const source = ts.createSourceFile(path, blankDataRuns(input), options, true, kind);
  const all = (source as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  const isScript = kind === ts.ScriptKind.JS || kind === ts.ScriptKind.JSX;
  const first = all.find((diagnostic) => !(isScript && SLOPPY_MODE_ONLY.has(diagnostic.code)));
  if (first) {
    const message = ts.flattenDiagnosticMessageText(first.messageText, " ");
    // The tree TypeScript recovered comes along, to check what it holds (never to fix it).
    return { error: { range: { start: first.start, end: first.start + first.length }, message: `syntax error: ${message}` }, source };
  }
  return { source };
}
