import type { SourceLanguage } from "../languages/adapter.js";
import { BLANKED_RUN } from "../languages/data-runs.js";
import { lowerSource } from "../languages/index.js";
import { UNLIMITED, type Budget } from "../model/budget.js";
import { LineIndex } from "../model/line-index.js";
import type { Diagnostic, Edit, Fix, FixSafety, Target } from "../model/rule.js";
import type { ModelUse, ParseError } from "../model/types.js";
import type { ModuleLinker } from "./project.js";
import { FindingTracker } from "./fix-tracking.js";
import { applyEdits, TakenEdits } from "./edit-set.js";
import { stallPoint } from "./stall.js";
import { runRules, type ActiveRule } from "./rules.js";
import { applySuppressions, parseSuppressions, unusedSuppressions } from "./suppressions.js";

export interface TextLintContext {
  rules: readonly ActiveRule[];
  target: Target;
  /** Report glm-migrate-ignore comments that silence nothing. */
  reportUnusedSuppressions?: boolean;
  /** Every rule id, to tell a misspelt rule in a suppression from one that is merely quiet. */
  knownRules?: ReadonlySet<string>;
  /** Time allowed per file (milliseconds); a file that takes longer is reported and skipped. */
  fileTimeoutMs?: number;
  /** Follows imports to the project's other modules; without it, each file stands alone. */
  linker?: ModuleLinker;
}

/** What a file's findings drew from other files: the modules it imports, the names it uses. */
export interface CrossFile {
  modelUses?: ModelUse[];
  deps?: string[];
  absent?: string[];
}

/**
 * A file's findings, or its syntax error; with the error, the findings in what the parser
 * recovered around it (`recovered`, without fixes: a file that does not parse is never fixed).
 */
export type TextLint = ({ diagnostics: Diagnostic[] } & CrossFile) | { parseError: ParseError; recovered?: Diagnostic[] };

export async function lintText(
  path: string,
  language: SourceLanguage,
  text: string,
  context: TextLintContext,
  budget: Budget = UNLIMITED,
): Promise<TextLint> {
  stallPoint("parse", path);
  const lowered = await lowerSource(path, language, text, budget, context.linker?.linkFor(budget));
  if ("error" in lowered) {
    if (!lowered.recovered) return { parseError: lowered.error };
    const lines = new LineIndex(text);
    const found = applySuppressions(runRules(lowered.recovered, context.rules, context.target), parseSuppressions(lowered.recovered.comments, lines), lines);
    return { parseError: lowered.error, recovered: found.map(({ fix: _fix, ...rest }) => rest) };
  }
  budget.check();
  const { file } = lowered;
  const crossFile: CrossFile = {
    ...(file.modelUses ? { modelUses: file.modelUses } : {}),
    ...(file.deps ? { deps: file.deps } : {}),
    ...(file.absent ? { absent: file.absent } : {}),
  };
  stallPoint("rules", path);
  const diagnostics = runRules(file, context.rules, context.target);
  const lines = new LineIndex(text);
  stallPoint("suppressions", path);
  const suppressions = parseSuppressions(file.comments, lines);
  const kept = applySuppressions(diagnostics, suppressions, lines);
  if (!context.reportUnusedSuppressions) return { diagnostics: kept, ...crossFile };
  const unused = unusedSuppressions(suppressions, context.knownRules ?? new Set());
  return { diagnostics: [...kept, ...unused].sort((a, b) => a.range.start - b.range.start), ...crossFile };
}

export interface FixResult {
  text: string;
  /** Findings of the first lint that the fixes resolved: what the run reports as fixed. */
  applied: number;
  /** Fixes applied over all passes (a fix shared by several findings counts once). */
  fixesApplied: number;
  /** Fixes whose result did not parse: never written, reported instead. */
  broken: Diagnostic[];
  /** What remains after fixing (the lint of the final text). */
  remaining: TextLint;
}

const MAX_PASSES = 10;

export { applyEdits } from "./edit-set.js";

/**
 * Applies fixes until none is left (at most ten passes). Each pass takes the fixes whose edits do
 * not overlap one already taken; the rest wait for the next pass, when they are computed afresh
 * on the new text. A pass whose result does not parse is retried fix by fix, and a fix that
 * breaks the parse is dropped and reported, never written.
 */
export type Decision = "yes" | "no" | "all" | "quit";

/** Asked before each fix when fixing interactively: the file, the finding, the text before and after. */
export type Decide = (path: string, diagnostic: Diagnostic, before: string, after: string) => Promise<Decision>;

export async function fixText(
  path: string,
  language: SourceLanguage,
  original: string,
  context: TextLintContext,
  allowed: ReadonlySet<FixSafety>,
  decide?: Decide,
  budget: Budget = UNLIMITED,
): Promise<FixResult> {
  let text = original;
  let fixesApplied = 0;
  let ask = decide;
  let quit = false;
  const broken: Diagnostic[] = [];
  // Fixes never to offer again: those that broke the parse, and those the user declined.
  const brokenKeys = new Set<string>();
  const rank = new Map(context.rules.map((active, index) => [active.rule.meta.id, index]));
  let current = await lintText(path, language, text, context, budget);
  const tracker = new FindingTracker("diagnostics" in current ? current.diagnostics : []);
  for (let pass = 0; pass < MAX_PASSES && "diagnostics" in current; pass++) {
    // Where two fixes touch the same code, the rule listed first wins this pass (a rule that
    // translates a field goes before one that only relocates it); the other is recomputed next pass.
    const candidates = current.diagnostics
      .filter((diagnostic) => diagnostic.fix && allowed.has(diagnostic.fix.safety) && (brokenKeys.size === 0 || !brokenKeys.has(keyOf(diagnostic, text))) && !copiesBlankedData(diagnostic.fix))
      .sort((a, b) => rank.get(a.ruleId)! - rank.get(b.ruleId)! || a.range.start - b.range.start);
    const chosen: Diagnostic[] = [];
    const taken: Edit[] = [];
    const takenSet = new TakenEdits(candidates.flatMap((diagnostic) => diagnostic.fix!.edits));
    const takenFixes = new Set<Fix>();
    for (const diagnostic of candidates) {
      const fix = diagnostic.fix!;
      // One fix may answer several findings (all the keywords moved into one extra_body).
      if (takenFixes.has(fix)) continue;
      if (fix.edits.some((edit) => takenSet.overlaps(edit))) continue;
      if (ask) {
        const answer = await ask(path, diagnostic, text, applyEdits(text, fix.edits));
        if (answer === "quit") {
          quit = true;
          break;
        }
        if (answer === "no") {
          brokenKeys.add(keyOf(diagnostic, text));
          continue;
        }
        if (answer === "all") ask = undefined;
      }
      chosen.push(diagnostic);
      takenFixes.add(fix);
      for (const edit of fix.edits) {
        taken.push(edit);
        takenSet.add(edit);
      }
    }
    if (chosen.length === 0) break;
    stallPoint("fix", path);
    let next = applyEdits(text, taken);
    stallPoint("reparse", path);
    let result = await lintText(path, language, next, context, budget);
    if ("parseError" in result) {
      // Find the culprits: drop the fixes that break the parse alone on this pass's text.
      const good: Diagnostic[] = [];
      for (const diagnostic of await unparsable(chosen, async (group) => "parseError" in (await lintText(path, language, applyEdits(text, group.flatMap((one) => one.fix!.edits)), context)))) {
        if (diagnostic.broken) {
          broken.push(diagnostic.diagnostic);
          brokenKeys.add(keyOf(diagnostic.diagnostic, text));
        } else {
          good.push(diagnostic.diagnostic);
        }
      }
      // Fixes that parse alone may still clash together; then take them one per pass.
      let batch = good;
      next = applyEdits(text, batch.flatMap((diagnostic) => diagnostic.fix!.edits));
      result = await lintText(path, language, next, context, budget);
      if ("parseError" in result && good.length > 1) {
        batch = good.slice(0, 1);
        next = applyEdits(text, batch[0]!.fix!.edits);
        result = await lintText(path, language, next, context, budget);
      }
      if (batch.length === 0 || "parseError" in result) continue;
      tracker.apply(batch.flatMap((diagnostic) => diagnostic.fix!.edits));
      fixesApplied += batch.length;
    } else {
      tracker.apply(taken);
      fixesApplied += chosen.length;
    }
    text = next;
    current = result;
    if (quit) break;
  }
  const applied = text === original || !("diagnostics" in current) ? 0 : tracker.resolved(current.diagnostics);
  return { text, applied, fixesApplied, broken, remaining: current };
}

/**
 * Which of a pass's fixes break the parse, found by halving: a group whose edits parse together
 * is good as a whole, one that does not is split, down to single fixes. A handful of culprits
 * among thousands of fixes costs a few dozen parses, not one per fix. (The whole group is known
 * not to parse.)
 */
async function unparsable(chosen: readonly Diagnostic[], breaks: (group: readonly Diagnostic[]) => Promise<boolean>): Promise<{ diagnostic: Diagnostic; broken: boolean }[]> {
  const verdicts: { diagnostic: Diagnostic; broken: boolean }[] = [];
  const split = async (group: readonly Diagnostic[], known: boolean): Promise<void> => {
    const fails = known || (await breaks(group));
    if (!fails || group.length === 1) {
      for (const diagnostic of group) verdicts.push({ diagnostic, broken: fails });
      return;
    }
    const half = Math.ceil(group.length / 2);
    await split(group.slice(0, half), false);
    await split(group.slice(half), false);
  };
  // A single fix that breaks the pass is known to be broken without another parse.
  if (chosen.length > 0) await split(chosen, true);
  return verdicts;
}

/**
 * The parsers saw long runs of numbers as spaces (languages/data-runs.ts): a fix that copies a
 * node holding one would write the spaces, not the numbers. Never applied; its finding stays.
 */
function copiesBlankedData(fix: Fix): boolean {
  return fix.edits.some((edit) => edit.text.length >= BLANKED_RUN.length && edit.text.includes(BLANKED_RUN));
}

/** Identifies a fix across passes by what it does, since offsets move as other fixes land. */
function keyOf(diagnostic: Diagnostic, text: string): string {
  const edits = diagnostic.fix?.edits ?? [];
  return `${diagnostic.ruleId}\u0000${diagnostic.message}\u0000${edits.map((edit) => `${text.slice(edit.start, edit.end)}\u0001${edit.text}`).join("\u0002")}`;
}
