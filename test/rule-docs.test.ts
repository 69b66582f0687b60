import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintSource, RULES } from "../src/index.js";
import type { RuleConfig } from "../src/engine/run.js";
import { FIXTURES } from "./helpers/fixtures.js";

function snapshotFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? snapshotFiles(join(dir, entry.name)) : entry.name.endsWith(".snap") ? [join(dir, entry.name)] : [],
  );
}

/**
 * Docs that are tests (Biome's `expect_diagnostic`): each rule's example, after its setup lines,
 * gives exactly one finding of the rule, and fixing it gives the setup and `useInstead`.
 */
function only(ruleId: string): Record<string, RuleConfig> {
  return Object.fromEntries(RULES.map((rule) => [rule.meta.id, rule.meta.id === ruleId ? rule.meta.severity : "off"]));
}

describe("rule docs", () => {
  for (const rule of RULES) {
    const { docs, id } = rule.meta;
    it(`${id}: the example gives exactly its finding${rule.meta.fix === "none" ? "" : ", and the fix gives useInstead"}`, async () => {
      const setup = docs.setup ?? "";
      const options = { filePath: docs.exampleFile ?? "example.py", rules: only(id) };
      const linted = await lintSource(setup + docs.example, options);
      expect(linted.messages.map((message) => message.ruleId)).toEqual([id]);
      if (rule.meta.fix === "none") return;
      const fixed = await lintSource(setup + docs.example, { ...options, fix: true, unsafeFixes: true });
      expect(fixed.output).toBe(setup + docs.useInstead);
    });
  }

  it("every wording is shown by some fixture's snapshot or a docs example: no message id is dead", async () => {
    const used = new Set<string>();
    for (const path of snapshotFiles(FIXTURES)) {
      for (const match of readFileSync(path, "utf8").matchAll(/^\d+:\d+ \w+ ([a-z-]+\/[a-z-]+)$/gm)) used.add(match[1]!);
    }
    for (const rule of RULES) {
      const { docs, id } = rule.meta;
      const linted = await lintSource((docs.setup ?? "") + docs.example, { filePath: docs.exampleFile ?? "example.py", rules: only(id) });
      for (const message of linted.messages) used.add(`${message.ruleId}/${message.messageId}`);
    }
    const declared = RULES.flatMap((rule) => Object.keys(rule.meta.messages ?? {}).map((messageId) => `${rule.meta.id}/${messageId}`));
    expect(declared.length).toBeGreaterThan(20);
    expect(declared.filter((id) => !used.has(id))).toEqual([]);
  });
});
