import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";

export const FIXTURES = new URL("../../fixtures/rules/", import.meta.url).pathname;

export interface FixtureCase {
  rule: string;
  name: string;
  inputPath: string;
  input: string;
  /** Expected output of `fix` (safe fixes): the input itself when no file says otherwise. */
  fixed: string;
  /** Expected output of `fix --unsafe-fixes`, when the case has one. */
  unsafe?: string;
}

const VARIANT = /\.(fixed|unsafe)\.[^.]+$|\.(fixed|unsafe)$|\.snap$/;

/** `base.ext` → `base.fixed.ext`; `settings.env` → `settings.fixed.env`. */
export function variantPath(inputPath: string, variant: "fixed" | "unsafe"): string {
  const slash = inputPath.lastIndexOf("/");
  const name = inputPath.slice(slash + 1);
  const dot = name.indexOf(".", 1);
  const base = dot === -1 ? name : name.slice(0, dot);
  const rest = dot === -1 ? "" : name.slice(dot);
  return `${inputPath.slice(0, slash + 1)}${base}.${variant}${rest}`;
}

export function fixtureCases(): FixtureCase[] {
  const cases: FixtureCase[] = [];
  for (const rule of readdirSync(FIXTURES).sort()) {
    for (const name of readdirSync(join(FIXTURES, rule)).sort()) {
      if (VARIANT.test(name) || name.split(".").slice(1).some((part) => part === "fixed" || part === "unsafe")) continue;
      const inputPath = join(FIXTURES, rule, name);
      const input = readFileSync(inputPath, "utf8");
      const fixedPath = variantPath(inputPath, "fixed");
      const unsafePath = variantPath(inputPath, "unsafe");
      cases.push({
        rule,
        name,
        inputPath,
        input,
        fixed: existsSync(fixedPath) ? readFileSync(fixedPath, "utf8") : input,
        ...(existsSync(unsafePath) ? { unsafe: readFileSync(unsafePath, "utf8") } : {}),
      });
    }
  }
  return cases;
}

/** The snapshot of what a user sees for a fixture, stored beside it (`clients.py` → `clients.py.snap`). */
export function snapshotPath(inputPath: string): string {
  return `${inputPath}.snap`;
}

/**
 * The findings a fixture expects, from `expect: rule-a, rule-b/message-id` in a `#` or `//`
 * comment on the line where each finding starts; a `/message-id` also pins which wording the
 * rule uses; `syntax` marks a Markdown block or notebook cell that does not parse. Lines without a
 * marker must stay silent.
 */
export function expectedFindings(text: string): Map<number, string[]> {
  const expected = new Map<number, string[]>();
  text.split(/\r?\n/).forEach((line, index) => {
    // In a notebook the marker ends a JSON string of the cell's source: `... # expect: rule\n",`.
    const match = /(?:#|\/\/)\s*expect:\s*([a-z0-9/-]+(?:\s*,\s*[a-z0-9/-]+)*)\s*(?:(?:\\n)?",?)?\s*$/.exec(line);
    if (match) expected.set(index + 1, match[1]!.split(",").map((id) => id.trim()).sort());
  });
  return expected;
}
