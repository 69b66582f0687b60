import type { Severity } from "./rule.js";

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

/** What a lint or fix run reports: the input of every formatter in src/report. */
export interface RunResult {
  /** Files with something to say, in path order. */
  results: FileResult[];
  /** Files discovered and read. */
  filesScanned: number;
  /** Files that passed the prefilter and were parsed. */
  filesParsed: number;
  /** Path arguments that matched no file. */
  missing: string[];
  /** Rule crashes: bugs in glm-migrate, reported per file and as exit code 2. */
  internalErrors: number;
  durationMs: number;
  /** Files checked but deliberately not fixed though they had fixes, and why (one reason for the run). */
  leftAlone?: { reason: string; paths: string[] };
  /** The run was interrupted (`signal` aborted): only `results` so far, and the rest not checked. */
  interrupted?: boolean;
  /** Temporary files of killed earlier runs that this run removed. */
  staleTempsRemoved?: number;
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
