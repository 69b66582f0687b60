import { parentPort } from "node:worker_threads";
import { ContextCache } from "./context.js";
import { fixingOf, stopRequested, type JobBatch, type JobDone } from "./jobs.js";
import { processFile } from "./process-file.js";

/** A worker thread: takes batches of files, sends back each file's outcome as it is done. */
let contexts: ContextCache | undefined;

parentPort!.on("message", async (batch: JobBatch) => {
  contexts ??= new ContextCache(batch.check);
  const fixing = fixingOf(batch.fixing);
  for (const job of batch.jobs) {
    // Interrupted: the files not started are left as they are, and reported as not checked.
    if (stopRequested(batch.fixing)) break;
    const { context, prefilter } = contexts.get(job.settings, job.settingsKey);
    const outcome = await processFile(job.path, context, prefilter, fixing);
    parentPort!.postMessage({ index: job.index, outcome } satisfies JobDone);
  }
  parentPort!.postMessage({ batchDone: true });
});
