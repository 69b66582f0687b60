import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CATALOG } from "../rules/knowledge/catalog.js";
import { lintSource } from "../src/index.js";
import { cli, cliAsync, tempDir } from "./helpers/cli.js";
import { FIXTURES } from "./helpers/fixtures.js";
import { renderFindings } from "./helpers/render.js";
import { startStandIn, type StandIn } from "./helpers/stand-in-server.js";

let server: StandIn | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The environment of a run with no key and no base URL of the caller's own. */
function env(extra: Record<string, string> = {}): Record<string, string> {
  return { CEREBRAS_API_KEY: "", CEREBRAS_BASE_URL: "", ...extra };
}

interface ModelsJson {
  models: { id: string; status: string; sources: string[]; live?: string; maxCompletionTokens?: number }[];
  sources: Record<string, { url?: string; path?: string; date: string }>;
  check?: { ok: boolean; reason?: string; url?: string; notInCatalog?: string[]; currentNotListed?: string[] };
}

describe("glm-migrate models", () => {
  it("prints the catalog with status, dates, limits and sources", () => {
    const { code, stdout } = cli(["models"], { env: env() });
    expect(code).toBe(0);
    const glm = stdout.split("\n").find((line) => line.startsWith("zai-glm-4.7 "))!;
    expect(glm.split(/\s{2,}/).slice(0, 7)).toEqual(["zai-glm-4.7", "current", "-", "-", "-", "131,072", "40,960"]);
    const llama = stdout.split("\n").find((line) => line.startsWith("llama3.1-8b "))!;
    expect(llama.split(/\s{2,}/).slice(0, 4)).toEqual(["llama3.1-8b", "retired", "2026-04-22", "2026-05-27"]);
    expect(stdout).toContain("https://inference-docs.cerebras.ai/support/deprecation (published 2026-04-22)");
    expect(stdout).toContain("openai/gpt-oss-120b = gpt-oss-120b");
  });

  it("--json gives every catalog model with the sources of its facts", () => {
    const { code, stdout } = cli(["models", "--json"], { env: env() });
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as ModelsJson;
    expect(json.models.map((model) => model.id)).toEqual(CATALOG.models.map((model) => model.id));
    for (const model of json.models) {
      expect(model.sources.length).toBeGreaterThan(0);
      for (const source of model.sources) expect(json.sources[source]?.date).toBeTruthy();
    }
    expect(json.check).toBeUndefined();
  });

  it("--check asks GET /v1/models with the key and reports what the API no longer lists", async () => {
    server = await startStandIn({ models: ["gpt-oss-120b", "brand-new-model"] });
    const { code, stdout, stderr } = await cliAsync(["models", "--check", "--base-url", `${server.url}/v1`], { env: env({ CEREBRAS_API_KEY: "csk-test" }) });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(server.authorizations).toEqual(["Bearer csk-test"]);
    const row = (id: string) => stdout.split("\n").find((line) => line.startsWith(`${id} `))!.split(/\s{2,}/);
    expect(row("gpt-oss-120b")[7]).toBe("listed");
    expect(row("zai-glm-4.7")[7]).toBe("not listed");
    expect(stdout).toContain("current in the catalog but not listed now: zai-glm-4.7");
    expect(stdout).toContain("listed but not in the catalog: brand-new-model");
    expect(stdout).not.toContain("csk-test");
  });

  it("--check --json, with the base URL from CEREBRAS_BASE_URL (no /v1)", async () => {
    server = await startStandIn({ models: ["zai-glm-4.7", "gpt-oss-120b"] });
    const { code, stdout } = await cliAsync(["models", "--check", "--json"], { env: env({ CEREBRAS_API_KEY: "k", CEREBRAS_BASE_URL: server.url }) });
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as ModelsJson;
    expect(json.check).toMatchObject({ ok: true, url: `${server.url}/v1/models`, notInCatalog: [], currentNotListed: [] });
    expect(json.models.find((model) => model.id === "llama3.1-8b")?.live).toBe("not listed");
    expect(json.models.find((model) => model.id === "glm-4.7")?.live).toBeUndefined();
  });

  it("no key, an error answer or no server: one line, then the catalog", async () => {
    server = await startStandIn({ models: ["gpt-oss-120b"] });
    const noKey = await cliAsync(["models", "--check", "--base-url", server.url], { env: env() });
    expect(noKey.code).toBe(0);
    expect(noKey.stderr).toBe("glm-migrate: models --check: CEREBRAS_API_KEY is not set; showing the catalog only\n");
    expect(noKey.stdout).toContain("zai-glm-4.7");
    expect(server.authorizations).toEqual([]);
    await server.close();

    server = await startStandIn({ modelsStatus: 401 });
    const refused = await cliAsync(["models", "--check", "--base-url", server.url], { env: env({ CEREBRAS_API_KEY: "wrong" }) });
    expect(refused.stderr.trim().split("\n")).toHaveLength(1);
    expect(refused.stderr).toContain("answered HTTP 401");
    expect(refused.stdout).toContain("zai-glm-4.7");
    const closedUrl = server.url;
    await server.close();
    server = undefined;

    const unreachable = await cliAsync(["models", "--check", "--json", "--base-url", closedUrl], { env: env({ CEREBRAS_API_KEY: "k" }) });
    expect(unreachable.code).toBe(0);
    expect(unreachable.stderr).toMatch(/^glm-migrate: models --check: cannot reach http:\/\/127\.0\.0\.1:\d+\/v1\/models \(ECONNREFUSED\); showing the catalog only\n$/);
    expect((JSON.parse(unreachable.stdout) as ModelsJson).check).toMatchObject({ ok: false });
  });
});

const CODE =
  'from cerebras.cloud.sdk import Cerebras\nclient = Cerebras()\n' +
  'client.chat.completions.create(model="zai-glm-4.7", messages=[])\n' +
  'client.chat.completions.create(model="gpt-oss-120b", messages=[])\n' +
  'client.chat.completions.create(model="brand-new-model", messages=[])\n';

describe("lint --check-models", () => {
  it("reports model IDs the live API does not list, and accepts new ones it does", async () => {
    server = await startStandIn({ models: ["gpt-oss-120b", "brand-new-model"] });
    const dir = tempDir();
    writeFileSync(join(dir, "app.py"), CODE);
    const { code, stdout } = await cliAsync(["lint", "--check-models", "--format", "json", "."], { cwd: dir, env: env({ CEREBRAS_API_KEY: "k", CEREBRAS_BASE_URL: server.url }) });
    expect(code).toBe(0);
    const messages = (JSON.parse(stdout) as { messages: { ruleId: string; line: number; message: string }[] }[]).flatMap((file) => file.messages);
    expect(messages.map((message) => [message.ruleId, message.line])).toEqual([["unknown-model", 3]]);
    expect(messages[0]!.message).toContain("the Cerebras API does not list it");
    expect(server.authorizations).toEqual(["Bearer k"]);
  });

  it("never touches the network without the flag; a failed check says so and lints against the catalog", async () => {
    server = await startStandIn({ models: ["gpt-oss-120b"] });
    const dir = tempDir();
    writeFileSync(join(dir, "app.py"), CODE);
    const plain = await cliAsync(["lint", "--format", "json", "."], { cwd: dir, env: env({ CEREBRAS_API_KEY: "k", CEREBRAS_BASE_URL: server.url }) });
    expect(server.authorizations).toEqual([]);
    const plainMessages = (JSON.parse(plain.stdout) as { messages: { line: number; message: string }[] }[]).flatMap((file) => file.messages);
    expect(plainMessages.map((message) => message.line)).toEqual([5]);
    expect(plainMessages[0]!.message).toContain("models --check");

    const noKey = await cliAsync(["lint", "--check-models", "--format", "json", "."], { cwd: dir, env: env({ CEREBRAS_BASE_URL: server.url }) });
    expect(noKey.stderr).toBe("glm-migrate: --check-models: CEREBRAS_API_KEY is not set; checking against the catalog only\n");
    expect(noKey.stdout).toBe(plain.stdout);
    expect(server.authorizations).toEqual([]);
  });
});

describe("unknown-model with the live list", () => {
  it("reports served-looking IDs the API does not list, and a target newer than the catalog; shows it in a snapshot", async () => {
    const source =
      'from cerebras.cloud.sdk import Cerebras\nclient = Cerebras()\n' +
      'client.chat.completions.create(model="zai-glm-4.7", messages=[])\n' +
      'client.chat.completions.create(model="my-new-model", messages=[])\n' +
      'client.chat.completions.create(model="zai-glm-5", messages=[])\n' +
      'client.chat.completions.create(model="gpt-oss-120b", messages=[])\n';
    const result = await lintSource(source, {
      filePath: "live.py",
      select: ["unknown-model"],
      target: { model: "zai-glm-5", allowUnknown: true, liveModels: ["gpt-oss-120b"] },
    });
    expect(result.messages.map((message) => [message.line, message.messageId])).toEqual([
      [3, "not-listed"],
      [4, "unknown-not-listed"],
      [5, "target-not-listed"],
    ]);
    // Beside the rule's fixtures, so the wordings only a live check produces are reviewed with the others.
    await expect(renderFindings(source, result.messages)).toMatchFileSnapshot(`${FIXTURES}unknown-model/live-check.snap`);
  });
});
