/** How a file's bytes were encoded, so a fixed file is written back the same way. */
export interface Encoding {
  kind: "utf8" | "utf16le" | "utf16be";
  bom: boolean;
}

export type Decoded = { text: string; encoding: Encoding } | { error: string };

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export function decode(bytes: Uint8Array): Decoded {
  // Decoding is strict in every encoding: a byte sequence that would not survive the round trip
  // means the file is skipped, never rewritten with replacement characters.
  for (const [kind, first, second] of [["utf16le", 0xff, 0xfe], ["utf16be", 0xfe, 0xff]] as const) {
    if (bytes[0] !== first || bytes[1] !== second) continue;
    try {
      const text = new TextDecoder(kind === "utf16le" ? "utf-16le" : "utf-16be", { fatal: true, ignoreBOM: true }).decode(bytes.subarray(2));
      return { text, encoding: { kind, bom: true } };
    } catch {
      return { error: `not valid ${kind === "utf16le" ? "UTF-16LE" : "UTF-16BE"}; skipped` };
    }
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (body.subarray(0, 8192).includes(0)) return { error: "binary file (contains NUL bytes); skipped" };
  try {
    return { text: utf8.decode(body), encoding: { kind: "utf8", bom } };
  } catch {
    return { error: "not valid UTF-8; skipped" };
  }
}

export function encode(text: string, encoding: Encoding): Buffer {
  if (encoding.kind === "utf8") {
    const body = Buffer.from(text, "utf8");
    return encoding.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
  }
  const little = Buffer.from(text, "utf16le");
  if (encoding.kind === "utf16be") little.swap16();
  const bom = encoding.kind === "utf16le" ? [0xff, 0xfe] : [0xfe, 0xff];
  return Buffer.concat([Buffer.from(bom), little]);
}
