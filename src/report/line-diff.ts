import { createTwoFilesPatch, formatPatch, type StructuredPatch } from "diff";

/** Past this many lines in all, the diff is found by the linear walk below, not by jsdiff's O(N·D) search. */
const LARGE = 20_000;
const CONTEXT = 3;

/**
 * A unified diff of two texts, as `createTwoFilesPatch` writes it. On large files with changes
 * all through them (a fix on every tenth line of a 100,000-line file), an exact shortest diff
 * costs time in the product of the length and the number of changes; there the lines are matched
 * by a walk that, at each difference, looks for the nearest line both texts share again. A
 * fix's edits are local, so that finds the same changes.
 */
export function unifiedDiff(oldName: string, newName: string, before: string, after: string): string {
  const oldLines = splitLines(before);
  const newLines = splitLines(after);
  if (oldLines.length + newLines.length <= LARGE) return createTwoFilesPatch(oldName, newName, before, after, undefined, undefined, { context: CONTEXT });
  const patch: StructuredPatch = { oldFileName: oldName, newFileName: newName, oldHeader: undefined, newHeader: undefined, hunks: hunksOf(oldLines, newLines, changesOf(oldLines, newLines)) };
  return formatPatch(patch);
}

/** Lines with their line breaks, as jsdiff splits them. */
function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", start)) {
    lines.push(text.slice(start, end + 1));
    start = end + 1;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

interface Change {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

/** The differing stretches, in order: equal lines are skipped, and after a difference the walk resumes where both texts agree again. */
function changesOf(a: readonly string[], b: readonly string[]): Change[] {
  const changes: Change[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    const again = resync(a, b, i, j);
    changes.push({ oldStart: i, oldEnd: again?.[0] ?? a.length, newStart: j, newEnd: again?.[1] ?? b.length });
    if (!again) return changes;
    [i, j] = again;
  }
  if (i < a.length || j < b.length) changes.push({ oldStart: i, oldEnd: a.length, newStart: j, newEnd: b.length });
  return changes;
}

/** The nearest place after a difference where both texts agree again, in windows that double. */
function resync(a: readonly string[], b: readonly string[], i: number, j: number): [number, number] | undefined {
  for (let window = 64; ; window *= 2) {
    // Where each line of the old text's window first occurs.
    const first = new Map<string, number>();
    for (let x = i; x < Math.min(a.length, i + window); x++) if (!first.has(a[x]!)) first.set(a[x]!, x);
    for (let y = j; y < Math.min(b.length, j + window); y++) {
      const x = first.get(b[y]!);
      if (x !== undefined) return [x, y];
    }
    if (i + window >= a.length && j + window >= b.length) return undefined;
  }
}

/** Hunks with three lines of context, neighbouring changes joined as jsdiff joins them. */
function hunksOf(a: readonly string[], b: readonly string[], changes: readonly Change[]): StructuredPatch["hunks"] {
  const hunks: StructuredPatch["hunks"] = [];
  let index = 0;
  while (index < changes.length) {
    let last = index;
    while (last + 1 < changes.length && changes[last + 1]!.oldStart - changes[last]!.oldEnd <= 2 * CONTEXT) last++;
    const first = changes[index]!;
    const end = changes[last]!;
    const before = Math.min(CONTEXT, first.oldStart);
    const after = Math.min(CONTEXT, a.length - end.oldEnd);
    const lines: string[] = [];
    const add = (mark: string, line: string): void => {
      if (line.endsWith("\n")) lines.push(mark + line.slice(0, -1));
      else lines.push(mark + line, "\\ No newline at end of file");
    };
    for (let x = first.oldStart - before; x < first.oldStart; x++) add(" ", a[x]!);
    for (let at = index; at <= last; at++) {
      const change = changes[at]!;
      for (let x = change.oldStart; x < change.oldEnd; x++) add("-", a[x]!);
      for (let y = change.newStart; y < change.newEnd; y++) add("+", b[y]!);
      const next = at < last ? changes[at + 1]!.oldStart : change.oldEnd + after;
      for (let x = change.oldEnd; x < next; x++) add(" ", a[x]!);
    }
    const oldCount = end.oldEnd + after - (first.oldStart - before);
    const newCount = end.newEnd + after - (first.newStart - before);
    hunks.push({
      oldStart: first.oldStart - before + 1,
      oldLines: oldCount,
      newStart: first.newStart - before + 1,
      newLines: newCount,
      lines,
    });
    index = last + 1;
  }
  return hunks;
}
