import { spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, tempDir } from "./helpers/cli.js";

const OLD = 'MODEL = "zai-glm-4.6"\n';
const NEW = 'MODEL = "zai-glm-4.7"\n';
/** Enough text per file that a torn write would show. */
const BODY = `${"# padding line that makes each file several kilobytes long\n".repeat(80)}`;

function tree(count: number): string {
  const dir = tempDir("glm-atomic-");
  for (let index = 0; index < count; index++) writeFileSync(join(dir, `m${String(index).padStart(4, "0")}.py`), OLD + BODY);
  return dir;
}

function run(dir: string): { child: ReturnType<typeof spawn>; done: Promise<number | null> } {
  const child = spawn(process.execPath, [BIN, "fix", "."], { cwd: dir, stdio: "ignore" });
  const done = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, done };
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
    // Wait until the run has written some files, then kill it without warning.
    for (let waited = 0; waited < 60_000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const written = readdirSync(dir).filter((name) => name.endsWith(".py")).slice(0, 200);
      if (written.some((name) => readFileSync(join(dir, name), "utf8").startsWith(NEW))) break;
    }
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
