import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import { dirname } from "node:path";

/** Pieces are gathered up to this size before a write: few system calls, little memory. */
const BATCH = 1 << 20;

/** Writes a report's pieces in batches; the report itself is never one string. */
export function writeChunks(chunks: Iterable<string>, write: (text: string) => void): void {
  let batch = "";
  for (const chunk of chunks) {
    batch += chunk;
    if (batch.length >= BATCH) {
      write(batch);
      batch = "";
    }
  }
  if (batch) write(batch);
}

/** Writes a report to a file, creating its folder, piece by piece. */
export function writeReportFile(path: string, chunks: Iterable<string>): void {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, "w");
  try {
    writeChunks(chunks, (text) => writeSync(fd, text));
  } finally {
    closeSync(fd);
  }
}
