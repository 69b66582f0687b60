import type { RunResult } from "../model/results.js";
import { portablePath, repositoryRoot } from "./paths.js";

const xml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

/** JUnit XML for CI dashboards: a suite per file, a failing test case per finding. */
export function formatJunit(run: RunResult, cwd: string): string {
  const root = repositoryRoot(cwd);
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const result of run.results) {
    const file = xml(portablePath(result.filePath, root));
    const cases = result.messages.map((message) => {
      const name = xml(`${message.ruleId ?? "glm-migrate"} at ${message.line}:${message.column}`);
      const body = xml(`${message.line}:${message.column} ${message.level} ${message.message}${message.ruleId ? ` (${message.ruleId})` : ""}`);
      return `    <testcase classname="${file}" name="${name}" time="0"><failure message="${xml(message.message)}" type="${message.level}">${body}</failure></testcase>`;
    });
    if (cases.length === 0) continue;
    tests += cases.length;
    failures += cases.length;
    suites.push(`  <testsuite name="${file}" tests="${cases.length}" failures="${cases.length}" errors="0" time="0">\n${cases.join("\n")}\n  </testsuite>`);
  }
  const seconds = (run.durationMs / 1000).toFixed(3);
  return `<?xml version="1.0" encoding="utf-8"?>\n<testsuites name="glm-migrate" tests="${tests}" failures="${failures}" errors="0" time="${seconds}">\n${suites.join("\n")}${suites.length ? "\n" : ""}</testsuites>\n`;
}
