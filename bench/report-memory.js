// One step of `npm run bench` (see reportMemoryStep in run.js): builds a run result with N
// findings in memory, as a lint of a large tree holds it, then writes it as a report file the way
// the CLI does (`-f <format> -o <file>`). Prints the resident memory just before writing; the
// caller takes the peak from /usr/bin/time, so peak minus this is what writing the report cost.
import { statSync } from "node:fs";

const [count, format, out] = [Number(process.argv[2]), process.argv[3], process.argv[4]];
const root = new URL("../dist/", import.meta.url);
const { writeReportFile } = await import(new URL("src/cli/output.js", root));
const { RULES } = await import(new URL("rules/index.js", root));
const writers = {
  json: async () => (await import(new URL("src/report/json.js", root))).jsonChunks,
  sarif: async () => {
    const { sarifChunks } = await import(new URL("src/report/sarif.js", root));
    return (run, cwd) => sarifChunks(run, cwd, RULES);
  },
  junit: async () => (await import(new URL("src/report/junit.js", root))).junitChunks,
};
const chunks = await writers[format]();

// Files of 1,600 findings each (a generated .env of model settings, one finding a line).
const PER_FILE = 1600;
const line = 'MODEL="zai-glm-4.6"\n';
const source = line.repeat(PER_FILE);
const text = "`zai-glm-4.6` was deprecated by Cerebras on 2026-01-20; use `zai-glm-4.7`";
const results = [];
for (let file = 0; file * PER_FILE < count; file++) {
  const messages = [];
  for (let index = 0; index < PER_FILE && file * PER_FILE + index < count; index++) {
    const start = index * line.length + 7;
    messages.push({
      ruleId: "model-id",
      severity: 2,
      level: "error",
      message: text,
      line: index + 1,
      column: 8,
      endLine: index + 1,
      endColumn: 19,
      fix: { range: [start, start + 11], text: "zai-glm-4.7" },
    });
  }
  const n = messages.length;
  results.push({
    filePath: `/tmp/huge/config-${file}.env`,
    messages,
    errorCount: n,
    warningCount: 0,
    infoCount: 0,
    fatalErrorCount: 0,
    fixableErrorCount: n,
    fixableWarningCount: 0,
    unsafeFixableCount: 0,
    fixedCount: 0,
    source,
  });
}
const run = { results, filesScanned: results.length, filesParsed: results.length, missing: [], internalErrors: 0, durationMs: 1 };
globalThis.gc?.();
const before = process.memoryUsage().rss;
writeReportFile(out, chunks(run, "/tmp/huge"));
process.stdout.write(`${JSON.stringify({ rssBeforeMb: before / 2 ** 20, bytes: statSync(out).size })}\n`);
