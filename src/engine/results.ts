import { LineIndex } from "../model/line-index.js";
import { fixabilityOf, type FileResult, type Message } from "../model/results.js";
import type { Diagnostic, Edit } from "../model/rule.js";

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
