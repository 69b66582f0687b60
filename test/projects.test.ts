import { spawnSync } from "node:child_process";
import { cpSync, readdirSync, readFileSync, existsSync, symlinkSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, ROOT, tempDir } from "./helpers/cli.js";
import { expectedFindings, variantPath } from "./helpers/fixtures.js";

/**
 * Projects whose findings depend on more than one file: a client made in one module and called in
 * another, a model ID defined in a config module and used elsewhere. Each file marks its expected
 * findings (`expect: rule-id`) and has its expected fix in a `.fixed` sibling; the built CLI runs
 * on a scratch copy of the whole tree, as users run it.
 */
const PROJECTS = join(ROOT, "fixtures", "projects");
const VARIANT = /\.(fixed|unsafe)\./;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !VARIANT.test(entry.name))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** A copy of the project without its expected outputs, so only the sources are linted. */
function scratchCopy(project: string): string {
  const dir = tempDir("glm-project-");
  cpSync(join(PROJECTS, project), dir, { recursive: true, filter: (source) => !VARIANT.test(source) });
  return dir;
}

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; message: string }[];
}

describe.each(readdirSync(PROJECTS).sort())("project %s", (project) => {
  const files = sourceFiles(join(PROJECTS, project));

  it("reports exactly the marked lines, across modules", () => {
    const dir = scratchCopy(project);
    const run = cli(["lint", "--format", "json", "."], { cwd: dir });
    expect(run.stderr).toBe("");
    const results = JSON.parse(run.stdout) as JsonResult[];
    for (const file of files) {
      const result = results.find((candidate) => relative(dir, candidate.filePath) === file);
      const actual = new Map<number, string[]>();
      for (const message of result?.messages ?? []) actual.set(message.line, [...(actual.get(message.line) ?? []), message.ruleId ?? "fatal"].sort());
      const expected = expectedFindings(readFileSync(join(PROJECTS, project, file), "utf8"));
      expect({ file, findings: Object.fromEntries(actual) }).toEqual({ file, findings: Object.fromEntries(expected) });
    }
  });

  it("names a use of a model setting defined in another module", () => {
    const dir = scratchCopy(project);
    const results = JSON.parse(cli(["lint", "--format", "json", "."], { cwd: dir }).stdout) as JsonResult[];
    const named = results.flatMap((result) => result.messages).filter((message) => / \(used as the model in [^)]+:\d+/.test(message.message));
    expect(named.length).toBeGreaterThan(0);
  });

  it("fixes every file to its expected output, and a second fix changes nothing", () => {
    const dir = scratchCopy(project);
    expect(cli(["fix", "--allow-dirty", "."], { cwd: dir }).stderr).toBe("");
    for (const file of files) {
      const fixedPath = variantPath(join(PROJECTS, project, file), "fixed");
      const expected = readFileSync(existsSync(fixedPath) ? fixedPath : join(PROJECTS, project, file), "utf8");
      expect({ file, text: readFileSync(join(dir, file), "utf8") }).toEqual({ file, text: expected });
    }
    const again = cli(["fix", "--allow-dirty", "--format", "json", "."], { cwd: dir });
    const results = JSON.parse(again.stdout) as (JsonResult & { output?: string })[];
    expect(results.filter((result) => result.output !== undefined)).toEqual([]);
  });
});

describe("cross-module fixes", () => {
  it.each(readdirSync(PROJECTS).sort())("settle in one run of fix --unsafe-fixes in %s, even when a fix changes an imported client", (project) => {
    const dir = scratchCopy(project);
    cli(["fix", "--unsafe-fixes", "--allow-dirty", "."], { cwd: dir });
    const again = JSON.parse(cli(["fix", "--unsafe-fixes", "--allow-dirty", "--format", "json", "."], { cwd: dir }).stdout) as (JsonResult & { output?: string })[];
    expect(again.filter((result) => result.output !== undefined).map((result) => relative(dir, result.filePath))).toEqual([]);
  });
});

describe("cross-module fixes in a git work tree", () => {
  it("rewrite files the same run made dirty, and fix a setting whose use shows only after its client moved", () => {
    const dir = tempDir("glm-git-");
    const git = (...args: string[]): void => {
      spawnSync("git", ["-c", "user.email=t@example.com", "-c", "user.name=t", ...args], { cwd: dir });
    };
    git("init", "-q", ".");
    cpSync(join(ROOT, "fixtures", "projects", "python-package"), dir, { recursive: true, filter: (source) => !VARIANT.test(source) });
    writeFileSync(join(dir, "app", "__init__.py"), "");
    writeFileSync(join(dir, "app", "llm.py"), 'from openai import OpenAI\nclient = OpenAI(base_url="https://api.z.ai/api/paas/v4")\n');
    writeFileSync(join(dir, "app", "chat.py"), 'from app import config\nfrom app.llm import client\nclient.chat.completions.create(model=config.MODEL, messages=[], tool_stream=True)\n');
    for (const name of ["agent.py", "helpers.py", "ask.py", "summaries.py", "settings.py", "glm_http.py", "gateway.py", "reports.py", "tuned.py"]) writeFileSync(join(dir, "app", name), "");
    git("add", "-A");
    git("commit", "-q", "-m", "start");
    const run = cli(["fix", "--unsafe-fixes", "--no-config", "."], { cwd: dir });
    expect(run.stdout).not.toContain("uncommitted changes");
    expect(run.code).toBe(0);
    // The client moved to Cerebras; then the Z.ai field went, and Z.ai's model name became Cerebras'.
    expect(readFileSync(join(dir, "app", "chat.py"), "utf8")).toBe('from app import config\nfrom app.llm import client\nclient.chat.completions.create(model=config.MODEL, messages=[])\n');
    expect(readFileSync(join(dir, "app", "config.py"), "utf8")).toContain('MODEL = "zai-glm-4.7"');
    expect(cli(["lint", "--no-config", "."], { cwd: dir }).code).toBe(0);
  });
});

describe("cross-module results in the cache", () => {
  it("re-checks a cached file when a module it imported from appears", () => {
    const dir = tempDir("glm-appear-");
    writeFileSync(join(dir, "chat.py"), 'from llm import client\nclient.chat.completions.create(model="zai-glm-4.7", messages=[], tool_stream=True)\n');
    const rulesOn = (): string[] => {
      const results = JSON.parse(cli(["lint", "--cache", "--format", "json", "."], { cwd: dir }).stdout) as JsonResult[];
      return results.flatMap((result) => result.messages.map((message) => message.ruleId ?? "fatal")).sort();
    };
    expect(rulesOn()).toEqual([]);
    writeFileSync(join(dir, "llm.py"), 'from openai import OpenAI\nclient = OpenAI(base_url="https://api.cerebras.ai/v1")\n');
    expect(rulesOn()).toEqual(["unsupported-param"]);
  });

  it("re-checks a cached file when a module it imports changes", () => {
    const dir = scratchCopy("python-package");
    const rulesOn = (): string[] => {
      const results = JSON.parse(cli(["lint", "--cache", "--format", "json", "app/chat.py"], { cwd: dir }).stdout) as JsonResult[];
      return (results[0]?.messages ?? []).map((message) => message.ruleId ?? "fatal").sort();
    };
    expect(rulesOn()).toEqual(["unsupported-param"]);
    // The client chat.py imports now talks to OpenAI: Z.ai's field is no longer sent to Cerebras,
    // and a request to another provider is not the migration's (a stale cache would still say so).
    const llm = join(dir, "app", "llm.py");
    writeFileSync(llm, readFileSync(llm, "utf8").replace("https://api.cerebras.ai/v1", "https://api.openai.com/v1"));
    expect(rulesOn()).toEqual([]);
  });
});

describe("--type-aware", () => {
  const FIXTURE = join(ROOT, "fixtures", "type-aware");
  const FILE = join("src", "wrapped.ts");

  /** A scratch copy that still sees this repository's node_modules, where the SDKs' types are. */
  function typedCopy(): string {
    const dir = tempDir("glm-typed-");
    cpSync(FIXTURE, dir, { recursive: true, filter: (source) => !VARIANT.test(source) });
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
    return dir;
  }

  const findings = (args: string[], dir: string): Record<number, string[]> => {
    const results = JSON.parse(cli(["lint", "--format", "json", ...args, "."], { cwd: dir }).stdout) as JsonResult[];
    const lines: Record<number, string[]> = {};
    for (const message of results.flatMap((result) => result.messages)) lines[message.line] = [...(lines[message.line] ?? []), message.ruleId ?? "fatal"];
    return lines;
  };

  it("finds clients behind generic wrappers and registries only with the type checker", () => {
    const dir = typedCopy();
    expect(findings([], dir)).toEqual({});
    expect(findings(["--type-aware"], dir)).toEqual(Object.fromEntries(expectedFindings(readFileSync(join(FIXTURE, FILE), "utf8"))));
  });

  it("fixes them, and the result type-checks against the SDKs with each @ts-expect-error needed", () => {
    const dir = typedCopy();
    expect(cli(["fix", "--type-aware", "--allow-dirty", "."], { cwd: dir }).stderr).toBe("");
    expect(readFileSync(join(dir, FILE), "utf8")).toBe(readFileSync(variantPath(join(FIXTURE, FILE), "fixed"), "utf8"));
    const tsc = spawnSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "--noEmit", "-p", dir], { encoding: "utf8" });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
  });
});

describe("a module-level dict other modules spread into their requests", () => {
  it("is reported where it is defined, and not fixed there while a request it feeds goes elsewhere", () => {
    const dir = tempDir("glm-shared-dict-");
    const params = 'import os\n\nfrom openai import OpenAI\n\nPARAMS = {"top_p": 0.9, "temperature": 0.7, "max_tokens": 1000}\nclient = OpenAI(base_url="https://api.cerebras.ai/v1", api_key=os.environ["CEREBRAS_API_KEY"])\n\n\ndef ask():\n    return client.chat.completions.create(model="zai-glm-4.7", messages=[], **PARAMS)\n';
    writeFileSync(join(dir, "other.py"), params);
    writeFileSync(join(dir, "consumer.py"), 'from openai import OpenAI\n\nfrom other import PARAMS\n\noa = OpenAI()\n\n\ndef ask_openai():\n    return oa.chat.completions.create(model="gpt-4o", messages=[], **PARAMS)\n');
    const run = cli(["fix", "--unsafe-fixes", "--allow-dirty", "--no-config", "."], { cwd: dir });
    expect(run.stdout).toContain("max-completion-tokens");
    expect(readFileSync(join(dir, "other.py"), "utf8")).toBe(params);
  });
});
