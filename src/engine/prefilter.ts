/**
 * Decides from a file's bytes whether any active rule could report in it. Every rule names the
 * substrings it cannot report without, so most files are never decoded or parsed.
 */
const WINDOW = 64 * 1024;

/** The triggers that matter: one that contains another adds nothing, the shorter one already matches. */
function minimalTriggers(triggers: readonly string[]): string[] {
  return triggers.filter((trigger) => !triggers.some((other) => other !== trigger && trigger.includes(other)));
}

function triggerPattern(triggers: readonly string[]): RegExp {
  return new RegExp(triggers.map((trigger) => trigger.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"));
}

/** The same test on text already decoded (a Markdown code block, a notebook cell). */
export function makeTextFilter(triggers: readonly string[]): (text: string) => boolean {
  const minimal = minimalTriggers(triggers);
  if (minimal.length === 0) return () => false;
  const pattern = triggerPattern(minimal);
  return (text) => pattern.test(text);
}

export function makePrefilter(triggers: readonly string[]): (bytes: Buffer) => boolean {
  const minimal = minimalTriggers(triggers);
  if (minimal.length === 0) return () => false;
  // One pass of one regular expression over the bytes read as Latin-1 (a byte per character, so
  // ASCII triggers match UTF-8 text as they are) beats a search per trigger.
  const pattern = triggerPattern(minimal);
  const utf16 = minimal.map((trigger) => Buffer.from(trigger, "utf16le"));
  const overlap = Math.max(...minimal.map((trigger) => trigger.length)) - 1;
  return (bytes) => {
    // UTF-16 files carry a BOM; their ASCII triggers are spelt with NULs in between.
    const wide = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
    if (wide) {
      const little = bytes[0] === 0xff ? bytes : Buffer.from(bytes.subarray(0, bytes.length & ~1)).swap16();
      return utf16.some((needle) => little.includes(needle));
    }
    // A large file is read in windows that overlap by a trigger's length: one string of a
    // 10 MB bundle would outlive the young generation and stay in memory until a full collection.
    for (let start = 0; start < bytes.length; start += WINDOW) {
      if (pattern.test(bytes.toString("latin1", start, Math.min(bytes.length, start + WINDOW + overlap)))) return true;
    }
    return false;
  };
}
