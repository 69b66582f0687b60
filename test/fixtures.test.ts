import { describe, expect, it } from "vitest";
import { lintSource, RULES } from "../src/index.js";
import type { RuleConfig } from "../src/engine/run.js";
import { expectedFindings, fixtureCases, snapshotPath } from "./helpers/fixtures.js";
import { renderFindings } from "./helpers/render.js";

/** Only the fixture's own rule runs, so each fixture states exactly what that rule does. */
function only(ruleId: string): Record<string, RuleConfig> {
  const rules: Record<string, RuleConfig> = {};
  for (const rule of RULES) rules[rule.meta.id] = rule.meta.id === ruleId ? rule.meta.severity : "off";
  return rules;
}

const cases = fixtureCases();

describe("rule fixtures", () => {
  it("cover every rule", () => {
    const covered = new Set(cases.map((fixture) => fixture.rule));
    expect(RULES.map((rule) => rule.meta.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  for (const fixture of cases) {
    describe(`${fixture.rule}/${fixture.name}`, () => {
      const rules = only(fixture.rule);
      const filePath = fixture.inputPath;

      it("reports exactly the marked lines", async () => {
        const result = await lintSource(fixture.input, { filePath, rules });
        expect(result.messages.filter((message) => message.fatal)).toEqual([]);
        const expected = expectedFindings(fixture.input);
        const actual = new Map<number, string[]>();
        for (const message of result.messages) {
          // A marker that names a message id checks it; a bare rule id checks only the rule.
          const withId = `${message.ruleId}/${message.messageId}`;
          // A block or cell that does not parse is a warning of no rule: marked `syntax`.
          const token = expected.get(message.line)?.includes(withId) ? withId : (message.ruleId ?? (message.fatal ? "fatal" : "syntax"));
          actual.set(message.line, [...(actual.get(message.line) ?? []), token].sort());
        }
        expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
      });

      it("shows users what its snapshot shows (frame, message, fix title and safety)", async () => {
        const result = await lintSource(fixture.input, { filePath, rules });
        await expect(renderFindings(fixture.input, result.messages)).toMatchFileSnapshot(snapshotPath(filePath));
      });

      it("fixes to the expected output, and a second fix changes nothing", async () => {
        const first = await lintSource(fixture.input, { filePath, rules, fix: true });
        expect(first.output).toBe(fixture.fixed);
        const second = await lintSource(first.output!, { filePath, rules, fix: true });
        expect(second.output).toBe(first.output);
        expect(second.messages.filter((message) => message.fix)).toEqual([]);
      });

      if (fixture.unsafe !== undefined) {
        it("applies unsafe fixes only with --unsafe-fixes", async () => {
          const result = await lintSource(fixture.input, { filePath, rules, fix: true, unsafeFixes: true });
          expect(result.output).toBe(fixture.unsafe);
          expect(fixture.unsafe).not.toBe(fixture.fixed);
        });
      }
    });
  }
});
