import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { createRequire } from "node:module";
import type { Ajv2020 as AjvClass, ErrorObject } from "ajv/dist/2020.js";
import type { ParseError as JsonError } from "jsonc-parser";
import picomatch from "picomatch";
// The TOML and JSONC parsers are loaded when a file needs them (a pyproject.toml, a JSON file with
// comments): loading them costs more than a one-file run's analysis. Like ajv, below.
const load = createRequire(import.meta.url);
const tomlParser = (): typeof import("toml-eslint-parser") => load("toml-eslint-parser");
const jsoncParser = (): typeof import("jsonc-parser") => load("jsonc-parser");
import { RULES } from "../../rules/index.js";
import type { Target } from "../model/rule.js";
import { languageForPath } from "../languages/index.js";
import { packageFile } from "../package-files.js";
import { didYouMean } from "../suggest.js";

import type { RuleSeverityName } from "./severity.js";
export { severityOf, type RuleSeverityName } from "./severity.js";
export type RuleEntry = RuleSeverityName | [RuleSeverityName, Record<string, unknown>?];

/** glm-migrate.config.json, the "glm-migrate" key of package.json, or [tool.glm-migrate]. */
export interface ConfigData {
  rules?: Record<string, RuleEntry>;
  include?: string[];
  exclude?: string[];
  target?: Partial<Target>;
  presets?: string[];
  /** Read the code blocks of Markdown and MDX files (default true). */
  markdown?: boolean;
  overrides?: { files: string | string[]; rules?: Record<string, RuleEntry> }[];
}

export interface ConfigFile {
  path: string;
  /** Globs in the file are relative to this folder. */
  dir: string;
  data: ConfigData;
}

/** A configuration problem: exit code 2 with the file, the key path and what is wrong. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly keyPath: string,
    detail: string,
  ) {
    super(`${file}${keyPath ? `: ${keyPath}` : ""}: ${detail}`);
  }
}

export const CONFIG_FILE_NAMES = ["glm-migrate.config.json", "package.json", "pyproject.toml"] as const;

let validator: ReturnType<AjvClass["compile"]> | undefined;
let schema: Record<string, unknown> | undefined;

function validate(data: unknown): ErrorObject[] {
  if (!validator) {
    schema = JSON.parse(readFileSync(packageFile("schema.json"), "utf8")) as Record<string, unknown>;
    // Loaded only when a config file turns up: most runs (a hook on one file) never pay for it.
    const { Ajv2020 } = createRequire(import.meta.url)("ajv/dist/2020.js") as { Ajv2020: typeof AjvClass };
    validator = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
  }
  return validator(data) ? [] : [...(validator.errors ?? [])];
}

/** The schema node that describes the value at an instance path, to name the keys it allows. */
function schemaAt(path: string[]): Record<string, unknown> | undefined {
  let node = schema as Record<string, unknown> | undefined;
  for (const part of path) {
    if (!node) return undefined;
    const properties = node.properties as Record<string, Record<string, unknown>> | undefined;
    const items = node.items as Record<string, unknown> | undefined;
    node = /^\d+$/.test(part) ? items : properties?.[part];
  }
  return node;
}

function keyPathOf(instancePath: string): string[] {
  return instancePath
    .split("/")
    .slice(1)
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** Turns ajv's errors into one clear message: the deepest, most specific one. */
function explain(file: string, errors: ErrorObject[], data: unknown): ConfigError {
  const rank = (error: ErrorObject): number =>
    error.keyword === "additionalProperties" ? 3 : error.keyword === "enum" ? 2 : error.keyword === "oneOf" ? 0 : 1;
  const [error] = [...errors].sort(
    (a, b) => keyPathOf(b.instancePath).length - keyPathOf(a.instancePath).length || rank(b) - rank(a),
  );
  const path = keyPathOf(error!.instancePath);
  const where = path.join(".");
  if (error!.keyword === "additionalProperties") {
    const key = (error!.params as { additionalProperty: string }).additionalProperty;
    const known = Object.keys((schemaAt(path)?.properties as Record<string, unknown>) ?? {});
    const what = path.at(-1) === "rules" ? "rule" : "key";
    return new ConfigError(file, [...path, key].join("."), `unknown ${what} "${key}"${didYouMean(key, known)}`);
  }
  if (error!.keyword === "enum") {
    const allowed = (error!.params as { allowedValues: unknown[] }).allowedValues.map(String);
    let value: unknown = data;
    for (const part of path) value = (value as Record<string, unknown>)?.[part];
    return new ConfigError(file, where, `"${String(value)}" is not one of ${allowed.join(", ")}${didYouMean(String(value), allowed)}`);
  }
  if (error!.keyword === "oneOf" && (path[0] === "rules" || (path[0] === "overrides" && path[2] === "rules"))) {
    return new ConfigError(file, where, `must be one of off, info, warn, error, or [severity, { options }]`);
  }
  return new ConfigError(file, where, error!.message ?? "is not valid");
}

/** Plain JSON (package.json) as is; with comments or trailing commas, through the JSONC parser. */
function parseJson(text: string, errors: JsonError[]): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return jsoncParser().parse(text, errors, { allowTrailingComma: true });
  }
}

/** Reads and validates one config file; undefined when it holds no glm-migrate settings. */
export function readConfigFile(path: string): ConfigFile | undefined {
  const name = basename(path);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new ConfigError(path, "", `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let data: unknown;
  if (name === "pyproject.toml") {
    let document: Record<string, unknown>;
    try {
      const { getStaticTOMLValue, parseTOML } = tomlParser();
      document = getStaticTOMLValue(parseTOML(text)) as Record<string, unknown>;
    } catch (error) {
      throw new ConfigError(path, "", `not valid TOML: ${(error as Error).message}`);
    }
    data = (document.tool as Record<string, unknown> | undefined)?.["glm-migrate"];
    if (data === undefined) return undefined;
  } else {
    const errors: JsonError[] = [];
    const parsed: unknown = parseJson(text, errors);
    if (errors.length > 0) {
      const first = errors[0]!;
      const line = text.slice(0, first.offset).split("\n").length;
      const what = jsoncParser().printParseErrorCode(first.error).replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
      throw new ConfigError(path, "", `not valid JSON (line ${line}: ${what})`);
    }
    data = name === "package.json" ? (parsed as Record<string, unknown> | undefined)?.["glm-migrate"] : parsed;
    if (data === undefined) return undefined;
  }
  const errors = validate(data);
  if (errors.length > 0) throw explain(path, errors, data);
  return { path, dir: dirname(path), data: data as ConfigData };
}

/** The settings that apply to one file, with where they came from. */
export interface EffectiveConfig {
  configFile?: string;
  rules: Record<string, RuleEntry>;
  target: Partial<Target>;
  presets: string[];
}

/**
 * Finds each file's configuration: the nearest glm-migrate.config.json, package.json with a
 * "glm-migrate" key, or pyproject.toml with [tool.glm-migrate], from the file's folder upward
 * (or the one named with --config), and computes what applies to the file, overrides included.
 */
export class ConfigResolver {
  private readonly byDirectory = new Map<string, ConfigFile | undefined>();
  private readonly explicit: ConfigFile | undefined;

  constructor(explicitPath?: string, cwd = process.cwd()) {
    if (explicitPath !== undefined) {
      const path = resolve(cwd, explicitPath);
      if (!existsSync(path)) throw new ConfigError(path, "", "no such file");
      this.explicit = readConfigFile(path) ?? { path, dir: dirname(path), data: {} };
    }
  }

  configFor(dir: string): ConfigFile | undefined {
    if (this.explicit) return this.explicit;
    if (this.byDirectory.has(dir)) return this.byDirectory.get(dir);
    let found: ConfigFile | undefined;
    for (const name of CONFIG_FILE_NAMES) {
      const path = join(dir, name);
      if (existsSync(path)) {
        found = readConfigFile(path);
        if (found) break;
      }
    }
    const parent = dirname(dir);
    if (!found && parent !== dir) found = this.configFor(parent);
    this.byDirectory.set(dir, found);
    return found;
  }

  private relative(config: ConfigFile, path: string): string {
    return relative(config.dir, path).split(sep).join("/");
  }

  /** Excluded by the config that governs it (a folder excluded skips all below it). */
  isExcluded(path: string): boolean {
    const config = this.configFor(dirname(path));
    // Docs are read by default, since the calls they show get copied; `"markdown": false` opts out.
    if (config?.data.markdown === false && languageForPath(path) === "markdown") return true;
    const patterns = config?.data.exclude;
    if (!config || !patterns?.length) return false;
    const rel = this.relative(config, path);
    if (rel.startsWith("..")) return false;
    return picomatch(patterns, { dot: true })(rel);
  }

  /** Not among the config's `include` globs, when it has some. */
  isNotIncluded(path: string): boolean {
    const config = this.configFor(dirname(path));
    const patterns = config?.data.include;
    if (!config || !patterns?.length) return false;
    return !picomatch(patterns, { dot: true })(this.relative(config, path));
  }

  effective(path: string): EffectiveConfig {
    const config = this.configFor(dirname(path));
    if (!config) return { rules: {}, target: {}, presets: [] };
    const rules = { ...(config.data.rules ?? {}) };
    const rel = this.relative(config, path);
    for (const override of config.data.overrides ?? []) {
      const files = Array.isArray(override.files) ? override.files : [override.files];
      if (picomatch(files, { dot: true })(rel)) Object.assign(rules, override.rules ?? {});
    }
    return { configFile: config.path, rules, target: { ...config.data.target }, presets: [...(config.data.presets ?? [])] };
  }
}

/** The rule ids, for suggestions outside the schema (command-line flags). */
export const RULE_IDS: readonly string[] = RULES.map((rule) => rule.meta.id);
