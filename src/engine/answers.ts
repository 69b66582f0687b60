import type { Decide, Decision } from "./lint-text.js";

/**
 * `fix --interactive` asks once per fix: a fix declined in the first pass (or a file answered
 * "all", or "quit") is answered the same way when the second pass meets it again. A fix is known
 * by its file, rule, message, and the text of the line it edits with the edit made.
 */
export class Answers {
  private readonly answered = new Map<string, Decision>();
  private readonly allFiles = new Set<string>();
  private quit = false;
  /** Set for the second pass: answers given before are replayed instead of asked again. */
  replaying = false;

  constructor(private readonly decide: Decide) {}

  readonly ask: Decide = async (path, diagnostic, before, after) => {
    if (this.quit) return "quit";
    if (this.allFiles.has(path)) return "yes";
    const edits = diagnostic.fix?.edits ?? [];
    const lineOf = (offset: number): string => {
      const end = before.indexOf("\n", offset);
      return before.slice(before.lastIndexOf("\n", offset - 1) + 1, end === -1 ? undefined : end);
    };
    const key = [path, diagnostic.ruleId, diagnostic.message, ...edits.map((edit) => `${lineOf(edit.start)}\u0001${edit.text}`)].join("\u0000");
    if (this.replaying && this.answered.get(key) === "no") return "no";
    const answer = await this.decide(path, diagnostic, before, after);
    this.answered.set(key, answer);
    if (answer === "all") this.allFiles.add(path);
    if (answer === "quit") this.quit = true;
    return answer;
  };
}
