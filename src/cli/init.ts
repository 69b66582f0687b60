import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { VERSION } from "../version.js";
import { UsageError } from "./errors.js";

/** The starting config `glm-migrate init` writes: every key explained, the defaults spelt out. */
export function initialConfig(): string {
  return `{
  // Editors validate and complete this file against glm-migrate's published schema.
  "$schema": "https://unpkg.com/glm-migrate@${VERSION}/schema.json",

  // The model the migration aims at, and how reasoning is turned off:
  // "reasoning_effort" (reasoning_effort: "none", Cerebras' form since 2026-07-21)
  // or "disable_reasoning" (the form the GLM 4.7 migration guide shows).
  "target": { "model": "zai-glm-4.7", "reasoningOff": "reasoning_effort" },

  // Rule severities: "off", "info", "warn" or "error", or [severity, { options }].
  // \`glm-migrate rules\` lists them; \`glm-migrate explain <rule>\` says what each does.
  "rules": {
    // "sampling-conflict": ["warn", { "keep": "temperature" }],
    // "low-temperature": ["warn", { "threshold": 0.6 }]
  },

  // "best-practices" adds the prompt rules (response language, firm wording).
  "presets": [],

  // Files and folders to skip, relative to this file (.gitignore is honoured as well).
  "exclude": [],

  // Settings for some files only, e.g. tests that pin old model IDs on purpose.
  "overrides": [
    // { "files": ["tests/**"], "rules": { "model-id": "off" } }
  ]
}
`;
}

export function writeInitialConfig(cwd: string, force: boolean): string {
  const path = join(cwd, "glm-migrate.config.json");
  if (existsSync(path) && !force) throw new UsageError(`${path} exists already (use --force to overwrite it)`);
  writeFileSync(path, initialConfig());
  return path;
}
