import { describe, expect, it } from "vitest";
import { applyEdits } from "../src/engine/lint-text.js";
import { appendEntries, removeEntries } from "../src/model/edits.js";
import type { EntryList } from "../src/model/types.js";

/** An argument list over `text`: entries are the comma-separated items between the parentheses. */
function argsOf(text: string): EntryList {
  const open = text.indexOf("(");
  const close = text.lastIndexOf(")");
  const entries = [];
  for (const match of text.slice(open + 1, close).matchAll(/[a-z_]+=[^,\n)#]+/g)) {
    const start = open + 1 + match.index;
    const end = start + match[0].trimEnd().length;
    const eq = text.indexOf("=", start);
    entries.push({
      key: text.slice(start, eq),
      value: { kind: "other" as const, range: { start: eq + 1, end } },
      range: { start, end },
    });
  }
  return { entries, range: { start: open, end: close + 1 }, inner: { start: open + 1, end: close } };
}

function remove(text: string, indices: number[]): string {
  return applyEdits(text, removeEntries(text, argsOf(text), indices));
}

describe("removeEntries", () => {
  it("removes from an inline list, keeping the separators of what stays", () => {
    expect(remove("f(a=1, b=2, c=3)", [1])).toBe("f(a=1, c=3)");
    expect(remove("f(a=1, b=2, c=3)", [0])).toBe("f(b=2, c=3)");
    expect(remove("f(a=1, b=2, c=3)", [2])).toBe("f(a=1, b=2)");
    expect(remove("f(a=1, b=2, c=3)", [0, 1])).toBe("f(c=3)");
    expect(remove("f(a=1, b=2, c=3)", [1, 2])).toBe("f(a=1)");
    expect(remove("f(a=1, b=2,)", [1])).toBe("f(a=1,)");
  });

  it("empties a list whose every entry goes", () => {
    expect(remove("f(a=1, b=2)", [0, 1])).toBe("f()");
    expect(remove("f(\n    a=1,\n)", [0])).toBe("f()");
  });

  it("drops whole lines from a one-per-line list, with the comments that speak of the removed entries", () => {
    const text = "f(\n    a=1,\n    b=2,  # about b\n    c=3,\n)";
    expect(remove(text, [1])).toBe("f(\n    a=1,\n    c=3,\n)");
    expect(remove(text, [2])).toBe("f(\n    a=1,\n    b=2,  # about b\n)");
    expect(remove(text, [0, 2])).toBe("f(\n    b=2,  # about b\n)");
    expect(remove("f(\n    a=1,  # one\n    b=2,  # two\n)", [0, 1])).toBe("f(\n)");
  });

  it("keeps the comments of entries that move elsewhere, on lines of their own", () => {
    const text = "f(\n    a=1,\n    b=2,  # about b\n    c=3,\n)";
    expect(applyEdits(text, removeEntries(text, argsOf(text), [1], true))).toBe("f(\n    a=1,\n    # about b\n    c=3,\n)");
  });

  it("keeps the comment of the entry before when the last one goes", () => {
    expect(remove("f(a=1,  # about a\n  b=2)", [1])).toBe("f(a=1,  # about a\n)");
  });

  it("keeps a comment that belongs to the next line", () => {
    const text = "f(\n    a=1,\n    # why c\n    c=3,\n)";
    expect(remove(text, [0])).toBe("f(\n    # why c\n    c=3,\n)");
  });

  it("handles a closing bracket on the last entry's line", () => {
    expect(remove("f(\n    a=1,\n    b=2)", [1])).toBe("f(\n    a=1)");
    expect(remove("f(a=1,\n  b=2)", [0])).toBe("f(b=2)");
  });

  it("keeps CRLF lines intact", () => {
    expect(remove("f(\r\n    a=1,\r\n    b=2,\r\n)", [0])).toBe("f(\r\n    b=2,\r\n)");
  });
});

describe("appendEntries", () => {
  const append = (text: string, entries: string[]): string => applyEdits(text, [appendEntries(text, argsOf(text), entries)!]);

  it("appends inline", () => {
    expect(append("f(a=1)", ["b=2"])).toBe("f(a=1, b=2)");
    expect(append("f()", ["b=2", "c=3"])).toBe("f(b=2, c=3)");
  });

  it("appends one per line, with or without a trailing comma", () => {
    expect(append("f(\n    a=1,\n)", ["b=2"])).toBe("f(\n    a=1,\n    b=2,\n)");
    expect(append("f(\n    a=1\n)", ["b=2"])).toBe("f(\n    a=1,\n    b=2\n)");
    expect(append("f(\n    a=1,  # note\n)", ["b=2", "c=3"])).toBe("f(\n    a=1,  # note\n    b=2,\n    c=3,\n)");
  });

  it("puts a leading comment on its own line, which only a one-per-line list has room for", () => {
    const comment = "// @ts-expect-error x";
    expect(applyEdits("f(\n  a=1,\n)", [appendEntries("f(\n  a=1,\n)", argsOf("f(\n  a=1,\n)"), ["b=2"], comment)!])).toBe(
      "f(\n  a=1,\n  // @ts-expect-error x\n  b=2,\n)",
    );
    expect(appendEntries("f(a=1)", argsOf("f(a=1)"), ["b=2"], comment)).toBeUndefined();
  });

  it("keeps a trailing comment with the entry it follows", () => {
    expect(append("f(\n    a=1  # sampling\n)", ["b=2"])).toBe("f(\n    a=1,  # sampling\n    b=2\n)");
  });

  it("uses the file's own line ending", () => {
    expect(append("f(\r\n    a=1,\r\n)", ["b=2"])).toBe("f(\r\n    a=1,\r\n    b=2,\r\n)");
  });
});
