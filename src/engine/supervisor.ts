import { Worker } from "node:worker_threads";
import { languageForPath } from "../languages/index.js";
import { stopRequested, type FileJob, type HostMessage, type JobBatch, type JobDone } from "./jobs.js";
import type { Decide } from "./lint-text.js";
import type { FileOutcome } from "./process-file.js";
import { takePrestarted, WORKER_OPTIONS, workerPath } from "./prestart.js";
import { fatalMessage, summarize } from "./results.js";


const BATCH = 64;

export function overBudget(path: string, seconds: number, writing = false): FileOutcome {
  const message = writing
    ? `writing the fixes took longer than ${seconds}s and was stopped; the write is atomic, so the file holds either its old or its fixed text`
    : `took longer than ${seconds}s to analyse; skipped (raise --file-timeout to allow more)`;
  return { result: summarize(path, [fatalMessage("", 0, message)]), parsed: false, internalError: false, overBudget: true };
}

function crashed(path: string, reason: string): FileOutcome {
  return { result: summarize(path, [fatalMessage("", 0, `internal error: ${reason}; this file was not checked`)]), parsed: false, internalError: true };
}

/** Which parser a file needs: a thread given only one kind never loads the other's. */
function parserOf(path: string): "python" | "script" | "other" {
  const language = languageForPath(path);
  if (language === "python") return "python";
  return language === "javascript" || language === "typescript" ? "script" : "other";
}

type Preference = "python" | "script";

/** A worker thread that analyses files, and the file it is on. */
interface Host {
  worker: Worker;
  preferred: Preference;
  /** The batch in hand, in order, less the files whose outcomes came back. */
  open: FileJob[];
  /** Where the thread says which file it is on (its index plus one), and what this thread last read there. */
  progress: Int32Array;
  current: number;
  /** When the current file started (as this thread learnt it), or its write did. */
  since: number;
  writing: boolean;
  /** When it asked the question still waiting for an answer (`fix --interactive`): its clock is stopped. */
  askedAt?: number;
  /** Its modules are loaded: its files' time counts from then, not from the thread's start. */
  ready: boolean;
  /** A batch is in hand (until the thread says it is over). */
  busy: boolean;
  /** The current round's handlers: the thread's listeners, set once, pass everything to them. */
  onMessage: (message: HostMessage) => void;
  onFailure: (reason: string) => void;
  /** Ended on purpose (over budget, or no work left): its exit is no crash. */
  ended: boolean;
}

/** What a round of analysis sends each worker besides the files. */
export type RoundSettings = Omit<JobBatch, "jobs">;

/**
 * Analyses files in worker threads that this thread watches, so the per-file time limit holds
 * whatever a file's code is doing: a thread still on one file when its time is up is terminated,
 * the file reported over budget (nothing of it written), and a fresh thread takes the files after
 * it. The analysing code never has to look at a clock for this. Threads take small batches, so
 * one that meets slow files does not hold the others up; each keeps to the files of one parser
 * while there are any, so it loads one parser, not both. One thread is started as soon as the
 * supervisor is made, so its start-up overlaps the folder walk.
 */
export class Supervisor {
  private readonly hosts = new Set<Host>();
  private idle: Host[] = [];
  private round: number = 0;
  private readonly path = workerPath();

  constructor(
    private readonly timeoutMs: number,
    private readonly threads: number,
    /** Answers `fix --interactive`'s questions, here, where the terminal is (give one thread then). */
    private readonly decide?: Decide,
  ) {
    this.idle.push(this.start("python"));
  }

  private start(preferred: Preference): Host {
    // The first thread may have been started with the process (cli/main.ts).
    const prestarted = this.hosts.size === 0 ? takePrestarted() : undefined;
    const host: Host = { worker: prestarted?.worker ?? new Worker(this.path, WORKER_OPTIONS), preferred, open: [], progress: new Int32Array(new SharedArrayBuffer(4)), current: 0, since: 0, writing: false, ready: prestarted?.ready ?? false, busy: false, ended: false, onMessage: () => undefined, onFailure: () => undefined };
    host.worker.on("message", (message: HostMessage | { ready: true }) => {
      if (host.ended) return;
      if ("ready" in message) {
        host.ready = true;
        host.since = performance.now();
      } else {
        host.onMessage(message);
      }
    });
    host.worker.on("error", (error) => host.onFailure((error as Error)?.message ?? String(error)));
    host.worker.on("exit", (code) => host.onFailure(`the worker thread exited (code ${code})`));
    this.hosts.add(host);
    return host;
  }

  /** Ends every thread. */
  close(): void {
    for (const host of this.hosts) {
      host.ended = true;
      void host.worker.terminate();
    }
    this.hosts.clear();
    this.idle = [];
  }

  /**
   * Analyses the jobs; `onDone` sees each job's outcome once, in any order. Each call is a round
   * with its own settings: the workers start it with fresh module links.
   */
  analyse(jobs: readonly FileJob[], settings: RoundSettings, onDone: (done: JobDone) => void): Promise<void> {
    if (jobs.length === 0) return Promise.resolve();
    const round = ++this.round;
    const queues = { python: [] as FileJob[], script: [] as FileJob[], other: [] as FileJob[] };
    for (const job of jobs) queues[parserOf(job.path)].push(job);
    // Interrupted (fix, on a signal): no file is handed out any more; those not reached have no outcome.
    const stopped = (): boolean => stopRequested(settings.fixing);
    const take = (preferred: Preference): FileJob[] => {
      if (stopped()) return [];
      const order = preferred === "python" ? (["python", "other", "script"] as const) : (["script", "other", "python"] as const);
      const queue = order.map((name) => queues[name]).find((candidate) => candidate.length > 0);
      return queue ? queue.splice(0, BATCH) : [];
    };
    const seconds = Math.round(this.timeoutMs / 100) / 10;
    let remaining = jobs.length;

    return new Promise<void>((resolve) => {
      const timer = this.timeoutMs > 0 ? setInterval(() => watch(), Math.min(250, Math.max(20, this.timeoutMs / 20))) : undefined;
      // Done when every file has its outcome and every thread has said its batch is over.
      const settle = (): void => {
        if ((remaining > 0 && !stopped()) || [...this.hosts].some((host) => host.busy)) return;
        if (timer) clearInterval(timer);
        resolve();
      };
      const finish = (job: FileJob, outcome: FileOutcome): void => {
        onDone({ index: job.index, outcome });
        remaining--;
      };
      const feed = (host: Host): void => {
        const batch = take(host.preferred);
        host.open = batch;
        host.busy = batch.length > 0;
        if (!host.busy) {
          this.idle.push(host);
          settle();
          return;
        }
        host.since = performance.now();
        host.writing = false;
        Atomics.store(host.progress, 0, 0);
        host.current = 0;
        host.worker.postMessage({ ...settings, round, jobs: batch, progress: host.progress.buffer as SharedArrayBuffer } satisfies JobBatch);
      };
      /**
       * The file the thread is stuck on (or died on) gets the outcome; the others of its batch go
       * back to the front of the queue: those after it were never started, and those before it
       * whose outcomes had not been sent yet are analysed again.
       */
      const replace = (host: Host, outcome: (job: FileJob) => FileOutcome): void => {
        const at = Math.max(0, host.open.findIndex((job) => job.index === Atomics.load(host.progress, 0) - 1));
        const [current] = host.open.splice(at, 1);
        if (host.open.length > 0) queues[parserOf(host.open[0]!.path)].unshift(...host.open);
        host.open = [];
        if (current) finish(current, outcome(current));
        retire(host);
      };
      /** Ends a thread and starts a fresh one in its place, given the files its batch had left. */
      const retire = (host: Host): void => {
        host.ended = true;
        host.busy = false;
        this.hosts.delete(host);
        void host.worker.terminate();
        if (host.open.length > 0) queues[parserOf(host.open[0]!.path)].unshift(...host.open);
        host.open = [];
        const fresh = this.start(host.preferred);
        attach(fresh);
        feed(fresh);
      };
      const watch = (): void => {
        const now = performance.now();
        for (const host of [...this.hosts]) {
          const current = Atomics.load(host.progress, 0);
          if (current !== host.current) {
            // It went on to another file since the last look.
            host.current = current;
            host.since = now;
            host.writing = false;
          }
          if (host.ended || !host.ready || host.open.length === 0 || host.askedAt !== undefined || now - host.since <= this.timeoutMs) continue;
          const writing = host.writing;
          replace(host, (job) => overBudget(job.path, seconds, writing));
        }
      };
      const attach = (host: Host): void => {
        host.onMessage = (message) => {
          if (message.round !== round) return;
          if ("outcomes" in message) {
            for (const { index, outcome } of message.outcomes) {
              const at = host.open.findIndex((job) => job.index === index);
              if (at === -1) continue;
              const [job] = host.open.splice(at, 1);
              finish(job!, outcome);
              // Sent last of its message (an outcome with a result is sent at once).
              if (outcome.parserLost) return retire(host);
            }
            if (message.batchDone) {
              // What is left of the batch was skipped on an interrupt.
              host.open = [];
              feed(host);
            }
          } else if ("mayWrite" in message) {
            // The analysis is over: the write gets a time of its own, and is stopped only if it hangs.
            host.writing = true;
            host.since = performance.now();
            host.current = Atomics.load(host.progress, 0);
            host.worker.postMessage({ round, write: message.mayWrite });
          } else if ("ask" in message) {
            // The time a question waits for its answer is the person's, not the file's.
            host.askedAt = performance.now();
            const answer = this.decide ? this.decide(...message.args).catch(() => "quit" as const) : Promise.resolve("quit" as const);
            void answer.then((decision) => {
              if (host.ended) return;
              host.since += performance.now() - host.askedAt!;
              host.askedAt = undefined;
              host.worker.postMessage({ answer: message.ask, decision });
            });
          }
        };
        host.onFailure = (reason) => {
          if (host.ended) return;
          // A thread that died before starting a file (it could not load) would die again on
          // each: its whole batch is reported, as every file's would be.
          if (Atomics.load(host.progress, 0) === 0) for (const job of host.open.splice(0)) finish(job, crashed(job.path, reason));
          replace(host, (job) => crashed(job.path, reason));
        };
      };

      // Start threads up to the number allowed, as the files need them.
      const wanted = Math.min(this.threads, Math.ceil(jobs.length / BATCH));
      for (let index = this.hosts.size; index < wanted; index++) this.idle.push(this.start(index % 2 === 1 ? "script" : "python"));
      const ready = this.idle;
      this.idle = [];
      for (const host of ready) attach(host);
      for (const host of ready) feed(host);
    });
  }
}
