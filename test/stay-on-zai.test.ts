import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, tempDir } from "./helpers/cli.js";

/** One Z.ai-bound request and one Cerebras-bound request, both sending Z.ai's `tool_stream`. */
const APP = `import os

from openai import OpenAI
from zai import ZaiClient

zai = ZaiClient()
cerebras = OpenAI(base_url="https://api.cerebras.ai/v1", api_key=os.environ["CEREBRAS_API_KEY"])

zai.chat.completions.create(model="glm-4.7", messages=[], stream=True, tool_stream=True)
cerebras.chat.completions.create(model="zai-glm-4.7", messages=[], stream=True, extra_body={"tool_stream": True})
`;

function project(config?: object): string {
  const dir = tempDir("glm-stay-");
  writeFileSync(join(dir, "app.py"), APP);
  if (config) writeFileSync(join(dir, "glm-migrate.config.json"), JSON.stringify(config));
  return dir;
}

/** Rule ids by line of a JSON lint report. */
function findings(dir: string, ...flags: string[]): Record<number, string[]> {
  const result = cli(["lint", "--format", "json", ...flags, "app.py"], { cwd: dir });
  expect(result.stderr).toBe("");
  const byLine: Record<number, string[]> = {};
  for (const message of JSON.parse(result.stdout)[0].messages as { line: number; ruleId: string }[]) {
    (byLine[message.line] ??= []).push(message.ruleId);
  }
  return byLine;
}

describe("staying on Z.ai on purpose", () => {
  it("by default, a Z.ai-bound request gets its move and the whole bill of it", () => {
    const byLine = findings(project());
    expect(byLine[6]).toContain("provider-endpoint");
    expect(byLine[9]).toEqual(expect.arrayContaining(["model-id", "unsupported-param"]));
    expect(byLine[10]).toContain("unsupported-param");
  });

  for (const [how, config, flags] of [
    ["--stay-on-zai", undefined, ["--stay-on-zai"]],
    ["target.stayOnZai in the config", { target: { stayOnZai: true } }, []],
  ] as const) {
    it(`${how} turns off the move and the bill for Z.ai, and keeps the same rules on Cerebras-bound requests`, () => {
      const dir = project(config);
      const byLine = findings(dir, ...flags);
      expect(byLine[6]).toBeUndefined();
      expect(byLine[9]).toBeUndefined();
      expect(byLine[10]).toContain("unsupported-param");
      const fixed = cli(["fix", "--unsafe-fixes", ...flags, "app.py"], { cwd: dir });
      expect(fixed.code).toBe(0);
      const lines = readFileSync(join(dir, "app.py"), "utf8").split("\n");
      expect(lines.slice(0, 9)).toEqual(APP.split("\n").slice(0, 9));
      expect(lines[9]).toBe('cerebras.chat.completions.create(model="zai-glm-4.7", messages=[], stream=True)');
    });
  }
});
