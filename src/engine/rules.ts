import type { Diagnostic, Rule, Severity, Target } from "../model/rule.js";
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
    active.push({ rule, severity, options: setting?.options ?? {} });
  }
  return active;
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
  for (const { rule, severity, options } of rules) {
    if (!rule.meta.languages.includes(file.language)) continue;
    try {
      rule.check({
        file,
        target,
        options,
        report: (input) => {
          // A per-finding severity (a clamp that is an error) only ever raises the configured one.
          const chosen = input.severity && rank(input.severity) > rank(severity) ? input.severity : severity;
          diagnostics.push({
            ruleId: rule.meta.id,
            severity: chosen,
            message: input.message,
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

function rank(severity: Severity): number {
  return severity === "error" ? 2 : severity === "warning" ? 1 : 0;
}

/** Trigger words of the active rules, and the target model's ID, for the prefilter. */
export function triggersOf(rules: readonly ActiveRule[], target: Target): string[] {
  if (rules.length === 0) return [];
  return [...new Set([target.model, ...rules.flatMap((active) => active.rule.meta.triggers)])];
}
