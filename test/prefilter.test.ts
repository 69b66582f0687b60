import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RULES } from "../rules/index.js";
import { checkText } from "../src/engine/process-file.js";
import { makePrefilter } from "../src/engine/prefilter.js";
import { activeRules, triggersOf } from "../src/engine/rules.js";
import { decode } from "../src/engine/decode.js";
import { languageForPath } from "../src/languages/index.js";
import { DEFAULT_TARGET } from "../src/model/rule.js";
import { ROOT } from "./helpers/cli.js";

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && languageForPath(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe("the prefilter", () => {
  it("never skips a file any rule reports in", async () => {
    // Every rule on, presets included; the files are checked without the prefilter.
    const rules = activeRules(RULES, new Map(RULES.map((rule) => [rule.meta.id, { severity: rule.meta.severity }])));
    const prefilter = makePrefilter(triggersOf(rules, DEFAULT_TARGET));
    const corpus = ["fixtures/rules", "fixtures/demo", "fixtures/requests", "fixtures/containers"].flatMap((dir) => files(join(ROOT, dir)));
    let reported = 0;
    for (const path of corpus) {
      const bytes = readFileSync(path);
      const decoded = decode(bytes);
      if ("error" in decoded) continue;
      const outcome = await checkText(path, languageForPath(path)!, decoded.text, { rules, target: DEFAULT_TARGET }, undefined);
      const ruleIds = new Set(outcome.messages.flatMap((message) => (message.ruleId ? [message.ruleId] : [])));
      if (ruleIds.size === 0) continue;
      reported++;
      // Each rule on its own, so one rule's trigger cannot cover for another's.
      for (const ruleId of ruleIds) {
        const own = makePrefilter(triggersOf(rules.filter((active) => active.rule.meta.id === ruleId), DEFAULT_TARGET));
        expect({ path, ruleId, passes: own(bytes) }).toEqual({ path, ruleId, passes: true });
      }
      expect(prefilter(bytes)).toBe(true);
    }
    expect(reported).toBeGreaterThan(40);
  });

  it("skips code that has nothing to do with the migration", () => {
    const rules = activeRules(RULES, new Map());
    const prefilter = makePrefilter(triggersOf(rules, DEFAULT_TARGET));
    const unrelated = ["import json\n\ndef load(path):\n    with open(path) as f:\n        return json.load(f)\n", "export const add = (a: number, b: number) => a + b;\n"];
    for (const text of unrelated) expect(prefilter(Buffer.from(text))).toBe(false);
    expect(prefilter(Buffer.from('MODEL = "zai-glm-4.6"\n'))).toBe(true);
    expect(prefilter(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('MODEL = "zai-glm-4.6"\n', "utf16le")]))).toBe(true);
  });
});
