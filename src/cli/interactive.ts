import { createInterface } from "node:readline/promises";
import type { Decide, Decision } from "../engine/lint-text.js";
import { fileDiff } from "../report/diff.js";

/**
 * `fix --interactive`: shows each fix as a diff and asks y(es), n(o), a(ll remaining), q(uit).
 * Reads answers line by line, so it works at a terminal and from a pipe alike.
 */
export function interactiveDecide(
  io: { stdout(text: string): void },
  cwd: string,
  color: boolean,
  signal?: AbortSignal,
): { decide: Decide; close(): void } {
  const prompt = createInterface({ input: process.stdin, terminal: false });
  const lines = prompt[Symbol.asyncIterator]();
  let finished = false;
  // Interrupted while a question waits: it counts as "quit", or the run would wait for an answer.
  const aborted = new Promise<IteratorResult<string>>((resolve) => {
    if (signal?.aborted) resolve({ done: true, value: undefined });
    signal?.addEventListener("abort", () => resolve({ done: true, value: undefined }), { once: true });
  });
  return {
    decide: async (path, diagnostic, before, after): Promise<Decision> => {
      if (finished) return "quit";
      io.stdout(`\n${diagnostic.ruleId}: ${diagnostic.message}\n${fileDiff(path, before, after, cwd, color)}`);
      for (;;) {
        io.stdout("Apply this fix? [y]es, [n]o, [a]ll remaining, [q]uit: ");
        const next = await Promise.race([lines.next(), aborted]);
        if (next.done) {
          finished = true;
          io.stdout("\n");
          return "quit";
        }
        const answer = next.value.trim().toLowerCase();
        if (answer === "y" || answer === "yes") return "yes";
        if (answer === "n" || answer === "no") return "no";
        if (answer === "a" || answer === "all") return "all";
        if (answer === "q" || answer === "quit") {
          finished = true;
          return "quit";
        }
      }
    },
    close: () => prompt.close(),
  };
}
