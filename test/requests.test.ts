import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lintSource } from "../src/index.js";
import { ROOT, tempDir } from "./helpers/cli.js";
import { startStandIn, type StandIn } from "./helpers/stand-in-server.js";
import { defects, reasoningOff, type Body } from "./helpers/request-checks.js";

const SCENARIOS = join(ROOT, "fixtures", "requests");

async function fixed(path: string): Promise<string> {
  const text = readFileSync(path, "utf8");
  const result = await lintSource(text, { filePath: path, fix: true, unsafeFixes: true });
  expect(result.messages.filter((message) => message.fatal)).toEqual([]);
  return result.output ?? text;
}

let server: StandIn;
beforeAll(async () => {
  server = await startStandIn();
});
afterAll(async () => {
  await server.close();
  rmSync(join(ROOT, "test", ".runs"), { recursive: true, force: true });
});

/**
 * Runs a TypeScript scenario's main() with the real SDKs, sending to the stand-in; returns the
 * bodies. The child runs asynchronously: the stand-in lives in this process and must keep answering.
 */
async function runScenario(name: string, source: string): Promise<Body[]> {
  const runs = join(ROOT, "test", ".runs");
  mkdirSync(runs, { recursive: true });
  const program = ts.transpileModule(source.replaceAll("https://api.cerebras.ai", server.url), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  // Inside the repository, so the scenario's imports resolve to the installed SDKs.
  const file = join(runs, `${name}-${Date.now()}.mjs`);
  writeFileSync(file, `${program}\nawait main();\n`);
  server.bodies.length = 0;
  const child = spawn(process.execPath, [file], { env: { ...process.env, CEREBRAS_API_KEY: "test", OPENAI_API_KEY: "test" } });
  let stderr = "";
  child.stderr.on("data", (part: Buffer) => (stderr += part.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  expect(stderr).toBe("");
  expect(code).toBe(0);
  return [...server.bodies];
}

describe("fixed code sends what zai-glm-4.7 on Cerebras needs, through the real client libraries", () => {
  for (const name of ["openai-node.ts", "cerebras-node.ts", "ai-sdk.ts"]) {
    it(`${name}: every request of the input has a defect, and none of the fixed program's does`, async () => {
      const path = join(SCENARIOS, name);
      const before = await runScenario(`${name}-input`, readFileSync(path, "utf8"));
      const after = await runScenario(`${name}-fixed`, await fixed(path));
      expect(before.length).toBeGreaterThan(0);
      expect(after.length).toBe(before.length);
      for (const body of before) expect(defects(body)).not.toEqual([]);
      after.forEach((body, index) => {
        expect(defects(body)).toEqual([]);
        if (reasoningOff(before[index]!)) expect(body.reasoning_effort).toBe("none");
      });
    }, 60_000);
  }
});

describe("fixed TypeScript type-checks against the SDKs' own typings", () => {
  it("with no error, and no unused @ts-expect-error", async () => {
    // Inside the repository, so the fixed files resolve the installed SDKs and their types.
    const dir = join(ROOT, "test", ".runs", `typecheck-${Date.now()}`);
    mkdirSync(dir, { recursive: true });
    const files: string[] = [];
    const rules = join(ROOT, "fixtures", "rules");
    const sources = readdirSync(rules).flatMap((rule) => readdirSync(join(rules, rule)).map((name) => join(rules, rule, name)));
    for (const path of [...sources, ...readdirSync(SCENARIOS).map((name) => join(SCENARIOS, name))]) {
      const name = path.split("/").pop()!;
      if (!name.endsWith(".ts") || name.split(".").some((part) => part === "fixed" || part === "unsafe")) continue;
      const text = readFileSync(path, "utf8");
      for (const unsafeFixes of [false, true]) {
        const result = await lintSource(text, { filePath: path, fix: true, unsafeFixes });
        const out = join(dir, `${path.slice(ROOT.length + 1).replace(/\//g, "__")}.${unsafeFixes ? "unsafe" : "safe"}.ts`);
        writeFileSync(out, result.output ?? text);
        files.push(out);
      }
    }
    // LangChain JS needs Node 22 to install, and the other frameworks' fixtures (issue 15) only
    // need their names to exist: none of their fixes touches a typed request object.
    const stubs: [string, string][] = [
      ["@langchain/cerebras", "ChatCerebras"],
      ["@langchain/openai", "ChatOpenAI"],
      ["@ai-sdk/openai", "createOpenAI"],
      ["@llamaindex/openai", "OpenAI"],
      ["@mastra/core/agent", "Agent"],
      ["zhipu-ai-provider", "createZhipu"],
    ];
    writeFileSync(join(dir, "langchain.d.ts"), stubs.map(([module, name]) => `declare module "${module}" { export const ${name}: any; }\n`).join(""));
    files.push(join(dir, "langchain.d.ts"));
    const program = ts.createProgram(files, {
      strict: true,
      noEmit: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      skipLibCheck: true,
      types: ["node"],
      typeRoots: [join(ROOT, "node_modules", "@types")],
    });
    const errors = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const where = diagnostic.file ? `${diagnostic.file.fileName.slice(dir.length + 1)}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start!).line + 1}` : "";
      return `${where} TS${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, " ")}`;
    });
    expect(errors).toEqual([]);
    expect(files.length).toBeGreaterThan(20);
  }, 120_000);
});

describe("fixed Python sends the right body, as CPython's ast reads it", () => {
  it("the input's calls have defects and the fixed calls have none", async () => {
    const dir = tempDir("glm-python-");
    const inputs = readdirSync(SCENARIOS).filter((name) => name.endsWith(".py"));
    const pairs = await Promise.all(
      inputs.map(async (name) => {
        const fixedPath = join(dir, name);
        writeFileSync(fixedPath, await fixed(join(SCENARIOS, name)));
        return [join(SCENARIOS, name), fixedPath] as const;
      }),
    );
    const script = join(ROOT, "test", "python", "request_bodies.py");
    const read = (paths: readonly string[]): Record<string, Body[]> => JSON.parse(execFileSync("python3", [script, ...paths], { encoding: "utf8" }));
    const before = read(pairs.map(([input]) => input));
    const after = read(pairs.map(([, output]) => output));
    for (const [input, output] of pairs) {
      expect(existsSync(output)).toBe(true);
      expect(after[output]!.length).toBe(before[input]!.length);
      for (const body of before[input]!) expect(defects(body)).not.toEqual([]);
      after[output]!.forEach((body, index) => {
        expect(defects(body)).toEqual([]);
        if (reasoningOff(before[input]![index]!)) expect(body.reasoning_effort).toBe("none");
      });
    }
  }, 60_000);
});
