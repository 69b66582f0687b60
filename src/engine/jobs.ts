import type { FixSafety } from "../model/rule.js";
import type { CheckOptions, Settings } from "./context.js";
import { dirtyFiles } from "./git.js";
import type { Decide } from "./lint-text.js";
import type { FileOutcome, Fixing } from "./process-file.js";
import type { ModelUse } from "../model/types.js";

/** One file's work, as plain data: it crosses into a worker thread unchanged. */
export interface FileJob {
  index: number;
  path: string;
  settings: Settings;
  settingsKey: string;
}

export interface JobFixing {
  unsafe: boolean;
  dryRun: boolean;
  /** Leave files with uncommitted changes in this work tree alone (unless undefined). */
  guardDirtyIn?: string;
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
  /** Files this run rewrote: the uncommitted-changes guard does not stop it there. */
  ownWrites?: string[];
}

export interface JobDone {
  index: number;
  outcome: FileOutcome;
}

/** What a supervised worker says: a file's outcome, that it wants to write a file, or that its batch is over. */
export type HostMessage = { round: number } & (JobDone | { mayWrite: number } | { batchDone: true });

/** How one file is fixed, from the run's plain-data settings (and, interactively, the question to ask). */
export function fixingOf(fixing: JobFixing | undefined, decide?: Decide): Fixing | undefined {
  if (!fixing) return undefined;
  const allowed = new Set<FixSafety>(fixing.unsafe ? ["safe", "unsafe"] : ["safe"]);
  const guard = fixing.guardDirtyIn;
  return {
    allowed,
    dryRun: fixing.dryRun,
    ...(decide ? { decide } : {}),
    ...(guard
      ? { vetoWrite: (path: string) => (dirtyFiles(guard, [path]).length > 0 ? "it has uncommitted changes (commit or stash them, or pass --allow-dirty)" : undefined) }
      : {}),
  };
}
