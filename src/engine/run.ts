import { RULES } from "../../rules/index.js";
import { languageForPath } from "../languages/index.js";
import { DEFAULT_TARGET, type FixSafety, type Severity, type Target } from "../model/rule.js";
import { discover } from "./discover.js";
import type { TextLintContext } from "./lint-text.js";
import { makePrefilter } from "./prefilter.js";
import { checkText, processFile } from "./process-file.js";
import { noticeMessage, summarize, type FileResult } from "./results.js";
import { activeRules, triggersOf, type RuleSetting } from "./rules.js";

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
  /** Report glm-migrate-ignore comments that silence nothing. */
  reportUnusedSuppressions?: boolean;
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
  return {
    rules: activeRules(RULES, ruleSettings(options.rules), options.presets),
    target: { ...DEFAULT_TARGET, ...options.target },
    reportUnusedSuppressions: options.reportUnusedSuppressions ?? false,
    knownRules: new Set(RULES.map((rule) => rule.meta.id)),
  };
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
  const fixing = options.fix ? { allowed: new Set<FixSafety>(options.unsafeFixes ? ["safe", "unsafe"] : ["safe"]) } : undefined;
  const outcome = await checkText(options.filePath, language, text, contextOf(options), fixing);
  const extra = outcome.output !== undefined ? { output: outcome.output, fixedCount: outcome.applied } : {};
  return summarize(options.filePath, outcome.messages, { source: text, ...extra });
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
  const fileFixing = fixing ? { allowed: new Set<FixSafety>(fixing.unsafe ? ["safe", "unsafe"] : ["safe"]), dryRun: fixing.dryRun } : undefined;
  const results: FileResult[] = [];
  let filesParsed = 0;
  let internalErrors = 0;
  for (const path of files) {
    const outcome = await processFile(path, context, prefilter, fileFixing);
    if (outcome.result) results.push(outcome.result);
    if (outcome.parsed) filesParsed++;
    if (outcome.internalError) internalErrors++;
  }

  return { results, filesScanned: files.length, filesParsed, missing, internalErrors, durationMs: performance.now() - started };
}
