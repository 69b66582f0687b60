import type { FileResult, RunResult } from "../model/results.js";

/**
 * ESLint's JSON formatter shape, so CI tooling that reads ESLint output reads ours. Written in
 * pieces, a message at a time, so a report is not bounded by the longest string V8 can hold; the
 * pieces join to exactly `JSON.stringify` of the whole array.
 */
export function* jsonChunks(run: RunResult): Generator<string> {
  yield "[";
  for (const [index, result] of run.results.entries()) {
    yield `${index > 0 ? "," : ""}{"filePath":${JSON.stringify(result.filePath)},"messages":[`;
    for (const [position, message] of result.messages.entries()) yield `${position > 0 ? "," : ""}${JSON.stringify(message)}`;
    // The fields after `messages`, in ESLint's order: `{"errorCount":…}` with its brace made the array's end.
    yield `],${JSON.stringify(counts(result)).slice(1)}`;
  }
  yield "]";
}

function counts(result: FileResult): Record<string, unknown> {
  return {
    errorCount: result.errorCount,
    fatalErrorCount: result.fatalErrorCount,
    warningCount: result.warningCount,
    fixableErrorCount: result.fixableErrorCount,
    fixableWarningCount: result.fixableWarningCount,
    ...(result.output !== undefined ? { output: result.output } : {}),
    ...(result.output === undefined && result.source !== undefined ? { source: result.source } : {}),
  };
}
