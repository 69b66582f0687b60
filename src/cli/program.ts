import { existsSync, realpathSync } from "node:fs";
import { relative, resolve } from "node:path";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { RULES } from "../../rules/index.js";
import { ConfigError } from "../config/load.js";
import { PRESET_NAMES } from "../config/schema.js";
import { changedFiles, folderOf } from "../engine/git.js";
import { fetchLiveModels } from "../engine/live-models.js";
import { fix, lint, lintSource, resolveSettings, type FixOptions } from "../engine/run.js";
import type { RunResult } from "../model/results.js";
import { languageForPath } from "../languages/index.js";
import { formatDiffs } from "../report/diff.js";
import { githubChunks } from "../report/github.js";
import { jsonChunks } from "../report/json.js";
import { junitChunks } from "../report/junit.js";
import { sarifChunks } from "../report/sarif.js";
import { formatStylish, leftAloneLine } from "../report/stylish.js";
import type { Target } from "../model/rule.js";
import { didYouMeanAny } from "../suggest.js";
import { VERSION } from "../version.js";
import { UsageError } from "./errors.js";
import { writeInitialConfig } from "./init.js";
import { interactiveDecide } from "./interactive.js";
import { writeChunks, writeReportFile } from "./output.js";
import { maxWarnings, runOptions, type CommonFlags } from "./options.js";
import { formatModels } from "./models-command.js";
import { explainRule, listRules } from "./rules-command.js";

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  isTTY: boolean;
  /** Whether standard error is a terminal (for the progress line). */
  stderrIsTTY?: boolean;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Reads all of standard input (for --stdin). */
  readStdin?: () => Promise<string>;
  /** Hands SIGINT and SIGTERM to `handler` instead of ending the process, until the returned function is called. */
  catchSignals?: (handler: (signal: StopSignal) => void) => () => void;
}

export type StopSignal = "SIGINT" | "SIGTERM";

/** The shell's convention: 128 plus the signal's number. */
export const SIGNAL_EXIT: Record<StopSignal, number> = { SIGINT: 130, SIGTERM: 143 };
/** Files named one by one when a run is interrupted; beyond this, a count (git status lists them all). */
const LISTED_WRITES = 20;

const FORMATS = ["stylish", "json", "sarif", "github", "junit"] as const;

interface FixFlags extends CommonFlags {
  unsafeFixes?: boolean;
  dryRun?: boolean;
  allowDirty?: boolean;
  interactive?: boolean;
}

function addCommonOptions(command: Command): Command {
  return command
    .addOption(new Option("-f, --format <name>", "output format").choices(FORMATS).default("stylish"))
    .option("-o, --output-file <path>", "write the report to a file instead of standard output")
    .option("-c, --config <path>", "use this config file for every file")
    .option("--no-config", "read no config file")
    .option("--no-gitignore", "also read files that .gitignore excludes")
    .option("--rule <id:severity>", "set a rule's severity (off, info, warn, error); repeatable", (value: string, previous: string[] = []) => [...previous, value])
    .option("--select <rules>", "run only these rules (comma-separated)")
    .option("--ignore <rules>", "never run these rules (comma-separated)")
    .addOption(
      new Option("--preset <name>", `turn on a preset of rules (repeatable): ${PRESET_NAMES.join(", ")}`).argParser(
        (value: string, previous: string[] = []) => {
          if (!(PRESET_NAMES as readonly string[]).includes(value)) throw new InvalidArgumentError(`Allowed choices are ${PRESET_NAMES.join(", ")}.`);
          return [...previous, value];
        },
      ),
    )
    .option("--target-model <id>", "the model to migrate to (default zai-glm-4.7, or the config's); a current Cerebras model of the catalog")
    .option("--allow-unknown-target", "allow a target model the catalog does not know (one newer than the catalog)")
    .addOption(new Option("--reasoning-off <form>", "how reasoning is turned off").choices(["reasoning_effort", "disable_reasoning"]))
    .option("--stay-on-zai", "requests bound to Z.ai stay there: no move to Cerebras, no report of what a move would need")
    .option("--max-warnings <n>", "exit 1 when there are more warnings than this")
    .option("--quiet", "report errors only")
    .option("--exit-zero", "exit 0 even when problems remain (usage and internal errors still exit 2)")
    .option("--report-unused-suppressions", "report glm-migrate-ignore comments that silence nothing")
    .option("--stdin", "read the source from standard input")
    .option("--stdin-filename <path>", "the path standard input stands for (picks the language and config)")
    .option("--changed", "only files changed against a git ref (and untracked ones)")
    .option("--since <ref>", "with --changed: the ref to compare with", "HEAD")
    .option("--print-config <file>", "print the settings that apply to a file, and exit")
    .option("--file-timeout <seconds>", "time allowed per file before it is reported and skipped (default 20; 0 for none)")
    .option("-j, --jobs <n>", "threads for large runs: this one and n-1 workers (default: the cores available)")
    .option("--cache", "keep lint results between runs; only changed files are read again")
    .option("--cache-location <path>", "the cache file (default node_modules/.cache/glm-migrate/results.json if node_modules exists, else .glm-migrate-cache/results.json)")
    .option("--shard <i/n>", "lint the i-th of n shares of the files (for CI matrix jobs)")
    .option("--check-models", "ask the Cerebras API (CEREBRAS_API_KEY; CEREBRAS_BASE_URL) which models it lists now, and report model IDs it no longer lists")
    .option("--type-aware", "in TS/JS projects with a tsconfig.json, ask TypeScript's type checker which client a request uses")
    .option("--no-color", "never colour the output")
    .option("--debug", "print stack traces for internal errors");
}

function useColor(flags: CommonFlags, io: Io, toFile: boolean): boolean {
  if (toFile || flags.color === false || io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== "0") return true;
  return io.isTTY;
}

/** --quiet keeps errors only, in the findings and in the counts. */
function quietened(result: RunResult): RunResult {
  const results = result.results
    .map((file) => {
      const messages = file.messages.filter((message) => message.level === "error");
      return { ...file, messages, warningCount: 0, infoCount: 0, fixableWarningCount: 0 };
    })
    .filter((file) => file.messages.length > 0 || file.output !== undefined);
  return { ...result, results };
}

/** The report as pieces: the machine formats stream (a report can outgrow one string). */
function* render(result: RunResult, flags: CommonFlags, io: Io, mode: "lint" | "fix" | "dry-run"): Generator<string> {
  const color = useColor(flags, io, flags.outputFile !== undefined);
  switch (flags.format) {
    case "json":
      yield* jsonChunks(result);
      yield "\n";
      return;
    case "sarif":
      return yield* sarifChunks(result, io.cwd, RULES);
    case "github":
      return yield* githubChunks(result, io.cwd);
    case "junit":
      return yield* junitChunks(result, io.cwd);
    default:
      yield (mode === "dry-run" ? formatDiffs(result, io.cwd, color) : "") + formatStylish(result, { cwd: io.cwd, color, mode });
  }
}

function emit(report: Iterable<string>, flags: CommonFlags, io: Io): void {
  if (!flags.outputFile) writeChunks(report, io.stdout);
  else writeReportFile(resolve(io.cwd, flags.outputFile), report);
}

function counts(result: RunResult): { errors: number; warnings: number } {
  return {
    errors: result.results.reduce((sum, file) => sum + file.errorCount, 0),
    warnings: result.results.reduce((sum, file) => sum + file.warningCount, 0),
  };
}

/**
 * The exit code, and on stderr why it is 1 when only `--max-warnings` makes it so (errors speak for
 * themselves), as ESLint does (lib/cli.js: "ESLint found too many warnings (maximum: N).").
 */
function exitCode(result: RunResult, flags: CommonFlags, mode: "lint" | "fix" | "dry-run", io: Io): number {
  if (result.internalErrors > 0) return 2;
  if (flags.exitZero) return 0;
  const { errors, warnings } = counts(result);
  if (mode === "dry-run" && result.results.some((file) => file.output !== undefined && file.output !== file.source)) return 1;
  if (errors > 0) return 1;
  const limit = maxWarnings(flags);
  if (limit !== undefined && warnings > limit) {
    io.stderr(`glm-migrate found too many warnings: ${warnings} (maximum: ${limit}, set by --max-warnings).\n`);
    return 1;
  }
  return 0;
}

/** A progress line on a terminal's stderr for runs that take more than a second. */
function progress(io: Io): { onProgress?: (done: number, total: number) => void; done(): void } {
  if (!io.stderrIsTTY) return { done: () => undefined };
  const started = Date.now();
  let shown = false;
  return {
    onProgress: (done, total) => {
      if (Date.now() - started < 1000 || (done % 25 !== 0 && done !== total)) return;
      shown = true;
      io.stderr(`\rglm-migrate: ${done}/${total} files`);
    },
    done: () => {
      if (shown) io.stderr("\r\u001b[2K");
    },
  };
}

/** The paths to check: as given, or with --changed, the changed files under them, in whichever work trees hold them. */
async function resolvePaths(paths: string[], flags: CommonFlags, io: Io): Promise<string[] | undefined> {
  if (!flags.changed) return paths;
  const roots = (paths.length ? paths : ["."]).map((path) => resolve(io.cwd, path));
  const changed = changedFiles(roots.map(folderOf), flags.since);
  if (typeof changed === "string") throw new UsageError(`--changed: ${changed}`);
  // git names files from its real top folder; a path given through a symbolic link is compared as real too.
  const spellings = roots.flatMap((root) => (existsSync(root) ? [root, realpathSync(root)] : [root]));
  const under = (file: string): boolean => spellings.some((root) => file === root || file.startsWith(`${root}/`));
  return changed.filter((file) => under(file) && languageForPath(file) !== undefined);
}

/**
 * `--check-models`: the live model list goes to the rules with the target. Without a key, a
 * network or a good answer, one line says why and the run goes on with the catalog alone.
 */
async function withLiveModels<T extends { target?: Partial<Target> }>(options: T, flags: CommonFlags, io: Io): Promise<T> {
  if (!flags.checkModels) return options;
  const live = await fetchLiveModels({ env: io.env });
  if (!live.ok) {
    io.stderr(`glm-migrate: --check-models: ${live.reason}; checking against the catalog only\n`);
    return options;
  }
  return { ...options, target: { ...options.target, liveModels: live.ids } };
}

async function runStdin(flags: FixFlags, io: Io, fixing: boolean): Promise<number> {
  if (!flags.stdinFilename) throw new UsageError("--stdin needs --stdin-filename <path> (it picks the language and the config)");
  if (!io.readStdin) throw new UsageError("--stdin: standard input cannot be read here");
  const text = await io.readStdin();
  const options = await withLiveModels(runOptions([], flags, io.cwd), flags, io);
  const filePath = resolve(io.cwd, flags.stdinFilename);
  const result = await lintSource(text, { ...options, filePath, fix: fixing, unsafeFixes: Boolean(flags.unsafeFixes) });
  const run: RunResult = { results: [result], filesScanned: 1, filesParsed: 1, missing: [], internalErrors: 0, durationMs: 0 };
  if (fixing) {
    // The fixed text goes to stdout, as editors and formatters expect; findings go to stderr.
    io.stdout(result.output ?? text);
    const remaining = { ...run, results: result.messages.length ? [result] : [] };
    if (remaining.results.length) writeChunks(render(remaining, { ...flags, format: "stylish" }, { ...io, isTTY: false }, "fix"), io.stderr);
    return exitCode(remaining, flags, "fix", io);
  }
  const shown = flags.quiet ? quietened(run) : run;
  emit(render(shown, flags, io, "lint"), flags, io);
  return exitCode(shown, flags, "lint", io);
}

async function runCommand(paths: string[], flags: FixFlags, io: Io, mode: "lint" | "fix" | "dry-run"): Promise<number> {
  if (flags.printConfig) {
    const settings = resolveSettings(flags.printConfig, runOptions([], flags, io.cwd));
    io.stdout(`${JSON.stringify(settings, null, 2)}\n`);
    return 0;
  }
  if (flags.stdin) return runStdin(flags, io, mode !== "lint");
  const files = await resolvePaths(paths, flags, io);
  if (flags.changed && files!.length === 0) {
    // Nothing changed is not a failure: a hook on an empty change has nothing to say.
    emit(render({ results: [], filesScanned: 0, filesParsed: 0, missing: [], internalErrors: 0, durationMs: 0 }, flags, io, mode), flags, io);
    return 0;
  }
  const options: FixOptions = await withLiveModels(runOptions(files!, flags, io.cwd), flags, io);
  const bar = progress(io);
  if (bar.onProgress) options.onProgress = bar.onProgress;
  let result: RunResult;
  if (mode === "lint") {
    result = await lint(options);
  } else {
    // A signal stops the writing between files, so nothing is left half-done (see FixOptions.signal).
    const stopper = new AbortController();
    const interactive = flags.interactive ? interactiveDecide(io, io.cwd, useColor(flags, io, false), stopper.signal) : undefined;
    let stoppedBy: StopSignal | undefined;
    const release = mode === "fix" ? io.catchSignals?.((signal) => {
      stoppedBy ??= signal;
      stopper.abort(signal);
    }) : undefined;
    try {
      result = await fix({
        ...options,
        unsafeFixes: Boolean(flags.unsafeFixes),
        dryRun: mode === "dry-run",
        ...(interactive ? { decide: interactive.decide } : {}),
        guardDirty: !flags.allowDirty,
        signal: stopper.signal,
      });
    } finally {
      release?.();
      interactive?.close();
    }
    if (result.staleTempsRemoved) {
      io.stderr(`glm-migrate: removed ${plural(result.staleTempsRemoved, "temporary file")} left by an earlier run that was killed\n`);
    }
    if (result.interrupted && stoppedBy) {
      bar.done();
      io.stderr(interruptedReport(result, stoppedBy, io.cwd));
      return SIGNAL_EXIT[stoppedBy];
    }
  }
  bar.done();
  if (result.missing.length > 0 && !flags.changed) {
    throw new UsageError(`no files match ${result.missing.map((path) => `\`${path}\``).join(", ")}`);
  }
  const shown = flags.quiet ? quietened(result) : result;
  emit(render(shown, flags, io, mode), flags, io);
  const notFixed = leftAloneLine(shown, mode);
  // Stylish says it in its summary; the machine formats have no place for it.
  if (notFixed && flags.format !== "stylish") io.stderr(`glm-migrate: ${notFixed[0]!.toLowerCase()}${notFixed.slice(1)}\n`);
  return exitCode(shown, flags, mode, io);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** What an interrupted `fix` wrote: one line, then the files (or how many, when there are many). */
function interruptedReport(result: RunResult, signal: StopSignal, cwd: string): string {
  const written = result.results.filter((file) => file.fixedCount > 0).map((file) => relative(cwd, file.filePath) || file.filePath);
  let out = `glm-migrate: interrupted by ${signal}; wrote fixes to ${plural(written.length, "file")} and left every other file as it was.\n`;
  for (const path of written.slice(0, LISTED_WRITES)) out += `  wrote ${path}\n`;
  if (written.length > LISTED_WRITES) out += `  ... and ${written.length - LISTED_WRITES} more (\`git status\` lists them)\n`;
  return out;
}

export async function run(argv: readonly string[], io: Io): Promise<number> {
  let exitCodeValue = 0;
  const debug = argv.includes("--debug");
  const program = new Command()
    .name("glm-migrate")
    .description("Find and fix what must change when client code moves to zai-glm-4.7 on Cerebras.")
    .version(VERSION, "-v, --version")
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  addCommonOptions(
    program
      .command("lint", { isDefault: true })
      .description("report problems (read-only); exit 1 if any error remains")
      .argument("[paths...]", "files, folders or quoted globs", []),
  ).action(async (paths: string[], flags: CommonFlags) => {
    exitCodeValue = await runCommand(paths, flags, io, "lint");
  });

  addCommonOptions(
    program
      .command("fix")
      .description("apply safe fixes in place, then report what remains")
      .argument("[paths...]", "files, folders or quoted globs", [])
      .option("--unsafe-fixes", "also apply fixes that change behaviour; review them")
      .option("--dry-run", "print the changes as unified diffs; write nothing; exit 1 if anything would change")
      .option("--allow-dirty", "also fix files with uncommitted changes in a git work tree")
      .option("-i, --interactive", "show each fix and ask before applying it"),
  ).action(async (paths: string[], flags: FixFlags) => {
    exitCodeValue = await runCommand(paths, flags, io, flags.dryRun ? "dry-run" : "fix");
  });

  program
    .command("rules")
    .description("list every rule with its severity, fix safety and whether it is on")
    .action(() => io.stdout(listRules(RULES)));

  program
    .command("models")
    .description("print the model catalog: status, dates, limits and the source of each fact")
    .option("--json", "print it as JSON")
    .option("--check", "also ask the Cerebras API (GET /v1/models with CEREBRAS_API_KEY) which models it lists now")
    .option("--base-url <url>", "with --check: the API's base URL (default CEREBRAS_BASE_URL, else https://api.cerebras.ai)")
    .action(async (flags: { json?: boolean; check?: boolean; baseUrl?: string }) => {
      if (flags.baseUrl && !flags.check) throw new UsageError("--base-url is for --check");
      const check = flags.check ? await fetchLiveModels({ env: io.env, ...(flags.baseUrl ? { baseUrl: flags.baseUrl } : {}) }) : undefined;
      if (check && !check.ok) io.stderr(`glm-migrate: models --check: ${check.reason}; showing the catalog only\n`);
      io.stdout(formatModels(check, Boolean(flags.json)));
    });

  program
    .command("explain")
    .description("print a rule's documentation")
    .argument("<rule>", "rule id, e.g. model-id")
    .action((id: string) => io.stdout(explainRule(RULES, id)));

  program
    .command("init")
    .description("write a commented glm-migrate.config.json to start from")
    .option("--force", "overwrite an existing one")
    .action((flags: { force?: boolean }) => {
      const path = writeInitialConfig(io.cwd, Boolean(flags.force));
      io.stdout(`Wrote ${path}\n`);
    });

  const typo = mistypedCommand(argv, program, io.cwd);
  if (typo) {
    io.stderr(`glm-migrate: ${typo}\n`);
    return 2;
  }
  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCodeValue;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.stderr(`glm-migrate: ${error.message}\n`);
      return 2;
    }
    io.stderr(`glm-migrate: internal error: ${(error as Error)?.message ?? String(error)}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    else io.stderr("Run again with --debug for a stack trace.\n");
    return 2;
  }
}

/**
 * `lint` is the default command, so a mistyped command (`lnit`) would be read as a path to lint.
 * When the first argument is no command and no path that exists but is close to a command's
 * name, say so, as git does, rather than report a missing file.
 */
function mistypedCommand(argv: readonly string[], program: Command, cwd: string): string | undefined {
  const first = argv[0];
  if (first === undefined || first.startsWith("-") || /[*?[\]{}!/\\.]/.test(first)) return undefined;
  const names = program.commands.flatMap((command) => [command.name(), ...command.aliases()]);
  if (names.includes(first) || existsSync(resolve(cwd, first))) return undefined;
  const hint = didYouMeanAny(first, names);
  return hint ? `\`${first}\` is no command, and no file or folder either${hint}` : undefined;
}

export function readStdinFully(): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on("data", (chunk: Buffer) => chunks.push(chunk));
    process.stdin.on("end", () => resolvePromise(Buffer.concat(chunks).toString("utf8")));
    process.stdin.on("error", reject);
  });
}

