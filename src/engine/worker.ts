import { parentPort, workerData } from "node:worker_threads";
import { ContextCache } from "./context.js";
import { fixingOf, stopRequested, type HostMessage, type JobBatch } from "./jobs.js";
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
  for (const job of batch.jobs) {
    // Interrupted: the files not started are left as they are, and reported as not checked.
    if (stopRequested(batch.fixing)) break;
    if (batchRound > 1) stallPoint("second", job.path);
    const { context, prefilter } = contexts.get(job.settings, job.settingsKey);
    const mayWrite = (): Promise<void> =>
      new Promise((granted) => {
        permissions.set(job.index, granted);
        send({ round: batchRound, mayWrite: job.index });
      });
    const outcome = job.text !== undefined ? await processSource(job.path, job.text, context, fixing) : await processFile(job.path, context, prefilter, fixing, mayWrite);
    send({ round: batchRound, index: job.index, outcome });
  }
  send({ round: batchRound, batchDone: true });
});

// Loaded: the time of the files given to this thread counts from here.
parentPort!.postMessage({ ready: true });

// The parsers the files named on the command line need start loading now, while the main thread
// is still reading the command line and configuration.
const warm: string[] = (workerData as { warm?: string[] } | null)?.warm ?? [];
if (warm.includes("python")) void import("../languages/tree-sitter.js").then(({ treeSitterParser }) => treeSitterParser("python")).catch(() => undefined);
if (warm.includes("script")) void import("../languages/javascript/index.js").catch(() => undefined);
