import type { Language, LoweredFile, Range } from "./types.js";

export type Severity = "error" | "warning" | "info";
export type FixSafety = "safe" | "unsafe";

/** A replacement of `[start, end)` of the original text. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  safety: FixSafety;
  /** Applied together or not at all; they must not overlap each other. */
  edits: Edit[];
}

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  fix?: Fix;
}

/** What the migration is aiming at; set in config or on the command line. */
export interface Target {
  model: string;
  /** How reasoning is turned off: Cerebras' current form, or the one the migration guide shows. */
  reasoningOff: "reasoning_effort" | "disable_reasoning";
  /** Migrate to a model the catalog does not know as current (one newer than the catalog). */
  allowUnknown?: boolean;
  /** The model IDs the Cerebras API lists for this account now (`lint --check-models`); unknown otherwise. */
  liveModels?: string[];
}

export const DEFAULT_TARGET: Target = { model: "zai-glm-4.7", reasoningOff: "reasoning_effort" };

export interface RuleDocs {
  /** One line, shown by `glm-migrate rules`. */
  summary: string;
  whatItDoes: string;
  why: string;
  example: string;
  useInstead: string;
  /** Where the fact comes from (API-FACTS.md and the vendor page it cites). */
  source: string;
}

export interface RuleMeta {
  id: string;
  severity: Severity;
  /** The strongest fix the rule can offer. */
  fix: FixSafety | "none";
  languages: readonly Language[];
  /**
   * Substrings at least one of which a file must contain for this rule to report anything in it.
   * The prefilter skips files that contain none of any enabled rule's triggers.
   */
  triggers: readonly string[];
  /** False: off unless a preset or the config turns it on. */
  enabledByDefault?: boolean;
  /** Presets that turn the rule on (`best-practices`). */
  presets?: readonly string[];
  /** The rule's options, as JSON schema properties (config: `"rule": ["warn", { ... }]`). */
  options?: Record<string, Record<string, unknown>>;
  docs: RuleDocs;
}

export interface ReportInput {
  range: Range;
  message: string;
  fix?: Fix;
  /** Overrides the rule's severity for this one finding (e.g. a clamp that is an error). */
  severity?: Severity;
}

export interface RuleContext {
  file: LoweredFile;
  target: Target;
  options: Record<string, unknown>;
  report(input: ReportInput): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}
