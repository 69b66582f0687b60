import { resolve } from "node:path";
import { stopRequested, type FileJob, type JobFixing } from "./jobs.js";
import type { FileOutcome } from "./process-file.js";
import { realPath } from "./project.js";
import { summarize } from "./results.js";
import type { Analyse } from "./jobs.js";

/** Rounds of the second pass at most: each may find uses or rewrites the one before could not. */
const MAX_ROUNDS = 3;

/**
 * The second pass, over files whose result depends on what an earlier pass learnt:
 * - a module-level name other files use as a request's model (`MODEL = "zai-glm-4.6"` in
 *   config.py, `create(model=MODEL)` in main.py) is checked again at its definition knowing those
 *   uses, so it is reported and fixed there, once, naming a use;
 * - when fixing, a file that imports a module a pass rewrote (a client moved to Cerebras) is
 *   checked again against the module as it now is.
 * Re-checking may rewrite files or find new uses in turn, so it repeats while it does (a few rounds).
 */
export async function secondPass(
  jobs: readonly FileJob[],
  outcomes: (FileOutcome | undefined)[],
  cwd: string,
  fixing: JobFixing | undefined,
  analyse: Analyse,
): Promise<void> {
  const written = fixing !== undefined && !fixing.dryRun;
  const wroteIn = (outcome: FileOutcome | undefined): boolean => written && (outcome?.result?.fixedCount ?? 0) > 0;
  let rewritten = new Set(jobs.filter((job) => wroteIn(outcomes[job.index])).map((job) => resolve(job.path)));
  let seenUses = new Map<string, string>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const uses = outcomes.flatMap((outcome) => outcome?.uses ?? []);
    const usesByDefinition = new Map<string, string>();
    for (const use of uses) {
      const key = realPath(use.definition);
      usesByDefinition.set(key, `${usesByDefinition.get(key) ?? ""}${use.name}@${use.path}:${use.line}:${use.endpoint};`);
    }
    const changedDefinitions = new Set([...usesByDefinition].filter(([path, text]) => seenUses.get(path) !== text).map(([path]) => path));
    seenUses = usesByDefinition;
    const again = jobs.filter((job) => {
      const deps = outcomes[job.index]?.deps ?? [];
      return deps.some((dep) => rewritten.has(dep)) || (changedDefinitions.size > 0 && changedDefinitions.has(realPath(job.path)));
    });
    if (again.length === 0) return;
    rewritten = new Set();
    const seconds = new Map<number, FileOutcome>();
    // Each round is analysed afresh (modules may have been rewritten), knowing the uses found so far.
    // Files this run rewrote are dirty now, by its own hand; the guard looks at the tree as it was when the run began.
    await analyse(again, { uses, cwd }, ({ index, outcome }) => seconds.set(index, outcome));
    for (const job of again) {
      const second = seconds.get(job.index);
      if (!second?.parsed) {
        // Over budget or crashed the second time: say so, keeping what the first pass found.
        if (second?.overBudget || second?.internalError) {
          outcomes[job.index] = { ...mergeOutcomes(job.path, outcomes[job.index], second, written), parsed: outcomes[job.index]?.parsed ?? false };
        }
        continue;
      }
      if (wroteIn(second)) rewritten.add(resolve(job.path));
      outcomes[job.index] = mergeOutcomes(job.path, outcomes[job.index], second, written);
    }
    if (stopRequested(fixing)) return;
  }
}

/** A file checked twice: the second pass's findings, and, when the first pass wrote fixes, both passes' fixes. */
function mergeOutcomes(path: string, first: FileOutcome | undefined, second: FileOutcome, written: boolean): FileOutcome {
  const before = first?.result;
  if (!written || before?.output === undefined) return { ...first, ...second };
  const after = second.result;
  const result = summarize(path, after?.messages ?? [], {
    fixedCount: before.fixedCount + (after?.fixedCount ?? 0),
    output: after?.output ?? before.output,
    ...(before.source !== undefined ? { source: before.source } : {}),
  });
  return { ...first, ...second, result };
}
