import { closest, distance } from "fastest-levenshtein";

/** ` (did you mean "x"?)` when a known word is close enough to be a typo, else "". */
export function didYouMean(word: string, known: readonly string[]): string {
  if (known.length === 0) return "";
  const best = closest(word, [...known]);
  return distance(word, best) <= Math.max(2, Math.floor(best.length / 3)) ? ` (did you mean "${best}"?)` : "";
}
