import type { Rule } from "../model/rule.js";

/** Severity names a config may use; `warn` and `warning` are the same. */
export const SEVERITY_NAMES = ["off", "info", "warn", "warning", "error"] as const;
export const PRESET_NAMES = ["best-practices"] as const;

/**
 * The JSON schema of glm-migrate.config.json, built from the rules themselves. `schema.json` at
 * the package root is this, written out (a test keeps the two equal); editors read it through
 * `$schema`, and the loader validates against it.
 */
export function configSchema(rules: readonly Rule[]): Record<string, unknown> {
  const severity = { enum: [...SEVERITY_NAMES] };
  const ruleEntries: Record<string, unknown> = {};
  for (const rule of rules) {
    const options = rule.meta.options;
    ruleEntries[rule.meta.id] = {
      description: rule.meta.docs.summary,
      oneOf: [
        severity,
        {
          type: "array",
          prefixItems: [severity, { type: "object", properties: options ?? {}, additionalProperties: false }],
          minItems: 1,
          maxItems: 2,
          items: false,
        },
      ],
    };
  }
  const rulesObject = { type: "object", properties: ruleEntries, additionalProperties: false };
  const globs = { type: "array", items: { type: "string" } };
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://unpkg.com/glm-migrate/schema.json",
    title: "glm-migrate configuration",
    type: "object",
    properties: {
      $schema: { type: "string" },
      rules: rulesObject,
      include: { ...globs, description: "Globs of files to read, relative to this file; all readable files when absent." },
      exclude: { ...globs, description: "Globs of files and folders to skip, relative to this file." },
      target: {
        type: "object",
        properties: {
          model: { type: "string", description: "The model to migrate to." },
          reasoningOff: { enum: ["reasoning_effort", "disable_reasoning"], description: "How reasoning is turned off." },
          allowUnknown: {
            type: "boolean",
            description: "Allow a target model the catalog does not know as a current Cerebras model (one newer than the catalog).",
          },
          stayOnZai: {
            type: "boolean",
            description:
              "Requests bound to Z.ai stay there: no move to Cerebras is offered and what would break after a move is not reported. Requests bound to Cerebras are checked as ever.",
          },
        },
        additionalProperties: false,
      },
      presets: { type: "array", items: { enum: [...PRESET_NAMES] } },
      markdown: {
        type: "boolean",
        description: "Lint and fix the fenced code blocks of Markdown and MDX files (default true); false skips those files.",
      },
      overrides: {
        type: "array",
        items: {
          type: "object",
          properties: {
            files: { oneOf: [{ type: "string" }, globs] },
            rules: rulesObject,
          },
          required: ["files"],
          additionalProperties: false,
        },
      },
    },
    additionalProperties: false,
  };
}
