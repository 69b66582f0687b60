import { relative } from "node:path";
import { createColors } from "picocolors";
import { fixabilityOf, type FileResult, type Message, type RunResult } from "../model/results.js";

export interface StylishOptions {
  cwd: string;
  color: boolean;
  /** The command that ran, so the summary can say what would fix the rest. */
  mode: "lint" | "fix" | "dry-run";
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** The offending line with a caret under the finding, as people read it at a terminal. */
function frame(lines: readonly string[], message: Message, dim: (text: string) => string, red: (text: string) => string): string {
  const line = lines[message.line - 1];
  if (line === undefined || line.length > 200) return "";
  const width = message.endLine === message.line ? Math.max(1, message.endColumn - message.column) : Math.max(1, line.length - message.column + 1);
  const gutter = `${message.line} | `;
  const pad = " ".repeat(gutter.length + message.column - 1);
  return `    ${dim(gutter)}${line}\n    ${pad}${red("^".repeat(width))}\n`;
}

/** The one line that says which files `fix` left alone and why; undefined when it left none. */
export function leftAloneLine(run: RunResult, mode: StylishOptions["mode"]): string | undefined {
  if (!run.leftAlone || mode === "lint") return undefined;
  return `${mode === "dry-run" ? "Would not fix" : "Not fixed"}: ${plural(run.leftAlone.paths.length, "file")} ${run.leftAlone.reason}.`;
}

export function formatStylish(run: RunResult, options: StylishOptions): string {
  const c = createColors(options.color);
  let out = "";
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fixable = 0;
  let unsafe = 0;
  let fixed = 0;
  let fixedFiles = 0;
  const leftAlone = new Set(run.leftAlone?.paths ?? []);
  for (const result of run.results) {
    errors += result.errorCount;
    warnings += result.warningCount;
    infos += result.infoCount;
    fixable += result.fixableErrorCount + result.fixableWarningCount;
    unsafe += result.unsafeFixableCount;
    fixed += result.fixedCount;
    if (result.fixedCount > 0) fixedFiles++;
    if (result.messages.length === 0) continue;
    const skipped = leftAlone.has(result.filePath) && options.mode !== "lint" ? ` ${c.yellow("(skipped)")}` : "";
    out += `${c.underline(relative(options.cwd, result.filePath) || result.filePath)}${skipped}\n`;
    out += formatMessages(result, options, c);
    out += "\n";
  }
  const total = errors + warnings + infos;
  if (fixed > 0) {
    const verb = options.mode === "dry-run" ? "Would fix" : "Fixed";
    out += `${c.green(`${verb} ${plural(fixed, "problem")} in ${plural(fixedFiles, "file")}.`)}\n`;
  }
  const notFixed = leftAloneLine(run, options.mode);
  if (notFixed) out += `${c.yellow(notFixed)}\n`;
  const seconds = `${(run.durationMs / 1000).toFixed(1)}s`;
  if (total === 0) {
    if (fixed === 0) out += `${c.green("✔")} No problems found (${plural(run.filesScanned, "file")} checked in ${seconds}).\n`;
    return out;
  }
  const parts = [plural(errors, "error"), plural(warnings, "warning")];
  if (infos > 0) parts.push(`${infos} info`);
  const mark = errors > 0 ? c.red(c.bold("✖")) : c.yellow(c.bold("⚠"));
  out += `${mark} ${c.bold(`${plural(total, "problem")} (${parts.join(", ")})`)} in ${plural(run.filesScanned, "file")} checked in ${seconds}.\n`;
  if (fixable > 0 && options.mode === "lint") {
    out += `  ${plural(fixable, "problem")} fixable with \`glm-migrate fix\`.\n`;
  }
  if (unsafe > 0) {
    out += `  ${unsafe} more fixable with \`glm-migrate fix --unsafe-fixes\` (unsafe: review the change).\n`;
  }
  return out;
}

function formatMessages(result: FileResult, options: StylishOptions, c: ReturnType<typeof createColors>): string {
  const rows = result.messages.map((message) => {
    const severity =
      message.level === "error" ? c.red("error") : message.level === "warning" ? c.yellow("warning") : c.blue("info");
    const plainSeverity = message.level;
    const position =
      message.cell !== undefined ? `cell ${message.cell}, line ${message.cellLine}:${message.cellColumn}` : `${message.line}:${message.column}`;
    return { message, position, severity, plainSeverity };
  });
  // Folded, not spread: a spread of 100,000 arguments overflows the stack.
  const positionWidth = rows.reduce((width, row) => Math.max(width, row.position.length), 0);
  const severityWidth = rows.reduce((width, row) => Math.max(width, row.plainSeverity.length), 0);
  // Split once per file: once per message is quadratic on a file with a finding on every line.
  let lines: string[] | undefined;
  let out = "";
  for (const row of rows) {
    const fixability = fixabilityOf(row.message);
    const fixMark = fixability === "safe" ? c.green(" [fix]") : fixability === "unsafe" ? c.yellow(" [unsafe fix]") : "";
    out +=
      `  ${c.dim(row.position.padEnd(positionWidth))}  ${row.severity}${" ".repeat(severityWidth - row.plainSeverity.length)}  ` +
      `${row.message.message}${fixMark}${row.message.ruleId ? `  ${c.dim(row.message.ruleId)}` : ""}\n`;
    if (options.color && result.source !== undefined && !row.message.fatal && row.message.cell === undefined) {
      lines ??= result.source.split(/\r?\n/);
      out += frame(lines, row.message, c.dim, c.red);
    }
  }
  return out;
}
