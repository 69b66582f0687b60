import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, tempDir } from "./helpers/cli.js";

const BAD = 'MODEL = "zai-glm-4.6"\n';

function gitRepo(files: Record<string, string>): string {
  const dir = tempDir("glm-git-");
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, stdio: "pipe" });
  git("init", "-q");
  git("config", "user.email", "test@example.com");
  git("config", "user.name", "test");
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  git("add", ".");
  git("commit", "-qm", "start");
  return dir;
}

describe("--stdin", () => {
  it("lints standard input as the named file", () => {
    const { code, stdout } = cli(["lint", "--stdin", "--stdin-filename", "app/settings.py", "--format", "json"], { input: BAD });
    expect(code).toBe(1);
    const [result] = JSON.parse(stdout);
    expect(result.filePath.endsWith("app/settings.py")).toBe(true);
    expect(result.messages[0]).toMatchObject({ ruleId: "model-id", line: 1, column: 9 });
  });

  it("fix prints the fixed text", () => {
    const { code, stdout } = cli(["fix", "--stdin", "--stdin-filename", "settings.py"], { input: BAD });
    expect(code).toBe(0);
    expect(stdout).toBe('MODEL = "zai-glm-4.7"\n');
  });

  it("needs --stdin-filename", () => {
    const { code, stderr } = cli(["lint", "--stdin"], { input: BAD });
    expect(code).toBe(2);
    expect(stderr).toContain("--stdin needs --stdin-filename");
  });
});

describe("--changed", () => {
  it("lints only what changed against a ref, and succeeds when nothing did", () => {
    const dir = gitRepo({ "old.py": BAD, "other.py": BAD });
    expect(cli(["lint", "--changed"], { cwd: dir })).toMatchObject({ code: 0 });
    writeFileSync(join(dir, "new.py"), BAD);
    writeFileSync(join(dir, "other.py"), `${BAD}# touched\n`);
    const { code, stdout } = cli(["lint", "--changed", "--format", "json"], { cwd: dir });
    expect(code).toBe(1);
    const files = JSON.parse(stdout).map((result: { filePath: string }) => result.filePath.slice(dir.length + 1)).sort();
    expect(files).toEqual(["new.py", "other.py"]);
  });

  it("finds the work tree from the paths given, not the current folder", () => {
    const dir = gitRepo({ "old.py": BAD });
    writeFileSync(join(dir, "new.py"), BAD);
    const elsewhere = tempDir();
    const { code, stdout } = cli(["lint", "--changed", "--format", "json", dir], { cwd: elsewhere });
    expect(code).toBe(1);
    expect(JSON.parse(stdout).map((result: { filePath: string }) => result.filePath)).toEqual([join(dir, "new.py")]);
    expect(cli(["lint", "--changed", "."], { cwd: elsewhere })).toMatchObject({ code: 2, stderr: "glm-migrate: --changed: not in a git work tree\n" });
    expect(cli(["lint", "--changed", "--since", "nope", dir], { cwd: elsewhere })).toMatchObject({ code: 2, stderr: `glm-migrate: --changed: \`nope\` is not a ref in ${dir}\n` });
  });
});

describe("fix in a git work tree", () => {
  const FIXED = 'MODEL = "zai-glm-4.7"\n';
  const DIRTY = 'MODEL = "zai-glm-4.6"\nFALLBACK_MODEL = "zai-glm-4.6"\n';

  function dirtyTree(): string {
    const dir = gitRepo({ "clean.py": BAD, "dirty.py": "X = 1\n" });
    writeFileSync(join(dir, "dirty.py"), DIRTY);
    return dir;
  }

  it("leaves files with uncommitted changes alone unless --allow-dirty", () => {
    const dir = dirtyTree();
    const { code, stdout } = cli(["fix", "."], { cwd: dir });
    expect(code).toBe(1);
    expect(readFileSync(join(dir, "clean.py"), "utf8")).toBe(FIXED);
    expect(readFileSync(join(dir, "dirty.py"), "utf8")).toBe(DIRTY);
    expect(cli(["fix", "--allow-dirty", "."], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, "dirty.py"), "utf8")).not.toContain("zai-glm-4.6");
  });

  it("reports a skipped file's real findings and says once why they were not written", () => {
    const dir = dirtyTree();
    // The findings fix reports for the dirty file are exactly those lint reports for it.
    const linted = JSON.parse(cli(["lint", "--format", "json", "dirty.py"], { cwd: dir }).stdout)[0];
    expect(linted.messages.length).toBe(2);
    const fixed = cli(["fix", "--format", "json", "."], { cwd: dir });
    const dirty = JSON.parse(fixed.stdout).find((file: { filePath: string }) => file.filePath.endsWith("dirty.py"));
    expect(dirty.messages).toEqual(linted.messages);
    expect(fixed.stderr).toBe("glm-migrate: not fixed: 1 file with uncommitted changes (commit or stash them, or pass --allow-dirty).\n");

    const { stdout } = cli(["fix", "."], { cwd: dirtyTree() });
    expect(stdout).not.toContain("fixes not written");
    expect(stdout).toMatch(/^dirty\.py \(skipped\)\n {2}1:9 .* \[fix\] {2}model-id\n {2}2:18 .* \[fix\] {2}model-id\n/m);
    expect(stdout.match(/uncommitted changes/g)).toHaveLength(1);
    expect(stdout).toContain("Not fixed: 1 file with uncommitted changes (commit or stash them, or pass --allow-dirty).\n");
    expect(stdout).toContain("Fixed 1 problem in 1 file.\n");
  });

  it("fix --dry-run shows what fix would do: no diff and no count for a skipped file", () => {
    const dir = dirtyTree();
    const { code, stdout } = cli(["fix", "--dry-run", "."], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toContain("--- a/clean.py\n+++ b/clean.py\n");
    expect(stdout).not.toContain("a/dirty.py");
    expect(stdout).toMatch(/^dirty\.py \(skipped\)\n/m);
    expect(stdout).toContain("Would fix 1 problem in 1 file.\n");
    expect(stdout).toContain("Would not fix: 1 file with uncommitted changes (commit or stash them, or pass --allow-dirty).\n");
    // And fix then does just that.
    const run = cli(["fix", "."], { cwd: dir });
    expect(run.stdout).toContain("Fixed 1 problem in 1 file.\n");
    expect(readFileSync(join(dir, "dirty.py"), "utf8")).toBe(DIRTY);
  });

  it("finds the work tree from the paths given, wherever the command runs", () => {
    const dir = dirtyTree();
    const elsewhere = tempDir();
    const { stdout } = cli(["fix", join(dir, "dirty.py"), join(dir, "clean.py")], { cwd: elsewhere });
    expect(stdout).toContain("Not fixed: 1 file with uncommitted changes");
    expect(readFileSync(join(dir, "dirty.py"), "utf8")).toBe(DIRTY);
    expect(readFileSync(join(dir, "clean.py"), "utf8")).toBe(FIXED);
  });
});

describe("fix --dry-run", () => {
  it("prints unified diffs and writes nothing", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a.py"), BAD);
    const { code, stdout } = cli(["fix", "--dry-run", "."], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toContain('--- a/a.py\n+++ b/a.py\n@@ -1,1 +1,1 @@\n-MODEL = "zai-glm-4.6"\n+MODEL = "zai-glm-4.7"\n');
    expect(readFileSync(join(dir, "a.py"), "utf8")).toBe(BAD);
  });
});

describe("fix --interactive", () => {
  it("asks before each fix: no, then yes", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a.py"), 'A_MODEL = "zai-glm-4.6"\nB_MODEL = "zai-glm-4.6"\n');
    const { stdout } = cli(["fix", "--interactive", "a.py"], { cwd: dir, input: "n\ny\n" });
    expect(stdout.match(/Apply this fix\? \[y\]es, \[n\]o, \[a\]ll remaining, \[q\]uit: /g)).toHaveLength(2);
    expect(readFileSync(join(dir, "a.py"), "utf8")).toBe('A_MODEL = "zai-glm-4.6"\nB_MODEL = "zai-glm-4.7"\n');
  });

  it("q stops asking and applies nothing more", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a.py"), 'A_MODEL = "zai-glm-4.6"\nB_MODEL = "zai-glm-4.6"\n');
    cli(["fix", "--interactive", "a.py"], { cwd: dir, input: "y\nq\n" });
    expect(readFileSync(join(dir, "a.py"), "utf8")).toBe('A_MODEL = "zai-glm-4.7"\nB_MODEL = "zai-glm-4.6"\n');
  });
});

describe("file lists from hooks", () => {
  it("keeps excluded files excluded, and zero matching files is a success", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "glm-migrate.config.json"), JSON.stringify({ exclude: ["generated/**"] }));
    execFileSync("mkdir", ["-p", join(dir, "generated")]);
    writeFileSync(join(dir, "generated", "client.py"), BAD);
    const { code, stdout } = cli(["lint", "generated/client.py"], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain("No problems found (0 files checked");
  });
});
