import { describe, expect, it } from "vitest";
import { fixText } from "../src/engine/lint-text.js";
import type { ActiveRule } from "../src/engine/rules.js";
import { DEFAULT_TARGET, Fix, type Rule } from "../src/model/rule.js";

/** A rule made for the test: it reports each model string and fixes it as `edit` says. */
function fakeRule(edit: (text: string, start: number, end: number) => { start: number; end: number; text: string } | undefined): ActiveRule {
  const rule: Rule = {
    meta: {
      id: "fake",
      severity: "error",
      fix: "safe",
      languages: ["python"],
      triggers: ["model"],
      messages: { fake: "fake" },
      docs: { summary: "", whatItDoes: "", why: "", example: "", useInstead: "", source: "" },
    },
    check({ file, report }) {
      for (const model of file.models) {
        const change = edit(file.text, model.value.range.start, model.value.range.end);
        report({ range: model.value.range, messageId: "fake", fix: Fix.safe(change ? [change] : undefined, "Change it") });
      }
    },
  };
  return { rule, severity: "error", options: {} };
}

const context = (rule: ActiveRule) => ({ rules: [rule], target: DEFAULT_TARGET });

describe("the fix loop", () => {
  it("never keeps a fix whose result does not parse", async () => {
    const source = 'model = "a"\nother_model = "b"\n';
    // Replacing a string with an unclosed bracket breaks the file.
    const breaking = fakeRule((text, start, end) => ({ start, end, text: text.slice(start, end) === '"a"' ? "(" : '"fixed"' }));
    const result = await fixText("t.py", "python", source, context(breaking), new Set(["safe"]));
    expect(result.text).toBe('model = "a"\nother_model = "fixed"\n');
    expect(result.broken.map((diagnostic) => diagnostic.message)).toEqual(["fake"]);
  });

  it("applies overlapping fixes over several passes until nothing changes", async () => {
    const source = 'model = "x"\n';
    // Each pass wraps the string once more, until it is four levels deep.
    const growing = fakeRule((text, start, end) => {
      const value = text.slice(start, end);
      return value.length < '"xxxx"'.length ? { start, end, text: value.replace('"', '"x') } : undefined;
    });
    const result = await fixText("t.py", "python", source, context(growing), new Set(["safe"]));
    expect(result.text).toBe('model = "xxxx"\n');
    expect(result.fixesApplied).toBe(3);
  });

  it("stops after ten passes when a fix never settles", async () => {
    const source = 'model = "x"\n';
    const endless = fakeRule((text, start, end) => ({ start, end, text: text.slice(start, end).replace('"', '"x') }));
    const result = await fixText("t.py", "python", source, context(endless), new Set(["safe"]));
    expect(result.text).toBe(`model = "${"x".repeat(11)}"\n`);
    expect(result.fixesApplied).toBe(10);
  });
});
