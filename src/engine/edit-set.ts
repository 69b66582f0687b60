import type { Edit } from "../model/rule.js";

/** Two edits conflict when they overlap; two insertions at one point have no defined order, so they do too. */
export function overlaps(a: Edit, b: Edit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

/**
 * Applies edits in one sweep from the start: slicing the whole text once per edit is quadratic
 * in big files. Insertions at one point land in the order given.
 */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let cursor = 0;
  for (const edit of sorted) {
    parts.push(text.slice(cursor, edit.start), edit.text);
    cursor = Math.max(cursor, edit.end);
  }
  parts.push(text.slice(cursor));
  return parts.join("");
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
