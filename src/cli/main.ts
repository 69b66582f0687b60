import { prestartWorker, type Warm } from "../engine/prestart.js";
import type { StopSignal } from "./program.js";

const args = process.argv.slice(2);

/**
 * Whether this command will analyse files in a worker thread (lint and fix with a time limit,
 * from files or standard input), and which parsers the files it names need. A
 * wrong guess costs little: an unused worker ends with the process, a missing one is started later.
 */
function analysing(): Warm[] | undefined {
  const command = args.find((arg) => !arg.startsWith("-"));
  if (command === "rules" || command === "explain" || command === "init" || command === "help") return undefined;
  const noTimeout = args.some((arg, index) => arg === "--file-timeout=0" || (arg === "--file-timeout" && Number(args[index + 1]) === 0));
  const other = ["--help", "-h", "--version", "-V", "--print-config"];
  if (noTimeout || args.some((arg) => other.includes(arg))) return undefined;
  const warm = new Set<Warm>();
  for (const arg of args) {
    if (/\.pyi?$/i.test(arg)) warm.add("python");
    else if (/\.[cm]?[jt]sx?$/i.test(arg)) warm.add("script");
  }
  return [...warm];
}

const warm = analysing();
if (warm) prestartWorker(warm);

const { readStdinFully, run, SIGNAL_EXIT } = await import("./program.js");
process.exitCode = await run(args, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  cwd: process.cwd(),
  env: process.env,
  readStdin: readStdinFully,
  catchSignals: (handler) => {
    // A second signal means "now": stop at once, as people expect of a second Ctrl-C. A temporary
    // file left then is removed by the next `fix`, which sees its writer is gone.
    let caught = 0;
    const on = (signal: StopSignal): void => {
      if (++caught > 1) process.exit(SIGNAL_EXIT[signal]);
      handler(signal);
    };
    process.on("SIGINT", on);
    process.on("SIGTERM", on);
    return () => {
      process.off("SIGINT", on);
      process.off("SIGTERM", on);
    };
  },
});
