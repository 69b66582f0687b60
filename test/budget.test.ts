import { spawn } from "node:child_process";
import { cpSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, ROOT, tempDir } from "./helpers/cli.js";

const BAD = 'from openai import OpenAI\nclient = OpenAI(base_url="https://api.cerebras.ai/v1")\nr = client.chat.completions.create(model="zai-glm-4.6", messages=[], max_tokens=10)\n';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  seconds: number;
}

/** The CLI, run without waiting on the test's thread, so several stalled runs can share the wait. */
function run(args: readonly string[], cwd: string, stall?: string, input = ""): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "", ...(stall ? { GLM_MIGRATE_TEST_STALL: stall } : {}) },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end(input);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr, seconds: (performance.now() - started) / 1000 }));
  });
}

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; message: string; fatal?: boolean }[];
}

function messagesOf(stdout: string, name: string): string {
  const results = JSON.parse(stdout) as JsonResult[];
  return results.find((result) => result.filePath.endsWith(name))?.messages.map((message) => message.message).join(" | ") ?? "(no result)";
}

/** A folder with a file the hook stalls (slow.py) and one it does not (ok.py). */
function project(): string {
  const dir = tempDir("glm-budget-");
  writeFileSync(join(dir, "slow.py"), BAD);
  writeFileSync(join(dir, "ok.py"), BAD);
  return dir;
}

const OVER = /^took longer than 2s to analyse; skipped \(raise --file-timeout to allow more\)$/;

// The hook blocks the thread outright (no clock, no event loop), so only a limit enforced from
// outside the analysing code can end it. The runs wait side by side, not one after another.
describe("the per-file time limit holds in every phase", () => {
  it("lint: a file stuck in reading, parsing, linking, the rules or the suppressions is reported, and the others are checked", async () => {
    const phases = ["read", "parse", "link", "rules", "suppressions"];
    const runs = await Promise.all(phases.map((phase) => run(["lint", "--format", "json", "--file-timeout", "2", "."], project(), `${phase}:slow.py`)));
    runs.forEach((result, index) => {
      expect({ phase: phases[index], code: result.code }).toEqual({ phase: phases[index], code: 1 });
      expect(messagesOf(result.stdout, "slow.py")).toMatch(OVER);
      expect(messagesOf(result.stdout, "ok.py")).toContain("zai-glm-4.6");
      expect(result.seconds).toBeLessThan(20);
    });
  });

  it("fix: a file stuck in the fix loop, its re-parse or before its write is not written, and the others are fixed", async () => {
    const phases = ["fix", "reparse", "read"];
    const dirs = phases.map(() => project());
    const runs = await Promise.all(dirs.map((dir, index) => run(["fix", "--format", "json", "--file-timeout", "2", "."], dir, `${phases[index]}:slow.py`)));
    runs.forEach((result, index) => {
      expect({ phase: phases[index], code: result.code }).toEqual({ phase: phases[index], code: 1 });
      expect(messagesOf(result.stdout, "slow.py")).toMatch(OVER);
      expect(readFileSync(join(dirs[index]!, "slow.py"), "utf8")).toBe(BAD);
      expect(readFileSync(join(dirs[index]!, "ok.py"), "utf8")).toContain("zai-glm-4.7");
      // Nothing half-written is left behind either.
      expect(readdirSync(dirs[index]!).sort()).toEqual(["ok.py", "slow.py"]);
    });
  });

  it("a write that hangs is stopped and reported; the file keeps its old text", async () => {
    const dir = project();
    const result = await run(["fix", "--format", "json", "--file-timeout", "2", "."], dir, "write:slow.py");
    expect(result.code).toBe(1);
    expect(messagesOf(result.stdout, "slow.py")).toMatch(/^writing the fixes took longer than 2s and was stopped/);
    expect(readFileSync(join(dir, "slow.py"), "utf8")).toBe(BAD);
    expect(readFileSync(join(dir, "ok.py"), "utf8")).toContain("zai-glm-4.7");
  });

  it("the second pass (a definition checked again for its uses elsewhere) is bounded too", async () => {
    const dir = tempDir("glm-budget-");
    cpSync(join(ROOT, "fixtures", "projects", "python-package"), dir, { recursive: true });
    const result = await run(["lint", "--format", "json", "--file-timeout", "2", "."], dir, "second:config.py");
    expect(result.code).toBe(1);
    expect(messagesOf(result.stdout, "app/config.py")).toMatch(OVER);
    expect(messagesOf(result.stdout, "app/chat.py")).not.toBe("(no result)");
  });

  it("fix --interactive: a file stuck after its questions is not written, and the others are fixed as answered", async () => {
    const phases = ["fix", "reparse"];
    const dirs = phases.map(() => project());
    const answers = "y\n".repeat(10);
    const runs = await Promise.all(dirs.map((dir, index) => run(["fix", "--interactive", "--allow-dirty", "--file-timeout", "2", "."], dir, `${phases[index]}:slow.py`, answers)));
    runs.forEach((result, index) => {
      expect({ phase: phases[index], code: result.code }).toEqual({ phase: phases[index], code: 1 });
      expect(result.stdout).toContain("Apply this fix?");
      expect(result.stdout).toMatch(/slow\.py\n\s+1:1\s+error\s+took longer than 2s to analyse; skipped/);
      expect(readFileSync(join(dirs[index]!, "slow.py"), "utf8")).toBe(BAD);
      expect(readFileSync(join(dirs[index]!, "ok.py"), "utf8")).toContain("zai-glm-4.7");
      expect(result.seconds).toBeLessThan(20);
    });
  });

  it("--stdin: lint and fix of a text stuck in parsing or the rules report it over budget; fix gives the text back unchanged", async () => {
    const dir = tempDir("glm-budget-");
    const [linted, fixed] = await Promise.all([
      run(["lint", "--stdin", "--stdin-filename", "slow.py", "--format", "json", "--file-timeout", "2"], dir, "parse:slow.py", BAD),
      run(["fix", "--stdin", "--stdin-filename", "slow.py", "--file-timeout", "2"], dir, "rules:slow.py", BAD),
    ]);
    expect(linted.code).toBe(1);
    expect(messagesOf(linted.stdout, "slow.py")).toMatch(OVER);
    expect(fixed.code).toBe(1);
    expect(fixed.stdout).toBe(BAD);
    expect(fixed.stderr).toContain("took longer than 2s to analyse; skipped");
    for (const result of [linted, fixed]) expect(result.seconds).toBeLessThan(20);
  });

  it("without a hook, nothing is reported over budget, and a file nested too deeply is still named", async () => {
    const dir = project();
    writeFileSync(join(dir, "deep.py"), `${BAD}x = ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`);
    const result = await run(["lint", "--format", "json", "--file-timeout", "20", "."], dir);
    expect(result.code).toBe(1);
    expect(messagesOf(result.stdout, "slow.py")).toContain("zai-glm-4.6");
    expect(messagesOf(result.stdout, "deep.py")).toBe("nested too deeply for glm-migrate to read; skipped");
  });
});
