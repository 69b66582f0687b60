import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { CheckOptions } from "./context.js";
import { languageForPath } from "../languages/index.js";
import { stopRequested, type FileJob, type JobDone, type JobFixing } from "./jobs.js";
import type { FileOutcome } from "./process-file.js";
import { fatalMessage, summarize } from "./results.js";

/** The compiled worker: beside this module when built, in dist/ when this runs from src/ (tests). */
function workerPath(): string {
  const beside = fileURLToPath(new URL("./worker.js", import.meta.url));
  if (existsSync(beside)) return beside;
  return fileURLToPath(new URL("../../dist/src/engine/worker.js", import.meta.url));
}

const BATCH = 64;

function crashed(path: string, reason: string): FileOutcome {
  return { result: summarize(path, [fatalMessage("", 0, `internal error: ${reason}; this file was not checked`)]), parsed: false, internalError: true };
}

/** Which parser a file needs: a worker given only one kind never loads the other's. */
function parserOf(path: string): "python" | "script" | "other" {
  const language = languageForPath(path);
  if (language === "python") return "python";
  return language === "javascript" || language === "typescript" ? "script" : "other";
}

/**
 * Runs jobs on `threads` threads: this one and `threads - 1` workers, handing out small batches so
 * a thread that meets slow files does not hold the others up. This thread takes a share too,
 * since it would otherwise only wait, and a worker's isolate with its parsers costs 100-150 MB.
 * A thread keeps to the files of one parser while there are any (JS/TS for the first worker,
 * Python for this thread), so each loads one parser, not both. Outcomes arrive in any order;
 * `onDone` sees each once.
 */
export async function runInWorkers(
  jobs: readonly FileJob[],
  threads: number,
  check: CheckOptions,
  fixing: JobFixing | undefined,
  onDone: (done: JobDone) => void,
  here: (job: FileJob) => Promise<FileOutcome>,
): Promise<void> {
  const queues = { python: [] as FileJob[], script: [] as FileJob[], other: [] as FileJob[] };
  for (const job of jobs) queues[parserOf(job.path)].push(job);
  const take = (preferred: "python" | "script"): FileJob[] => {
    if (stopRequested(fixing)) return [];
    const order = preferred === "python" ? (["python", "other", "script"] as const) : (["script", "other", "python"] as const);
    const queue = order.map((name) => queues[name]).find((candidate) => candidate.length > 0);
    return queue ? queue.splice(0, BATCH) : [];
  };
  const path = workerPath();
  const startWorker = (preferred: "python" | "script"): Promise<void> =>
    new Promise((resolve) => {
      const worker = new Worker(path);
      // The batch in hand, less what is done: if the thread dies, these files are reported as
      // internal errors, and the other threads take over the files not handed out yet.
      let open = new Map<number, FileJob>();
      let stopping = false;
      const stop = (): void => {
        stopping = true;
        void worker.terminate().then(() => resolve());
      };
      const feed = (): void => {
        const batch = take(preferred);
        if (batch.length === 0) {
          stop();
          return;
        }
        open = new Map(batch.map((job) => [job.index, job]));
        worker.postMessage({ check, ...(fixing ? { fixing } : {}), jobs: batch });
      };
      worker.on("message", (message: JobDone | { batchDone: true }) => {
        if ("batchDone" in message) feed();
        else {
          open.delete(message.index);
          onDone(message);
        }
      });
      const fail = (reason: string): void => {
        if (stopping) return;
        for (const job of open.values()) onDone({ index: job.index, outcome: crashed(job.path, reason) });
        open.clear();
        stop();
      };
      worker.on("error", (error) => fail((error as Error)?.message ?? String(error)));
      worker.on("exit", (code) => fail(`the worker thread exited (code ${code})`));
      feed();
    });
  const runHere = async (): Promise<void> => {
    for (let batch = take("python"); batch.length > 0; batch = take("python")) {
      for (const job of batch) {
        if (stopRequested(fixing)) return;
        onDone({ index: job.index, outcome: await here(job) });
        // Let the workers' messages through: a worker waiting for its next batch is idle.
        await new Promise((resume) => setImmediate(resume));
      }
    }
  };
  const workers = Math.min(threads - 1, Math.ceil(jobs.length / BATCH));
  await Promise.all([runHere(), ...Array.from({ length: workers }, (_, index) => startWorker(index % 2 === 0 ? "script" : "python"))]);
}
