import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

/** The compiled worker: beside this module when built, in dist/ when this runs from src/ (tests). */
export function workerPath(): string {
  const beside = fileURLToPath(new URL("./worker.js", import.meta.url));
  if (existsSync(beside)) return beside;
  return fileURLToPath(new URL("../../dist/src/engine/worker.js", import.meta.url));
}

/** Parsers a worker may start loading before it is given a file. */
export type Warm = "python" | "script";

export interface Prestarted {
  worker: Worker;
  /** The worker has loaded its modules (it says so once). */
  ready: boolean;
}

let waiting: Prestarted | undefined;

/**
 * Starts the analysing thread before the command line is even read, so its start-up (and, when
 * the files named say which, its parser's) overlaps this thread's. It holds the process open only
 * once a run takes it; unused, it ends with the process.
 */
export function prestartWorker(warm: readonly Warm[]): void {
  if (waiting) return;
  const worker = new Worker(workerPath(), { workerData: { warm } });
  worker.unref();
  const started: Prestarted = { worker, ready: false };
  worker.on("message", function first(message: { ready?: true }) {
    if (message.ready) {
      started.ready = true;
      worker.off("message", first);
    }
  });
  // An error before a run takes it surfaces there; until then it must not crash the process.
  worker.on("error", () => undefined);
  waiting = started;
}

/** The prestarted worker, once: the first run to ask takes it. */
export function takePrestarted(): Prestarted | undefined {
  const taken = waiting;
  waiting = undefined;
  taken?.worker.ref();
  return taken;
}
