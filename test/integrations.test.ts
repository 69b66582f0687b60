import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { hookFilesPattern, lintStagedGlob } from "../src/languages/index.js";
import { BIN, ROOT, tempDir } from "./helpers/cli.js";
import { committedSnapshot } from "./helpers/snapshot.js";

const BAD = 'MODEL = "zai-glm-4.6"\n';

function repo(): { dir: string; git: (...args: string[]) => ReturnType<typeof spawnSync> } {
  const dir = tempDir("glm-hook-");
  const git = (...args: string[]) => spawnSync("git", args, { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  git("init", "-q");
  git("config", "user.email", "test@example.com");
  git("config", "user.name", "test");
  return { dir, git };
}

/** Debian's pre-commit, installed on first need (CI runs as root on Debian, lists maybe unfetched). */
function ensurePreCommit(): void {
  if (spawnSync("pre-commit", ["--version"]).status === 0) return;
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const install = () => spawnSync("apt-get", ["install", "-y", "-q", "pre-commit"], { stdio: "ignore", env }).status;
  if (install() === 0) return;
  execFileSync("apt-get", ["update", "-q"], { stdio: "ignore", env });
  if (install() !== 0) throw new Error("could not install Debian's pre-commit package (apt-get install pre-commit)");
}

/**
 * The hook repository (this tree, committed) and pre-commit's cache, shared by the tests of this
 * file so the hook's Node environment is installed once.
 */
let hookSource: { dir: string; rev: string; home: string } | undefined;
function preCommitSetup(): { dir: string; rev: string; home: string } {
  ensurePreCommit();
  hookSource ??= { ...committedSnapshot(), home: tempDir("glm-pre-commit-home-") };
  return hookSource;
}

describe("pre-commit", () => {
  it("blocks a commit with a retired model ID, and lets it through after glm-migrate-fix", () => {
    const snapshot = preCommitSetup();
    const { dir, git } = repo();
    const config = (hook: string) =>
      `repos:\n  - repo: ${snapshot.dir}\n    rev: ${snapshot.rev}\n    hooks:\n      - id: ${hook}\n`;
    const env = { ...process.env, PRE_COMMIT_HOME: snapshot.home, NO_COLOR: "1" };
    writeFileSync(join(dir, ".pre-commit-config.yaml"), config("glm-migrate"));
    writeFileSync(join(dir, "app.py"), BAD);
    git("add", ".");
    const blocked = spawnSync("pre-commit", ["run"], { cwd: dir, encoding: "utf8", env });
    expect(blocked.status).toBe(1);
    expect(blocked.stdout).toContain("`zai-glm-4.6` was deprecated by Cerebras");
    expect(blocked.stdout).toContain("model-id");

    writeFileSync(join(dir, ".pre-commit-config.yaml"), config("glm-migrate-fix") + "      - id: glm-migrate\n");
    git("add", ".");
    // The fix hook rewrites the file and fails the first run (files changed), as formatters do.
    const fixing = spawnSync("pre-commit", ["run"], { cwd: dir, encoding: "utf8", env });
    expect(fixing.status).toBe(1);
    expect(readFileSync(join(dir, "app.py"), "utf8")).toBe('MODEL = "zai-glm-4.7"\n');
    git("add", ".");
    const commit = spawnSync("git", ["commit", "-qm", "migrate"], { cwd: dir, encoding: "utf8", env });
    expect(commit.status).toBe(0);
  }, 600_000);

  it("checks staged Markdown, shell, notebook, .env, YAML and .mts files", () => {
    const snapshot = preCommitSetup();
    const { dir, git } = repo();
    const env = { ...process.env, PRE_COMMIT_HOME: snapshot.home, NO_COLOR: "1" };
    writeFileSync(join(dir, ".pre-commit-config.yaml"), `repos:\n  - repo: ${snapshot.dir}\n    rev: ${snapshot.rev}\n    hooks:\n      - id: glm-migrate\n`);
    stageKinds(dir, git);
    const blocked = spawnSync("pre-commit", ["run"], { cwd: dir, encoding: "utf8", env });
    expect(blocked.stdout).not.toContain("no files to check");
    expect(blocked.status).toBe(1);
    for (const name of Object.keys(KINDS)) expect(blocked.stdout).toContain(`\n${name}\n`);
  }, 600_000);
});

/** One staged file of each kind pre-commit's type tags miss or mislabel, each with a finding. */
const KINDS: Record<string, string> = {
  "README.md": "# App\n\n```python\nclient.chat.completions.create(model=\"zai-glm-4.6\", messages=[])\n```\n",
  "run.sh": "curl https://api.cerebras.ai/v1/chat/completions -d '{\"model\": \"zai-glm-4.6\", \"messages\": []}'\n",
  "agent.ipynb": `${JSON.stringify({
    cells: [{ cell_type: "code", metadata: {}, outputs: [], source: ['MODEL = "zai-glm-4.6"\n'] }],
    metadata: { language_info: { name: "python" } },
    nbformat: 4,
    nbformat_minor: 5,
  }, null, 1)}\n`,
  ".env": "CEREBRAS_MODEL=zai-glm-4.6\n",
  "deploy/values.yaml": "llm:\n  model: zai-glm-4.6\n",
  "web/chat.mts": 'export const MODEL = "zai-glm-4.6";\n',
};

function stageKinds(dir: string, git: (...args: string[]) => unknown): void {
  for (const [name, text] of Object.entries(KINDS)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  git("add", ".");
}

describe("hook file patterns", () => {
  it("the committed .pre-commit-hooks.yaml filters with the pattern built from the tool's file kinds", () => {
    const hooks = parse(readFileSync(join(ROOT, ".pre-commit-hooks.yaml"), "utf8")) as { files?: string; types_or?: unknown }[];
    expect(hooks.length).toBe(2);
    for (const hook of hooks) {
      expect(hook.files).toBe(hookFilesPattern());
      expect(hook.types_or).toBeUndefined();
    }
  });

  it("README's lint-staged recipe uses the glob built from the tool's file kinds", () => {
    expect(readmeLintStagedGlob()).toBe(lintStagedGlob());
  });
});

/** The glob of README's lint-staged recipe, as a user copies it. */
function readmeLintStagedGlob(): string {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const block = /"lint-staged": \{\n\s*("[^"]+"): "glm-migrate fix --allow-dirty"/.exec(readme);
  if (!block) throw new Error("README has no lint-staged recipe");
  return JSON.parse(block[1]!) as string;
}

describe("lint-staged", () => {
  it("runs on staged files as the README recipe says, and fixes them", () => {
    const { dir, git } = repo();
    mkdirSync(join(dir, "node_modules", ".bin"), { recursive: true });
    symlinkSync(BIN, join(dir, "node_modules", ".bin", "glm-migrate"));
    writeFileSync(join(dir, ".gitignore"), "node_modules/\n");
    const recipe = (command: string) => JSON.stringify({ name: "app", private: true, "lint-staged": { [readmeLintStagedGlob()]: command } });
    writeFileSync(join(dir, "package.json"), recipe("glm-migrate lint"));
    writeFileSync(join(dir, "app.py"), BAD);
    writeFileSync(join(dir, "notes.txt"), "zai-glm-4.6\n");
    git("add", ".");
    const lintStaged = join(ROOT, "node_modules", ".bin", "lint-staged");
    const blocked = spawnSync(lintStaged, [], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" } });
    expect(blocked.status).toBe(1);
    expect(blocked.stdout + blocked.stderr).toContain("`zai-glm-4.6` was deprecated by Cerebras");

    writeFileSync(join(dir, "package.json"), recipe("glm-migrate fix --allow-dirty"));
    git("add", "package.json");
    const fixed = spawnSync(lintStaged, [], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" } });
    expect(fixed.status).toBe(0);
    // lint-staged stages what the fix changed.
    expect(String(git("show", ":app.py").stdout)).toBe('MODEL = "zai-glm-4.7"\n');
  }, 120_000);

  it("the README glob passes staged Markdown, shell, notebook, .env, YAML and .mts files", () => {
    const { dir, git } = repo();
    mkdirSync(join(dir, "node_modules", ".bin"), { recursive: true });
    symlinkSync(BIN, join(dir, "node_modules", ".bin", "glm-migrate"));
    writeFileSync(join(dir, ".gitignore"), "node_modules/\n");
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "app", private: true, "lint-staged": { [readmeLintStagedGlob()]: "glm-migrate lint" } }));
    writeFileSync(join(dir, ".env.local"), "MODEL=zai-glm-4.6\n");
    stageKinds(dir, git);
    const lintStaged = join(ROOT, "node_modules", ".bin", "lint-staged");
    const blocked = spawnSync(lintStaged, [], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" } });
    expect(blocked.status).toBe(1);
    for (const name of [...Object.keys(KINDS), ".env.local"]) expect(blocked.stdout + blocked.stderr).toContain(`\n${name}\n`);
  }, 120_000);
});

/** The shell blocks of README's "Use it on your code", in order: what a user copies. */
function readmeRunRecipes(): string[][] {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = /\n## Use it on your code\n([\s\S]*?)\n## /.exec(readme)?.[1];
  if (!section) throw new Error("README has no \"Use it on your code\" section");
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((block) => block[1]!.split("\n").filter((line) => line.trim() !== ""));
}

describe("running it before it is published (README's commands, as written)", () => {
  it("from a clone: its binary, a global link, a packed tarball with npx, and the tarball as a devDependency", () => {
    const [clone, ways, install, codemod] = readmeRunRecipes();
    expect(clone).toEqual(["git clone <this repository's URL> ~/glm-migrate && (cd ~/glm-migrate && npm ci)"]);
    // The clone, after `npm ci`: this tree (committed or not) with its dependencies and build.
    const home = tempDir("glm-home-");
    const snapshot = committedSnapshot();
    cpSync(snapshot.dir, join(home, "glm-migrate"), { recursive: true });
    symlinkSync(join(ROOT, "node_modules"), join(home, "glm-migrate", "node_modules"));
    cpSync(join(ROOT, "dist"), join(home, "glm-migrate", "dist"), { recursive: true });

    const project = join(home, "project");
    cpSync(join(ROOT, "fixtures", "demo"), project, { recursive: true });
    const llm = join(project, "service", "app", "llm.py");
    const before = readFileSync(llm, "utf8");
    const env = {
      ...process.env,
      HOME: home,
      PATH: `${join(home, ".npm-global", "bin")}:${process.env.PATH}`,
      npm_config_prefix: join(home, ".npm-global"),
      // The machine's npm settings and cache, which a changed HOME would hide.
      npm_config_userconfig: join(process.env.HOME ?? "/root", ".npmrc"),
      npm_config_cache: join(process.env.HOME ?? "/root", ".npm"),
      NO_COLOR: "1",
    };
    const run = (line: string) => {
      const result = spawnSync("bash", ["-c", line], { cwd: project, encoding: "utf8", env });
      const output = `${line}\n${result.stdout}${result.stderr}`;
      expect(output).not.toMatch(/E404|command not found|internal error|npm error/);
      // fix --dry-run exits 1 when something would change, as `lint` does when problems remain.
      expect([0, 1], output).toContain(result.status);
      return result;
    };

    for (const line of ways!) {
      const result = run(line);
      expect(result.stdout, line).toContain("service/app/llm.py");
      expect(result.stdout, line).toMatch(/Would fix \d+ problems in \d+ files\./);
      expect(readFileSync(llm, "utf8"), line).toBe(before);
    }
    const tarball = readdirSync(home).find((name) => name.endsWith(".tgz"));
    const listing = execFileSync("tar", ["-tzf", join(home, tarball!)], { encoding: "utf8" });
    expect(listing).toContain("package/dist/wasm/tree-sitter-python.wasm");
    expect(listing).toContain("package/dist/src/cli/main.js");
    expect(listing).toContain("package/schema.json");
    expect(listing).not.toContain("package/test/");
    expect(listing).not.toContain("package/src/");

    for (const line of install!) run(line);
    expect(readFileSync(join(project, "node_modules", "glm-migrate", "package.json"), "utf8")).toContain('"name": "glm-migrate"');
    const config = readFileSync(join(project, "glm-migrate.config.json"), "utf8");
    expect(config).toContain('"$schema": "./node_modules/glm-migrate/schema.json"');

    for (const line of codemod!) run(line);
    expect(readFileSync(llm, "utf8")).toContain('model="zai-glm-4.7"');
  }, 600_000);
});

describe("GitHub Action", () => {
  it("is a composite action that lints with annotations or SARIF", () => {
    const action = parse(readFileSync(join(ROOT, "action.yml"), "utf8"));
    expect(action.runs.using).toBe("composite");
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(["paths", "format", "sarif-file", "upload-sarif", "args"]));
    const script = action.runs.steps.map((step: { run?: string }) => step.run ?? "").join("\n");
    expect(script).toContain("--format github");
    expect(script).toContain("--format sarif --output-file");
    expect(action.runs.steps.some((step: { uses?: string }) => step.uses?.startsWith("github/codeql-action/upload-sarif"))).toBe(true);
  });
});
