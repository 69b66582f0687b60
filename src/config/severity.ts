import type { Severity } from "../model/rule.js";

/** A severity as a config file may spell it. */
export type RuleSeverityName = "off" | "info" | "warn" | "warning" | "error";

/**
 * ESLint's "warn" is our "warning". Apart from the loader, so a worker thread that only applies
 * settings does not load the config parsers (TOML, JSONC, globs).
 */
export function severityOf(name: RuleSeverityName): Severity | "off" {
  return name === "warn" ? "warning" : name;
}
