import type { Message } from "../../src/model/results.js";

/**
 * Each finding as a user meets it, for the snapshots beside the fixtures (Ruff's `.snap` files):
 * the position, severity, rule and message id, the wording, the fix's title and safety, and the
 * line with the finding's range underlined.
 */
export function renderFindings(source: string, messages: readonly Message[]): string {
  const lines = source.split(/\r?\n/);
  return messages
    .map((message) => {
      const fix = message.fix ? `safe fix: ${message.fixTitle}` : message.suggestions ? `unsafe fix: ${message.fixTitle}` : "no fix";
      const line = lines[message.line - 1] ?? "";
      const width = message.endLine === message.line ? Math.max(1, message.endColumn - message.column) : Math.max(1, line.length - message.column + 1);
      const gutter = `${message.line} | `;
      return [
        `${message.line}:${message.column} ${message.level} ${message.ruleId}/${message.messageId ?? "-"}`,
        `  ${message.message}`,
        `  ${fix}`,
        `  ${gutter}${line}`,
        `  ${" ".repeat(gutter.length + message.column - 1)}${"^".repeat(width)}`,
      ].join("\n");
    })
    .join("\n\n")
    .concat("\n");
}
