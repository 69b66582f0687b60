import { cpSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { fix, lint, lintSource } from "../src/index.js";
import { fixabilityOf, type FileResult } from "../src/model/results.js";
import { cli, demoCopy, ROOT, tempDir } from "./helpers/cli.js";
import { fixtureCases } from "./helpers/fixtures.js";

/**
 * What lint promises and what fix does must agree: the findings marked fixable (safe, or safe and
 * unsafe) are exactly as many as the findings the fix run then resolves, file by file.
 */
function fixable(result: FileResult | undefined, unsafe: boolean): number {
  return (result?.messages ?? []).filter((message) => {
    const fixability = fixabilityOf(message);
    return fixability === "safe" || (unsafe && fixability === "unsafe");
  }).length;
}

const NOTEBOOK = join(ROOT, "fixtures", "containers", "agent.ipynb");

describe("fixable counts match what fix resolves", () => {
  const inputs = [...fixtureCases().map((fixture) => ({ path: fixture.inputPath, text: fixture.input })), { path: NOTEBOOK, text: readFileSync(NOTEBOOK, "utf8") }];

  for (const unsafe of [false, true]) {
    it(`in every rule fixture and a notebook, with ${unsafe ? "unsafe" : "safe"} fixes (all rules on)`, async () => {
      const mismatches: string[] = [];
      for (const input of inputs) {
        const options = { filePath: input.path, presets: ["best-practices"] };
        const linted = await lintSource(input.text, options);
        const fixed = await lintSource(input.text, { ...options, fix: true, unsafeFixes: unsafe });
        const promised = fixable(linted, unsafe);
        const done = fixed.fixedCount ?? 0;
        if (promised !== done) mismatches.push(`${relative(ROOT, input.path)}: ${promised} fixable, ${done} fixed`);
      }
      expect(mismatches).toEqual([]);
    });
  }

  it("over the demo project, file by file", async () => {
    const safeCopy = demoCopy();
    const unsafeCopy = demoCopy();
    const linted = await lint({ paths: [safeCopy], cwd: safeCopy, gitignore: false, presets: ["best-practices"] });
    const safe = await fix({ paths: [safeCopy], cwd: safeCopy, gitignore: false, presets: ["best-practices"] });
    const all = await fix({ paths: [unsafeCopy], cwd: unsafeCopy, gitignore: false, presets: ["best-practices"], unsafeFixes: true });
    const byFile = (results: FileResult[], root: string): Map<string, FileResult> => new Map(results.map((result) => [relative(root, result.filePath), result]));
    const lints = byFile(linted.results, safeCopy);
    const safeFixes = byFile(safe.results, safeCopy);
    const allFixes = byFile(all.results, unsafeCopy);
    const rows = [...lints.keys()].sort().map((file) => ({
      file,
      safe: [fixable(lints.get(file), false), safeFixes.get(file)?.fixedCount ?? 0],
      unsafe: [fixable(lints.get(file), true), allFixes.get(file)?.fixedCount ?? 0],
    }));
    expect(rows.filter((row) => row.safe[0]! > 0).length).toBeGreaterThan(3);
    for (const row of rows) {
      expect(row.safe[1], `${row.file} (safe)`).toBe(row.safe[0]);
      expect(row.unsafe[1], `${row.file} (unsafe)`).toBe(row.unsafe[0]);
    }
  });

  it("the stylish markers and summary say the same as the fix run, for the demo and a notebook", () => {
    const dir = demoCopy();
    cpSync(NOTEBOOK, join(dir, "agent.ipynb"));
    const linted = cli(["lint", "."], { cwd: dir });
    const markers = linted.stdout.split("\n").filter((line) => / \[fix\] /.test(line)).length;
    const unsafeMarkers = linted.stdout.split("\n").filter((line) => / \[unsafe fix\] /.test(line)).length;
    const promised = Number(/(\d+) problems? fixable with `glm-migrate fix`/.exec(linted.stdout)?.[1]);
    const promisedUnsafe = Number(/(\d+) more fixable with `glm-migrate fix --unsafe-fixes`/.exec(linted.stdout)?.[1]);
    expect(markers).toBe(promised);
    expect(unsafeMarkers).toBe(promisedUnsafe);
    // The notebook's findings carry markers too.
    const notebookBlock = linted.stdout.split("\n\n").find((block) => block.startsWith("agent.ipynb"))!;
    expect(notebookBlock.match(/\[fix\]/g)?.length).toBe(3);
    const fixed = cli(["fix", "."], { cwd: dir });
    expect(Number(/Fixed (\d+) problems?/.exec(fixed.stdout)?.[1])).toBe(promised);
    const other = tempDir();
    cpSync(join(ROOT, "fixtures", "demo"), other, { recursive: true });
    cpSync(NOTEBOOK, join(other, "agent.ipynb"));
    const all = cli(["fix", "--unsafe-fixes", "."], { cwd: other });
    expect(Number(/Fixed (\d+) problems?/.exec(all.stdout)?.[1])).toBe(promised + promisedUnsafe);
    expect(readdirSync(other).length).toBeGreaterThan(0);
  });
});
