import { relative } from "node:path";
import { unifiedDiff } from "./line-diff.js";
import { createColors } from "picocolors";
import type { RunResult } from "../model/results.js";

/** A unified diff of one file's change, coloured at a terminal. */
export function fileDiff(path: string, before: string, after: string, cwd: string, color: boolean): string {
  const name = relative(cwd, path) || path;
  const patch = unifiedDiff(`a/${name}`, `b/${name}`, before, after);
  // The first line is diff's own "=====" separator; git-style output starts at the headers.
  const body = patch.split("\n").slice(1).join("\n");
  if (!color) return body;
  const c = createColors(true);
  return body
    .split("\n")
    .map((line) => {
      if (line.startsWith("+++") || line.startsWith("---")) return c.bold(line);
      if (line.startsWith("+")) return c.green(line);
      if (line.startsWith("-")) return c.red(line);
      if (line.startsWith("@@")) return c.cyan(line);
      return line;
    })
    .join("\n");
}

/** Every change `fix --dry-run` would make. */
export function formatDiffs(run: RunResult, cwd: string, color: boolean): string {
  return run.results
    .filter((result) => result.output !== undefined && result.source !== undefined && result.output !== result.source)
    .map((result) => fileDiff(result.filePath, result.source!, result.output!, cwd, color))
    .join("");
}
