import { readStdinFully, run, SIGNAL_EXIT, type StopSignal } from "./program.js";

process.exitCode = await run(process.argv.slice(2), {
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
