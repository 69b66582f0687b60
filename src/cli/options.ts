import { resolve } from "node:path";
import { RULES } from "../../rules/index.js";
import { parseShard } from "../engine/shard.js";
import { SEVERITY_NAMES } from "../config/schema.js";
import type { FixOptions, RuleConfig } from "../engine/run.js";
import { didYouMean } from "../suggest.js";
import { unknownTargetReason } from "../config/target.js";
import { UsageError } from "./errors.js";

/** Flags shared by `lint` and `fix`, as commander hands them over. */
export interface CommonFlags {
  format: string;
  outputFile?: string;
  gitignore: boolean;
  config?: string | false;
  rule?: string[];
  select?: string;
  ignore?: string;
  preset?: string[];
  targetModel?: string;
  allowUnknownTarget?: boolean;
  checkModels?: boolean;
  reasoningOff?: "reasoning_effort" | "disable_reasoning";
  stayOnZai?: boolean;
  maxWarnings?: string;
  quiet?: boolean;
  exitZero?: boolean;
  reportUnusedSuppressions?: boolean;
  stdin?: boolean;
  stdinFilename?: string;
  changed?: boolean;
  since?: string;
  printConfig?: string;
  fileTimeout?: string;
  jobs?: string;
  cache?: boolean;
  cacheLocation?: string;
  shard?: string;
  typeAware?: boolean;
  color?: boolean;
  debug?: boolean;
}

const RULE_IDS = RULES.map((rule) => rule.meta.id);

function checkRule(id: string, flag: string): string {
  if (!RULE_IDS.includes(id)) throw new UsageError(`${flag}: unknown rule \`${id}\`${didYouMean(id, RULE_IDS)}`);
  return id;
}

function ruleList(value: string | undefined, flag: string): string[] | undefined {
  if (value === undefined) return undefined;
  return value
    .split(",")
    .map((id) => id.trim())
    .filter(Boolean)
    .map((id) => checkRule(id, flag));
}

/** `--rule model-id:warn` (repeatable) into rule settings. */
function ruleFlags(values: readonly string[] | undefined): Record<string, RuleConfig> {
  const rules: Record<string, RuleConfig> = {};
  for (const value of values ?? []) {
    const match = /^([a-z0-9-]+):([a-z]+)$/.exec(value.trim());
    if (!match) throw new UsageError(`--rule takes rule:severity, e.g. model-id:warn (got \`${value}\`)`);
    const [, id, severity] = match as unknown as [string, string, string];
    checkRule(id, "--rule");
    if (!(SEVERITY_NAMES as readonly string[]).includes(severity)) {
      throw new UsageError(`--rule ${id}: severity must be one of ${SEVERITY_NAMES.join(", ")}${didYouMean(severity, SEVERITY_NAMES)}`);
    }
    rules[id] = severity as RuleConfig;
  }
  return rules;
}

export function maxWarnings(flags: CommonFlags): number | undefined {
  if (flags.maxWarnings === undefined) return undefined;
  const value = Number(flags.maxWarnings);
  if (!Number.isInteger(value) || value < -1) throw new UsageError(`--max-warnings takes a whole number (got \`${flags.maxWarnings}\`)`);
  return value < 0 ? undefined : value;
}

export function runOptions(paths: string[], flags: CommonFlags, cwd: string): FixOptions {
  const timeout = flags.fileTimeout === undefined ? undefined : Number(flags.fileTimeout);
  if (timeout !== undefined && !(timeout >= 0)) throw new UsageError(`--file-timeout takes seconds (got \`${flags.fileTimeout}\`)`);
  const jobs = flags.jobs === undefined ? undefined : Number(flags.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) throw new UsageError(`--jobs takes a whole number of threads (got \`${flags.jobs}\`)`);
  const shard = flags.shard === undefined ? undefined : parseShard(flags.shard);
  if (flags.shard !== undefined && !shard) throw new UsageError(`--shard takes i/n with 1 <= i <= n, e.g. 2/4 (got \`${flags.shard}\`)`);
  const unknownTarget = flags.targetModel && !flags.allowUnknownTarget ? unknownTargetReason(flags.targetModel, "--allow-unknown-target") : undefined;
  if (unknownTarget) throw new UsageError(`--target-model: ${unknownTarget}`);
  const select = ruleList(flags.select, "--select");
  const ignore = ruleList(flags.ignore, "--ignore");
  return {
    paths,
    cwd,
    gitignore: flags.gitignore,
    ...(flags.config === false ? { noConfig: true } : flags.config ? { config: flags.config } : {}),
    rules: ruleFlags(flags.rule),
    ...(select ? { select } : {}),
    ...(ignore ? { ignore } : {}),
    ...(flags.preset ? { presets: flags.preset } : {}),
    reportUnusedSuppressions: Boolean(flags.reportUnusedSuppressions),
    ...(timeout !== undefined ? { fileTimeoutMs: timeout * 1000 } : {}),
    ...(jobs !== undefined ? { jobs } : {}),
    ...(flags.cache ? { cache: true } : {}),
    ...(flags.cacheLocation ? { cacheLocation: resolve(cwd, flags.cacheLocation) } : {}),
    ...(shard ? { shard } : {}),
    ...(flags.typeAware ? { typeAware: true } : {}),
    target: {
      ...(flags.targetModel ? { model: flags.targetModel } : {}),
      ...(flags.allowUnknownTarget ? { allowUnknown: true } : {}),
      ...(flags.reasoningOff ? { reasoningOff: flags.reasoningOff } : {}),
      ...(flags.stayOnZai ? { stayOnZai: true } : {}),
    },
  };
}
