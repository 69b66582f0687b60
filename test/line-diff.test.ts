import { createTwoFilesPatch } from "diff";
import { describe, expect, it } from "vitest";
import { unifiedDiff } from "../src/report/line-diff.js";

/** A text of distinct lines, and a copy with a local edit every few dozen lines, as fixes make. */
function edited(lines: number, seed: number): { before: string; after: string } {
  let state = seed;
  const next = (): number => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const before: string[] = [];
  const after: string[] = [];
  for (let index = 0; index < lines; index++) {
    const line = `line ${index} = call(${index})\n`;
    before.push(line);
    const roll = next();
    if (roll < 0.01) after.push(`line ${index} = fixed(${index})\n`);
    else if (roll < 0.015) after.push(line, `inserted after ${index}\n`);
    else if (roll >= 0.02 || index === 0) after.push(line);
  }
  return { before: before.join(""), after: after.join("") };
}

describe("the dry-run diff of a large file", () => {
  it("is the diff jsdiff writes, found in one walk", () => {
    for (const seed of [1, 2, 3]) {
      const { before, after } = edited(12_000, seed);
      expect(unifiedDiff("a/x.py", "b/x.py", before, after)).toBe(createTwoFilesPatch("a/x.py", "b/x.py", before, after, undefined, undefined, { context: 3 }));
    }
  });

  it("keeps a missing final line break", () => {
    const { before, after } = edited(12_000, 4);
    const cut = (text: string): string => `${text}last line`;
    expect(unifiedDiff("a/x.py", "b/x.py", cut(before), `${cut(after)} changed`)).toBe(
      createTwoFilesPatch("a/x.py", "b/x.py", cut(before), `${cut(after)} changed`, undefined, undefined, { context: 3 }),
    );
  });
});
