import type { Rule } from "../model/rule.js";
import { LineIndex } from "../model/line-index.js";
import type { FileResult, Message, RunResult } from "../model/results.js";
import { VERSION } from "../version.js";
import { portablePath, repositoryRoot } from "./paths.js";

export const INFORMATION_URI = "https://www.npmjs.com/package/glm-migrate";

/** Where each rule's documentation is published (docs/rules/<id>.md ships in the package). */
export function helpUri(ruleId: string): string {
  return `https://unpkg.com/glm-migrate@${VERSION}/docs/rules/${ruleId}.md`;
}

const LEVELS = { error: "error", warning: "warning", info: "note" } as const;

function region(index: LineIndex, start: number, end: number): Record<string, number> {
  const from = index.position(start);
  const to = index.position(end);
  return { startLine: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column };
}

function fixesOf(message: Message, result: FileResult, uri: string, index: () => LineIndex): unknown[] | undefined {
  const fix = message.fix ?? message.suggestions?.[0]?.fix;
  if (!fix || result.source === undefined) return undefined;
  return [
    {
      description: { text: message.fix ? "glm-migrate fix" : "glm-migrate fix --unsafe-fixes (review it)" },
      artifactChanges: [
        {
          artifactLocation: { uri, uriBaseId: "%SRCROOT%" },
          replacements: [{ deletedRegion: region(index(), fix.range[0], fix.range[1]), insertedContent: { text: fix.text } }],
        },
      ],
    },
  ];
}

function* resultsOf(run: RunResult, root: string, ruleIndex: Map<string, number>): Generator<unknown> {
  for (const result of run.results) {
    const uri = portablePath(result.filePath, root);
    let lines: LineIndex | undefined;
    const index = (): LineIndex => (lines ??= new LineIndex(result.source!));
    for (const message of result.messages) {
      const fixes = fixesOf(message, result, uri, index);
      yield {
        ruleId: message.ruleId ?? "glm-migrate",
        ...(message.ruleId && ruleIndex.has(message.ruleId) ? { ruleIndex: ruleIndex.get(message.ruleId) } : {}),
        level: LEVELS[message.level],
        message: { text: message.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri, uriBaseId: "%SRCROOT%" },
              region: { startLine: message.line, startColumn: message.column, endLine: message.endLine, endColumn: message.endColumn },
            },
          },
        ],
        ...(fixes ? { fixes } : {}),
      };
    }
  }
}

/**
 * SARIF 2.1.0 for code scanning, paths relative to the repository root. Written in pieces, a
 * result at a time, so a report is not bounded by the longest string V8 can hold; the pieces join
 * to exactly `JSON.stringify(log, null, 2)`.
 */
export function* sarifChunks(run: RunResult, cwd: string, rules: readonly Rule[]): Generator<string> {
  const root = repositoryRoot(cwd);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.meta.id, index]));
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "glm-migrate",
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: INFORMATION_URI,
            rules: rules.map((rule) => ({
              id: rule.meta.id,
              name: rule.meta.id.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase()),
              shortDescription: { text: rule.meta.docs.summary },
              fullDescription: { text: rule.meta.docs.whatItDoes },
              help: { text: `${rule.meta.docs.why}\n\nUse instead:\n${rule.meta.docs.useInstead}` },
              helpUri: helpUri(rule.meta.id),
              defaultConfiguration: { level: LEVELS[rule.meta.severity], enabled: rule.meta.enabledByDefault !== false },
              properties: { fix: rule.meta.fix },
            })),
          },
        },
        originalUriBaseIds: { "%SRCROOT%": { uri: `file://${root.endsWith("/") ? root : `${root}/`}` } },
        // The last key of the log: its empty array is where the results are streamed in.
        results: [],
      },
    ],
  };
  const text = `${JSON.stringify(log, null, 2)}\n`;
  const empty = text.lastIndexOf('"results": []');
  const keyIndent = text.slice(text.lastIndexOf("\n", empty) + 1, empty);
  const itemIndent = `${keyIndent}  `;
  yield text.slice(0, empty + '"results": ['.length);
  let count = 0;
  for (const result of resultsOf(run, root, ruleIndex)) {
    yield `${count++ > 0 ? "," : ""}\n${itemIndent}${JSON.stringify(result, null, 2).replace(/\n/g, `\n${itemIndent}`)}`;
  }
  if (count > 0) yield `\n${keyIndent}`;
  yield text.slice(empty + '"results": ['.length);
}
