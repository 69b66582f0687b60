import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, tempDir } from "./helpers/cli.js";

const BAD = 'MODEL = "zai-glm-4.6"\n';
const GOOD = 'MODEL = "zai-glm-4.7"\n';

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; message: string; fatal?: boolean; line: number }[];
}

function lintJson(dir: string, ...args: string[]): { code: number; results: JsonResult[]; stderr: string } {
  const { code, stdout, stderr } = cli(["lint", "--format", "json", ...args], { cwd: dir });
  return { code, results: stdout ? (JSON.parse(stdout) as JsonResult[]) : [], stderr };
}

/** The one message of a file, by name. */
function messageOf(results: JsonResult[], name: string): string {
  const result = results.find((candidate) => candidate.filePath.endsWith(name));
  return result?.messages.map((message) => message.message).join(" | ") ?? "(no result)";
}

describe("bad input gets a one-line message and a documented exit code, and loses nothing", () => {
  it("binary content with a source extension", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "blob.py"), Buffer.concat([Buffer.from("zai-glm-4.6"), Buffer.from([0, 1, 2, 0, 255])]));
    const { code, results, stderr } = lintJson(dir, ".");
    expect(code).toBe(1);
    expect(messageOf(results, "blob.py")).toBe("binary file (contains NUL bytes); skipped");
    expect(stderr).toBe("");
  });

  it("invalid UTF-8 is reported and never rewritten", () => {
    const dir = tempDir();
    const bytes = Buffer.concat([Buffer.from(BAD), Buffer.from([0xc3, 0x28, 0x0a])]);
    writeFileSync(join(dir, "latin.py"), bytes);
    const { code, stdout } = cli(["fix", "."], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toContain("not valid UTF-8; skipped");
    expect(readFileSync(join(dir, "latin.py")).equals(bytes)).toBe(true);
  });

  it("UTF-8 with a BOM and UTF-16 keep their encoding through a fix", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "bom.py"), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(BAD)]));
    writeFileSync(join(dir, "wide.py"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(BAD, "utf16le")]));
    expect(cli(["fix", "."], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, "bom.py")).equals(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(GOOD)]))).toBe(true);
    expect(readFileSync(join(dir, "wide.py")).equals(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GOOD, "utf16le")]))).toBe(true);
  });

  it("mixed line endings stay as they were", () => {
    const dir = tempDir();
    const source = 'from openai import OpenAI\r\nc = OpenAI()\nc.chat.completions.create(\r\n    model="zai-glm-4.6",\n    messages=[],\r\n    clear_thinking=False,\r\n)\n';
    writeFileSync(join(dir, "mixed.py"), source);
    expect(cli(["fix", "."], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, "mixed.py"), "utf8")).toBe(
      'from openai import OpenAI\r\nc = OpenAI()\nc.chat.completions.create(\r\n    model="zai-glm-4.7",\n    messages=[],\r\n    extra_body={"clear_thinking": False},\r\n)\n',
    );
  });

  it("an empty file and a 10 MB file", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "empty.py"), "");
    // 10 MB of generated data, the shape large Python files usually have.
    const rows = Array.from({ length: 250_000 }, (_, index) => `    "lorem ipsum dolor sit amet ${index}",\n`).join("");
    writeFileSync(join(dir, "large.py"), `${BAD}DATA = [\n${rows}]\n`);
    const { code, results } = lintJson(dir, ".");
    expect(code).toBe(1);
    expect(results.map((result) => result.filePath.slice(dir.length + 1))).toEqual(["large.py"]);
    expect(results[0]!.messages.map((message) => message.ruleId)).toEqual(["model-id"]);
  });

  it("a syntax error is a parse problem for that file only", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "broken.ts"), 'const MODEL = "zai-glm-4.6";\nconst x = {;\n');
    writeFileSync(join(dir, "fine.py"), BAD);
    const { code, results } = lintJson(dir, ".");
    expect(code).toBe(1);
    expect(messageOf(results, "broken.ts")).toMatch(/^syntax error: /);
    expect(messageOf(results, "fine.py")).toContain("zai-glm-4.6");
  });

  it("a directory named like a source file is walked, not read", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "pkg.py"));
    writeFileSync(join(dir, "pkg.py", "inner.py"), BAD);
    const { code, results } = lintJson(dir, "pkg.py");
    expect(code).toBe(1);
    expect(results.map((result) => result.filePath)).toEqual([join(dir, "pkg.py", "inner.py")]);
  });

  it("symbolic links are not followed in a walk, and never written through", () => {
    const dir = tempDir();
    const outside = tempDir("glm-outside-");
    writeFileSync(join(outside, "secret.py"), BAD);
    mkdirSync(join(dir, "src"));
    writeFileSync(join(dir, "src", "real.py"), BAD);
    symlinkSync(join(outside, "secret.py"), join(dir, "src", "link.py"));
    symlinkSync(outside, join(dir, "src", "outside-dir"));
    symlinkSync(join(dir, "src"), join(dir, "src", "loop"));
    const walked = cli(["fix", "."], { cwd: dir });
    expect(walked.code).toBe(0);
    expect(readFileSync(join(dir, "src", "real.py"), "utf8")).toBe(GOOD);
    expect(readFileSync(join(outside, "secret.py"), "utf8")).toBe(BAD);
    // Named explicitly, the link is read but its target is not written.
    const named = cli(["fix", "src/link.py"], { cwd: dir });
    expect(named.code).toBe(1);
    expect(named.stdout).toContain("fixes not written: is a symbolic link; not written");
    expect(readFileSync(join(outside, "secret.py"), "utf8")).toBe(BAD);
  });

  it("a file that is gone by the time it is read (a dangling link named explicitly)", () => {
    const dir = tempDir();
    symlinkSync(join(dir, "nowhere.py"), join(dir, "gone.py"));
    writeFileSync(join(dir, "ok.py"), BAD);
    const { code, stderr } = cli(["lint", "gone.py", "ok.py"], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toBe("glm-migrate: no files match `gone.py`\n");
  });

  it("a read-only file is reported on fix, and the others are still fixed", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "locked.py"), BAD);
    chmodSync(join(dir, "locked.py"), 0o444);
    writeFileSync(join(dir, "open.py"), BAD);
    const { code, stdout } = cli(["fix", "."], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toMatch(/locked\.py\n\s+1:1\s+error\s+fixes not written: is read-only; not written/);
    expect(readFileSync(join(dir, "locked.py"), "utf8")).toBe(BAD);
    expect(readFileSync(join(dir, "open.py"), "utf8")).toBe(GOOD);
  });

  it("paths with spaces and non-ASCII names", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "my project"));
    writeFileSync(join(dir, "my project", "módulo 客户端.py"), BAD);
    expect(cli(["fix", "my project"], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, "my project", "módulo 客户端.py"), "utf8")).toBe(GOOD);
  });

  it("leaves no temporary files behind", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a.py"), BAD);
    cli(["fix", "."], { cwd: dir });
    expect(readdirSync(dir)).toEqual(["a.py"]);
  });
});

describe("a file deleted during the run", () => {
  it("is reported as unreadable, and the run goes on", async () => {
    const { lint } = await import("../src/index.js");
    const { unlinkSync } = await import("node:fs");
    const dir = tempDir();
    // Files are analysed in path order on another thread: a hundred files before b.py give the
    // first one's progress event time to arrive well before b.py is read.
    const first = Array.from({ length: 100 }, (_, index) => `a${String(index).padStart(3, "0")}.py`);
    for (const name of [...first, "b.py", "c.py"]) writeFileSync(join(dir, name), BAD);
    let deleted = false;
    const result = await lint({
      paths: [dir],
      cwd: dir,
      // After the first file, b.py disappears before it is read.
      onProgress: () => {
        if (!deleted) unlinkSync(join(dir, "b.py"));
        deleted = true;
      },
    });
    const byName = Object.fromEntries(result.results.map((file) => [file.filePath.slice(dir.length + 1), file.messages.map((message) => message.message)]));
    expect(byName["b.py"]).toEqual(["cannot read file: ENOENT"]);
    expect(byName["a000.py"]![0]).toContain("zai-glm-4.6");
    expect(byName["c.py"]![0]).toContain("zai-glm-4.6");
    expect(result.internalErrors).toBe(0);
  });
});
