import type { RunResult } from "../model/results.js";

/** ESLint's JSON formatter shape, so CI tooling that reads ESLint output reads ours. */
export function formatJson(run: RunResult): string {
  return JSON.stringify(
    run.results.map((result) => ({
      filePath: result.filePath,
      messages: result.messages,
      errorCount: result.errorCount,
      fatalErrorCount: result.fatalErrorCount,
      warningCount: result.warningCount,
      fixableErrorCount: result.fixableErrorCount,
      fixableWarningCount: result.fixableWarningCount,
      ...(result.output !== undefined ? { output: result.output } : {}),
      ...(result.output === undefined && result.source !== undefined ? { source: result.source } : {}),
    })),
  );
}
