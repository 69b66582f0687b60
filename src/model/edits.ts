import type { Edit } from "./rule.js";
import type { EntryList, Range } from "./types.js";

/**
 * Edits over comma-separated lists (argument lists, dicts, objects) that keep the list's own
 * layout: one-per-line lists lose whole lines, inline lists lose `, item`, trailing commas stay.
 * Python and JS/TS share the syntax of these lists; only comments differ.
 */

export function replace(range: Range, text: string): Edit {
  return { start: range.start, end: range.end, text };
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/** The offset just past the newline that ends the line holding `offset` (or the text's end). */
function nextLineStart(text: string, offset: number): number {
  const newline = text.indexOf("\n", offset);
  return newline === -1 ? text.length : newline + 1;
}

function hasComment(chunk: string): boolean {
  return chunk.includes("#") || chunk.includes("//") || chunk.includes("/*");
}

/** The comments in `[from, to)` outside the given entries, one per line, as written. */
function commentsBetween(text: string, from: number, to: number, entries: readonly { range: Range }[]): string[] {
  // The entries blanked out in one sweep: one by one, each would copy the whole region.
  const pieces: string[] = [];
  let cursor = from;
  for (const entry of [...entries].sort((a, b) => a.range.start - b.range.start)) {
    const start = Math.max(entry.range.start, cursor);
    const end = Math.min(entry.range.end, to);
    if (start >= end) continue;
    pieces.push(text.slice(cursor, start), " ".repeat(end - start));
    cursor = end;
  }
  pieces.push(text.slice(cursor, Math.max(cursor, to)));
  const region = pieces.join("");
  return region.split("\n").flatMap((line) => {
    const match = /(#.*|\/\/.*|\/\*.*)$/.exec(line.replace(/\r$/, ""));
    return match ? [match[1]!.trimEnd()] : [];
  });
}

/** Only separators, blanks and comments up to the end of the line. */
function restOfLineIsQuiet(text: string, offset: number): boolean {
  const end = nextLineStart(text, offset);
  const rest = text.slice(offset, end).replace(/\s+$/, "");
  return /^[\s,]*(#.*|\/\/.*)?$/.test(rest);
}

/**
 * Removes the entries at `indices` from `list`, as deletions that never overlap one another. The
 * comments on a removed entry's lines go with it (`tool_stream=True,  # stream tool calls` speaks
 * of the field), unless the entries are `moving` elsewhere: then they stay, on lines of their own.
 */
export function removeEntries(text: string, list: EntryList, indices: Iterable<number>, moving = false): Edit[] {
  const removed = new Set(indices);
  const entries = list.entries;
  if (removed.size === 0) return [];
  if (removed.size === entries.length) {
    const inner = text.slice(list.inner.start, list.inner.end);
    let stripped = inner;
    for (const entry of [...entries].reverse()) {
      stripped =
        stripped.slice(0, entry.range.start - list.inner.start) +
        stripped.slice(entry.range.end - list.inner.start);
    }
    if (!hasComment(stripped)) return [replace(list.inner, "")];
  }
  const edits: Edit[] = [];
  let index = 0;
  while (index < entries.length) {
    if (!removed.has(index)) {
      index++;
      continue;
    }
    const first = index;
    while (index + 1 < entries.length && removed.has(index + 1)) index++;
    const last = index;
    index++;
    const runStart = entries[first]!.range.start;
    const runEnd = entries[last]!.range.end;
    const previous = first > 0 ? entries[first - 1] : undefined;
    const next = last + 1 < entries.length ? entries[last + 1] : undefined;
    const startsLine = text.slice(lineStart(text, runStart), runStart).trim() === "";
    const endsLine = restOfLineIsQuiet(text, runEnd);
    if (startsLine && endsLine) {
      // One-per-line layout: drop the lines.
      const from = lineStart(text, runStart);
      const to = nextLineStart(text, runEnd);
      const kept = moving ? commentsBetween(text, from, to, entries.slice(first, last + 1)) : [];
      const indent = indentOf(text, runStart);
      const eol = lineEnding(text);
      edits.push({ start: from, end: to, text: kept.map((comment) => `${indent}${comment}${eol}`).join("") });
    } else if (previous && !text.slice(previous.range.end, runStart).includes("\n")) {
      edits.push({ start: previous.range.end, end: runEnd, text: "" });
    } else if (next) {
      edits.push({ start: runStart, end: next.range.start, text: "" });
    } else if (previous && hasComment(text.slice(previous.range.end, runStart))) {
      // `f(a=1,  # about a\n  b=2)`: keep a's comment, drop b's line up to the bracket.
      edits.push({ start: lineStart(text, runStart), end: runEnd, text: "" });
    } else if (previous) {
      edits.push({ start: previous.range.end, end: runEnd, text: "" });
    } else {
      const comma = /^\s*,/.exec(text.slice(runEnd, list.inner.end));
      edits.push({ start: runStart, end: runEnd + (comma ? comma[0].length : 0), text: "" });
    }
  }
  return edits;
}

/**
 * Appends entries to a list, each on its own line when the list is laid out one entry per line.
 * A `leadingComment` (`// @ts-expect-error ...`) goes on its own line above each entry, which
 * only a one-per-line list has room for: an inline list gets undefined.
 */
export function appendEntries(text: string, list: EntryList, entryTexts: readonly string[], leadingComment?: string): Edit | undefined {
  const entries = list.entries;
  const last = entries.at(-1);
  if (!last) return leadingComment ? undefined : { start: list.inner.start, end: list.inner.start, text: entryTexts.join(", ") };
  const before = entries.length > 1 ? entries.at(-2)!.range.end : list.inner.start;
  const multiline = text.slice(before, last.range.start).includes("\n");
  const trailingComma = /^\s*,/.exec(text.slice(last.range.end, list.inner.end));
  if (!multiline) {
    if (leadingComment) return undefined;
    return { start: last.range.end, end: last.range.end, text: entryTexts.map((entry) => `, ${entry}`).join("") };
  }
  const indent = indentOf(text, last.range.start);
  const eol = lineEnding(text);
  const comment = leadingComment ? `${eol}${indent}${leadingComment}` : "";
  const lines = entryTexts.map((entry) => `${comment}${eol}${indent}${entry}`);
  if (trailingComma) {
    const afterComma = last.range.end + trailingComma[0].length;
    // Keep a trailing comment on the last entry's line with that entry.
    const at = restOfLineIsQuiet(text, afterComma) ? endOfLine(text, afterComma) : afterComma;
    return { start: at, end: at, text: lines.map((line) => `${line},`).join("") };
  }
  const rest = text.slice(last.range.end, endOfLine(text, last.range.end));
  if (hasComment(rest) && restOfLineIsQuiet(text, last.range.end)) {
    // `40  # sampling` stays with 40: the comma goes before the comment, the new entries after it.
    return { start: last.range.end, end: last.range.end + rest.length, text: `,${rest}${lines.join(",")}` };
  }
  return { start: last.range.end, end: last.range.end, text: lines.map((line) => `,${line}`).join("") };
}

/** The indentation of the line holding `offset`. */
export function indentOf(text: string, offset: number): string {
  return /^[ \t]*/.exec(text.slice(lineStart(text, offset)))![0];
}

/** The file's own line ending, so an inserted line does not mix CRLF and LF. */
export function lineEnding(text: string): string {
  const newline = text.indexOf("\n");
  return newline > 0 && text[newline - 1] === "\r" ? "\r\n" : "\n";
}

/** The offset of the line break (or the text's end) of the line holding `offset`. */
function endOfLine(text: string, offset: number): number {
  const newline = text.indexOf("\n", offset);
  if (newline === -1) return text.length;
  return text[newline - 1] === "\r" ? newline - 1 : newline;
}
