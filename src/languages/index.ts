import { basename } from "node:path";
import { UNLIMITED, type Budget } from "../engine/budget.js";
import type { Link } from "../model/assemble.js";
import type { Language, LoweredFile, ParseError } from "../model/types.js";

export type LowerResult = { file: LoweredFile } | { error: ParseError };

const EXTENSIONS: Record<string, Language> = {
  ".py": "python",
  ".pyi": "python",
  ".js": "javascript",
  ".mjs": "javascript",
  ".cjs": "javascript",
  ".jsx": "javascript",
  ".ts": "typescript",
  ".mts": "typescript",
  ".cts": "typescript",
  ".tsx": "typescript",
  ".yaml": "yaml",
  ".yml": "yaml",
  ".json": "json",
  ".jsonc": "json",
  ".toml": "toml",
  ".env": "env",
  ".md": "markdown",
  ".mdx": "markdown",
  ".markdown": "markdown",
  ".ipynb": "notebook",
  ".sh": "shell",
  ".bash": "shell",
  ".zsh": "shell",
};

/** `.env`, `.env.local`, `.env.production`: dotenv files named by their prefix, not an extension. */
const DOTENV_PREFIX = ".env.";

/** The language a path is read as, or undefined for files glm-migrate does not read. */
export function languageForPath(path: string): Language | undefined {
  const name = basename(path).toLowerCase();
  if (name === ".env" || name.startsWith(DOTENV_PREFIX)) return "env";
  const dot = name.lastIndexOf(".");
  return dot === -1 ? undefined : EXTENSIONS[name.slice(dot)];
}

const extensionNames = (): string[] => Object.keys(EXTENSIONS).map((extension) => extension.slice(1));

/**
 * The files glm-migrate reads, as a Python regular expression for pre-commit's `files:` (its type
 * tags know no `.env`, `.mts`, `.cts` or `.jsonc`, and a tag list drifts from this table). The
 * hooks file is generated from it (`npm run hooks`).
 */
export function hookFilesPattern(): string {
  const dotenv = DOTENV_PREFIX.replace(/\./g, "\\.");
  return `(?i)((^|/)${dotenv}[^/]*|\\.(${extensionNames().join("|")}))$`;
}

/** The same files as a lint-staged glob (micromatch, matched against the base name). */
export function lintStagedGlob(): string {
  return `{*.{${extensionNames().join(",")}},${DOTENV_PREFIX}*}`;
}

/**
 * Parses and lowers one file. Each adapter is imported on first use, so a run that only meets
 * Python never loads TypeScript's parser, and the reverse.
 */
export async function lowerSource(path: string, language: Language, text: string, budget: Budget = UNLIMITED, link?: Link): Promise<LowerResult> {
  switch (language) {
    case "python": {
      const { lowerPythonFile } = await import("./python/index.js");
      return lowerPythonFile(path, text, budget, link);
    }
    case "javascript":
    case "typescript": {
      const { lowerJavaScriptFile } = await import("./javascript/index.js");
      return lowerJavaScriptFile(path, language, text, budget, link);
    }
    case "env": {
      const { lowerEnv } = await import("./config/env.js");
      return { file: lowerEnv(path, text) };
    }
    case "json": {
      const { lowerJson } = await import("./config/json.js");
      return wrap(lowerJson(path, text));
    }
    case "yaml": {
      const { lowerYaml } = await import("./config/yaml.js");
      return wrap(lowerYaml(path, text));
    }
    case "toml": {
      const { lowerToml } = await import("./config/toml.js");
      return wrap(lowerToml(path, text));
    }
    case "shell": {
      const { lowerShell } = await import("./shell/index.js");
      return { file: await lowerShell(path, text, budget) };
    }
    case "markdown":
    case "notebook":
      throw new Error("Markdown and notebooks are checked block by block (engine/container-check.ts)");
  }
}

function wrap(result: LoweredFile | { error: ParseError }): LowerResult {
  return "error" in result ? result : { file: result };
}
