import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, ROOT, tempDir } from "./helpers/cli.js";

const NOTEBOOK = join(ROOT, "fixtures", "containers", "agent.ipynb");

describe("Jupyter notebooks", () => {
  it("are checked as one program, cell by cell, with positions by cell and line", () => {
    const { code, stdout } = cli(["lint", "--format", "json", NOTEBOOK]);
    expect(code).toBe(1);
    const [result] = JSON.parse(stdout);
    const found = result.messages.map((message: { cell: number; line: number; column: number; ruleId: string }) => `cell ${message.cell} ${message.line}:${message.column} ${message.ruleId}`);
    // The client is made in cell 2 and used in cell 3; the markdown cell and the outputs are not code.
    expect(found).toEqual(["cell 3 2:11 model-id", "cell 3 4:5 extra-body-required", "cell 3 6:35 reasoning-content-field"]);
  });

  it("fix rewrites only the edited cells' sources; the rest of the JSON stays byte for byte", () => {
    const dir = tempDir();
    const copy = join(dir, "agent.ipynb");
    writeFileSync(copy, readFileSync(NOTEBOOK));
    const { code, stdout } = cli(["fix", copy]);
    expect(code).toBe(0);
    expect(stdout).toContain("Fixed 3 problems in 1 file.");
    expect(readFileSync(copy, "utf8")).toBe(readFileSync(join(ROOT, "fixtures", "containers", "agent.fixed.ipynb"), "utf8"));
    expect(cli(["fix", copy]).stdout).not.toContain("Fixed");
  });

  it("keeps IPython magics and shell escapes out of the parser", () => {
    const dir = tempDir();
    const path = join(dir, "magic.ipynb");
    const notebook = {
      cells: [{ cell_type: "code", metadata: {}, outputs: [], source: ["!pip install cerebras-cloud-sdk\n", "%load_ext autoreload\n", 'MODEL = "zai-glm-4.6"\n'] }],
      metadata: { language_info: { name: "python" } },
      nbformat: 4,
      nbformat_minor: 5,
    };
    writeFileSync(path, JSON.stringify(notebook, null, 1));
    cli(["fix", path]);
    const fixed = JSON.parse(readFileSync(path, "utf8"));
    expect(fixed.cells[0].source).toEqual(["!pip install cerebras-cloud-sdk\n", "%load_ext autoreload\n", 'MODEL = "zai-glm-4.7"\n']);
  });
});

describe("Markdown code blocks", () => {
  const GUIDE = join(ROOT, "fixtures", "rules", "model-id", "README.md");

  it("are read by default, and skipped with \"markdown\": false in the config", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "README.md"), readFileSync(GUIDE));
    const before = cli(["lint", "--format", "json", "."], { cwd: dir });
    expect(before.code).toBe(1);
    expect(JSON.parse(before.stdout)[0].messages.length).toBeGreaterThan(0);
    writeFileSync(join(dir, "glm-migrate.config.json"), JSON.stringify({ markdown: false }));
    const after = cli(["lint", "--format", "json", "."], { cwd: dir });
    expect(after.code).toBe(0);
    expect(JSON.parse(after.stdout)).toEqual([]);
  });
});
