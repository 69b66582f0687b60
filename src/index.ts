/**
 * The Node API. The CLI is a thin layer over these functions.
 *
 *   import { lint, fix, lintSource } from "glm-migrate";
 *   const { results } = await lint({ paths: ["src"] });
 */
export { fix, lint, lintSource, resolveSettings } from "./engine/run.js";
export type { FixOptions, LintOptions, RuleConfig, Settings, SourceOptions } from "./engine/run.js";
export { ConfigError, ConfigResolver, readConfigFile as loadConfig } from "./config/load.js";
export type { ConfigData, ConfigFile, EffectiveConfig } from "./config/load.js";
export type { FileResult, Message, RunResult } from "./model/results.js";
export { RULES } from "../rules/index.js";
export type { Rule, RuleMeta, Severity, Target } from "./model/rule.js";
