import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, tempDir } from "./helpers/cli.js";

/**
 * Configuration moving off Z.ai with every rule on, as users run it: each group moves whole or not
 * at all, and a Z.ai deployment kept beside a Cerebras one is information, not an error.
 */
describe("configuration moves from Z.ai", () => {
  it("fix --unsafe-fixes moves a group's key, URL and model together, leaves a blocked group whole, and a second run changes nothing", () => {
    const dir = tempDir();
    writeFileSync(join(dir, ".env"), "ZAI_API_KEY=your-key\nGLM_BASE_URL=https://api.z.ai/api/paas/v4\nZAI_MODEL=glm-4.6\n");
    const compose =
      "services:\n  vision:\n    environment:\n      - ZAI_API_KEY=${ZAI_API_KEY}\n" +
      "      - GLM_BASE_URL=https://api.z.ai/api/paas/v4\n      - ZAI_MODEL=glm-4.6v\n";
    writeFileSync(join(dir, "compose.yaml"), compose);
    const script = '#!/bin/sh\nexport ZHIPUAI_API_KEY="$ZHIPUAI_API_KEY"\nexport OPENAI_BASE_URL=https://open.bigmodel.cn/api/paas/v4\nexport MODEL=glm-4.7\n';
    writeFileSync(join(dir, "run.sh"), script);

    const first = cli(["fix", "--unsafe-fixes", "--no-gitignore", "."], { cwd: dir });
    expect(readFileSync(join(dir, ".env"), "utf8")).toBe("CEREBRAS_API_KEY=your-key\nGLM_BASE_URL=https://api.cerebras.ai/v1\nZAI_MODEL=zai-glm-4.7\n");
    expect(readFileSync(join(dir, "run.sh"), "utf8")).toBe(
      '#!/bin/sh\nexport CEREBRAS_API_KEY="$CEREBRAS_API_KEY"\nexport OPENAI_BASE_URL=https://api.cerebras.ai/v1\nexport MODEL=zai-glm-4.7\n',
    );
    // glm-4.6v has no Cerebras equivalent: the vision service keeps its key, URL and model.
    expect(readFileSync(join(dir, "compose.yaml"), "utf8")).toBe(compose);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain("glm-4.6v");

    const second = cli(["fix", "--unsafe-fixes", "--no-gitignore", "."], { cwd: dir });
    expect(second.stdout).not.toMatch(/Fixed \d+ problem/);
    expect(readFileSync(join(dir, ".env"), "utf8")).toContain("CEREBRAS_API_KEY=your-key");
  });

  it("reports a LiteLLM fallback on Z.ai beside its Cerebras deployment at info level only, and exits 0", () => {
    const dir = tempDir();
    const config =
      "model_list:\n  - model_name: glm\n    litellm_params:\n      model: cerebras/zai-glm-4.7\n      api_key: os.environ/CEREBRAS_API_KEY\n" +
      "  - model_name: glm-backup\n    litellm_params:\n      model: openai/glm-4.7\n      api_base: https://api.z.ai/api/paas/v4\n      api_key: os.environ/ZAI_API_KEY\n" +
      'router_settings:\n  fallbacks: [{"glm": ["glm-backup"]}]\n';
    writeFileSync(join(dir, "config.yaml"), config);
    const { code, stdout } = cli(["lint", "--format", "json", "config.yaml"], { cwd: dir });
    expect(code).toBe(0);
    const [result] = JSON.parse(stdout) as { errorCount: number; messages: { ruleId: string; severity: number; line: number; fix?: unknown }[] }[];
    expect(result!.errorCount).toBe(0);
    expect(result!.messages.map((message) => [message.ruleId, message.line, message.severity, message.fix === undefined])).toEqual([
      ["model-id", 8, 1, true],
      ["provider-endpoint", 9, 1, true],
    ]);
    expect(cli(["fix", "--unsafe-fixes", "config.yaml"], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, "config.yaml"), "utf8")).toBe(config);
  });

  it("--stay-on-zai leaves Z.ai configuration unreported and unmoved, and still checks Cerebras settings beside it", () => {
    const dir = tempDir();
    const env = "ZAI_API_KEY=your-key\nGLM_BASE_URL=https://api.z.ai/api/paas/v4\nZAI_MODEL=glm-4.6\nCEREBRAS_MODEL=zai-glm-4.6\n";
    writeFileSync(join(dir, "settings.env"), env);
    const { code, stdout } = cli(["lint", "--stay-on-zai", "--format", "json", "settings.env"], { cwd: dir });
    expect(code).toBe(1);
    const [result] = JSON.parse(stdout) as { messages: { ruleId: string; line: number }[] }[];
    expect(result!.messages.map((message) => [message.ruleId, message.line])).toEqual([["model-id", 4]]);
    cli(["fix", "--unsafe-fixes", "--stay-on-zai", "settings.env"], { cwd: dir });
    expect(readFileSync(join(dir, "settings.env"), "utf8")).toBe(env.replace("CEREBRAS_MODEL=zai-glm-4.6", "CEREBRAS_MODEL=zai-glm-4.7"));
  });
});
