import { availableParallelism } from "node:os";
import { relative, resolve, sep } from "node:path";
import { ConfigResolver } from "../config/load.js";
import { languageForPath } from "../languages/index.js";
import type { FileResult, RunResult } from "../model/results.js";
import type { FixSafety, Target } from "../model/rule.js";
import { ResultCache, defaultCacheLocation } from "./cache.js";
import { ContextCache, contextOf, settingsFor, type CheckOptions, type RuleConfig, type Settings } from "./context.js";
import { discover } from "./discover.js";
import { fixingOf, stopRequested, type Analyse, type FileJob, type JobFixing } from "./jobs.js";
import { folderOf, uncommittedUnder } from "./git.js";
import { isTempName, removeIfStale } from "./write.js";
import { Answers } from "./answers.js";
import type { Decide } from "./lint-text.js";
import { processFile, processSource, type FileOutcome } from "./process-file.js";
import { summarize } from "./results.js";
import { ModuleLinker } from "./project.js";
import { secondPass } from "./second-pass.js";
import { Supervisor } from "./supervisor.js";
import { shardOf, type Shard } from "./shard.js";
import type { ModelUse } from "../model/types.js";

export type { RuleConfig, Settings } from "./context.js";

export interface LintOptions {
  /** Files, folders or globs; the working directory when empty. */
  paths?: readonly string[];
  cwd?: string;
  /** Honour .gitignore files (default true). */
  gitignore?: boolean;
  include?: readonly string[];
  exclude?: readonly string[];
  /** A config file to use for every file, instead of looking upward from each. */
  config?: string;
  /** Read no config file at all. */
  noConfig?: boolean;
  target?: Partial<Target>;
  /** Rule settings that win over the config's (`--rule id:severity`). */
  rules?: Readonly<Record<string, RuleConfig>>;
  /** Run only these rules. */
  select?: readonly string[];
  /** Never run these rules. */
  ignore?: readonly string[];
  /** Rule presets to turn on (`best-practices`). */
  presets?: readonly string[];
  /** Report glm-migrate-ignore comments that silence nothing. */
  reportUnusedSuppressions?: boolean;
  /** Called after each file, for a progress display. */
  onProgress?: (done: number, total: number) => void;
  /** Time allowed per file in milliseconds (default 20 s; 0 for none); slower files are reported and skipped. */
  fileTimeoutMs?: number;
  /** Worker threads (default: the cores available); large runs spread over them. */
  jobs?: number;
  /** Keep lint results between runs, keyed by file size, time, settings and version. */
  cache?: boolean;
  cacheLocation?: string;
  /** Lint one share of the files (`--shard 2/4`), for CI matrix jobs. */
  shard?: Shard;
  /**
   * Resolve clients in TS/JS through TypeScript's type checker where imports and factories do not
   * tell (generic wrappers, registries). Builds a program per tsconfig.json; runs on one thread, uncached.
   */
  typeAware?: boolean;
}

export interface FixOptions extends LintOptions {
  /** Also apply fixes that change behaviour or guess intent. */
  unsafeFixes?: boolean;
  /** Compute the fixes, write nothing. */
  dryRun?: boolean;
  /** Asked before each fix (`fix --interactive`); the run then stays on one thread. */
  decide?: Decide;
  /** Leave files with uncommitted changes in a git work tree alone (`fix` without --allow-dirty). */
  guardDirty?: boolean;
  /**
   * Aborting it interrupts the run: no write starts after that, the one in flight finishes, and the
   * run returns what it wrote, with `interrupted` set. The CLI aborts it on SIGINT and SIGTERM.
   */
  signal?: AbortSignal;
}


export function lint(options: LintOptions = {}): Promise<RunResult> {
  return run(options, undefined);
}

export function fix(options: FixOptions = {}): Promise<RunResult> {
  return run(options, { unsafe: options.unsafeFixes ?? false, dryRun: options.dryRun ?? false });
}

const DEFAULT_FILE_TIMEOUT_MS = 20_000;
/** Below this many files, starting threads costs more than it saves. */
const WORKER_THRESHOLD = 400;

/** Analysis on this thread, one file after another: each round with fresh module links. */
/**
 * A Z.ai client moves to Cerebras only with every use other modules make of it, and a model
 * setting or a shared dict is changed only when no other module sends it to another provider; so
 * before `fix` writes anything, the files are read once without fixing to learn those uses: a
 * module never moves a client, or changes a setting, that an importer's request cannot follow.
 */
async function usesBeforeFixing(jobs: readonly FileJob[], cwd: string, lint: Analyse): Promise<Parameters<Analyse>[1]> {
  if (jobs.length < 2) return {};
  const uses: ModelUse[] = [];
  await lint(jobs, {}, ({ outcome }) => uses.push(...(outcome.uses ?? [])));
  return uses.length > 0 ? { uses, cwd } : {};
}

function inThread(check: CheckOptions, fixing: JobFixing | undefined, decide: Decide | undefined): Analyse {
  let first: ContextCache | undefined = new ContextCache(check);
  const fileFixing = fixingOf(fixing, decide);
  return async (jobs, round, onDone) => {
    const contexts = first ?? new ContextCache(check);
    first = undefined;
    if (round.uses) contexts.linker?.setUses(round.uses, round.cwd ?? process.cwd());
    for (const job of jobs) {
      if (stopRequested(fixing)) break;
      const { context, prefilter } = contexts.get(job.settings, job.settingsKey);
      onDone({ index: job.index, outcome: await processFile(job.path, context, prefilter, fileFixing) });
    }
  };
}

function checkOptions(options: LintOptions): CheckOptions {
  return {
    reportUnusedSuppressions: options.reportUnusedSuppressions ?? false,
    fileTimeoutMs: options.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_MS,
    root: resolve(options.cwd ?? process.cwd()),
    ...(options.typeAware ? { typeAware: true } : {}),
  };
}

function resolverFor(options: LintOptions, cwd: string): ConfigResolver | undefined {
  return options.noConfig ? undefined : new ConfigResolver(options.config, cwd);
}

/** The effective settings for one file, as `--print-config` shows them. */
export function resolveSettings(filePath: string, options: LintOptions = {}): Settings {
  const cwd = options.cwd ?? process.cwd();
  const resolver = resolverFor(options, cwd);
  const effective = resolver?.effective(resolve(cwd, filePath)) ?? { rules: {}, target: {}, presets: [] };
  return settingsFor(effective, options);
}

export interface SourceOptions extends Omit<FixOptions, "paths" | "dryRun" | "gitignore" | "include" | "exclude"> {
  /** The path the text stands for: it picks the language, the config and names the file in messages. */
  filePath: string;
  /**
   * Analyse in a worker thread this thread watches, so the time limit holds whatever the code is
   * doing (as files' analysis does; the CLI's `--stdin`). Starting the thread costs some 50 ms.
   */
  isolate?: boolean;
}

/**
 * Lints (or, with `fix: true`, fixes) text that is not read from disk: editor buffers, `--stdin`,
 * tests. Nothing is written.
 */
export async function lintSource(text: string, options: SourceOptions & { fix?: boolean }): Promise<FileResult> {
  const check = checkOptions(options);
  const settings = resolveSettings(options.filePath, options);
  if (options.isolate && check.fileTimeoutMs > 0 && languageForPath(options.filePath)) {
    const supervisor = new Supervisor(check.fileTimeoutMs, 1);
    try {
      let outcome: FileOutcome | undefined;
      const job: FileJob = { index: 0, path: options.filePath, settings, settingsKey: JSON.stringify(settings), text };
      const fixing: JobFixing | undefined = options.fix ? { unsafe: options.unsafeFixes ?? false, dryRun: true } : undefined;
      await supervisor.analyse([job], { check, ...(fixing ? { fixing } : {}) }, (done) => (outcome = done.outcome));
      return outcome?.result ?? summarize(options.filePath, [], { source: text });
    } finally {
      supervisor.close();
    }
  }
  const fixing = options.fix ? { allowed: new Set<FixSafety>(options.unsafeFixes ? ["safe", "unsafe"] : ["safe"]), dryRun: true } : undefined;
  const context = contextOf(settings, check, new ModuleLinker(check.root!, check.typeAware));
  return (await processSource(options.filePath, text, context, fixing)).result!;
}

/** `lint` (no `fixing`) or `fix`; the fix-only options are read only when fixing. */
async function run(options: FixOptions, fixing: JobFixing | undefined): Promise<RunResult> {
  const decide = fixing ? options.decide : undefined;
  const started = performance.now();
  const check = checkOptions(options);
  // With a time limit, files are analysed in worker threads this thread watches (interactive
  // runs excepted: there the time goes to the person answering). The first thread starts now, so
  // its start-up overlaps the folder walk.
  // Interactively, one thread, whose questions this thread asks (and answers given before replays).
  const answers = decide ? new Answers(decide) : undefined;
  const threads = options.typeAware || decide ? 1 : Math.max(1, options.jobs ?? availableParallelism());
  let supervisor = check.fileTimeoutMs > 0 ? new Supervisor(check.fileTimeoutMs, threads, answers?.ask) : undefined;
  try {
    return await runWith(options, fixing, answers, started, check, () => supervisor, (made) => (supervisor = made));
  } finally {
    supervisor?.close();
  }
}

async function runWith(
  options: FixOptions,
  fixing: JobFixing | undefined,
  answers: Answers | undefined,
  started: number,
  check: CheckOptions,
  supervisorOf: () => Supervisor | undefined,
  setSupervisor: (made: Supervisor) => void,
): Promise<RunResult> {
  const asking = answers?.ask;
  const cwd = options.cwd ?? process.cwd();
  const resolver = resolverFor(options, cwd);
  const writing = fixing !== undefined && !fixing.dryRun;
  const strays: string[] = [];
  const paths = options.paths?.length ? options.paths : ["."];
  const discovered = await discover(paths, {
    cwd,
    gitignore: options.gitignore ?? true,
    ...(options.include ? { include: options.include } : {}),
    ...(options.exclude ? { exclude: options.exclude } : {}),
    ...(resolver ? { excluded: (path: string) => resolver.isExcluded(path), notIncluded: (path: string) => resolver.isNotIncluded(path) } : {}),
    ...(writing ? { strays: { test: isTempName, found: (path: string) => strays.push(path) } } : {}),
  });
  const staleTempsRemoved = strays.filter(removeIfStale).length;
  const { missing } = discovered;
  const shard = options.shard;
  const files = shard ? discovered.files.filter((path) => shardOf(relative(cwd, path).split(sep).join("/"), shard.count) === shard.index) : discovered.files;

  if (fixing && options.guardDirty) {
    const dirty = uncommittedUnder(paths.map((path) => folderOf(resolve(cwd, path))));
    if (dirty.size > 0) fixing = { ...fixing, dirty: files.filter((path) => dirty.has(path)) };
  }
  if (fixing && asking) fixing = { ...fixing, interactive: true };
  const signal = fixing ? options.signal : undefined;
  const stop = new SharedArrayBuffer(4);
  const raise = (): void => void Atomics.store(new Int32Array(stop), 0, 1);
  if (writing && signal) {
    if (signal.aborted) raise();
    else signal.addEventListener("abort", raise, { once: true });
    fixing = { ...fixing!, stop };
  }

  // Files under one config share one settings object and key: 30,000 copies cost real memory.
  const shared = new Map<string, { settings: Settings; settingsKey: string }>();
  const jobs: FileJob[] = files.map((path, index) => {
    const settings = settingsFor(resolver?.effective(path) ?? { rules: {}, target: {}, presets: [] }, options);
    const settingsKey = JSON.stringify(settings);
    let one = shared.get(settingsKey);
    if (!one) shared.set(settingsKey, (one = { settings, settingsKey }));
    return { index, path, ...one };
  });
  const outcomes: (FileOutcome | undefined)[] = new Array(jobs.length);
  let done = 0;
  const record = (index: number, outcome: FileOutcome): void => {
    outcomes[index] = outcome;
    options.onProgress?.(++done, jobs.length);
  };

  // Only lint results are cached: a fix changes the files it reads.
  const cache = options.cache && !fixing && !options.typeAware ? new ResultCache(options.cacheLocation ?? defaultCacheLocation(cwd)) : undefined;
  const pending: FileJob[] = [];
  for (const job of jobs) {
    const hit = cache?.get(job.path, ResultCache.keyOf(job.settingsKey));
    if (hit) record(job.index, hit);
    else pending.push(job);
  }

  const threads = Math.max(1, options.jobs ?? availableParallelism());
  // Without a time limit, large runs still spread over threads; small ones stay on this one.
  // (One type-checked program serves every file; threads would each build their own.)
  if (!supervisorOf() && threads > 1 && !asking && !options.typeAware && pending.length >= WORKER_THRESHOLD) setSupervisor(new Supervisor(0, threads));
  const supervisor = supervisorOf();
  const runFixing = fixing;
  const analyse: Analyse = supervisor
    ? (some, round, onDone) => supervisor.analyse(some, { check, ...(runFixing ? { fixing: runFixing } : {}), ...round }, onDone)
    : inThread(check, fixing, asking);
  const firstRound = fixing ? await usesBeforeFixing(pending, cwd, supervisor ? (some, round, onDone) => supervisor.analyse(some, { check, ...round }, onDone) : inThread(check, undefined, undefined)) : {};
  await analyse(pending, firstRound, ({ index, outcome }) => record(index, outcome));
  if (cache) {
    for (const job of pending) {
      const outcome = outcomes[job.index];
      // A file stopped for time, or a crash, is tried again next run.
      if (outcome && !outcome.overBudget && !outcome.internalError) cache.set(job.path, ResultCache.keyOf(job.settingsKey), outcome);
    }
    cache.save();
  }
  if (answers) answers.replaying = true;
  if (!stopRequested(fixing)) await secondPass(jobs, outcomes, cwd, fixing, analyse);
  signal?.removeEventListener("abort", raise);
  const interrupted = stopRequested(fixing);

  const results: FileResult[] = [];
  let filesParsed = 0;
  let internalErrors = 0;
  // One reason so far (uncommitted changes): the first outcome's names it.
  let leftAlone: { reason: string; paths: string[] } | undefined;
  for (const [index, outcome] of outcomes.entries()) {
    if (!outcome) continue;
    if (outcome.result) results.push(outcome.result);
    if (outcome.parsed) filesParsed++;
    if (outcome.internalError) internalErrors++;
    if (outcome.leftAlone) (leftAlone ??= { reason: outcome.leftAlone, paths: [] }).paths.push(jobs[index]!.path);
  }
  return {
    results,
    filesScanned: files.length,
    filesParsed,
    missing,
    internalErrors,
    durationMs: performance.now() - started,
    ...(leftAlone ? { leftAlone } : {}),
    ...(interrupted ? { interrupted: true } : {}),
    ...(staleTempsRemoved > 0 ? { staleTempsRemoved } : {}),
  };
}
