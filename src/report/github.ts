import type { RunResult } from "../model/results.js";
import { portablePath, repositoryRoot } from "./paths.js";

/** GitHub Actions workflow commands escape these in the message... */
const escapeData = (text: string): string => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
/** ...and these too in properties. */
const escapeProperty = (text: string): string => escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** One workflow command per finding: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`. */
export function* githubChunks(run: RunResult, cwd: string): Generator<string> {
  const root = repositoryRoot(cwd);
  for (const result of run.results) {
    const file = portablePath(result.filePath, root);
    for (const message of result.messages) {
      const command = message.level === "error" ? "error" : message.level === "warning" ? "warning" : "notice";
      const title = message.ruleId ? `glm-migrate (${message.ruleId})` : "glm-migrate";
      const properties = [
        `file=${escapeProperty(file)}`,
        `line=${message.line}`,
        `col=${message.column}`,
        `endLine=${message.endLine}`,
        `endColumn=${message.endColumn}`,
        `title=${escapeProperty(title)}`,
      ].join(",");
      yield `::${command} ${properties}::${escapeData(message.message)}\n`;
    }
  }
}
