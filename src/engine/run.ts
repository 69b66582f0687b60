import { readFile } from "node:fs/promises";
import { RULES } from "../../rules/index.js";
import { languageForPath } from "../languages/index.js";
import { DEFAULT_TARGET, type Diagnostic, type FixSafety, type Severity, type Target } from "../model/rule.js";
import { decode, encode } from "./decode.js";
import { discover } from "./discover.js";
import { fixText, lintText, type TextLintContext } from "./lint-text.js";
import { makePrefilter } from "./prefilter.js";
import { fatalMessage, LineIndex, noticeMessage, summarize, toMessage, type FileResult, type Message } from "./results.js";
import { activeRules, RuleCrash, triggersOf, type RuleSetting } from "./rules.js";
import { writeAtomic } from "./write.js";

export type RuleConfig = Severity | "off" | [Severity | "off", Record<string, unknown>?];

export interface LintOptions {
  /** Files, folders or globs; the working directory when empty. */
  paths?: readonly string[];
  cwd?: string;
  /** Honour .gitignore files (default true). */
  gitignore?: boolean;
  include?: readonly string[];
  exclude?: readonly string[];
  target?: Partial<Target>;
  rules?: Readonly<Record<string, RuleConfig>>;
  /** Rule presets to turn on (`best-practices`). */
  presets?: readonly string[];
}

export interface FixOptions extends LintOptions {
  /** Also apply fixes that change behaviour or guess intent. */
  unsafeFixes?: boolean;
  /** Compute the fixes, write nothing. */
  dryRun?: boolean;
}

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
}

function ruleSettings(rules: LintOptions["rules"]): Map<string, RuleSetting> {
  const settings = new Map<string, RuleSetting>();
  for (const [id, value] of Object.entries(rules ?? {})) {
    if (Array.isArray(value)) settings.set(id, { severity: value[0], options: value[1] ?? {} });
    else settings.set(id, { severity: value });
  }
  return settings;
}

export function lint(options: LintOptions = {}): Promise<RunResult> {
  return run(options, undefined);
}

export function fix(options: FixOptions = {}): Promise<RunResult> {
  return run(options, { unsafe: options.unsafeFixes ?? false, dryRun: options.dryRun ?? false });
}

function contextOf(options: LintOptions): TextLintContext {
  return { rules: activeRules(RULES, ruleSettings(options.rules), options.presets), target: { ...DEFAULT_TARGET, ...options.target } };
}

export interface SourceOptions extends Omit<FixOptions, "paths" | "dryRun" | "gitignore" | "include" | "exclude"> {
  /** The path the text stands for: it picks the language and names the file in messages. */
  filePath: string;
}

/**
 * Lints (or, with `fix: true`, fixes) text that is not read from disk: editor buffers, `--stdin`,
 * tests. Nothing is written.
 */
export async function lintSource(text: string, options: SourceOptions & { fix?: boolean }): Promise<FileResult> {
  const language = languageForPath(options.filePath);
  if (!language) return summarize(options.filePath, [noticeMessage("not a file type glm-migrate reads; skipped")]);
  const context = contextOf(options);
  if (!options.fix) {
    const outcome = await lintText(options.filePath, language, text, context);
    const messages =
      "parseError" in outcome ? [fatalMessage(text, outcome.parseError.range.start, outcome.parseError.message)] : toMessages(outcome.diagnostics, text);
    return summarize(options.filePath, messages, { source: text });
  }
  const allowed = new Set<FixSafety>(options.unsafeFixes ? ["safe", "unsafe"] : ["safe"]);
  const outcome = await fixText(options.filePath, language, text, context, allowed);
  const messages =
    "parseError" in outcome.remaining
      ? [fatalMessage(outcome.text, outcome.remaining.parseError.range.start, outcome.remaining.parseError.message)]
      : toMessages(outcome.remaining.diagnostics, outcome.text);
  return summarize(options.filePath, messages, { source: text, output: outcome.text, fixedCount: outcome.applied });
}

async function run(options: LintOptions, fixing: { unsafe: boolean; dryRun: boolean } | undefined): Promise<RunResult> {
  const started = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const context = contextOf(options);
  const rules = context.rules;
  const prefilter = makePrefilter(triggersOf(rules));
  const { files, missing } = await discover(options.paths?.length ? options.paths : ["."], {
    cwd,
    gitignore: options.gitignore ?? true,
    ...(options.include ? { include: options.include } : {}),
    ...(options.exclude ? { exclude: options.exclude } : {}),
  });
  const allowed = new Set<FixSafety>(fixing?.unsafe ? ["safe", "unsafe"] : ["safe"]);
  const results: FileResult[] = [];
  let filesParsed = 0;
  let internalErrors = 0;

  for (const path of files) {
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      results.push(summarize(path, [fatalMessage("", 0, `cannot read file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)]));
      continue;
    }
    const language = languageForPath(path);
    if (!language) {
      results.push(summarize(path, [noticeMessage("not a file type glm-migrate reads (Python, JS/TS, .env, YAML, JSON, TOML); skipped")]));
      continue;
    }
    if (!prefilter(bytes)) continue;
    const decoded = decode(bytes);
    if ("error" in decoded) {
      results.push(summarize(path, [fatalMessage("", 0, decoded.error)]));
      continue;
    }
    filesParsed++;
    const { text, encoding } = decoded;
    try {
      if (!fixing) {
        const outcome = await lintText(path, language, text, context);
        const messages =
          "parseError" in outcome
            ? [fatalMessage(text, outcome.parseError.range.start, outcome.parseError.message)]
            : toMessages(outcome.diagnostics, text);
        if (messages.length > 0) results.push(summarize(path, messages, { source: text }));
        continue;
      }
      const outcome = await fixText(path, language, text, context, allowed);
      const final = outcome.text;
      const messages: Message[] =
        "parseError" in outcome.remaining
          ? [fatalMessage(final, outcome.remaining.parseError.range.start, outcome.remaining.parseError.message)]
          : toMessages(outcome.remaining.diagnostics, final);
      for (const broken of outcome.broken) {
        messages.push({
          ...toMessage({ ...broken, fix: undefined } as Diagnostic, text, new LineIndex(text)),
          message: `${broken.message} (its fix would have left the file unparsable, so it was not applied)`,
        });
      }
      const changed = final !== text;
      let writeError: string | undefined;
      if (changed && !fixing.dryRun) {
        try {
          await writeAtomic(path, encode(final, encoding), bytes);
        } catch (error) {
          writeError = (error as Error).message;
        }
      }
      if (writeError) messages.unshift(fatalMessage(text, 0, `fixes not written: ${writeError}`));
      const extra = changed ? { fixedCount: writeError ? 0 : outcome.applied, output: final, source: text } : { source: text };
      if (messages.length > 0 || changed) results.push(summarize(path, messages, extra));
    } catch (error) {
      if (!(error instanceof RuleCrash)) throw error;
      internalErrors++;
      results.push(summarize(path, [fatalMessage(text, 0, `internal error: ${error.message}`)]));
    }
  }

  return { results, filesScanned: files.length, filesParsed, missing, internalErrors, durationMs: performance.now() - started };
}

function toMessages(diagnostics: readonly Diagnostic[], text: string): Message[] {
  const lines = new LineIndex(text);
  return diagnostics.map((diagnostic) => toMessage(diagnostic, text, lines));
}
