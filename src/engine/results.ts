import type { Diagnostic, Edit, Severity } from "../model/rule.js";

/** One finding, in ESLint's JSON message shape (lines and columns 1-based). */
export interface Message {
  ruleId: string | null;
  /** Which of the rule's wordings this is (ESLint's `messageId`). */
  messageId?: string;
  /** ESLint's scale: 2 error, 1 warning (info findings are 1 too; `level` tells them apart). */
  severity: 1 | 2;
  level: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** A safe fix, as one replacement of `[start, end)` in the file's text. */
  fix?: { range: [number, number]; text: string };
  /** An unsafe fix: applied only with --unsafe-fixes. */
  suggestions?: { desc: string; fix: { range: [number, number]; text: string } }[];
  /** What the fix does (`Rename to max_completion_tokens`). */
  fixTitle?: string;
  /** The file could not be read or parsed; nothing else was checked in it. */
  fatal?: boolean;
  /**
   * In a notebook: the cell (1-based, counting every cell), and the line and column in the cell's
   * code; line and column are, as for every file, positions in the notebook file itself.
   */
  cell?: number;
  cellLine?: number;
  cellColumn?: number;
  /**
   * Fixed by the fix of an earlier message (one fix can answer several findings); the fix is
   * carried once, by that message.
   */
  fixedWith?: "safe" | "unsafe";
}

export interface FileResult {
  filePath: string;
  messages: Message[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fatalErrorCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** Fixes held back because they are unsafe. */
  unsafeFixableCount: number;
  /** Fixes applied (fix) or that would be applied (fix --dry-run). */
  fixedCount: number;
  /** The fixed text, when fixing changed it. */
  output?: string;
  /** The text as read (for code frames and diffs). */
  source?: string;
}

/** Maps offsets to 1-based lines and columns. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) {
      this.starts.push(index + 1);
    }
  }

  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.starts[low]! + 1 };
  }
}

/** Merges a fix's edits into the single replacement ESLint's format carries. */
export function mergeEdits(text: string, edits: readonly Edit[]): { range: [number, number]; text: string } {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const start = sorted[0]!.start;
  const end = sorted.reduce((last, edit) => Math.max(last, edit.end), 0);
  let replacement = "";
  let cursor = start;
  for (const edit of sorted) {
    replacement += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  replacement += text.slice(cursor, end);
  return { range: [start, end], text: replacement };
}

/**
 * Messages for a file's findings. A fix shared by several findings is carried by the first of them
 * only; the others say they are fixed with it.
 */
export function toMessages(diagnostics: readonly Diagnostic[], text: string): Message[] {
  const lines = new LineIndex(text);
  const carried = new Set<unknown>();
  return diagnostics.map((diagnostic) => {
    const fix = diagnostic.fix;
    if (fix && carried.has(fix)) {
      const { fix: _shared, ...rest } = diagnostic;
      void _shared;
      return { ...toMessage(rest, text, lines), fixedWith: fix.safety };
    }
    if (fix) carried.add(fix);
    return toMessage(diagnostic, text, lines);
  });
}

export function toMessage(diagnostic: Diagnostic, text: string, lines: LineIndex): Message {
  const start = lines.position(diagnostic.range.start);
  const end = lines.position(diagnostic.range.end);
  const message: Message = {
    ruleId: diagnostic.ruleId,
    ...(diagnostic.messageId ? { messageId: diagnostic.messageId } : {}),
    severity: diagnostic.severity === "error" ? 2 : 1,
    level: diagnostic.severity,
    message: diagnostic.message,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
  };
  const fix = diagnostic.fix;
  if (fix && fix.edits.length > 0) {
    const merged = mergeEdits(text, fix.edits);
    if (fix.safety === "safe") message.fix = merged;
    else message.suggestions = [{ desc: `${fix.title} (unsafe: applied with --unsafe-fixes)`, fix: merged }];
    message.fixTitle = fix.title;
  }
  return message;
}

export function fatalMessage(text: string, offset: number, message: string): Message {
  const { line, column } = new LineIndex(text).position(offset);
  return { ruleId: null, severity: 2, level: "error", message, line, column, endLine: line, endColumn: column, fatal: true };
}

export function noticeMessage(message: string): Message {
  return { ruleId: null, severity: 1, level: "warning", message, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

/**
 * Whether `fix` resolves this finding, and with which fixes: the one answer the `[fix]` marker,
 * the fixable counts and the formats all read.
 */
export function fixabilityOf(message: Message): "safe" | "unsafe" | undefined {
  if (message.fix || message.fixedWith === "safe") return "safe";
  if (message.suggestions || message.fixedWith === "unsafe") return "unsafe";
  return undefined;
}

export function summarize(filePath: string, messages: Message[], extra: Partial<FileResult> = {}): FileResult {
  let errorCount = 0;
  let warningCount = 0;
  let infoCount = 0;
  let fatalErrorCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  let unsafeFixableCount = 0;
  for (const message of messages) {
    if (message.fatal) fatalErrorCount++;
    if (message.level === "error") errorCount++;
    else if (message.level === "warning") warningCount++;
    else infoCount++;
    const fixability = fixabilityOf(message);
    if (fixability === "safe") {
      if (message.level === "error") fixableErrorCount++;
      else if (message.level === "warning") fixableWarningCount++;
    }
    if (fixability === "unsafe") unsafeFixableCount++;
  }
  return {
    filePath,
    messages,
    errorCount,
    warningCount,
    infoCount,
    fatalErrorCount,
    fixableErrorCount,
    fixableWarningCount,
    unsafeFixableCount,
    fixedCount: 0,
    ...extra,
  };
}
