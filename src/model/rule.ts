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
  /** What the fix does, in a few words (`Rename to max_completion_tokens`), for reports and prompts. */
  title: string;
}

/**
 * Fix constructors, as Ruff's `Fix::safe_edits`: a rule says how sure it is and what the fix does.
 * No edits (a fix the rule could not build) gives no fix, so a report needs no conditional spread.
 */
export const Fix = {
  safe: (edits: readonly Edit[] | undefined, title: string): Fix | undefined => make("safe", edits, title),
  unsafe: (edits: readonly Edit[] | undefined, title: string): Fix | undefined => make("unsafe", edits, title),
  of: (safety: FixSafety, edits: readonly Edit[] | undefined, title: string): Fix | undefined => make(safety, edits, title),
};

function make(safety: FixSafety, edits: readonly Edit[] | undefined, title: string): Fix | undefined {
  return edits && edits.length > 0 ? { safety, edits: [...edits], title } : undefined;
}

export interface Diagnostic {
  ruleId: string;
  /** Which of the rule's wordings (`meta.messages`) this is: what tests, answers and result keys use. */
  messageId: string;
  severity: Severity;
  /** The wording with its data filled in. */
  message: string;
  range: Range;
  fix?: Fix | undefined;
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
  /**
   * Requests bound to Z.ai stay there on purpose: no move to Cerebras is offered and nothing is
   * reported about what would break once they moved. Cerebras-bound requests are checked as ever.
   */
  stayOnZai?: boolean;
}

export const DEFAULT_TARGET: Target = { model: "zai-glm-4.7", reasoningOff: "reasoning_effort" };

export interface RuleDocs {
  /**
   * Lines the example needs to stand on its own (imports, a client); the docs test lints setup +
   * example and expects exactly one finding of the rule, and fixing it to give setup + useInstead.
   */
  setup?: string;
  /** The example's file name (its language): `example.py` unless said. */
  exampleFile?: string;
  /** One line, shown by `glm-migrate rules`. */
  summary: string;
  whatItDoes: string;
  why: string;
  example: string;
  useInstead: string;
  /** Where the fact comes from: the public documentation page or SDK source file, with its date. */
  source: string;
  /** How far the rule follows code to the request it checks ("What it follows"), one flow per entry. */
  follows?: readonly string[];
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
  /**
   * The rule's options, as JSON schema properties (config: `"rule": ["warn", { ... }]`), each with
   * its `default`: the engine fills the defaults in, and schema.json shows them.
   */
  options?: Record<string, Record<string, unknown> & { default: unknown }>;
  /**
   * Every wording of the rule by message id, as ESLint's `meta.messages`: `{name}` is filled from a
   * report's `data`. One table, so wordings are reviewed together and reports name an id.
   */
  messages: Record<string, string>;
  docs: RuleDocs;
}

export interface ReportInput {
  range: Range;
  /** Which wording of `meta.messages`. */
  messageId: string;
  /** Values for the wording's `{placeholders}`. */
  data?: Record<string, string | number>;
  fix?: Fix | undefined;
  /** Overrides the rule's severity for this one finding (e.g. a clamp that is an error). */
  severity?: Severity;
  /** The most this one finding may be, whatever the rule's severity (a fallback kept on purpose: info). */
  atMost?: Severity;
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
