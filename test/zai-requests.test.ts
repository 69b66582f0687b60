import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lintSource } from "../src/index.js";
import { cli, ROOT, tempDir } from "./helpers/cli.js";
import { defects, reasoningOff, type Body } from "./helpers/request-checks.js";
import { startStandIn, type StandIn } from "./helpers/stand-in-server.js";

/**
 * Programs bound to Z.ai, run before and after `fix --unsafe-fixes` against the stand-in: after
 * the fix every request must go to Cerebras' path, carry CEREBRAS_API_KEY and send a body that
 * meets the target. A program that moved only in part (a Cerebras model sent to Z.ai, a Cerebras
 * URL with the Z.ai key) fails here.
 */
const SCENARIOS = join(ROOT, "fixtures", "requests", "zai");
const RUNS = join(ROOT, "test", ".runs");
const KEYS = { ZAI_API_KEY: "zai-key", ZHIPUAI_API_KEY: "zai-key", CEREBRAS_API_KEY: "cerebras-key", OPENAI_API_KEY: "openai-key" };

let server: StandIn;
beforeAll(async () => {
  server = await startStandIn();
});
afterAll(async () => {
  await server.close();
  rmSync(RUNS, { recursive: true, force: true });
});

async function moved(path: string): Promise<string> {
  const text = readFileSync(path, "utf8");
  const result = await lintSource(text, { filePath: path, fix: true, unsafeFixes: true });
  expect(result.messages.filter((message) => message.fatal)).toEqual([]);
  return result.output ?? text;
}

/** Z.ai's hosts under `/zai` of the stand-in, Cerebras' at its root: where a request went shows in its path. */
function local(source: string): string {
  return source
    .replaceAll("https://api.z.ai", `${server.url}/zai`)
    .replaceAll("https://open.bigmodel.cn", `${server.url}/zai`)
    .replaceAll("https://api.cerebras.ai", server.url);
}

/** Runs one program to its end (asynchronously: the stand-in in this process must keep answering). */
async function run(name: string, source: string, python = "python3"): Promise<{ body: Body; path: string; authorization: string }[]> {
  mkdirSync(RUNS, { recursive: true });
  const isPython = name.endsWith(".py");
  const program = isPython
    ? local(source)
    : `${ts.transpileModule(local(source), { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText}\nawait main();\n`;
  // Inside the repository, so a Node program's imports resolve to the installed SDKs.
  const file = join(RUNS, `zai-${Date.now()}-${name.replace(/\.ts$/, ".mjs")}`);
  writeFileSync(file, program);
  server.bodies.length = 0;
  server.chats.length = 0;
  const child = spawn(isPython ? python : process.execPath, [file], { env: { ...process.env, ...KEYS } });
  let stderr = "";
  child.stderr.on("data", (part: Buffer) => (stderr += part.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  expect(stderr).toBe("");
  expect(code).toBe(0);
  return server.bodies.map((body, index) => ({ body, ...server.chats[index]! }));
}

/** A Python that imports these modules: the one on PATH, else Debian's (where apt installs python3-httpx). */
function pythonWith(...modules: string[]): string | undefined {
  return ["python3", "/usr/bin/python3"].find((python) => {
    try {
      execFileSync(python, ["-c", `import ${modules.join(", ")}`], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  });
}

describe("Z.ai-bound programs move to Cerebras whole in one fix --unsafe-fixes", () => {
  // Node runs the TypeScript ones; Debian's python3-requests, python3-httpx and python3-aiohttp the others.
  const runnable: [string, string | undefined][] = [
    ["http_requests.py", pythonWith("requests")],
    ["http_httpx.py", pythonWith("httpx")],
    ["http_aiohttp.py", pythonWith("aiohttp")],
    ["fetch.ts", process.execPath],
    ["openai-node.ts", process.execPath],
  ];
  for (const [name, interpreter] of runnable) {
    it.skipIf(!interpreter)(`${name}: before, Z.ai's path and key; after, Cerebras' path, key and a body that meets the target`, async () => {
      const path = join(SCENARIOS, name);
      const before = await run(name, readFileSync(path, "utf8"), interpreter);
      const after = await run(name, await moved(path), interpreter);
      expect(before.length).toBeGreaterThan(0);
      expect(after.length).toBe(before.length);
      for (const request of before) {
        expect(request.path).toMatch(/^\/zai\/api\/paas\/v4\/chat\/completions$/);
        expect(request.authorization).toBe("Bearer zai-key");
        expect(defects(request.body)).not.toEqual([]);
      }
      after.forEach((request, index) => {
        expect(request.path).toBe("/v1/chat/completions");
        expect(request.authorization).toBe("Bearer cerebras-key");
        expect(defects(request.body)).toEqual([]);
        if (reasoningOff(before[index]!.body)) expect(request.body.reasoning_effort).toBe("none");
      });
    }, 60_000);
  }

  it("Python SDK programs (zai-sdk, zhipuai, OpenAI on a Z.ai URL), as CPython's ast reads them: a Cerebras client, its key and target bodies", async () => {
    const dir = tempDir("glm-zai-python-");
    const names = readdirSync(SCENARIOS).filter((name) => name.endsWith(".py") && !name.startsWith("http_"));
    expect(names.length).toBeGreaterThanOrEqual(3);
    const outputs = await Promise.all(
      names.map(async (name) => {
        const output = join(dir, name);
        writeFileSync(output, await moved(join(SCENARIOS, name)));
        return output;
      }),
    );
    const python = (script: string, paths: string[]): Record<string, unknown> =>
      JSON.parse(execFileSync("python3", [join(ROOT, "test", "python", script), ...paths], { encoding: "utf8" }));
    const inputs = names.map((name) => join(SCENARIOS, name));
    const bodiesBefore = python("request_bodies.py", inputs) as Record<string, Body[]>;
    const bodiesAfter = python("request_bodies.py", outputs) as Record<string, Body[]>;
    const clientsBefore = python("clients.py", inputs) as Record<string, { clients: { class: string; base_url: string | null }[]; keys: string[] }>;
    const clientsAfter = python("clients.py", outputs) as typeof clientsBefore;
    names.forEach((name, index) => {
      const [input, output] = [inputs[index]!, outputs[index]!];
      // Before: Z.ai's client or base URL, Z.ai's key, and bodies Cerebras would refuse.
      expect(clientsBefore[input]!.keys.some((key) => key !== "CEREBRAS_API_KEY")).toBe(true);
      for (const body of bodiesBefore[input]!) expect(defects(body)).not.toEqual([]);
      // After: only Cerebras clients (the SDK, or an OpenAI client on Cerebras' URL) and key.
      for (const client of clientsAfter[output]!.clients) {
        expect(client.class === "Cerebras" || client.base_url === "https://api.cerebras.ai/v1", `${name}: ${JSON.stringify(client)}`).toBe(true);
      }
      expect(clientsAfter[output]!.keys, name).toEqual(["CEREBRAS_API_KEY"]);
      expect(bodiesAfter[output]!.length).toBe(bodiesBefore[input]!.length);
      bodiesAfter[output]!.forEach((body, position) => {
        expect(defects(body), name).toEqual([]);
        if (reasoningOff(bodiesBefore[input]![position]!)) expect(body.reasoning_effort).toBe("none");
      });
    });
  }, 60_000);
});

describe("a Z.ai client shared by several modules moves once, with every request on it, or not at all", () => {
  const LLM = 'import os\n\nfrom zai import ZaiClient\n\nclient = ZaiClient(api_key=os.environ["ZAI_API_KEY"])\n';
  const CHAT = 'from app.llm import client\n\n\ndef ask(messages):\n    return client.chat.completions.create(model="glm-4.7", messages=messages, tool_stream=True, max_tokens=65536)\n';
  const STREAM =
    "from .llm import client\n\n\ndef stream(messages):\n" +
    '    for chunk in client.chat.completions.create(model="glm-4.6", messages=messages, stream=True):\n' +
    "        print(chunk.choices[0].delta.reasoning_content)\n";
  const VISION = '\n\ndef look(messages):\n    return client.chat.completions.create(model="glm-4.6v", messages=messages)\n';

  function tree(stream: string): string {
    const dir = tempDir("glm-zai-shared-");
    mkdirSync(join(dir, "app"));
    writeFileSync(join(dir, "app", "__init__.py"), "");
    writeFileSync(join(dir, "app", "llm.py"), LLM);
    writeFileSync(join(dir, "app", "chat.py"), CHAT);
    writeFileSync(join(dir, "app", "stream.py"), stream);
    return dir;
  }
  const read = (dir: string, name: string): string => readFileSync(join(dir, "app", name), "utf8");

  it("in one run: the client, its key, and each module's model, fields and reads", () => {
    const dir = tree(STREAM);
    expect(cli(["fix", "--unsafe-fixes", "app"], { cwd: dir }).code).toBe(0);
    expect(read(dir, "llm.py")).toBe('import os\n\nfrom cerebras.cloud.sdk import Cerebras\n\nclient = Cerebras(api_key=os.environ["CEREBRAS_API_KEY"])\n');
    expect(read(dir, "chat.py")).toContain('client.chat.completions.create(model="zai-glm-4.7", messages=messages, max_completion_tokens=40960)');
    expect(read(dir, "stream.py")).toContain('model="zai-glm-4.7"');
    expect(read(dir, "stream.py")).toContain("delta.reasoning)");
  });

  it("not at all when a request in another module has no Cerebras equivalent, and the client's finding says where", () => {
    const dir = tree(STREAM + VISION);
    const fixed = cli(["fix", "--unsafe-fixes", "app"], { cwd: dir });
    expect(fixed.code).toBe(1);
    expect([read(dir, "llm.py"), read(dir, "chat.py"), read(dir, "stream.py")]).toEqual([LLM, CHAT, STREAM + VISION]);
    expect(fixed.stdout).toMatch(/not moved to Cerebras because a request on it in app\/stream\.py:\d+ has `glm-4\.6v`/);
  });

  it("a model setting sent to Cerebras here and to Z.ai by another file is reported, never renamed", () => {
    const dir = tempDir("glm-zai-both-");
    const settings = 'from openai import OpenAI\n\nMODEL = "glm-4.6"\ncerebras = OpenAI(base_url="https://api.cerebras.ai/v1", api_key="x")\n\n\ndef ask(text):\n    return cerebras.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": text}])\n';
    writeFileSync(join(dir, "settings.py"), settings);
    writeFileSync(join(dir, "zai_use.py"), 'from zai import ZaiClient\n\nfrom settings import MODEL\n\nzai = ZaiClient(api_key="k")\n\n\ndef ask_zai(text):\n    return zai.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": text}])\n');
    const run = cli(["fix", "--unsafe-fixes", "--allow-dirty", "--no-config", "."], { cwd: dir });
    expect(run.stdout).toContain("another file also sends it to Z.ai, so no automatic fix: change them together");
    expect(readFileSync(join(dir, "settings.py"), "utf8")).toBe(settings);
  });

  it("a model setting of a module with no Z.ai traffic of its own says its request is in another file", () => {
    const dir = tempDir("glm-zai-setting-");
    mkdirSync(join(dir, "pkg"));
    writeFileSync(join(dir, "pkg", "__init__.py"), "");
    writeFileSync(join(dir, "pkg", "consts.py"), 'import os\n\nMODEL = "glm-4.6"\nAPI_BASE = "https://api.z.ai/api/paas/v4/"\nAPI_KEY = os.getenv("ZAI_API_KEY")\n');
    writeFileSync(join(dir, "direct.py"), "from langchain_openai import ChatOpenAI\n\nfrom pkg import consts\n\nllm = ChatOpenAI(model=consts.MODEL, openai_api_key=consts.API_KEY, openai_api_base=consts.API_BASE)\n");
    const run = cli(["lint", "--no-config", "."], { cwd: dir });
    expect(run.stdout).toMatch(/`glm-4\.6` is Z\.ai's model ID, kept because its request cannot move to Cerebras yet: the request that sends it is in another file and must move there first\. .*\(used as the model in direct\.py:5\)/);
  });
});
