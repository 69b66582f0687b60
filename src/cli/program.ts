import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { RULES } from "../../rules/index.js";
import { fix, lint, type FixOptions, type RunResult } from "../engine/run.js";
import { formatJson } from "../report/json.js";
import { formatStylish } from "../report/stylish.js";
import { UsageError } from "./errors.js";
import { explainRule, listRules } from "./rules-command.js";
import { VERSION } from "../version.js";

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  isTTY: boolean;
  cwd: string;
  env: NodeJS.ProcessEnv;
}


interface CommonFlags {
  format: string;
  gitignore: boolean;
  debug?: boolean;
  targetModel?: string;
  reasoningOff?: "reasoning_effort" | "disable_reasoning";
  color?: boolean;
  reportUnusedSuppressions?: boolean;
  preset?: string[];
}

const FORMATS = ["stylish", "json"] as const;
const PRESETS = ["best-practices"];

function addCommonOptions(command: Command): Command {
  return command
    .addOption(new Option("-f, --format <name>", "output format").choices(FORMATS).default("stylish"))
    .option("--no-gitignore", "also read files that .gitignore excludes")
    .option("--target-model <id>", "the model to migrate to", "zai-glm-4.7")
    .addOption(
      new Option("--reasoning-off <form>", "how reasoning is turned off").choices(["reasoning_effort", "disable_reasoning"]),
    )
    .option("--report-unused-suppressions", "report glm-migrate-ignore comments that silence nothing")
    .addOption(
      new Option("--preset <name>", "turn on a preset of rules (repeatable): best-practices").argParser((value: string, previous: string[] = []) => {
        if (!PRESETS.includes(value)) throw new InvalidArgumentError(`Allowed choices are ${PRESETS.join(", ")}.`);
        return [...previous, value];
      }),
    )
    .option("--no-color", "never colour the output")
    .option("--debug", "print stack traces for internal errors");
}

function useColor(flags: CommonFlags, io: Io): boolean {
  if (flags.color === false || io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== "0") return true;
  return io.isTTY;
}

function report(result: RunResult, flags: CommonFlags, io: Io, mode: "lint" | "fix" | "dry-run"): number {
  if (result.missing.length > 0) {
    throw new UsageError(`no files match ${result.missing.map((path) => `\`${path}\``).join(", ")}`);
  }
  const output =
    flags.format === "json"
      ? `${formatJson(result)}\n`
      : formatStylish(result, { cwd: io.cwd, color: useColor(flags, io), mode });
  io.stdout(output);
  if (result.internalErrors > 0) return 2;
  const errors = result.results.reduce((sum, file) => sum + file.errorCount, 0);
  if (mode === "dry-run" && result.results.some((file) => file.output !== undefined)) return 1;
  return errors > 0 ? 1 : 0;
}

function options(paths: string[], flags: CommonFlags, io: Io): FixOptions {
  return {
    paths,
    cwd: io.cwd,
    gitignore: flags.gitignore,
    reportUnusedSuppressions: Boolean(flags.reportUnusedSuppressions),
    ...(flags.preset ? { presets: flags.preset } : {}),
    target: {
      ...(flags.targetModel ? { model: flags.targetModel } : {}),
      ...(flags.reasoningOff ? { reasoningOff: flags.reasoningOff } : {}),
    },
  };
}

export async function run(argv: readonly string[], io: Io): Promise<number> {
  let exitCode = 0;
  let debug = argv.includes("--debug");
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
    debug = Boolean(flags.debug);
    exitCode = report(await lint(options(paths, flags, io)), flags, io, "lint");
  });

  addCommonOptions(
    program
      .command("fix")
      .description("apply safe fixes in place, then report what remains")
      .argument("[paths...]", "files, folders or quoted globs", [])
      .option("--unsafe-fixes", "also apply fixes that change behaviour; review them")
      .option("--dry-run", "compute fixes and print a summary; write nothing"),
  ).action(async (paths: string[], flags: CommonFlags & { unsafeFixes?: boolean; dryRun?: boolean }) => {
    debug = Boolean(flags.debug);
    const result = await fix({ ...options(paths, flags, io), unsafeFixes: Boolean(flags.unsafeFixes), dryRun: Boolean(flags.dryRun) });
    exitCode = report(result, flags, io, flags.dryRun ? "dry-run" : "fix");
  });

  program
    .command("rules")
    .description("list every rule with its severity, fix safety and whether it is on")
    .action(() => {
      io.stdout(listRules(RULES));
    });

  program
    .command("explain")
    .description("print a rule's documentation")
    .argument("<rule>", "rule id, e.g. model-id")
    .action((id: string) => {
      io.stdout(explainRule(RULES, id));
    });

  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every other parse error is a usage error.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UsageError) {
      io.stderr(`glm-migrate: ${error.message}\n`);
      return 2;
    }
    io.stderr(`glm-migrate: internal error: ${(error as Error)?.message ?? String(error)}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    else io.stderr("Run again with --debug for a stack trace.\n");
    return 2;
  }
}
