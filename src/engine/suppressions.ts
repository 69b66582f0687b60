import { LineIndex } from "../model/line-index.js";
import type { Diagnostic } from "../model/rule.js";
import type { Comment } from "../model/types.js";
import { pushTo } from "../collections.js";

/**
 * Suppression comments, the same words in every language:
 *   glm-migrate-ignore[rule-a, rule-b]          at the end of the line it silences
 *   glm-migrate-ignore-next-line[rule-a]        on the line before
 *   glm-migrate-ignore-file[rule-a]             for the whole file (near the top, by convention)
 * No brackets means every rule; a reason may follow ` -- `.
 */
const DIRECTIVE = /glm-migrate-ignore(-next-line|-file)?(?:\[([^\]]*)\])?(?:\s+--\s*(.*))?/g;

export interface Suppression {
  comment: Comment;
  scope: "line" | "next-line" | "file";
  /** The line it silences (1-based); unused for file scope. */
  line: number;
  /** The rules it names; undefined for all rules. */
  rules?: string[];
  /** Rules (or "*") it actually silenced. */
  used: Set<string>;
}

export function parseSuppressions(comments: readonly Comment[], lines: LineIndex): Suppression[] {
  const found: Suppression[] = [];
  for (const comment of comments) {
    if (!comment.text.includes("glm-migrate-ignore")) continue;
    for (const match of comment.text.matchAll(DIRECTIVE)) {
      const scope = match[1] === "-next-line" ? "next-line" : match[1] === "-file" ? "file" : "line";
      const line = lines.position(comment.range.start).line + (scope === "next-line" ? 1 : 0);
      const rules = match[2]
        ?.split(",")
        .map((rule) => rule.trim())
        .filter(Boolean);
      found.push({ comment, scope, line, ...(rules && rules.length > 0 ? { rules } : {}), used: new Set() });
    }
  }
  return found;
}

/** Drops suppressed diagnostics, marking which suppressions did some work. */
export function applySuppressions(diagnostics: Diagnostic[], suppressions: Suppression[], lines: LineIndex): Diagnostic[] {
  if (suppressions.length === 0) return diagnostics;
  // By line, so a file with a suppression on every line costs no more than one with a few; the
  // first that applies, in the file's order, is the one marked used.
  const byLine = new Map<number, Suppression[]>();
  // The first file-wide suppression of each rule ("*" for those that name none).
  const fileWide = new Map<string, Suppression>();
  const order = new Map<Suppression, number>();
  suppressions.forEach((suppression, index) => {
    order.set(suppression, index);
    if (suppression.scope !== "file") pushTo(byLine, suppression.line, suppression);
    else for (const rule of suppression.rules ?? ["*"]) if (!fileWide.has(rule)) fileWide.set(rule, suppression);
  });
  const first = (a: Suppression | undefined, b: Suppression | undefined): Suppression | undefined => (a && b ? (order.get(a)! < order.get(b)! ? a : b) : (a ?? b));
  const silences = (suppression: Suppression, ruleId: string): boolean => suppression.rules === undefined || suppression.rules.includes(ruleId);
  return diagnostics.filter((diagnostic) => {
    const line = lines.position(diagnostic.range.start).line;
    const onLine = byLine.get(line)?.find((suppression) => silences(suppression, diagnostic.ruleId));
    const wide = first(fileWide.get(diagnostic.ruleId), fileWide.get("*"));
    const silencer = first(onLine, wide);
    if (!silencer) return true;
    silencer.used.add(silencer.rules ? diagnostic.ruleId : "*");
    return false;
  });
}

/** A finding for each suppression (or named rule in one) that silenced nothing. */
export function unusedSuppressions(suppressions: readonly Suppression[], knownRules: ReadonlySet<string>): Diagnostic[] {
  const unused: Diagnostic[] = [];
  for (const suppression of suppressions) {
    const range = suppression.comment.range;
    if (!suppression.rules) {
      if (suppression.used.size === 0) {
        unused.push({ ruleId: "unused-suppression", messageId: "silences-nothing", severity: "warning", range, message: "this glm-migrate-ignore comment silences nothing" });
      }
      continue;
    }
    for (const rule of suppression.rules) {
      if (suppression.used.has(rule)) continue;
      const known = knownRules.has(rule);
      const why = known ? "reports nothing here" : "is not a glm-migrate rule";
      const messageId = known ? "rule-quiet" : "unknown-rule";
      unused.push({ ruleId: "unused-suppression", messageId, severity: "warning", range, message: `glm-migrate-ignore names \`${rule}\`, which ${why}` });
    }
  }
  return unused;
}
