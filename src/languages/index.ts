import { basename } from "node:path";
import type { Link } from "../model/assemble.js";
import { UNLIMITED, type Budget } from "../model/budget.js";
import type { Language, LoweredFile, ParseError } from "../model/types.js";
import type { ContainerLanguage, LanguageAdapter, LowerResult, SourceLanguage } from "./adapter.js";

function wrap(result: LoweredFile | { error: ParseError }): LowerResult {
  return "error" in result ? result : { file: result };
}

/**
 * Every language glm-migrate lowers. Each adapter's module is imported on first use, so a run
 * that only meets Python never loads TypeScript's parser, and the reverse.
 */
const ADAPTERS: Record<SourceLanguage, LanguageAdapter> = {
  python: {
    extensions: [".py", ".pyi"],
    lower: async (path, text, options) => (await import("./python/index.js")).lowerPythonFile(path, text, options),
  },
  javascript: {
    extensions: [".js", ".mjs", ".cjs", ".jsx"],
    lower: async (path, text, options) => (await import("./javascript/index.js")).lowerJavaScriptFile(path, "javascript", text, options),
  },
  typescript: {
    extensions: [".ts", ".mts", ".cts", ".tsx"],
    lower: async (path, text, options) => (await import("./javascript/index.js")).lowerJavaScriptFile(path, "typescript", text, options),
  },
  yaml: {
    extensions: [".yaml", ".yml"],
    lower: async (path, text) => wrap((await import("./config/yaml.js")).lowerYaml(path, text)),
  },
  json: {
    extensions: [".json", ".jsonc"],
    lower: async (path, text) => wrap((await import("./config/json.js")).lowerJson(path, text)),
  },
  toml: {
    extensions: [".toml"],
    lower: async (path, text) => wrap((await import("./config/toml.js")).lowerToml(path, text)),
  },
  // `.env`, and `.env.local` and the like (languageForPath).
  env: {
    extensions: [".env"],
    lower: async (path, text) => ({ file: (await import("./config/env.js")).lowerEnv(path, text) }),
  },
  shell: {
    extensions: [".sh", ".bash", ".zsh"],
    lower: async (path, text, { budget }) => ({ file: await (await import("./shell/index.js")).lowerShell(path, text, budget) }),
  },
};

/** Markdown and notebooks hold code blocks and cells that engine/container-check.ts lowers one by one. */
const CONTAINERS: Record<ContainerLanguage, { extensions: readonly string[] }> = {
  markdown: { extensions: [".md", ".mdx", ".markdown"] },
  notebook: { extensions: [".ipynb"] },
};

const EXTENSIONS = new Map<string, Language>(
  [...Object.entries(ADAPTERS), ...Object.entries(CONTAINERS)].flatMap(([language, { extensions }]) =>
    extensions.map((extension) => [extension, language as Language] as const),
  ),
);

/** `.env`, `.env.local`, `.env.production`: dotenv files named by their prefix, not an extension. */
const DOTENV_PREFIX = ".env.";

/** The language a path is read as, or undefined for files glm-migrate does not read. */
export function languageForPath(path: string): Language | undefined {
  const name = basename(path).toLowerCase();
  if (name === ".env" || name.startsWith(DOTENV_PREFIX)) return "env";
  const dot = name.lastIndexOf(".");
  return dot === -1 ? undefined : EXTENSIONS.get(name.slice(dot));
}

export function isContainer(language: Language): language is ContainerLanguage {
  return language in CONTAINERS;
}

const extensionNames = (): string[] => [...EXTENSIONS.keys()].map((extension) => extension.slice(1));

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

/** Parses and lowers one file of a source language. */
export function lowerSource(path: string, language: SourceLanguage, text: string, budget: Budget = UNLIMITED, link?: Link): Promise<LowerResult> {
  return ADAPTERS[language].lower(path, text, { budget, ...(link ? { link } : {}) });
}
