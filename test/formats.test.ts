import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import { cli, ROOT, tempDir } from "./helpers/cli.js";

/** A small git repository with one finding of each severity, so every format has all three. */
function project(): string {
  const dir = tempDir("glm-formats-");
  execFileSync("git", ["init", "-q"], { cwd: dir });
  mkdirSync(join(dir, "src"));
  writeFileSync(
    join(dir, "src", "app.py"),
    [
      "from cerebras.cloud.sdk import Cerebras",
      "client = Cerebras()",
      'client.chat.completions.create(model="zai-glm-4.6", messages=[], temperature=0.1, tools=[{"type": "function"}])',
      "",
    ].join("\n"),
  );
  return dir;
}

describe("--format sarif", () => {
  it("validates against the SARIF 2.1.0 schema, with rules, levels, regions and fixes", () => {
    const dir = project();
    const { code, stdout } = cli(["lint", "--format", "sarif", "."], { cwd: dir });
    expect(code).toBe(1);
    const log = JSON.parse(stdout);
    const schema = JSON.parse(readFileSync(join(ROOT, "test", "schemas", "sarif-schema-2.1.0.json"), "utf8"));
    const ajv = new Ajv.default({ strict: false, allErrors: true });
    const valid = ajv.validate(schema, log);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);

    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe("glm-migrate");
    expect(driver.informationUri).toMatch(/^https:\/\//);
    const modelRule = driver.rules.find((rule: { id: string }) => rule.id === "model-id");
    expect(modelRule.helpUri).toMatch(/docs\/rules\/model-id\.md$/);
    expect(modelRule.help.text.length).toBeGreaterThan(20);

    const levels = log.runs[0].results.map((result: { ruleId: string; level: string }) => `${result.ruleId}:${result.level}`).sort();
    expect(levels).toEqual(["clear-thinking-agentic:note", "low-temperature:warning", "model-id:error"]);
    const modelResult = log.runs[0].results.find((result: { ruleId: string }) => result.ruleId === "model-id");
    const location = modelResult.locations[0].physicalLocation;
    expect(location.artifactLocation.uri).toBe("src/app.py");
    expect(location.region).toEqual({ startLine: 3, startColumn: 38, endLine: 3, endColumn: 51 });
    const replacement = modelResult.fixes[0].artifactChanges[0].replacements[0];
    expect(replacement.insertedContent.text).toBe("zai-glm-4.7");
    expect(replacement.deletedRegion).toEqual({ startLine: 3, startColumn: 39, endLine: 3, endColumn: 50 });
  });

  it("passes sarif-multitool validate", () => {
    const dir = project();
    const sarif = join(dir, "out.sarif");
    cli(["lint", "--format", "sarif", "-o", sarif, "."], { cwd: dir });
    const tool = join(ROOT, "node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool");
    expect(existsSync(tool)).toBe(true);
    // npm 11 does not run the package's postinstall chmod unless approved.
    if ((statSync(tool).mode & 0o100) === 0) chmodSync(tool, 0o755);
    const report = join(dir, "validation.sarif");
    execFileSync(tool, ["validate", sarif, "--output", report], { stdio: "pipe" });
    const findings = JSON.parse(readFileSync(report, "utf8")).runs[0].results as { level?: string; message: { text?: string } }[];
    expect(findings.filter((finding) => finding.level === "error")).toEqual([]);
  });
});

describe("--format github", () => {
  it("prints a workflow command per finding, with escaped text and repository-relative paths", () => {
    const dir = project();
    const { stdout } = cli(["lint", "--format", "github", "src"], { cwd: dir });
    const lines = stdout.trim().split("\n").sort();
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^::error file=src\/app\.py,line=3,col=38,endLine=3,endColumn=51,title=glm-migrate \(model-id\)::`zai-glm-4\.6` was deprecated/);
    expect(lines.some((line) => line.startsWith("::warning file=src/app.py,line=3,") && line.includes("title=glm-migrate (low-temperature)"))).toBe(true);
    expect(lines.some((line) => line.startsWith("::notice file=src/app.py,line=3,"))).toBe(true);
  });
});

describe("--format junit", () => {
  it("writes a suite per file and a failing case per finding", () => {
    const dir = project();
    const { stdout } = cli(["lint", "--format", "junit", "."], { cwd: dir });
    expect(stdout.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<testsuites name="glm-migrate" tests="3" failures="3"')).toBe(true);
    expect(stdout).toContain('<testsuite name="src/app.py" tests="3" failures="3"');
    expect(stdout).toMatch(/<testcase classname="src\/app\.py" name="model-id at 3:38" time="0"><failure message="`zai-glm-4\.6` was deprecated[^"]*" type="error">/);
    expect(stdout.trim().endsWith("</testsuites>")).toBe(true);
  });
});

describe("-o/--output-file", () => {
  it("writes the report to a file and nothing to stdout", () => {
    const dir = project();
    const { code, stdout } = cli(["lint", "--format", "json", "-o", "reports/lint.json", "."], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(JSON.parse(readFileSync(join(dir, "reports", "lint.json"), "utf8"))[0].errorCount).toBe(1);
  });
});

describe("streamed reports", () => {
  /** The demo's findings over several files, with fixes, in each streamed format. */
  const report = (format: string, ...extra: string[]) => cli(["lint", "--format", format, ...extra, "."], { cwd: join(ROOT, "fixtures", "demo") });

  it("json and sarif are exactly what JSON.stringify writes for the same values", () => {
    const json = report("json").stdout;
    const files = JSON.parse(json);
    expect(files.length).toBeGreaterThan(2);
    expect(json).toBe(`${JSON.stringify(files)}\n`);
    const sarif = report("sarif").stdout;
    const log = JSON.parse(sarif);
    expect(log.runs[0].results.length).toBeGreaterThan(10);
    expect(log.runs[0].results.some((result: { fixes?: unknown }) => result.fixes)).toBe(true);
    expect(sarif).toBe(`${JSON.stringify(log, null, 2)}\n`);
  });

  it("written to a file, each format is the same as on stdout", () => {
    const dir = tempDir();
    for (const format of ["json", "sarif", "junit", "github"]) {
      const path = join(dir, `report.${format}`);
      expect(report(format, "-o", path).stdout).toBe("");
      // JUnit's total time is the run's own.
      const timeless = (text: string) => text.replace(/ time="[\d.]+">/, ' time="">');
      expect(timeless(readFileSync(path, "utf8"))).toBe(timeless(report(format).stdout));
    }
    const junit = readFileSync(join(dir, "report.junit"), "utf8");
    const cases = junit.match(/<testcase /g)?.length ?? 0;
    expect(junit).toContain(`<testsuites name="glm-migrate" tests="${cases}" failures="${cases}"`);
    expect(junit.match(/<testsuite /g)?.length).toBe(junit.match(/<\/testsuite>/g)?.length);
  });

  it("a report with no findings is still whole", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "ok.py"), 'MODEL = "zai-glm-4.7"\n');
    expect(JSON.parse(cli(["lint", "--format", "sarif", "."], { cwd: dir }).stdout).runs[0].results).toEqual([]);
    expect(cli(["lint", "--format", "json", "."], { cwd: dir }).stdout).toBe("[]\n");
    expect(cli(["lint", "--format", "junit", "."], { cwd: dir }).stdout).toMatch(/tests="0" failures="0" errors="0" time="[\d.]+">\n<\/testsuites>\n$/);
  });
});

describe("thresholds and selection", () => {
  const run = (...args: string[]) => cli(["lint", ...args, "."], { cwd: project() });

  it("--quiet reports errors only", () => {
    const { stdout } = run("--quiet", "--format", "json");
    expect(JSON.parse(stdout)[0].messages.map((message: { ruleId: string }) => message.ruleId)).toEqual(["model-id"]);
  });

  it("--rule changes a severity, so warnings alone may pass or fail with --max-warnings", () => {
    expect(run("--rule", "model-id:warn").code).toBe(0);
    expect(run("--rule", "model-id:warn", "--max-warnings", "1").code).toBe(1);
    expect(run("--rule", "model-id:warn", "--max-warnings", "2").code).toBe(0);
  });

  it("--select and --ignore pick the rules", () => {
    const selected = JSON.parse(run("--select", "low-temperature", "--format", "json").stdout)[0];
    expect(selected.messages.map((message: { ruleId: string }) => message.ruleId)).toEqual(["low-temperature"]);
    const ignored = JSON.parse(run("--ignore", "model-id,low-temperature", "--format", "json").stdout)[0];
    expect(ignored.messages.map((message: { ruleId: string }) => message.ruleId)).toEqual(["clear-thinking-agentic"]);
  });

  it("--exit-zero exits 0 with errors, but a usage error still exits 2", () => {
    expect(run("--exit-zero").code).toBe(0);
    const bad = run("--exit-zero", "--rule", "modle-id:off");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('glm-migrate: --rule: unknown rule `modle-id` (did you mean "model-id"?)\n');
  });
});
