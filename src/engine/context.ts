import { RULES } from "../../rules/index.js";
import { ConfigError, type EffectiveConfig, type RuleEntry } from "../config/load.js";
import { severityOf } from "../config/severity.js";
import { unknownTargetReason } from "../config/target.js";
import { DEFAULT_TARGET, type Severity, type Target } from "../model/rule.js";
import type { TextLintContext } from "./lint-text.js";
import { makePrefilter } from "./prefilter.js";
import { ModuleLinker } from "./project.js";
import { activeRules, triggersOf, type RuleSetting } from "./rules.js";

export type RuleConfig = Severity | "warn" | "off" | [Severity | "warn" | "off", Record<string, unknown>?];

/** What runs on one file: the config's settings, then the caller's (command line) on top. */
export interface Settings {
  rules: Record<string, RuleConfig | RuleEntry>;
  target: Target;
  presets: string[];
  configFile?: string;
}

/** The caller's settings that shape a file's context (the command line's, or the API's). */
export interface SettingsOverrides {
  target?: Partial<Target>;
  rules?: Readonly<Record<string, RuleConfig>>;
  select?: readonly string[];
  ignore?: readonly string[];
  presets?: readonly string[];
}

/** How a context checks a file, beyond its rules: plain data, so workers can rebuild it. */
export interface CheckOptions {
  reportUnusedSuppressions: boolean;
  fileTimeoutMs: number;
  /** The project's root: imports are followed to other modules under it. */
  root?: string;
  /** Ask TypeScript's type checker for clients the model cannot resolve (`--type-aware`). */
  typeAware?: boolean;
}

const KNOWN_RULES = new Set(RULES.map((rule) => rule.meta.id));

export function settingsFor(effective: EffectiveConfig, options: SettingsOverrides): Settings {
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
  const target = { ...DEFAULT_TARGET, ...effective.target, ...options.target };
  if (!target.allowUnknown) {
    const reason = unknownTargetReason(target.model, options.target?.model ? "the allowUnknown target option" : "\"allowUnknown\": true in target");
    if (reason) throw new ConfigError(options.target?.model ? "options" : (effective.configFile ?? "options"), "target.model", reason);
  }
  return {
    rules,
    target,
    presets: [...new Set([...effective.presets, ...(options.presets ?? [])])],
    ...(effective.configFile ? { configFile: effective.configFile } : {}),
  };
}

export function contextOf(settings: Settings, check: CheckOptions, linker?: ModuleLinker): TextLintContext {
  const ruleSettings = new Map<string, RuleSetting>();
  for (const [id, value] of Object.entries(settings.rules)) {
    const [name, ruleOptions] = Array.isArray(value) ? value : [value, undefined];
    ruleSettings.set(id, { severity: severityOf(name as never), options: ruleOptions ?? {} });
  }
  return {
    rules: activeRules(RULES, ruleSettings, settings.presets),
    target: settings.target,
    reportUnusedSuppressions: check.reportUnusedSuppressions,
    knownRules: KNOWN_RULES,
    fileTimeoutMs: check.fileTimeoutMs,
    ...(linker ? { linker } : {}),
  };
}

export interface PreparedContext {
  context: TextLintContext;
  prefilter: (bytes: Buffer) => boolean;
}

/** Contexts by settings, built once: files under one config share one context and one prefilter. */
export class ContextCache {
  private readonly cache = new Map<string, PreparedContext>();
  /** One linker for every context: modules are read once, whatever settings their importers have. */
  readonly linker: ModuleLinker | undefined;

  constructor(private readonly check: CheckOptions) {
    this.linker = check.root === undefined ? undefined : new ModuleLinker(check.root, check.typeAware);
  }

  get(settings: Settings, key = JSON.stringify(settings)): PreparedContext {
    let entry = this.cache.get(key);
    if (!entry) {
      const context = contextOf(settings, this.check, this.linker);
      entry = { context, prefilter: makePrefilter(triggersOf(context.rules, context.target)) };
      this.cache.set(key, entry);
    }
    return entry;
  }
}
