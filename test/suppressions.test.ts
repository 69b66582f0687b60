import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, tempDir } from "./helpers/cli.js";

interface JsonResult {
  messages: { ruleId: string | null; line: number; message: string }[];
}

function lint(files: Record<string, string>, args: string[] = []): { code: number; findings: string[] } {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const { code, stdout } = cli(["lint", "--format", "json", ...args, "."], { cwd: dir });
  const results = JSON.parse(stdout) as JsonResult[];
  return { code, findings: results.flatMap((result) => result.messages.map((message) => `${message.line}:${message.ruleId}`)) };
}

describe("suppression comments", () => {
  it("silence the rules they name on their own line", () => {
    const { code, findings } = lint({
      "a.py": [
        'A_MODEL = "zai-glm-4.6"  # glm-migrate-ignore[model-id] -- kept for the replay tests',
        'B_MODEL = "zai-glm-4.6"  # glm-migrate-ignore[extra-body-required]',
        'C_MODEL = "zai-glm-4.6"  # glm-migrate-ignore',
        "",
      ].join("\n"),
    });
    expect(findings).toEqual(["2:model-id"]);
    expect(code).toBe(1);
  });

  it("silence the next line", () => {
    const { findings } = lint({
      "a.ts": ["// glm-migrate-ignore-next-line[model-id]", 'const A_MODEL = "zai-glm-4.6";', 'const B_MODEL = "zai-glm-4.6";', ""].join("\n"),
    });
    expect(findings).toEqual(["3:model-id"]);
  });

  it("silence a whole file, in every format's comments", () => {
    const { code, findings } = lint({
      "a.py": '# glm-migrate-ignore-file[model-id]\nMODEL = "zai-glm-4.6"\nOTHER_MODEL = "zai-glm-4.6"\n',
      "b.yaml": "# glm-migrate-ignore-file\nmodel: zai-glm-4.6\n",
      "c.env": "MODEL=zai-glm-4.6 # glm-migrate-ignore[model-id]\n",
    });
    expect(findings).toEqual([]);
    expect(code).toBe(0);
  });

  it("keep fix from touching what they silence", () => {
    const dir = tempDir();
    const file = join(dir, "a.py");
    const source = 'MODEL = "zai-glm-4.6"  # glm-migrate-ignore[model-id]\nOTHER_MODEL = "zai-glm-4.6"\n';
    writeFileSync(file, source);
    cli(["fix", file]);
    expect(readFileSync(file, "utf8")).toBe('MODEL = "zai-glm-4.6"  # glm-migrate-ignore[model-id]\nOTHER_MODEL = "zai-glm-4.7"\n');
  });

  it("that silence nothing are reported on request", () => {
    const files = {
      "a.py": [
        'MODEL = "zai-glm-4.7"  # glm-migrate-ignore[model-id]',
        'OTHER_MODEL = "zai-glm-4.6"  # glm-migrate-ignore[model-id, modle-id]',
        "",
      ].join("\n"),
    };
    expect(lint(files).findings).toEqual([]);
    const reported = lint(files, ["--report-unused-suppressions"]);
    expect(reported.findings).toEqual(["1:unused-suppression", "2:unused-suppression"]);
  });
});
