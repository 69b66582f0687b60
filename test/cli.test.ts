import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, demoCopy, tempDir } from "./helpers/cli.js";

describe("glm-migrate lint", () => {
  it("reports the demo's findings with places and rule ids, and exits 1", () => {
    const { code, stdout } = cli(["lint", "fixtures/demo"]);
    expect(code).toBe(1);
    expect(stdout).toContain("fixtures/demo/service/app/llm.py");
    expect(stdout).toMatch(/18:15\s+error\s+`zai-glm-4\.6` was deprecated by Cerebras.*model-id/);
    expect(stdout).toMatch(/23:9\s+error\s+`disable_reasoning` is not a keyword.*extra-body-required/);
    expect(stdout).toMatch(/✖ \d+ problems \(\d+ errors, \d+ warnings(, \d+ info)?\)/);
    expect(stdout).toMatch(/\d+ problems fixable with `glm-migrate fix`/);
  });

  it("is the default command", () => {
    const { code, stdout } = cli(["fixtures/demo/web"]);
    expect(code).toBe(1);
    expect(stdout).toContain("chat.ts");
  });

  it("prints ESLint's JSON shape with 1-based positions and fixes", () => {
    const dir = tempDir();
    const file = join(dir, "app.py");
    const source = 'from cerebras.cloud.sdk import Cerebras\nc = Cerebras()\nc.chat.completions.create(model="zai-glm-4.6", messages=[])\n';
    writeFileSync(file, source);
    const { code, stdout } = cli(["lint", "--format", "json", file]);
    expect(code).toBe(1);
    const results = JSON.parse(stdout);
    expect(results).toHaveLength(1);
    const [result] = results;
    expect(result.filePath).toBe(file);
    expect(result.errorCount).toBe(1);
    expect(result.warningCount).toBe(0);
    expect(result.fixableErrorCount).toBe(1);
    expect(result.fixableWarningCount).toBe(0);
    const [message] = result.messages;
    expect(message).toMatchObject({ ruleId: "model-id", severity: 2, line: 3, column: 33, endLine: 3, endColumn: 46 });
    const start = source.indexOf("zai-glm-4.6");
    expect(message.fix).toEqual({ range: [start, start + "zai-glm-4.6".length], text: "zai-glm-4.7" });
  });

  it("exits 0 when nothing is wrong", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "ok.py"), 'MODEL = "zai-glm-4.7"\n');
    const { code, stdout } = cli(["lint", dir]);
    expect(code).toBe(0);
    expect(stdout).toContain("No problems found");
  });

  it("reports a file that does not parse and goes on with the others", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "broken.py"), 'MODEL = "zai-glm-4.6"\ndef (:\n');
    writeFileSync(join(dir, "good.py"), 'MODEL = "zai-glm-4.6"\n');
    const { code, stdout } = cli(["fix", dir]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/broken\.py\n\s+\d+:\d+\s+error\s+syntax error/);
    expect(readFileSync(join(dir, "broken.py"), "utf8")).toBe('MODEL = "zai-glm-4.6"\ndef (:\n');
    expect(readFileSync(join(dir, "good.py"), "utf8")).toBe('MODEL = "zai-glm-4.7"\n');
  });

  it("checks what the parser recovered around a syntax error, in Python and TypeScript, and never fixes it", () => {
    const dir = tempDir();
    const python =
      'from openai import OpenAI\nclient = OpenAI(base_url="https://api.cerebras.ai/v1")\n\n' +
      'def ask(q):\n    return client.chat.completions.create(model="zai-glm-4.6", messages=[])\n\ndef broken(:\n    pass\n';
    const typescript =
      'import OpenAI from "openai";\nconst client = new OpenAI({ baseURL: "https://api.cerebras.ai/v1" });\n' +
      'export const r = client.chat.completions.create({ model: "zai-glm-4.6", messages: [] });\nfunction (\n';
    writeFileSync(join(dir, "ask.py"), python);
    writeFileSync(join(dir, "ask.ts"), typescript);
    const results = JSON.parse(cli(["lint", "--format", "json", "."], { cwd: dir }).stdout) as { filePath: string; messages: { ruleId: string | null; fatal?: boolean; line: number; fix?: unknown }[] }[];
    for (const result of results) {
      const lines = result.messages.map((message) => `${message.line}:${message.ruleId ?? (message.fatal ? "syntax" : "?")}`);
      expect(lines).toEqual(result.filePath.endsWith(".py") ? ["7:syntax", "5:model-id"] : ["4:syntax", "3:model-id"]);
      expect(result.messages.filter((message) => message.fix)).toEqual([]);
    }
    expect(cli(["fix", "--unsafe-fixes", "."], { cwd: dir }).code).toBe(1);
    expect(readFileSync(join(dir, "ask.py"), "utf8")).toBe(python);
    expect(readFileSync(join(dir, "ask.ts"), "utf8")).toBe(typescript);
  });

  it("respects .gitignore, skips node_modules and virtualenvs, and reads an explicitly named .env", () => {
    const dir = tempDir();
    mkdirSync(join(dir, ".git"));
    writeFileSync(join(dir, ".gitignore"), "generated/\n");
    for (const sub of ["generated", "node_modules/pkg", "env", "src"]) mkdirSync(join(dir, sub), { recursive: true });
    writeFileSync(join(dir, "env", "pyvenv.cfg"), "home = /usr/bin\n");
    const bad = 'MODEL = "zai-glm-4.6"\n';
    for (const path of ["generated/a.py", "node_modules/pkg/b.py", "env/c.py", "src/d.py"]) writeFileSync(join(dir, path), bad);
    writeFileSync(join(dir, "production.env"), "LLM_MODEL=zai-glm-4.6\n");

    const walked = cli(["lint", "--format", "json", "."], { cwd: dir });
    const files = JSON.parse(walked.stdout).map((result: { filePath: string }) => result.filePath.slice(dir.length + 1));
    expect(files).toEqual(["production.env", "src/d.py"]);

    const all = cli(["lint", "--format", "json", "--no-gitignore", "."], { cwd: dir });
    const allFiles = JSON.parse(all.stdout).map((result: { filePath: string }) => result.filePath.slice(dir.length + 1));
    expect(allFiles).toEqual(["generated/a.py", "production.env", "src/d.py"]);
  });

  it("takes quoted globs", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "a"));
    writeFileSync(join(dir, "a", "x.py"), 'MODEL = "zai-glm-4.6"\n');
    writeFileSync(join(dir, "a", "y.ts"), 'const MODEL = "zai-glm-4.6";\n');
    const { stdout } = cli(["lint", "--format", "json", "a/**/*.py"], { cwd: dir });
    expect(JSON.parse(stdout).map((result: { filePath: string }) => result.filePath)).toEqual([join(dir, "a", "x.py")]);
  });
});

describe("usage errors exit 2 with a one-line message", () => {
  it("for a path that does not exist", () => {
    const { code, stderr } = cli(["lint", "no/such/place"]);
    expect(code).toBe(2);
    expect(stderr).toBe("glm-migrate: no files match `no/such/place`\n");
  });

  it("for an unknown option", () => {
    const { code, stderr } = cli(["lint", "--frobnicate"]);
    expect(code).toBe(2);
    expect(stderr).toContain("unknown option '--frobnicate'");
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("for an unknown format", () => {
    const { code, stderr } = cli(["lint", "--format", "xml", "fixtures/demo"]);
    expect(code).toBe(2);
    expect(stderr).toContain("xml");
  });

  it("for a mistyped command, with the commands it may mean", () => {
    const dir = tempDir();
    expect(cli(["lnit"], { cwd: dir })).toMatchObject({ code: 2, stderr: 'glm-migrate: `lnit` is no command, and no file or folder either (did you mean "init" or "lint"?)\n' });
    expect(cli(["fixx", "--dry-run"], { cwd: dir })).toMatchObject({ code: 2, stderr: 'glm-migrate: `fixx` is no command, and no file or folder either (did you mean "fix"?)\n' });
    // A path by that name is a path, and a word near no command is a missing path.
    writeFileSync(join(dir, "lnit"), 'MODEL = "zai-glm-4.7"\n');
    expect(cli(["lnit"], { cwd: dir })).toMatchObject({ code: 0, stderr: "" });
    expect(cli(["app"], { cwd: dir })).toMatchObject({ code: 2, stderr: "glm-migrate: no files match `app`\n" });
  });

  it("for an unknown rule, with a suggestion", () => {
    const { code, stderr } = cli(["explain", "modle-id"]);
    expect(code).toBe(2);
    expect(stderr).toBe('glm-migrate: unknown rule `modle-id` (did you mean "model-id"?)\n');
  });
});

describe("--max-warnings", () => {
  const WARNED = 'from cerebras.cloud.sdk import Cerebras\nc = Cerebras()\nc.chat.completions.create(model="zai-glm-4.7", messages=[], max_tokens=10)\n';

  it("says why it exits 1 when warnings alone go over the limit", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "app.py"), WARNED);
    const report = JSON.parse(cli(["lint", "--format", "json", "."], { cwd: dir }).stdout);
    const warnings = report.reduce((sum: number, file: { warningCount: number }) => sum + file.warningCount, 0);
    expect(report[0].errorCount).toBe(0);
    expect(warnings).toBeGreaterThan(0);
    expect(cli(["lint", "--max-warnings", "0", "."], { cwd: dir })).toMatchObject({
      code: 1,
      stderr: `glm-migrate found too many warnings: ${warnings} (maximum: 0, set by --max-warnings).\n`,
    });
    expect(cli(["lint", "--max-warnings", String(warnings), "."], { cwd: dir })).toMatchObject({ code: 0, stderr: "" });
  });

  it("says nothing more when errors remain: they are the reason", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "app.py"), WARNED.replace("zai-glm-4.7", "zai-glm-4.6"));
    expect(cli(["lint", "--max-warnings", "0", "."], { cwd: dir })).toMatchObject({ code: 1, stderr: "" });
  });
});

describe("--cache", () => {
  const BAD = 'MODEL = "zai-glm-4.6"\n';

  it("keeps its results in a dot-folder that git ignores where there is no node_modules", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "app.py"), BAD);
    expect(cli(["lint", "--cache", "."], { cwd: dir }).code).toBe(1);
    expect(existsSync(join(dir, "node_modules"))).toBe(false);
    expect(existsSync(join(dir, ".glm-migrate-cache", "results.json"))).toBe(true);
    expect(readFileSync(join(dir, ".glm-migrate-cache", ".gitignore"), "utf8")).toMatch(/^\*$/m);
    execFileSync("git", ["init", "-q"], { cwd: dir });
    expect(execFileSync("git", ["status", "--porcelain", "--untracked-files=all"], { cwd: dir, encoding: "utf8" })).toBe("?? app.py\n");
    // A second run reads its results and finds the same; with --no-gitignore the cache is still not linted.
    const again = cli(["lint", "--cache", "--no-gitignore", "--format", "json", "."], { cwd: dir });
    expect(JSON.parse(again.stdout).map((file: { filePath: string }) => file.filePath)).toEqual([join(dir, "app.py")]);
  });

  it("uses node_modules/.cache/glm-migrate where node_modules exists", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "app.py"), BAD);
    mkdirSync(join(dir, "node_modules"));
    cli(["lint", "--cache", "."], { cwd: dir });
    expect(existsSync(join(dir, "node_modules", ".cache", "glm-migrate", "results.json"))).toBe(true);
    expect(existsSync(join(dir, ".glm-migrate-cache"))).toBe(false);
  });
});

describe("glm-migrate fix", () => {
  it("reports a generated file's findings and offers no fix, in lint and in fix", () => {
    const dir = tempDir();
    const source =
      "# File generated from our API description by a code generator. Do not edit.\n" +
      "from cerebras.cloud.sdk import Cerebras\n\n" +
      "def test_create_with_all_params(client: Cerebras) -> None:\n" +
      '    client.chat.completions.create(model="zai-glm-4.6", messages=[], disable_reasoning=True)\n';
    writeFileSync(join(dir, "test_completions.py"), source);
    const linted = JSON.parse(cli(["lint", "--format", "json", "."], { cwd: dir }).stdout) as { messages: { ruleId: string | null; fix?: unknown; suggestions?: unknown; message: string }[] }[];
    const messages = linted[0]!.messages;
    expect(messages.map((message) => message.ruleId)).toEqual([null, "model-id", "disable-reasoning-deprecated"]);
    expect(messages[0]!.message).toContain("generated file");
    expect(messages.filter((message) => message.fix || message.suggestions)).toEqual([]);
    const fixed = cli(["fix", "--unsafe-fixes", "."], { cwd: dir });
    expect(fixed.code).toBe(1);
    expect(readFileSync(join(dir, "test_completions.py"), "utf8")).toBe(source);
  });

  it("rewrites the demo, leaves a parseable result, and a second run has nothing to fix", () => {
    const dir = demoCopy();
    const first = cli(["fix", "."], { cwd: dir });
    // llama-3.3-70b has no automatic replacement, so one error remains.
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/Fixed \d+ problems in \d+ files\./);
    const llm = readFileSync(join(dir, "service/app/llm.py"), "utf8");
    expect(llm).toContain('model="zai-glm-4.7"');
    expect(llm).toContain('reasoning_effort="none",');
    expect(llm).toContain('extra_body={"clear_thinking": False, "reasoning_format": "parsed"}');
    expect(llm).not.toContain("disable_reasoning");
    expect(llm).not.toContain("zai-glm-4.6");

    const again = cli(["lint", "--format", "json", "."], { cwd: dir });
    const remaining = JSON.parse(again.stdout).flatMap((result: { messages: { ruleId: string; fix?: unknown; fatal?: boolean }[] }) => result.messages);
    expect(remaining.filter((message: { fatal?: boolean }) => message.fatal)).toEqual([]);
    expect(remaining.filter((message: { fix?: unknown }) => message.fix)).toEqual([]);

    const snapshot = readFileSync(join(dir, "service/app/llm.py"));
    const second = cli(["fix", "."], { cwd: dir });
    expect(second.stdout).not.toContain("Fixed");
    expect(readFileSync(join(dir, "service/app/llm.py")).equals(snapshot)).toBe(true);
  });

  it("keeps CRLF line endings, the BOM and the file mode", () => {
    const dir = tempDir();
    const file = join(dir, "crlf.py");
    const body = 'from openai import OpenAI\r\nc = OpenAI()\r\nc.chat.completions.create(\r\n    model="zai-glm-4.7",\r\n    messages=[],\r\n    clear_thinking=False,\r\n)\r\n';
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body)]));
    chmodSync(file, 0o640);
    const { code } = cli(["fix", file]);
    expect(code).toBe(0);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString("utf8");
    expect(text).toBe(
      'from openai import OpenAI\r\nc = OpenAI()\r\nc.chat.completions.create(\r\n    model="zai-glm-4.7",\r\n    messages=[],\r\n    extra_body={"clear_thinking": False},\r\n)\r\n',
    );
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it("writes nothing with --dry-run and exits 1 when it would change something", () => {
    const dir = tempDir();
    const file = join(dir, "a.py");
    writeFileSync(file, 'MODEL = "zai-glm-4.6"\n');
    const { code, stdout } = cli(["fix", "--dry-run", file]);
    expect(code).toBe(1);
    expect(stdout).toContain("Would fix 1 problem in 1 file.");
    expect(readFileSync(file, "utf8")).toBe('MODEL = "zai-glm-4.6"\n');
  });

  it("applies unsafe fixes only with --unsafe-fixes", () => {
    const dir = tempDir();
    const file = join(dir, "zai.py");
    const source = 'from zai import ZaiClient\nclient = ZaiClient()\nclient.chat.completions.create(model="glm-4.6", messages=[])\n';
    writeFileSync(file, source);
    const safe = cli(["fix", file]);
    expect(safe.code).toBe(1);
    // The client still goes to Z.ai (provider-endpoint) and names Z.ai's model (model-id).
    expect(safe.stdout).toContain("2 more fixable with `glm-migrate fix --unsafe-fixes`");
    expect(readFileSync(file, "utf8")).toBe(source);
    const unsafe = cli(["fix", "--unsafe-fixes", file]);
    expect(unsafe.code).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(
      'from cerebras.cloud.sdk import Cerebras\nclient = Cerebras()\nclient.chat.completions.create(model="zai-glm-4.7", messages=[])\n',
    );
  });
});

describe("rule documentation", () => {
  it("lists every rule", () => {
    const { code, stdout } = cli(["rules"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^model-id\s+error\s+safe\s+on\s+/m);
    expect(stdout).toMatch(/^extra-body-required\s+error\s+safe\s+on\s+/m);
  });

  it("explains a rule in Ruff's layout", () => {
    const { code, stdout } = cli(["explain", "extra-body-required"]);
    expect(code).toBe(0);
    for (const heading of ["What it does", "Why is this bad?", "Example", "Use instead", "Source"]) {
      expect(stdout).toContain(`\n${heading}\n`);
    }
  });
});
