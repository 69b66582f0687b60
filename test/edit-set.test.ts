import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyEdits, overlaps, TakenEdits } from "../src/engine/edit-set.js";
import type { Edit } from "../src/model/rule.js";

const TEXT = "abcdefghijklmnopqrstuvwxyz";

const edit = fc
  .tuple(fc.nat(TEXT.length), fc.nat(4), fc.string({ maxLength: 3 }))
  .map(([start, length, text]): Edit => ({ start, end: Math.min(TEXT.length, start + length), text }));

/** The fix loop's rule, checked the plain way: against every edit taken before. */
function takenPlainly(candidates: readonly Edit[]): Edit[] {
  const taken: Edit[] = [];
  for (const candidate of candidates) if (!taken.some((other) => overlaps(candidate, other))) taken.push(candidate);
  return taken;
}

/** Splicing edits in from the end, one by one: what applyEdits must equal. */
function splice(text: string, edits: readonly Edit[]): string {
  let result = text;
  for (const one of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) result = result.slice(0, one.start) + one.text + result.slice(one.end);
  return result;
}

describe("edits taken in a fix pass", () => {
  it("takes the same edits as checking each against all taken before", () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 30 }), (candidates) => {
        const set = new TakenEdits(candidates);
        const taken: Edit[] = [];
        for (const candidate of candidates) {
          if (set.overlaps(candidate)) continue;
          set.add(candidate);
          taken.push(candidate);
        }
        expect(taken).toEqual(takenPlainly(candidates));
      }),
      { numRuns: 500 },
    );
  });

  it("applies edits that do not overlap as splicing them in from the end does", () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 30 }), (candidates) => {
        const taken = takenPlainly(candidates);
        expect(applyEdits(TEXT, taken)).toBe(splice(TEXT, taken));
      }),
      { numRuns: 500 },
    );
  });

  it("keeps the order of several insertions at one point", () => {
    const edits = [
      { start: 2, end: 2, text: "X" },
      { start: 2, end: 2, text: "Y" },
      { start: 2, end: 4, text: "-" },
    ];
    expect(applyEdits(TEXT, edits)).toBe(`abXY-${TEXT.slice(4)}`);
  });
});
