import type { Diagnostic, FixSafety, Rule, Severity, Target } from "../model/rule.js";
import type { LoweredFile } from "../model/types.js";

export interface RuleSetting {
  severity: Severity | "off";
  options?: Record<string, unknown>;
}

export interface ActiveRule {
  rule: Rule;
  severity: Severity;
  options: Record<string, unknown>;
}

/** The rules that run: each rule's default, then the presets that turn rules on, then the settings. */
export function activeRules(all: readonly Rule[], settings: ReadonlyMap<string, RuleSetting>, presets: readonly string[] = []): ActiveRule[] {
  const active: ActiveRule[] = [];
  for (const rule of all) {
    const setting = settings.get(rule.meta.id);
    const onByDefault = rule.meta.enabledByDefault !== false || (rule.meta.presets ?? []).some((preset) => presets.includes(preset));
    const severity = setting?.severity ?? (onByDefault ? rule.meta.severity : "off");
    if (severity === "off") continue;
    active.push({ rule, severity, options: { ...defaultOptions(rule), ...setting?.options } });
  }
  return active;
}

/** The defaults `meta.options` declares, which a config's options override one by one. */
export function defaultOptions(rule: Rule): Record<string, unknown> {
  return Object.fromEntries(Object.entries(rule.meta.options ?? {}).map(([name, schema]) => [name, schema.default]));
}

export class RuleCrash extends Error {
  constructor(
    readonly ruleId: string,
    readonly path: string,
    cause: unknown,
  ) {
    super(`rule ${ruleId} failed on ${path}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** Runs every active rule that applies to the file's language; diagnostics come back in order. */
export function runRules(file: LoweredFile, rules: readonly ActiveRule[], target: Target): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  // One body literal sent by two requests (a stream and a plain call) is one finding, not two.
  const seen = new Set<string>();
  for (const { rule, severity, options } of rules) {
    if (!rule.meta.languages.includes(file.language)) continue;
    try {
      rule.check({
        file,
        target,
        options,
        report: (input) => {
          // A per-finding severity (a clamp that is an error) only ever raises the configured one.
          const raised = input.severity && rank(input.severity) > rank(severity) ? input.severity : severity;
          // A ceiling (a deployment kept on purpose as a fallback) only ever lowers it.
          const chosen = input.atMost && rank(input.atMost) < rank(raised) ? input.atMost : raised;
          if (input.fix && !allows(rule.meta.fix, input.fix.safety)) {
            throw new Error(`a ${input.fix.safety} fix from a rule whose fixes are at most ${rule.meta.fix}`);
          }
          const message = wording(rule, input.messageId, input.data);
          const key = `${rule.meta.id}\u0000${input.range.start}\u0000${input.range.end}\u0000${message}`;
          if (seen.has(key)) return;
          seen.add(key);
          diagnostics.push({
            ruleId: rule.meta.id,
            messageId: input.messageId,
            severity: chosen,
            message,
            range: input.range,
            ...(input.fix ? { fix: input.fix } : {}),
          });
        },
      });
    } catch (error) {
      throw new RuleCrash(rule.meta.id, file.path, error);
    }
  }
  return diagnostics.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
}

/** The rule's wording for a message id, its `{placeholders}` filled from the report's data. */
export function wording(rule: Rule, messageId: string, data: Readonly<Record<string, string | number>> = {}): string {
  const template = rule.meta.messages[messageId];
  if (template === undefined) throw new Error(`no message "${messageId}" in the rule's meta.messages`);
  return template.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    if (!(name in data)) throw new Error(`message "${messageId}" needs data.${name}`);
    return String(data[name]);
  });
}

/** Fix safety in Ruff's order of applicability: a rule's `meta.fix` bounds what it may offer. */
const APPLICABILITY = { none: 0, unsafe: 1, safe: 2 } as const;

/** Whether a rule declared `declared` may offer a fix of `safety` (a safe rule may offer unsafe ones). */
export function allows(declared: keyof typeof APPLICABILITY, safety: FixSafety): boolean {
  return APPLICABILITY[declared] >= APPLICABILITY[safety];
}

function rank(severity: Severity): number {
  return severity === "error" ? 2 : severity === "warning" ? 1 : 0;
}

/** Trigger words of the active rules, and the target model's ID, for the prefilter. */
export function triggersOf(rules: readonly ActiveRule[], target: Target): string[] {
  if (rules.length === 0) return [];
  return [...new Set([target.model, ...rules.flatMap((active) => active.rule.meta.triggers)])];
}
