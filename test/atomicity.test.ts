import { spawn, spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, cli, tempDir } from "./helpers/cli.js";

const OLD = 'MODEL = "zai-glm-4.6"\n';
const NEW = 'MODEL = "zai-glm-4.7"\n';
/** Enough text per file that a torn write would show. */
const BODY = `${"# padding line that makes each file several kilobytes long\n".repeat(80)}`;

function tree(count: number): string {
  const dir = tempDir("glm-atomic-");
  for (let index = 0; index < count; index++) writeFileSync(join(dir, `m${String(index).padStart(4, "0")}.py`), OLD + BODY);
  return dir;
}

function run(dir: string, ...flags: string[]): { child: ReturnType<typeof spawn>; done: Promise<number | null>; stderr: () => string } {
  const child = spawn(process.execPath, [BIN, "fix", ...flags, "."], { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const done = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  return { child, done, stderr: () => stderr };
}

/** Waits until the run has written some files (it is then mid-run), at most a minute. */
async function someWritten(dir: string): Promise<void> {
  for (let waited = 0; waited < 60_000; waited += 20) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The run goes in path order: the first files tell whether it has begun writing.
    const written = readdirSync(dir).filter((name) => name.endsWith(".py")).sort().slice(0, 200);
    if (written.some((name) => readFileSync(join(dir, name), "utf8").startsWith(NEW))) return;
  }
}

function contents(dir: string): { sources: Map<string, string>; others: string[] } {
  const sources = new Map<string, string>();
  const others: string[] = [];
  for (const name of readdirSync(dir)) {
    if (/^m\d{4}\.py$/.test(name)) sources.set(name, readFileSync(join(dir, name), "utf8"));
    else others.push(name);
  }
  return { sources, others };
}

describe("writes are atomic", () => {
  it("a run killed with SIGKILL mid-fix leaves every file wholly old or wholly new", async () => {
    const dir = tree(1500);
    const { child, done } = run(dir);
    // Once the run has written some files, kill it without warning.
    await someWritten(dir);
    child.kill("SIGKILL");
    await done;
    const { sources, others } = contents(dir);
    expect(sources.size).toBe(1500);
    let fresh = 0;
    for (const text of sources.values()) {
      expect([OLD + BODY, NEW + BODY]).toContain(text);
      if (text === NEW + BODY) fresh++;
    }
    expect(fresh).toBeGreaterThan(0);
    expect(fresh).toBeLessThan(1500);
    // At most the one temporary file being written when the signal came.
    expect(others.every((name) => /^\.m\d{4}\.py\.glm-migrate-\d+-[0-9a-f]+\.tmp$/.test(name))).toBe(true);
    expect(others.length).toBeLessThanOrEqual(1);
  }, 120_000);

  it("two runs at once on one tree corrupt nothing", async () => {
    const dir = tree(400);
    const first = run(dir);
    const second = run(dir);
    await Promise.all([first.done, second.done]);
    const { sources, others } = contents(dir);
    expect(others).toEqual([]);
    for (const text of sources.values()) expect(text).toBe(NEW + BODY);
  }, 120_000);
});

describe("an interrupted fix", () => {
  for (const [signal, code, flags] of [
    ["SIGINT", 130, ["--jobs", "2"]],
    ["SIGTERM", 143, ["--jobs", "1"]],
  ] as const) {
    it(`stops on ${signal} (${flags.join(" ")}): finishes the file in hand, removes its temporary files, says what it wrote, exits ${code}`, async () => {
      const dir = tree(1500);
      const { child, done, stderr } = run(dir, ...flags);
      await someWritten(dir);
      child.kill(signal);
      expect(await done).toBe(code);
      const { sources, others } = contents(dir);
      expect(others).toEqual([]);
      const fresh = [...sources].filter(([, text]) => text === NEW + BODY).map(([name]) => name).sort();
      for (const text of sources.values()) expect([OLD + BODY, NEW + BODY]).toContain(text);
      expect(fresh.length).toBeGreaterThan(0);
      expect(fresh.length).toBeLessThan(1500);
      const lines = stderr().split("\n");
      // One file may be all that was written before the signal (the threads ask leave to write).
      expect(lines[0]).toBe(`glm-migrate: interrupted by ${signal}; wrote fixes to ${fresh.length} file${fresh.length === 1 ? "" : "s"} and left every other file as it was.`);
      // The first files written are named, the rest counted.
      const named = lines.filter((line) => line.startsWith("  wrote ")).map((line) => line.slice("  wrote ".length));
      expect(named).toEqual(fresh.slice(0, 20));
      if (fresh.length > 20) expect(lines).toContain(`  ... and ${fresh.length - 20} more (\`git status\` lists them)`);
    }, 120_000);
  }

  it("fix --interactive interrupted at a question writes nothing more and exits 130", async () => {
    const dir = tree(2);
    const child = spawn(process.execPath, [BIN, "fix", "--interactive", "."], { cwd: dir, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let answered = false;
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const done = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
      const asked = stdout.split("Apply this fix?").length - 1;
      // Yes to the first file's fix; the signal comes while the second question waits.
      if (asked === 1 && !answered) {
        answered = true;
        child.stdin.write("y\n");
      }
      // Once: a second signal would mean "stop at once".
      if (asked === 2 && !child.killed) child.kill("SIGINT");
    });
    expect(await done).toBe(130);
    expect(stderr).toBe("glm-migrate: interrupted by SIGINT; wrote fixes to 1 file and left every other file as it was.\n  wrote m0000.py\n");
    expect(readFileSync(join(dir, "m0000.py"), "utf8")).toBe(NEW + BODY);
    expect(readFileSync(join(dir, "m0001.py"), "utf8")).toBe(OLD + BODY);
    expect(contents(dir).others).toEqual([]);
  });

  it("a later fix removes temporary files whose writer is gone, and keeps those of a live run", () => {
    const dir = tree(3);
    const dead = spawnSync(process.execPath, ["-e", ""]).pid!;
    const stale = `.m0000.py.glm-migrate-${dead}-0123abcd.tmp`;
    // This test's own process stands for a run still writing.
    const live = `.m0001.py.glm-migrate-${process.pid}-4567cdef.tmp`;
    const unrelated = ".m0002.py.tmp";
    for (const name of [stale, live, unrelated]) writeFileSync(join(dir, name), "half-written");
    // lint and fix --dry-run write nothing, temporary files included.
    cli(["lint", "."], { cwd: dir });
    cli(["fix", "--dry-run", "."], { cwd: dir });
    expect(contents(dir).others.sort()).toEqual([stale, live, unrelated].sort());
    const fixed = cli(["fix", "."], { cwd: dir });
    expect(fixed.code).toBe(0);
    expect(fixed.stderr).toBe("glm-migrate: removed 1 temporary file left by an earlier run that was killed\n");
    expect(contents(dir).others.sort()).toEqual([live, unrelated].sort());
  });

  it("so does a fix of files named one by one, as a hook runs it", () => {
    const dir = tree(2);
    const dead = spawnSync(process.execPath, ["-e", ""]).pid!;
    const stale = `.m0001.py.glm-migrate-${dead}-89abcdef.tmp`;
    writeFileSync(join(dir, stale), "half-written");
    const fixed = cli(["fix", "m0000.py"], { cwd: dir });
    expect(fixed.stderr).toBe("glm-migrate: removed 1 temporary file left by an earlier run that was killed\n");
    expect(contents(dir).others).toEqual([]);
  });
});
