import { parentPort, workerData } from "node:worker_threads";
import { ContextCache } from "./context.js";
import { fixingOf, stopRequested, type HostMessage, type JobBatch, type JobDone } from "./jobs.js";
import type { Decide, Decision } from "./lint-text.js";
import { processFile, processSource } from "./process-file.js";
import { stallPoint } from "./stall.js";

/**
 * A worker thread: takes batches of files, sends back each file's outcome as it is done. Before
 * writing a file it asks the thread that watches the time, so a file reported over budget is
 * never written.
 */
let contexts: ContextCache | undefined;
let round: number | undefined;
const permissions = new Map<number, () => void>();
const answers = new Map<number, (decision: Decision) => void>();
let questions = 0;

const send = (message: HostMessage): void => parentPort!.postMessage(message);

parentPort!.on("message", async (message: JobBatch | { round: number; write: number } | { answer: number; decision: Decision }) => {
  if ("write" in message) {
    permissions.get(message.write)?.();
    permissions.delete(message.write);
    return;
  }
  if ("answer" in message) {
    answers.get(message.answer)?.(message.decision);
    answers.delete(message.answer);
    return;
  }
  const batch = message;
  const batchRound = batch.round ?? 0;
  if (!contexts || round !== batchRound) {
    // A new round (the second pass): modules may have been rewritten, and uses are known.
    contexts = new ContextCache(batch.check);
    if (batch.uses) contexts.linker?.setUses(batch.uses, batch.cwd ?? process.cwd());
    round = batchRound;
  }
  // Interactively, each question goes to the thread that holds the terminal; the time it waits
  // for an answer does not count against the file.
  const ask: Decide | undefined = batch.fixing?.interactive
    ? (...args) =>
        new Promise((answered) => {
          const id = ++questions;
          answers.set(id, answered);
          send({ round: batchRound, ask: id, args });
        })
    : undefined;
  const fixing = fixingOf(batch.fixing, ask);
  const progress = batch.progress ? new Int32Array(batch.progress) : undefined;
  // Most files say nothing (the prefilter passed them by): their outcomes wait for the next that
  // does, or for the batch's end. A message each cost more than reading the file.
  let outcomes: JobDone[] = [];
  const flush = (batchDone?: true): void => {
    send({ round: batchRound, outcomes, ...(batchDone ? { batchDone } : {}) });
    outcomes = [];
  };
  for (const job of batch.jobs) {
    // Interrupted: the files not started are left as they are, and reported as not checked.
    if (stopRequested(batch.fixing)) break;
    if (progress) Atomics.store(progress, 0, job.index + 1);
    else if (outcomes.length > 0) flush();
    if (batchRound > 1) stallPoint("second", job.path);
    const { context, prefilter } = contexts.get(job.settings, job.settingsKey);
    const mayWrite = (): Promise<void> =>
      new Promise((granted) => {
        // Outcomes before a write are sent first: a file written is never analysed again.
        if (outcomes.length > 0) flush();
        permissions.set(job.index, granted);
        send({ round: batchRound, mayWrite: job.index });
      });
    const outcome = job.text !== undefined ? await processSource(job.path, job.text, context, fixing) : await processFile(job.path, context, prefilter, fixing, mayWrite);
    outcomes.push({ index: job.index, outcome });
    if (outcome.result || outcome.parsed || outcome.internalError) flush();
  }
  flush(true);
});

// Loaded: the time of the files given to this thread counts from here.
parentPort!.postMessage({ ready: true });

// The parsers the files named on the command line need start loading now, while the main thread
// is still reading the command line and configuration.
const warm: string[] = (workerData as { warm?: string[] } | null)?.warm ?? [];
if (warm.includes("python")) void import("../languages/tree-sitter.js").then(({ treeSitterParser }) => treeSitterParser("python")).catch(() => undefined);
if (warm.includes("script")) void import("../languages/javascript/index.js").catch(() => undefined);
