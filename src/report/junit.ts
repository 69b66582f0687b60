import type { RunResult } from "../model/results.js";
import { portablePath, repositoryRoot } from "./paths.js";

const xml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

/**
 * JUnit XML for CI dashboards: a suite per file, a failing test case per finding. Written a test
 * case at a time, so a report is not bounded by the longest string V8 can hold.
 */
export function* junitChunks(run: RunResult, cwd: string): Generator<string> {
  const root = repositoryRoot(cwd);
  // The totals head the document, so they are counted before any case is written.
  const tests = run.results.reduce((sum, result) => sum + result.messages.length, 0);
  const seconds = (run.durationMs / 1000).toFixed(3);
  yield `<?xml version="1.0" encoding="utf-8"?>\n<testsuites name="glm-migrate" tests="${tests}" failures="${tests}" errors="0" time="${seconds}">\n`;
  let suites = 0;
  for (const result of run.results) {
    if (result.messages.length === 0) continue;
    const file = xml(portablePath(result.filePath, root));
    const count = result.messages.length;
    yield `${suites++ > 0 ? "\n" : ""}  <testsuite name="${file}" tests="${count}" failures="${count}" errors="0" time="0">\n`;
    for (const message of result.messages) {
      const name = xml(`${message.ruleId ?? "glm-migrate"} at ${message.line}:${message.column}`);
      const body = xml(`${message.line}:${message.column} ${message.level} ${message.message}${message.ruleId ? ` (${message.ruleId})` : ""}`);
      yield `    <testcase classname="${file}" name="${name}" time="0"><failure message="${xml(message.message)}" type="${message.level}">${body}</failure></testcase>\n`;
    }
    yield "  </testsuite>";
  }
  yield `${suites > 0 ? "\n" : ""}</testsuites>\n`;
}
