import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse as parseJsonc } from "jsonc-parser";
import { describe, expect, it } from "vitest";
import { cli, ROOT, tempDir } from "./helpers/cli.js";

const BAD = 'MODEL = "zai-glm-4.6"\n';

function ruleIds(stdout: string): string[] {
  return (JSON.parse(stdout) as { filePath: string; messages: { ruleId: string }[] }[]).flatMap((result) =>
    result.messages.map((message) => message.ruleId),
  );
}

describe("configuration files", () => {
  it("glm-migrate.config.json sets rules, exclude and overrides, found from the file upward", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "tests"));
    mkdirSync(join(dir, "vendor"));
    writeFileSync(
      join(dir, "glm-migrate.config.json"),
      JSON.stringify({
        rules: { "model-id": "warn" },
        exclude: ["vendor/**"],
        overrides: [{ files: ["tests/**"], rules: { "model-id": "off" } }],
      }),
    );
    writeFileSync(join(dir, "app.py"), BAD);
    writeFileSync(join(dir, "tests", "test_app.py"), BAD);
    writeFileSync(join(dir, "vendor", "lib.py"), BAD);
    const { code, stdout } = cli(["lint", "--format", "json", "."], { cwd: join(dir, "tests") === dir ? dir : dir });
    expect(code).toBe(0);
    const results = JSON.parse(stdout) as { filePath: string; messages: { ruleId: string; severity: number }[] }[];
    expect(results.map((result) => result.filePath)).toEqual([join(dir, "app.py")]);
    expect(results[0]!.messages.map((message) => [message.ruleId, message.severity])).toEqual([["model-id", 1]]);
    // Run from a subfolder: the config above still applies.
    expect(ruleIds(cli(["lint", "--format", "json", "."], { cwd: join(dir, "tests") }).stdout)).toEqual([]);
  });

  it("reads a \"glm-migrate\" key in package.json and [tool.glm-migrate] in pyproject.toml", () => {
    const js = tempDir();
    writeFileSync(join(js, "package.json"), JSON.stringify({ name: "x", "glm-migrate": { rules: { "model-id": "off" } } }));
    writeFileSync(join(js, "a.ts"), 'const MODEL = "zai-glm-4.6";\n');
    expect(ruleIds(cli(["lint", "--format", "json", "."], { cwd: js }).stdout)).toEqual([]);

    const py = tempDir();
    writeFileSync(join(py, "pyproject.toml"), '[project]\nname = "x"\n\n[tool.glm-migrate.target]\nmodel = "zai-glm-5"\nallowUnknown = true\n');
    writeFileSync(join(py, "a.py"), BAD);
    const fixed = cli(["fix", "."], { cwd: py });
    expect(fixed.code).toBe(0);
    expect(readFileSync(join(py, "a.py"), "utf8")).toBe('MODEL = "zai-glm-5"\n');
  });

  it("--config names one file for all, and --no-config reads none", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "glm-migrate.config.json"), JSON.stringify({ rules: { "model-id": "off" } }));
    writeFileSync(join(dir, "strict.json"), JSON.stringify({ rules: { "model-id": "error" } }));
    writeFileSync(join(dir, "a.py"), BAD);
    expect(cli(["lint", "."], { cwd: dir }).code).toBe(0);
    expect(cli(["lint", "--config", "strict.json", "."], { cwd: dir }).code).toBe(1);
    expect(cli(["lint", "--no-config", "."], { cwd: dir }).code).toBe(1);
  });

  it("an unknown key, rule or value is exit 2 with the file, the key path and a suggestion", () => {
    const cases: [unknown, string][] = [
      [{ rulez: {} }, 'glm-migrate.config.json: rulez: unknown key "rulez" (did you mean "rules"?)'],
      [{ rules: { "modle-id": "off" } }, 'glm-migrate.config.json: rules.modle-id: unknown rule "modle-id" (did you mean "model-id"?)'],
      [{ target: { reasoningOff: "disable-reasoning" } }, 'glm-migrate.config.json: target.reasoningOff: "disable-reasoning" is not one of reasoning_effort, disable_reasoning (did you mean "disable_reasoning"?)'],
      [{ rules: { "model-id": "eror" } }, 'glm-migrate.config.json: rules.model-id: "eror" is not one of off, info, warn, warning, error (did you mean "error"?)'],
      [{ rules: { "model-id": ["warn", { keep: "x" }] } }, 'glm-migrate.config.json: rules.model-id.1.keep: unknown key "keep"'],
      [{ rules: { "low-temperature": ["warn", { threshold: "high" }] } }, "glm-migrate.config.json: rules.low-temperature.1.threshold: must be number"],
    ];
    for (const [config, message] of cases) {
      const dir = tempDir();
      writeFileSync(join(dir, "glm-migrate.config.json"), JSON.stringify(config));
      writeFileSync(join(dir, "a.py"), BAD);
      const { code, stderr } = cli(["lint", "."], { cwd: dir });
      expect(code).toBe(2);
      expect(stderr).toBe(`glm-migrate: ${join(dir, message)}\n`);
    }
  });

  it("a config that is not valid JSON is exit 2 with the line", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "glm-migrate.config.json"), '{\n  "rules": {\n    "model-id": "off",,\n  }\n}\n');
    writeFileSync(join(dir, "a.py"), BAD);
    const { code, stderr } = cli(["lint", "."], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toBe(`glm-migrate: ${join(dir, "glm-migrate.config.json")}: not valid JSON (line 3: property name expected)\n`);
  });

  it("init points $schema into node_modules, relative to the config file, when glm-migrate is installed there", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "node_modules", "glm-migrate"), { recursive: true });
    copyFileSync(join(ROOT, "schema.json"), join(dir, "node_modules", "glm-migrate", "schema.json"));
    mkdirSync(join(dir, "packages", "api"), { recursive: true });
    for (const [cwd, expected] of [
      [dir, "./node_modules/glm-migrate/schema.json"],
      [join(dir, "packages", "api"), "../../node_modules/glm-migrate/schema.json"],
    ] as const) {
      expect(cli(["init"], { cwd }).code).toBe(0);
      const text = readFileSync(join(cwd, "glm-migrate.config.json"), "utf8");
      expect(parseJsonc(text).$schema).toBe(expected);
      expect(existsSync(resolve(cwd, expected))).toBe(true);
      writeFileSync(join(cwd, "a.py"), BAD);
      expect(cli(["lint", "a.py"], { cwd }).code).toBe(1);
    }
  });

  it("init writes a commented config that loads, and --print-config shows what applies to a file", () => {
    const dir = tempDir();
    const init = cli(["init"], { cwd: dir });
    expect(init.code).toBe(0);
    const text = readFileSync(join(dir, "glm-migrate.config.json"), "utf8");
    // Not installed in a node_modules here: no $schema, rather than a URL of an unpublished package.
    expect(text).not.toContain("$schema");
    expect(text).toContain("// ");
    expect(cli(["init"], { cwd: dir }).code).toBe(2);
    writeFileSync(join(dir, "a.py"), BAD);
    expect(cli(["lint", "."], { cwd: dir }).code).toBe(1);
    const printed = JSON.parse(cli(["lint", "--print-config", "a.py", "--rule", "low-temperature:off"], { cwd: dir }).stdout);
    expect(printed.configFile).toBe(join(dir, "glm-migrate.config.json"));
    expect(printed.target).toEqual({ model: "zai-glm-4.7", reasoningOff: "reasoning_effort" });
    expect(printed.rules["low-temperature"]).toBe("off");
  });

  it("the published schema.json is the one the rules describe", async () => {
    const { configSchema } = await import("../src/config/schema.js");
    const { RULES } = await import("../rules/index.js");
    const published = JSON.parse(readFileSync(new URL("../schema.json", import.meta.url), "utf8"));
    expect(published).toEqual(configSchema(RULES));
  });

  it("docs/rules holds every rule's documentation as published", async () => {
    const { ruleMarkdown } = await import("../src/report/rule-docs.js");
    const { RULES } = await import("../rules/index.js");
    for (const rule of RULES) {
      const published = readFileSync(new URL(`../docs/rules/${rule.meta.id}.md`, import.meta.url), "utf8");
      expect(published).toBe(ruleMarkdown(rule));
    }
  });
});
