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
    const found = result.messages.map(
      (message: { cell: number; cellLine: number; cellColumn: number; ruleId: string }) => `cell ${message.cell} ${message.cellLine}:${message.cellColumn} ${message.ruleId}`,
    );
    // The client is made in cell 2 and used in cell 3; the markdown cell and the outputs are not code.
    expect(found).toEqual(["cell 3 2:11 model-id", "cell 3 4:5 extra-body-required", "cell 3 6:35 reasoning-content-field"]);
  });

  /** The 1-based line and column in the file where `needle` (as the JSON spells it) starts. */
  function filePosition(text: string, needle: string, from = 0): { line: number; column: number } {
    const offset = text.indexOf(needle, from);
    expect(offset).toBeGreaterThan(-1);
    const before = text.slice(0, offset).split("\n");
    return { line: before.length, column: before.at(-1)!.length + 1 };
  }

  describe("positions are the notebook file's own, in every format", () => {
    const text = readFileSync(NOTEBOOK, "utf8");
    // In the JSON the string literal "zai-glm-4.6" of cell 3 is spelt with escaped quotes.
    const model = filePosition(text, '\\"zai-glm-4.6\\"', text.indexOf('"id": "cell-2"'));
    const reasoning = filePosition(text, "reasoning_content)", text.indexOf('"id": "cell-2"'));

    it("json: line and column in the file, with the cell and the line and column in it", () => {
      const [result] = JSON.parse(cli(["lint", "--format", "json", NOTEBOOK]).stdout);
      const found = result.messages.find((message: { ruleId: string }) => message.ruleId === "model-id");
      expect(found).toMatchObject({ line: model.line, column: model.column, endLine: model.line, endColumn: model.column + '\\"zai-glm-4.6\\"'.length });
      expect(found).toMatchObject({ cell: 3, cellLine: 2, cellColumn: 11 });
      const read = result.messages.find((message: { ruleId: string }) => message.ruleId === "reasoning-content-field");
      expect(read).toMatchObject({ line: reasoning.line, column: reasoning.column, cell: 3, cellLine: 6, cellColumn: 35 });
    });

    it("sarif, github and junit point at the file's line", () => {
      const dir = tempDir();
      const copy = join(dir, "agent.ipynb");
      writeFileSync(copy, text);
      const sarif = JSON.parse(cli(["lint", "--format", "sarif", "agent.ipynb"], { cwd: dir }).stdout);
      const region = sarif.runs[0].results.find((result: { ruleId: string }) => result.ruleId === "model-id").locations[0].physicalLocation.region;
      expect(region).toMatchObject({ startLine: model.line, startColumn: model.column });
      const github = cli(["lint", "--format", "github", "agent.ipynb"], { cwd: dir }).stdout;
      expect(github).toContain(`::error file=agent.ipynb,line=${model.line},col=${model.column},`);
      const junit = cli(["lint", "--format", "junit", "agent.ipynb"], { cwd: dir }).stdout;
      expect(junit).toContain(`name="model-id at ${model.line}:${model.column}"`);
    });

    it("stylish says the cell and the line in it", () => {
      const { stdout } = cli(["lint", NOTEBOOK]);
      expect(stdout).toMatch(/^ {2}cell 3, line 2:11 {2}error {4}`zai-glm-4\.6` was deprecated/m);
    });
  });

  it("after fix, what remains is placed in the fixed file (one-string sources too)", () => {
    const dir = tempDir();
    const path = join(dir, "tokens.ipynb");
    const cell = [
      "from cerebras.cloud.sdk import Cerebras\n",
      "client = Cerebras()\n",
      'client.chat.completions.create(model="zai-glm-4.7", messages=[], max_tokens=100, temperature=0.1)\n',
    ].join("");
    const notebook = {
      cells: [{ cell_type: "code", metadata: {}, outputs: [], source: cell }],
      metadata: { language_info: { name: "python" } },
      nbformat: 4,
      nbformat_minor: 5,
    };
    writeFileSync(path, JSON.stringify(notebook, null, 1));
    const { stdout } = cli(["fix", "--format", "json", path]);
    const fixed = readFileSync(path, "utf8");
    expect(fixed).toContain("max_completion_tokens=100");
    const [result] = JSON.parse(stdout);
    const low = result.messages.find((message: { ruleId: string }) => message.ruleId === "low-temperature");
    // The finding is on the value.
    const at = filePosition(fixed, "0.1)");
    expect(low).toMatchObject({ line: at.line, column: at.column, cell: 1, cellLine: 3 });
    expect(low.cellColumn).toBe('client.chat.completions.create(model="zai-glm-4.7", messages=[], max_completion_tokens=100, temperature='.length + 1);
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
  it("inside list items are read less their indentation, and placed and fixed at it", () => {
    const dir = tempDir();
    const path = join(dir, "GUIDE.md");
    const text = [
      "1. Call the model:",
      "",
      "   ```python",
      "   from cerebras.cloud.sdk import Cerebras",
      "",
      "   Cerebras().chat.completions.create(",
      '       model="zai-glm-4.6",',
      "       messages=[],",
      "   )",
      "   ```",
      "",
    ].join("\n");
    writeFileSync(path, text);
    const [result] = JSON.parse(cli(["lint", "--format", "json", path]).stdout);
    const found = result.messages.find((message: { ruleId: string }) => message.ruleId === "model-id");
    expect(found).toMatchObject({ line: 7, column: '       model="'.length, endColumn: '       model="zai-glm-4.6"'.length + 1 });
    cli(["fix", path]);
    expect(readFileSync(path, "utf8")).toBe(text.replace("zai-glm-4.6", "zai-glm-4.7"));
  });

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
