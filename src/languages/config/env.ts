import type { LoweredFile, Range, Value } from "../../model/types.js";
import { configFile, hashComments, type ConfigValue } from "./common.js";

const LINE = /^([ \t]*(?:export[ \t]+)?)([A-Za-z_][A-Za-z0-9_.-]*)([ \t]*=[ \t]*)(.*?)[ \t]*(\r?)$/gm;

/** `.env` files: every variable is a sibling of every other, as the process sees them. */
export function lowerEnv(path: string, text: string): LoweredFile {
  const found: { key: string; keyRange: Range; value: Value; raw: string }[] = [];
  for (const match of text.matchAll(LINE)) {
    const [, lead, key, equals, rawValue] = match as unknown as [string, string, string, string, string];
    const start = match.index + lead.length + key.length + equals.length;
    let value: Value;
    // The closing quote is the first one followed by nothing but blanks or a comment.
    const quoted = /^(["'])(.*?)\1(?=\s*(#.*)?$)/.exec(rawValue);
    if (quoted) {
      const end = start + quoted[0].length;
      value = { kind: "string", range: { start, end }, contentRange: { start: start + 1, end: end - 1 }, string: quoted[2]! };
    } else {
      const bare = rawValue.replace(/[ \t]+#.*$/, "");
      const end = start + bare.length;
      value = { kind: "string", range: { start, end }, contentRange: { start, end }, string: bare };
    }
    const keyStart = match.index + lead.length;
    found.push({ key, keyRange: { start: keyStart, end: keyStart + key.length }, value, raw: value.string ?? "" });
  }
  const siblings = new Map(found.map((entry) => [entry.key, entry.raw]));
  const values: ConfigValue[] = found.map((entry) => ({ keyPath: [entry.key], keyRange: entry.keyRange, value: entry.value, siblings }));
  return configFile(path, "env", text, values, hashComments(text), "#");
}
