import { resolve } from "node:path";
import { RULES } from "../../rules/index.js";
import { ConfigResolver, severityOf, type EffectiveConfig, type RuleEntry } from "../config/load.js";
import { languageForPath } from "../languages/index.js";
import { DEFAULT_TARGET, type FixSafety, type Severity, type Target } from "../model/rule.js";
import { discover } from "./discover.js";
import type { Decide, TextLintContext } from "./lint-text.js";
import { makePrefilter } from "./prefilter.js";
import { checkText, processFile } from "./process-file.js";
import { noticeMessage, summarize, type FileResult } from "./results.js";
import { activeRules, triggersOf, type RuleSetting } from "./rules.js";

export type RuleConfig = Severity | "warn" | "off" | [Severity | "warn" | "off", Record<string, unknown>?];

export interface LintOptions {
  /** Files, folders or globs; the working directory when empty. */
  paths?: readonly string[];
  cwd?: string;
  /** Honour .gitignore files (default true). */
  gitignore?: boolean;
  include?: readonly string[];
  exclude?: readonly string[];
  /** A config file to use for every file, instead of looking upward from each. */
  config?: string;
  /** Read no config file at all. */
  noConfig?: boolean;
  target?: Partial<Target>;
  /** Rule settings that win over the config's (`--rule id:severity`). */
  rules?: Readonly<Record<string, RuleConfig>>;
  /** Run only these rules. */
  select?: readonly string[];
  /** Never run these rules. */
  ignore?: readonly string[];
  /** Rule presets to turn on (`best-practices`). */
  presets?: readonly string[];
  /** Report glm-migrate-ignore comments that silence nothing. */
  reportUnusedSuppressions?: boolean;
  /** Called after each file, for a progress display. */
  onProgress?: (done: number, total: number) => void;
  /** Time allowed per file in milliseconds (default 20 s; 0 for none); slower files are reported and skipped. */
  fileTimeoutMs?: number;
}

export interface FixOptions extends LintOptions {
  /** Also apply fixes that change behaviour or guess intent. */
  unsafeFixes?: boolean;
  /** Compute the fixes, write nothing. */
  dryRun?: boolean;
  /** Asked before each fix (`fix --interactive`). */
  decide?: Decide;
  /** Returns a reason not to write a file (uncommitted changes, say), or undefined to write it. */
  vetoWrite?: (path: string) => string | undefined;
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

export function lint(options: LintOptions = {}): Promise<RunResult> {
  return run(options, undefined);
}

export function fix(options: FixOptions = {}): Promise<RunResult> {
  return run(options, {
    unsafe: options.unsafeFixes ?? false,
    dryRun: options.dryRun ?? false,
    ...(options.decide ? { decide: options.decide } : {}),
    ...(options.vetoWrite ? { vetoWrite: options.vetoWrite } : {}),
  });
}

const KNOWN_RULES = new Set(RULES.map((rule) => rule.meta.id));
const DEFAULT_FILE_TIMEOUT_MS = 20_000;

/** What runs on one file: the config's settings, then the caller's (command line) on top. */
export interface Settings {
  rules: Record<string, RuleConfig | RuleEntry>;
  target: Target;
  presets: string[];
  configFile?: string;
}

export function settingsFor(effective: EffectiveConfig, options: LintOptions): Settings {
  const rules: Record<string, RuleConfig | RuleEntry> = { ...effective.rules, ...options.rules };
  if (options.select?.length) {
    for (const rule of RULES) if (!options.select.includes(rule.meta.id)) rules[rule.meta.id] = "off";
    for (const id of options.select) {
      const current = rules[id];
      // Selecting a rule that is off by default turns it on at its own severity.
      if (current === undefined || current === "off") rules[id] = RULES.find((rule) => rule.meta.id === id)?.meta.severity ?? "error";
    }
  }
  for (const id of options.ignore ?? []) rules[id] = "off";
  return {
    rules,
    target: { ...DEFAULT_TARGET, ...effective.target, ...options.target },
    presets: [...new Set([...effective.presets, ...(options.presets ?? [])])],
    ...(effective.configFile ? { configFile: effective.configFile } : {}),
  };
}

function contextOf(settings: Settings, options: LintOptions): TextLintContext {
  const ruleSettings = new Map<string, RuleSetting>();
  for (const [id, value] of Object.entries(settings.rules)) {
    const [name, ruleOptions] = Array.isArray(value) ? value : [value, undefined];
    ruleSettings.set(id, { severity: severityOf(name as never), options: ruleOptions ?? {} });
  }
  return {
    rules: activeRules(RULES, ruleSettings, settings.presets),
    target: settings.target,
    reportUnusedSuppressions: options.reportUnusedSuppressions ?? false,
    knownRules: KNOWN_RULES,
    fileTimeoutMs: options.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_MS,
  };
}

function resolverFor(options: LintOptions, cwd: string): ConfigResolver | undefined {
  return options.noConfig ? undefined : new ConfigResolver(options.config, cwd);
}

/** The effective settings for one file, as `--print-config` shows them. */
export function resolveSettings(filePath: string, options: LintOptions = {}): Settings {
  const cwd = options.cwd ?? process.cwd();
  const resolver = resolverFor(options, cwd);
  const effective = resolver?.effective(resolve(cwd, filePath)) ?? { rules: {}, target: {}, presets: [] };
  return settingsFor(effective, options);
}

export interface SourceOptions extends Omit<FixOptions, "paths" | "dryRun" | "gitignore" | "include" | "exclude"> {
  /** The path the text stands for: it picks the language, the config and names the file in messages. */
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
  const context = contextOf(resolveSettings(options.filePath, options), options);
  const outcome = await checkText(options.filePath, language, text, context, fixing);
  const extra = outcome.output !== undefined ? { output: outcome.output, fixedCount: outcome.applied } : {};
  return summarize(options.filePath, outcome.messages, { source: text, ...extra });
}

interface RunFixing {
  unsafe: boolean;
  dryRun: boolean;
  decide?: Decide;
  vetoWrite?: (path: string) => string | undefined;
}

async function run(options: LintOptions, fixing: RunFixing | undefined): Promise<RunResult> {
  const started = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const resolver = resolverFor(options, cwd);
  const { files, missing } = await discover(options.paths?.length ? options.paths : ["."], {
    cwd,
    gitignore: options.gitignore ?? true,
    ...(options.include ? { include: options.include } : {}),
    ...(options.exclude ? { exclude: options.exclude } : {}),
    ...(resolver ? { excluded: (path: string) => resolver.isExcluded(path), notIncluded: (path: string) => resolver.isNotIncluded(path) } : {}),
  });

  // Files under one config share one context and one prefilter.
  const contexts = new Map<string, { context: TextLintContext; prefilter: (bytes: Buffer) => boolean }>();
  const contextFor = (path: string): { context: TextLintContext; prefilter: (bytes: Buffer) => boolean } => {
    const settings = settingsFor(resolver?.effective(path) ?? { rules: {}, target: {}, presets: [] }, options);
    const key = JSON.stringify(settings);
    let entry = contexts.get(key);
    if (!entry) {
      const context = contextOf(settings, options);
      entry = { context, prefilter: makePrefilter(triggersOf(context.rules)) };
      contexts.set(key, entry);
    }
    return entry;
  };

  const fileFixing = fixing ? { ...fixing, allowed: new Set<FixSafety>(fixing.unsafe ? ["safe", "unsafe"] : ["safe"]) } : undefined;
  const results: FileResult[] = [];
  let filesParsed = 0;
  let internalErrors = 0;
  let done = 0;
  for (const path of files) {
    const { context, prefilter } = contextFor(path);
    const outcome = await processFile(path, context, prefilter, fileFixing);
    if (outcome.result) results.push(outcome.result);
    if (outcome.parsed) filesParsed++;
    if (outcome.internalError) internalErrors++;
    options.onProgress?.(++done, files.length);
  }
  return { results, filesScanned: files.length, filesParsed, missing, internalErrors, durationMs: performance.now() - started };
}
