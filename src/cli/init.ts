import { existsSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { UsageError } from "./errors.js";

/**
 * The schema of the glm-migrate installed in the nearest `node_modules` (as Node would find the
 * package from `dir`), relative to `dir`; undefined when it is not installed there. A relative
 * path keeps the config valid on every machine that runs `npm ci`; an absolute one would not, and a
 * registry URL would name a package that may not be published.
 */
export function installedSchemaPath(dir: string): string | undefined {
  for (let folder = dir; ; folder = dirname(folder)) {
    const schema = join(folder, "node_modules", "glm-migrate", "schema.json");
    if (existsSync(schema)) {
      const path = relative(dir, schema).split(sep).join("/");
      return path.startsWith("../") ? path : `./${path}`;
    }
    if (dirname(folder) === folder) return undefined;
  }
}

/** The starting config `glm-migrate init` writes: every key explained, the defaults spelt out. */
export function initialConfig(schemaPath?: string): string {
  const schema = schemaPath
    ? `  // Editors validate and complete this file against glm-migrate's schema (the installed package's).
  "$schema": ${JSON.stringify(schemaPath)},

`
    : "";
  return `{
${schema}  // The model the migration aims at, and how reasoning is turned off:
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
  writeFileSync(path, initialConfig(installedSchemaPath(cwd)));
  return path;
}
