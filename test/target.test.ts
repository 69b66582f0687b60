import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, tempDir } from "./helpers/cli.js";

const OLD = 'from openai import OpenAI\nclient = OpenAI(base_url="https://api.cerebras.ai/v1")\nclient.chat.completions.create(model="zai-glm-4.6", messages=[])\n';

function project(config?: object): string {
  const dir = tempDir();
  writeFileSync(join(dir, "app.py"), OLD);
  if (config) writeFileSync(join(dir, "glm-migrate.config.json"), JSON.stringify(config));
  return dir;
}

describe("the target model is checked against the catalog", () => {
  it("--target-model with a typo is exit 2 with one line and a did-you-mean, and writes nothing", () => {
    const dir = project();
    const { code, stdout, stderr } = cli(["fix", "--target-model", "zai-glm4.7", "."], { cwd: dir });
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toContain("--target-model: `zai-glm4.7` is not a current Cerebras model");
    expect(stderr).toContain('did you mean "zai-glm-4.7"?');
    expect(stderr).toContain("--allow-unknown-target");
    expect(readFileSync(join(dir, "app.py"), "utf8")).toBe(OLD);
  });

  it("a retired model is not a target either", () => {
    const { code, stderr } = cli(["lint", "--target-model", "llama-3.3-70b", "."], { cwd: project() });
    expect(code).toBe(2);
    expect(stderr).toContain("`llama-3.3-70b` is not a current Cerebras model");
  });

  it("a current Cerebras model is accepted, and --allow-unknown-target lets a newer one through", () => {
    const dir = project();
    expect(cli(["fix", "--target-model", "gpt-oss-120b", "."], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, "app.py"), "utf8")).toContain('model="gpt-oss-120b"');
    const newer = project();
    expect(cli(["fix", "--target-model", "zai-glm-5", "--allow-unknown-target", "."], { cwd: newer }).code).toBe(0);
    expect(readFileSync(join(newer, "app.py"), "utf8")).toContain('model="zai-glm-5"');
  });

  it("config target.model with a typo is exit 2 naming the file and key; target.allowUnknown allows it", () => {
    const dir = project({ target: { model: "zai-glm4.7" } });
    const { code, stdout, stderr } = cli(["fix", "."], { cwd: dir });
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toContain(`${join(dir, "glm-migrate.config.json")}: target.model: \`zai-glm4.7\` is not a current Cerebras model`);
    expect(stderr).toContain('did you mean "zai-glm-4.7"?');
    expect(stderr).toContain('"allowUnknown": true');
    expect(readFileSync(join(dir, "app.py"), "utf8")).toBe(OLD);

    const allowed = project({ target: { model: "zai-glm-5", allowUnknown: true } });
    expect(cli(["fix", "."], { cwd: allowed }).code).toBe(0);
    expect(readFileSync(join(allowed, "app.py"), "utf8")).toContain('model="zai-glm-5"');
    // The flag also allows the config's model.
    const flagged = project({ target: { model: "zai-glm-5" } });
    expect(cli(["lint", "--allow-unknown-target", "."], { cwd: flagged }).code).toBe(1);
  });

  it("allowUnknown must be a boolean", () => {
    const { code, stderr } = cli(["lint", "."], { cwd: project({ target: { allowUnknown: "yes" } }) });
    expect(code).toBe(2);
    expect(stderr).toContain("target.allowUnknown");
  });
});
