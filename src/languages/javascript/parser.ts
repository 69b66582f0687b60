import ts from "typescript";
import type { Language, ParseError } from "../../model/types.js";
import { blankFlowTypes, isFlow } from "./flow.js";

function scriptKind(path: string): ts.ScriptKind {
  const lower = path.toLowerCase();
  if (lower.endsWith(".tsx")) return ts.ScriptKind.TSX;
  if (/\.[mc]?ts$/.test(lower)) return ts.ScriptKind.TS;
  if (lower.endsWith(".jsx")) return ts.ScriptKind.JSX;
  // Plain .js may hold JSX; TypeScript's JS mode reads both.
  return ts.ScriptKind.JS;
}

export function languageOfScript(path: string): Language {
  return /\.[mc]?tsx?$/i.test(path) ? "typescript" : "javascript";
}

/**
 * Parses JS/TS with TypeScript's own parser. Flow files are checked by Babel and handed over with
 * their type annotations blanked out.
 */
export function parseJavaScript(path: string, text: string): { source: ts.SourceFile } | { error: ParseError } {
  let input = text;
  const flow = !/\.[mc]?tsx?$/i.test(path) && isFlow(text);
  if (flow) {
    const blanked = blankFlowTypes(text);
    if ("error" in blanked) return blanked;
    input = blanked.text;
  }
  const source = ts.createSourceFile(path, input, ts.ScriptTarget.Latest, true, flow ? ts.ScriptKind.JSX : scriptKind(path));
  const diagnostics = (source as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  const first = diagnostics[0];
  if (first) {
    const message = ts.flattenDiagnosticMessageText(first.messageText, " ");
    return { error: { range: { start: first.start, end: first.start + first.length }, message: `syntax error: ${message}` } };
  }
  return { source };
}
