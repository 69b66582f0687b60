/**
 * Long runs of number literals in a list, tuple, call or set (`[0, 12, 7, 3, ...]`): data, never
 * something a rule reads (models, messages and parameters are strings, names and mappings), yet
 * each element is a syntax node to build and walk. A file of such lines (117 MB, 20 million
 * elements, in the scaling benchmark's "long lines" shape) ran the parsers out of memory. The
 * parsers are given the text with each such run blanked to spaces of the same length: offsets,
 * lines and every other character stay as they were, and what is left parses as a shorter list.
 */

/** Runs shorter than this many elements are parsed as they are. */
const MIN_ELEMENTS = 128;

/**
 * A number literal (decimal, hex, float, exponent, `_` separators, bigint `n`) and its comma,
 * repeated, right after an opening bracket, on one line.
 */
const RUN = new RegExp(String.raw`(?<=[\[({][ \t]*)(?:[-+]?(?:0[xXoObB][0-9a-fA-F_]+|\d[\d_]*(?:\.[\d_]*)?(?:[eE][-+]?\d+)?)[nlLjJ]?[ \t]*,[ \t]*){${MIN_ELEMENTS},}`, "g");

/** The fewest characters a blanked run leaves: an edit holding this many spaces in a row copies one. */
export const BLANKED_RUN = " ".repeat(MIN_ELEMENTS * 2);

/** Cheap test first: a run needs a line at least as long as its shortest form. */
function hasLongLine(text: string): boolean {
  let start = 0;
  for (let end = text.indexOf("\n"); ; end = text.indexOf("\n", start)) {
    const stop = end === -1 ? text.length : end;
    if (stop - start >= BLANKED_RUN.length) return true;
    if (end === -1) return false;
    start = end + 1;
  }
}

/** The text with every long run of number literals replaced by spaces (the same text when there is none). */
export function blankDataRuns(text: string): string {
  if (!hasLongLine(text)) return text;
  return text.replace(RUN, (run) => " ".repeat(run.length));
}
