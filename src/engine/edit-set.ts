import type { Edit } from "../model/rule.js";

/** Two edits conflict when they overlap; two insertions at one point have no defined order, so they do too. */
export function overlaps(a: Edit, b: Edit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

/**
 * Applies edits that do not overlap in one left-to-right pass: splicing them in one by one would
 * copy the whole text for each, which on a file with a fix on every line is quadratic.
 */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  // Insertions at one point land in reverse order of the list, as splicing from the end gives.
  const order = edits.map((_, index) => index).sort((a, b) => edits[a]!.start - edits[b]!.start || edits[a]!.end - edits[b]!.end || b - a);
  const pieces: string[] = [];
  let cursor = 0;
  for (const index of order) {
    const edit = edits[index]!;
    if (edit.start < cursor) return spliceEdits(text, edits);
    pieces.push(text.slice(cursor, edit.start), edit.text);
    cursor = edit.end;
  }
  pieces.push(text.slice(cursor));
  return pieces.join("");
}

/** Edits that overlap (never produced by one fix pass) keep the old meaning: spliced in from the end. */
function spliceEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

/**
 * The edits a fix pass has taken, asked whether a candidate overlaps any of them. Offsets are
 * compressed to the points the candidates start or end at, so the check reads only the stretch a
 * candidate spans, not every edit taken before it.
 */
export class TakenEdits {
  private readonly index = new Map<number, number>();
  /** Per stretch between consecutive points: 0 free, 1 the first stretch of a taken edit, 2 a later one. */
  private readonly covered: Uint8Array;
  /** Per point: a taken insertion there. */
  private readonly inserted: Uint8Array;

  constructor(candidates: readonly Edit[]) {
    const points = [...new Set(candidates.flatMap((edit) => [edit.start, edit.end]))].sort((a, b) => a - b);
    points.forEach((point, position) => this.index.set(point, position));
    this.covered = new Uint8Array(points.length);
    this.inserted = new Uint8Array(points.length);
  }

  overlaps(edit: Edit): boolean {
    const start = this.index.get(edit.start)!;
    const end = this.index.get(edit.end)!;
    // An insertion strictly inside a taken edit, or at a taken insertion's point.
    if (start === end) return this.inserted[start] === 1 || this.covered[start] === 2;
    for (let stretch = start; stretch < end; stretch++) if (this.covered[stretch] !== 0) return true;
    for (let point = start + 1; point < end; point++) if (this.inserted[point] === 1) return true;
    return false;
  }

  add(edit: Edit): void {
    const start = this.index.get(edit.start)!;
    const end = this.index.get(edit.end)!;
    if (start === end) this.inserted[start] = 1;
    else this.covered.fill(2, start + 1, end).fill(1, start, start + 1);
  }
}
