/**
 * A test hook: `GLM_MIGRATE_TEST_STALL=<phase>:<name>` blocks the thread, without ever returning
 * to the event loop or looking at a clock, when a file whose path ends with <name> reaches the
 * phase. The budget tests use it to show that the per-file time limit holds whatever code a file
 * is stuck in. Phases: read, parse, link, rules, suppressions, fix, reparse, second, write.
 */
const hook = process.env.GLM_MIGRATE_TEST_STALL;
const [stallPhase, stallName] = hook ? [hook.slice(0, hook.indexOf(":")), hook.slice(hook.indexOf(":") + 1)] : [];

export function stallPoint(phase: string, path: string): void {
  if (phase !== stallPhase || !stallName || !path.endsWith(stallName)) return;
  // Atomics.wait blocks the thread outright: no timer, promise or check can run meanwhile.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10 * 60_000);
}
