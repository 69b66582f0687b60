import type { FixSafety } from "../model/rule.js";
import type { CheckOptions, Settings } from "./context.js";
import type { Decide } from "./lint-text.js";
import type { FileOutcome, Fixing } from "./process-file.js";
import type { ModelUse } from "../model/types.js";

/** One file's work, as plain data: it crosses into a worker thread unchanged. */
export interface FileJob {
  index: number;
  path: string;
  settings: Settings;
  settingsKey: string;
  /** Text that is not read from disk (`--stdin`): checked as the file at `path`, never written. */
  text?: string;
}

/** Why `fix` leaves a file with uncommitted changes alone, said once for the run. */
export const DIRTY_REASON = "with uncommitted changes (commit or stash them, or pass --allow-dirty)";

export interface JobFixing {
  unsafe: boolean;
  dryRun: boolean;
  /** Files to check but not fix (absolute paths): they had uncommitted changes when the run began. */
  dirty?: string[];
  /**
   * One 32-bit flag, shared with every worker thread: non-zero once the run is interrupted, so no
   * thread starts another write. Shared memory, because a message would wait behind the file in hand.
   */
  stop?: SharedArrayBuffer;
  /** `fix --interactive`: each fix is asked about, on the thread that holds the terminal. */
  interactive?: true;
}

export interface JobBatch {
  check: CheckOptions;
  fixing?: JobFixing;
  jobs: FileJob[];
  /** Each round of analysis (the first pass, each second-pass round) starts with fresh module links. */
  round?: number;
  /** Where other files use module-level names as a request's model (the second pass). */
  uses?: ModelUse[];
  cwd?: string;
  /**
   * One 32-bit cell the thread sets to the index (plus one) of the file it starts: the watching
   * thread reads it to time each file, so outcomes can travel in batches, not one message each.
   */
  progress?: SharedArrayBuffer;
}

export interface JobDone {
  index: number;
  outcome: FileOutcome;
}

/** Analyses files, reporting each outcome; a round of the second pass carries the uses found. */
export type Analyse = (jobs: readonly FileJob[], round: Pick<JobBatch, "uses" | "cwd">, onDone: (done: JobDone) => void) => Promise<void>;

/** A question of `fix --interactive`, asked by a worker thread of the thread that holds the terminal. */
export interface Question {
  ask: number;
  args: Parameters<Decide>;
}

/**
 * What a supervised worker says: a file's outcome, that it wants to write a file, a question for
 * the person fixing, or that its batch is over.
 */
export type HostMessage = { round: number } & ({ outcomes: JobDone[]; batchDone?: true } | { mayWrite: number } | Question);

/** Whether the run's shared stop flag is up. */
export function stopRequested(fixing: JobFixing | undefined): boolean {
  return fixing?.stop !== undefined && Atomics.load(new Int32Array(fixing.stop), 0) !== 0;
}

/** How one file is fixed, from the run's plain-data settings (and, interactively, the question to ask). */
export function fixingOf(fixing: JobFixing | undefined, decide?: Decide): Fixing | undefined {
  if (!fixing) return undefined;
  const allowed = new Set<FixSafety>(fixing.unsafe ? ["safe", "unsafe"] : ["safe"]);
  const dirty = new Set(fixing.dirty ?? []);
  return {
    allowed,
    dryRun: fixing.dryRun,
    ...(decide ? { decide } : {}),
    ...(dirty.size > 0 ? { leaveAlone: (path: string) => (dirty.has(path) ? DIRTY_REASON : undefined) } : {}),
    ...(fixing.stop ? { stopped: () => stopRequested(fixing) } : {}),
  };
}
