import { closest, distance } from "fastest-levenshtein";

/** Whether `word` is close enough to `known` to be a typo of it. */
function near(word: string, known: string): boolean {
  return distance(word, known) <= Math.max(2, Math.floor(known.length / 3));
}

/** ` (did you mean "x"?)` when a known word is close enough to be a typo, else "". */
export function didYouMean(word: string, known: readonly string[]): string {
  if (known.length === 0) return "";
  const best = closest(word, [...known]);
  return near(word, best) ? ` (did you mean "${best}"?)` : "";
}

/**
 * ` (did you mean "x" or "y"?)` naming every known word close enough, nearest first: for short
 * words one typo away from several (`lnit`: `init`, `lint`), picking one would guess. Stricter
 * than didYouMean (at most one edit per two letters), for words that may as well mean something else.
 */
export function didYouMeanAny(word: string, known: readonly string[]): string {
  const matches = known
    .filter((candidate) => distance(word, candidate) <= Math.min(2, Math.floor(candidate.length / 2))).sort((a, b) => distance(word, a) - distance(word, b));
  if (matches.length === 0) return "";
  const quoted = matches.map((match) => `"${match}"`);
  return ` (did you mean ${quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)}`}?)`;
}
