import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { CheckOptions } from "./context.js";
import type { FileJob, JobDone, JobFixing } from "./jobs.js";

/** The compiled worker: beside this module when built, in dist/ when this runs from src/ (tests). */
function workerPath(): string {
  const beside = fileURLToPath(new URL("./worker.js", import.meta.url));
  if (existsSync(beside)) return beside;
  return fileURLToPath(new URL("../../dist/src/engine/worker.js", import.meta.url));
}

const BATCH = 64;

/**
 * Runs jobs on `threads` worker threads, handing out small batches so a thread that meets slow
 * files does not hold the others up. Outcomes arrive in any order; `onDone` sees each once.
 */
export async function runInWorkers(
  jobs: readonly FileJob[],
  threads: number,
  check: CheckOptions,
  fixing: JobFixing | undefined,
  onDone: (done: JobDone) => void,
): Promise<void> {
  let next = 0;
  const path = workerPath();
  const startOne = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(path);
      const feed = (): void => {
        if (next >= jobs.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        const batch = jobs.slice(next, next + BATCH);
        next += batch.length;
        worker.postMessage({ check, ...(fixing ? { fixing } : {}), jobs: batch });
      };
      worker.on("message", (message: JobDone | { batchDone: true }) => {
        if ("batchDone" in message) feed();
        else onDone(message);
      });
      worker.on("error", reject);
      feed();
    });
  await Promise.all(Array.from({ length: Math.min(threads, Math.ceil(jobs.length / BATCH)) }, startOne));
}
