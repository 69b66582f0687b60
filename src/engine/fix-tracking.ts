import type { Diagnostic, Edit } from "../model/rule.js";

/**
 * Follows the findings of a file's first lint through the passes of a fix, so the run can say
 * how many of them the fix resolved: the same count `lint` gave as fixable, found the same way
 * for every file kind, instead of a count of fixes (one fix may answer several findings, and one
 * finding's fix may make another's moot).
 */
export class FindingTracker {
  private readonly tracked: Tracked[];

  constructor(initial: readonly Diagnostic[]) {
    this.tracked = initial
      .filter((diagnostic) => diagnostic.ruleId)
      .map((diagnostic) => ({ ruleId: diagnostic.ruleId, message: diagnostic.message, ...diagnostic.range, touched: false }));
  }

  /** Moves every tracked range to where it sits once these (non-overlapping) edits are applied. */
  apply(edits: readonly Edit[]): void {
    if (edits.length === 0) return;
    const sorted = [...edits].sort((a, b) => a.start - b.start);
    // Before edit i, the text has grown by before[i]; edit i now starts at sorted[i].start + before[i].
    const before: number[] = [0];
    for (const edit of sorted) before.push(before.at(-1)! + edit.text.length - (edit.end - edit.start));
    let inside = false;
    const map = (offset: number, side: "start" | "end"): number => {
      // The edits that start before the offset; the last of them may contain it.
      let low = 0;
      let high = sorted.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (sorted[middle]!.start < offset) low = middle + 1;
        else high = middle;
      }
      const last = sorted[low - 1];
      if (last && offset < last.end) {
        inside = true;
        const movedStart = last.start + before[low - 1]!;
        return side === "start" ? movedStart : movedStart + last.text.length;
      }
      return offset + before[low]!;
    };
    for (const item of this.tracked) {
      inside = false;
      item.start = map(item.start, "start");
      item.end = Math.max(item.start, map(item.end, "end"));
      if (inside) item.touched = true;
    }
  }

  /**
   * How many tracked findings are gone. A finding still stands when one of its rule is left on
   * its moved range, saying the same thing, or, for a finding whose code a fix rewrote (a field
   * moved into `extra_body`), saying the same thing anywhere; failing both, when one of its rule
   * is left on its range at all (its wording changed).
   */
  resolved(remaining: readonly Diagnostic[]): number {
    const left = remaining.map((diagnostic) => ({ ...diagnostic.range, ruleId: diagnostic.ruleId, message: diagnostic.message, used: false }));
    const byRule = new Map<string, typeof left>();
    for (const item of left) {
      const list = byRule.get(item.ruleId) ?? [];
      list.push(item);
      byRule.set(item.ruleId, list);
    }
    for (const list of byRule.values()) list.sort((a, b) => a.start - b.start);
    const open = new Set(this.tracked);
    const take = (found: (typeof left)[number] | undefined, item: Tracked): void => {
      if (!found) return;
      found.used = true;
      open.delete(item);
    };
    for (const item of open) take(overlapping(byRule.get(item.ruleId), item, (other) => other.message === item.message), item);
    // The first unused one with the same rule and wording, through a cursor per wording that only
    // moves forward (ranges only ever become used), so many moved findings cost no more than few.
    const sameWording = new Map<string, { list: typeof left; next: number }>();
    for (const list of byRule.values()) {
      for (const other of list) {
        const key = `${other.ruleId}\u0000${other.message}`;
        const entry = sameWording.get(key);
        if (entry) entry.list.push(other);
        else sameWording.set(key, { list: [other], next: 0 });
      }
    }
    const firstUnused = (item: Tracked): (typeof left)[number] | undefined => {
      const entry = sameWording.get(`${item.ruleId}\u0000${item.message}`);
      if (!entry) return undefined;
      while (entry.next < entry.list.length && entry.list[entry.next]!.used) entry.next++;
      return entry.list[entry.next];
    };
    for (const item of open) {
      if (item.touched) take(firstUnused(item), item);
    }
    for (const item of open) take(overlapping(byRule.get(item.ruleId), item, () => true), item);
    return open.size;
  }
}

interface Tracked {
  ruleId: string;
  message: string;
  start: number;
  end: number;
  /** A fix's edit covered part of it: its code may now stand elsewhere. */
  touched: boolean;
}

/**
 * An unused range of `list` (sorted by start) that overlaps `[start, end]` (ends included, for
 * empty ranges) and passes `accept`.
 */
function overlapping<T extends { start: number; end: number; used: boolean }>(
  list: readonly T[] | undefined,
  range: { start: number; end: number },
  accept: (item: T) => boolean,
): T | undefined {
  if (!list) return undefined;
  // Everything from the first range starting after `end` on cannot overlap.
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (list[middle]!.start <= range.end) low = middle + 1;
    else high = middle;
  }
  // The nearest ranges starting at or before `end` are the likely overlaps.
  for (let index = low - 1; index >= 0 && index >= low - 8; index--) {
    const item = list[index]!;
    if (!item.used && item.end >= range.start && accept(item)) return item;
  }
  return undefined;
}
