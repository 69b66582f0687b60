import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { lintSource } from "../src/index.js";
import { ROOT, tempDir } from "./helpers/cli.js";

/** A keyword (Python) or property (JS) a generated call may carry, in both syntaxes. */
interface Arg {
  python: string;
  js: string;
}

const ARGS: Record<string, Arg[]> = {
  model: ["zai-glm-4.6", "zai-glm-4.7", "glm-4.6", "llama-3.3-70b", "cerebras/zai-glm-4.6"].map((id) => ({
    python: `model="${id}"`,
    js: `model: "${id}"`,
  })),
  temperature: ["0", "0.2", "1.0"].map((value) => ({ python: `temperature=${value}`, js: `temperature: ${value}` })),
  top_p: ["0.9", "0.95"].map((value) => ({ python: `top_p=${value}`, js: `top_p: ${value}` })),
  max_tokens: ["1024", "65536"].map((value) => ({ python: `max_tokens=${value}`, js: `max_tokens: ${value}` })),
  disable_reasoning: ["True", "False"].map((value) => ({ python: `disable_reasoning=${value}`, js: `disable_reasoning: ${value.toLowerCase()}` })),
  clear_thinking: [{ python: "clear_thinking=False", js: "clear_thinking: false" }],
  thinking: [
    { python: 'thinking={"type": "enabled"}', js: 'thinking: { type: "enabled" }' },
    { python: 'thinking={"type": "disabled"}', js: 'thinking: { type: "disabled" }' },
    { python: 'thinking={"type": "enabled", "clear_thinking": False}', js: 'thinking: { type: "enabled", clear_thinking: false }' },
  ],
  tool_stream: [{ python: "tool_stream=True", js: "tool_stream: true" }],
  user_id: [{ python: 'user_id="u-1"', js: 'user_id: "u-1"' }],
  tools: [{ python: 'tools=[{"type": "function", "function": {"name": "f"}}]', js: 'tools: [{ type: "function", function: { name: "f" } }]' }],
  extra_body: [
    { python: 'extra_body={"top_k": 40}', js: "extra_body: { top_k: 40 }" },
    { python: 'extra_body={"disable_reasoning": True, "thinking": {"type": "disabled"}}', js: 'extra_body: { disable_reasoning: true, thinking: { type: "disabled" } }' },
  ],
};

const callArgs = fc
  .subarray(Object.keys(ARGS), { minLength: 1 })
  .chain((names) => fc.tuple(...names.map((name) => fc.constantFrom(...ARGS[name]!))))
  .chain((args) => fc.shuffledSubarray(args, { minLength: args.length, maxLength: args.length }));

const layout = fc.record({
  multiline: fc.boolean(),
  trailingComma: fc.boolean(),
  comments: fc.boolean(),
  singleQuotes: fc.boolean(),
  client: fc.constantFrom("cerebras", "openai"),
});

type Layout = { multiline: boolean; trailingComma: boolean; comments: boolean; singleQuotes: boolean; client: string };

function pythonProgram(args: Arg[], style: Layout): { prefix: string; call: string; suffix: string } {
  const prefix =
    style.client === "cerebras"
      ? "from cerebras.cloud.sdk import Cerebras\n\nclient = Cerebras()  # the client\n\n"
      : 'from openai import OpenAI\n\nclient = OpenAI(base_url="https://api.cerebras.ai/v1")  # the client\n\n';
  const items = ['messages=[{"role": "user", "content": "hi"}]', ...args.map((arg) => arg.python)].map((item) =>
    style.singleQuotes ? item.replace(/"/g, "'") : item,
  );
  let call: string;
  if (style.multiline) {
    const lines = items.map((item, index) => `    ${item}${index < items.length - 1 || style.trailingComma ? "," : ""}${style.comments && index % 2 ? "  # note" : ""}`);
    call = `response = client.chat.completions.create(\n${lines.join("\n")}\n)\n`;
  } else {
    call = `response = client.chat.completions.create(${items.join(", ")}${style.trailingComma ? "," : ""})${style.comments ? "  # note" : ""}\n`;
  }
  return { prefix, call, suffix: "\nprint(response)\n" };
}

function jsProgram(args: Arg[], style: Layout): { prefix: string; call: string; suffix: string } {
  const prefix =
    style.client === "cerebras"
      ? 'import Cerebras from "@cerebras/cerebras_cloud_sdk";\n\nconst client = new Cerebras(); // the client\n\n'
      : 'import OpenAI from "openai";\n\nconst client = new OpenAI({ baseURL: "https://api.cerebras.ai/v1" }); // the client\n\n';
  const items = ['messages: [{ role: "user", content: "hi" }]', ...args.map((arg) => arg.js)].map((item) =>
    style.singleQuotes ? item.replace(/"/g, "'") : item,
  );
  let call: string;
  if (style.multiline) {
    const lines = items.map((item, index) => `  ${item}${index < items.length - 1 || style.trailingComma ? "," : ""}${style.comments && index % 2 ? " // note" : ""}`);
    call = `export const response = client.chat.completions.create({\n${lines.join("\n")}\n} as never);\n`;
  } else {
    call = `export const response = client.chat.completions.create({ ${items.join(", ")}${style.trailingComma ? "," : ""} } as never);${style.comments ? " // note" : ""}\n`;
  }
  return { prefix, call, suffix: "\nconsole.log(response);\n" };
}

async function fixOnce(text: string, filePath: string): Promise<string> {
  const result = await lintSource(text, { filePath, fix: true, unsafeFixes: true });
  expect(result.messages.filter((message) => message.fatal)).toEqual([]);
  return result.output ?? text;
}

describe("fix, as properties over generated call sites", () => {
  it("Python: the output parses in CPython, a second fix changes nothing, nothing outside the call changes", async () => {
    const outputs: string[] = [];
    let changed = 0;
    await fc.assert(
      fc.asyncProperty(callArgs, layout, async (args, style) => {
        const { prefix, call, suffix } = pythonProgram(args, style);
        const output = await fixOnce(prefix + call + suffix, "generated.py");
        if (output !== prefix + call + suffix) changed++;
        expect(output.startsWith(prefix)).toBe(true);
        expect(output.endsWith(suffix)).toBe(true);
        expect(await fixOnce(output, "generated.py")).toBe(output);
        outputs.push(output);
      }),
      { numRuns: 150 },
    );
    // The generator must reach the fixes, or the properties prove little.
    expect(changed).toBeGreaterThan(outputs.length / 2);
    // One CPython process checks them all: its parser, not ours, has the last word.
    const dir = tempDir("glm-props-");
    const files = outputs.map((output, index) => {
      const path = join(dir, `case${index}.py`);
      writeFileSync(path, output);
      return path;
    });
    const check = "import ast, sys\nfor path in sys.argv[1:]:\n    ast.parse(open(path).read(), path)\nprint(len(sys.argv) - 1)\n";
    expect(execFileSync("python3", ["-c", check, ...files], { encoding: "utf8" }).trim()).toBe(String(files.length));
  }, 120_000);

  it("TypeScript: the output has no syntax error, a second fix changes nothing, nothing outside the call changes", async () => {
    let runs = 0;
    let changed = 0;
    await fc.assert(
      fc.asyncProperty(callArgs, layout, async (args, style) => {
        const { prefix, call, suffix } = jsProgram(args, style);
        const output = await fixOnce(prefix + call + suffix, "generated.ts");
        runs++;
        if (output !== prefix + call + suffix) changed++;
        expect(output.startsWith(prefix)).toBe(true);
        expect(output.endsWith(suffix)).toBe(true);
        expect(await fixOnce(output, "generated.ts")).toBe(output);
        const transpiled = ts.transpileModule(output, { reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ES2022 } });
        expect(transpiled.diagnostics ?? []).toEqual([]);
      }),
      { numRuns: 150 },
    );
    expect(changed).toBeGreaterThan(runs / 2);
  }, 120_000);
});

describe("fuzzing the lowering with truncated and garbled real files", () => {
  const sources = (dir: string): string[] =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.(py|ts|js|cjs|yaml|json|toml|env)$/.test(entry.name))
      .map((entry) => join(entry.parentPath, entry.name));
  const corpus = [...sources(join(ROOT, "fixtures", "rules")), ...sources(join(ROOT, "fixtures", "demo"))].map((path) => ({
    path,
    text: readFileSync(path, "utf8"),
  }));

  it("never crashes: every outcome is findings, a parse problem, or nothing", async () => {
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant("truncate" as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
      fc.record({ kind: fc.constant("delete" as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 40 }) }),
      fc.record({ kind: fc.constant("insert" as const), at: fc.double({ min: 0, max: 1, noNaN: true }), junk: fc.string({ maxLength: 8 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: corpus.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (index, mutations) => {
        const { path } = corpus[index]!;
        let { text } = corpus[index]!;
        for (const change of mutations) {
          const at = Math.floor(change.at * text.length);
          if (change.kind === "truncate") text = text.slice(0, at);
          else if (change.kind === "delete") text = text.slice(0, at) + text.slice(at + change.length);
          else text = text.slice(0, at) + change.junk + text.slice(at);
        }
        for (const fix of [false, true]) {
          const result = await lintSource(text, { filePath: path, fix, unsafeFixes: true });
          const crashes = result.messages.filter((message) => message.message.startsWith("internal error"));
          expect(crashes).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  }, 180_000);
});
