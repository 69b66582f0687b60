import { readFileSync } from "node:fs";
import { languageForPath } from "../languages/index.js";
import type { Diagnostic, FixSafety } from "../model/rule.js";
import { LineIndex } from "../model/line-index.js";
import type { FileResult, Message } from "../model/results.js";
import type { Language } from "../model/types.js";
import { FileTimeout, timeBudget } from "./budget.js";
import { checkContainer } from "./container-check.js";
import { decode, encode } from "./decode.js";
import { fixText, lintText, type CrossFile, type Decide, type TextLint, type TextLintContext } from "./lint-text.js";
import { fatalMessage, noticeMessage, summarize, toMessage, toMessages } from "./results.js";
import { RuleCrash } from "./rules.js";
import { stallPoint } from "./stall.js";
import { writeAtomic } from "./write.js";

export interface Fixing {
  allowed: ReadonlySet<FixSafety>;
  dryRun: boolean;
  decide?: Decide;
  /** Why this file is checked but not fixed, if it is not (it had uncommitted changes). */
  leaveAlone?: (path: string) => string | undefined;
  /** True once the run is interrupted: no write may start after that. */
  stopped?: () => boolean;
}

export interface TextOutcome {
  messages: Message[];
  /** The fixed text, when fixing. */
  output?: string;
  applied: number;
  crossFile?: CrossFile;
}

function crossFileOf(outcome: TextLint): { crossFile?: CrossFile } {
  if (!("diagnostics" in outcome) || (!outcome.modelUses && !outcome.deps && !outcome.absent)) return {};
  const { modelUses, deps, absent } = outcome;
  return { crossFile: { ...(modelUses ? { modelUses } : {}), ...(deps ? { deps } : {}), ...(absent ? { absent } : {}) } };
}

function generatedNotice(): Message {
  return { ...noticeMessage("a generated file (its header says so): findings are reported, no fix is offered; change what generates it"), severity: 1, level: "info" };
}

/**
 * A header that says a generator writes the file (`# File generated from our OpenAPI spec by
 * Stainless`, `// Code generated ... DO NOT EDIT.`, `@generated`): its next generation would undo
 * a fix, and a test generated to pass every parameter passes them on purpose.
 */
export function isGeneratedSource(text: string): boolean {
  const head = text.split("\n", 6).filter((line) => /^\s*(#|\/\/|\/\*|\*|<!--)/.test(line));
  return head.some((line) => /@generated\b|\bdo not edit\b|\b(auto-?)?generated (from|by)\b|\b(file|code) (is |was )?(auto-?)?generated\b/i.test(line));
}

/** Lints or fixes one text; every per-file failure becomes a message, never an exception. */
export async function checkText(
  path: string,
  language: Language,
  text: string,
  context: TextLintContext,
  fixing: { allowed: ReadonlySet<FixSafety>; decide?: Decide } | undefined,
): Promise<TextOutcome & { internalError: boolean; parserLost?: true }> {
  const budget = timeBudget(context.fileTimeoutMs);
  try {
    if (language === "markdown" || language === "notebook") {
      return { ...(await checkContainer(path, language, text, context, fixing, budget)), internalError: false };
    }
    const generated = isGeneratedSource(text);
    if (!fixing || generated) {
      const outcome = await lintText(path, language, text, context, budget);
      let messages =
        "parseError" in outcome
          ? [fatalMessage(text, outcome.parseError.range.start, outcome.parseError.message), ...toMessages(outcome.recovered ?? [], text)]
          : toMessages(outcome.diagnostics, text);
      if (generated && messages.some((message) => message.fix || message.suggestions || message.fixedWith)) {
        // Lint and fix say the same of it: findings, and no fix offered.
        messages = [generatedNotice(), ...messages.map(({ fix: _fix, suggestions: _suggestions, fixedWith: _with, fixTitle: _title, ...rest }) => rest)];
      }
      return { messages, applied: 0, internalError: false, ...crossFileOf(outcome) };
    }
    const outcome = await fixText(path, language, text, context, fixing.allowed, fixing.decide, budget);
    const messages =
      "parseError" in outcome.remaining
        ? [fatalMessage(outcome.text, outcome.remaining.parseError.range.start, outcome.remaining.parseError.message), ...toMessages(outcome.remaining.recovered ?? [], outcome.text)]
        : toMessages(outcome.remaining.diagnostics, outcome.text);
    const lines = outcome.broken.length > 0 ? new LineIndex(text) : undefined;
    for (const broken of outcome.broken) {
      messages.push({
        ...toMessage({ ...broken, fix: undefined } as Diagnostic, text, lines!),
        message: `${broken.message} (its fix would have left the file unparsable, so it was not applied)`,
      });
    }
    return { messages, output: outcome.text, applied: outcome.applied, internalError: false, ...crossFileOf(outcome.remaining) };
  } catch (error) {
    if (error instanceof FileTimeout) {
      return { messages: [fatalMessage(text, 0, `${error.message}; skipped (raise --file-timeout to allow more)`)], applied: 0, internalError: false };
    }
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      return { messages: [fatalMessage(text, 0, "nested too deeply for glm-migrate to read; skipped")], applied: 0, internalError: false };
    }
    // tree-sitter aborts when its WebAssembly memory (4 GB at most) runs out: the parser is gone
    // for this thread, so a supervised thread is replaced after this file.
    if (error instanceof Error && error.constructor.name === "RuntimeError" && /Aborted/.test(error.message)) {
      return { messages: [fatalMessage(text, 0, "too large for the parser's memory; skipped")], applied: 0, internalError: false, parserLost: true };
    }
    const detail = error instanceof RuleCrash ? error.message : `failed on this file: ${(error as Error)?.message ?? String(error)}`;
    return { messages: [fatalMessage(text, 0, `internal error: ${detail}`)], applied: 0, internalError: true };
  }
}

/** Bundlers' output and data dumps: never hand-written client code, and slow to parse. */
const LARGE_DATA_BYTES = 2 * 1024 * 1024;
const MINIFIED_MIN_BYTES = 64 * 1024;
const MINIFIED_LINE_LENGTH = 1000;

export function isGenerated(language: Language, bytes: Buffer): boolean {
  if ((language === "json" || language === "yaml") && bytes.length > LARGE_DATA_BYTES) return true;
  if ((language !== "javascript" && language !== "typescript") || bytes.length < MINIFIED_MIN_BYTES) return false;
  let lines = 1;
  for (let index = bytes.indexOf(10); index !== -1; index = bytes.indexOf(10, index + 1)) lines++;
  return bytes.length / lines > MINIFIED_LINE_LENGTH;
}

export interface FileOutcome {
  /** Present when the file has something to say (findings, a fix, an error). */
  result?: FileResult;
  /** The file passed the prefilter and was parsed. */
  parsed: boolean;
  /** Its analysis ran out of time and was stopped. */
  overBudget?: true;
  /** The parser's WebAssembly instance aborted on it: the thread must not parse another file. */
  parserLost?: true;
  internalError: boolean;
  /** Requests here whose model is a name another file of the tree defines. */
  uses?: CrossFile["modelUses"];
  /** Files whose contents this outcome depends on besides this one. */
  deps?: string[];
  /** Files whose absence it depends on. */
  absent?: string[];
  /** Checked but deliberately not fixed, and why (said once for the run, not per file). */
  leftAlone?: string;
}

/** Checks (or fixes) text not read from disk (`--stdin`, editors): the result holds the fixed text; nothing is written. */
export async function processSource(path: string, text: string, context: TextLintContext, fixing: Fixing | undefined): Promise<FileOutcome> {
  const language = languageForPath(path);
  if (!language) return { result: summarize(path, [noticeMessage("not a file type glm-migrate reads; skipped")]), parsed: false, internalError: false };
  const outcome = await checkText(path, language, text, context, fixing);
  const extra = outcome.output !== undefined ? { output: outcome.output, fixedCount: outcome.applied } : {};
  return {
    result: summarize(path, outcome.messages, { source: text, ...extra }),
    parsed: true,
    internalError: outcome.internalError,
    ...(outcome.parserLost ? { parserLost: true as const } : {}),
  };
}

/** Reads, prefilters, decodes, checks and (when fixing) writes one file. */
export async function processFile(
  path: string,
  context: TextLintContext,
  prefilter: (bytes: Buffer) => boolean,
  fixing: Fixing | undefined,
  /** Waited for before writing: a supervised thread asks whether the file is still within its time. */
  mayWrite?: () => Promise<void>,
): Promise<FileOutcome> {
  let bytes: Buffer;
  try {
    // Synchronous on purpose: files are read one after another, and an awaited read costs a
    // trip through libuv's thread pool that, over tens of thousands of small files, is mostly idle.
    bytes = readFileSync(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { result: summarize(path, [fatalMessage("", 0, `cannot read file: ${reason}`)]), parsed: false, internalError: false };
  }
  stallPoint("read", path);
  const language = languageForPath(path);
  if (!language) {
    const notice = noticeMessage("not a file type glm-migrate reads (Python, JS/TS, .env, YAML, JSON, TOML); skipped");
    return { result: summarize(path, [notice]), parsed: false, internalError: false };
  }
  // The cheap test first: a bundle's megabytes are never searched.
  if (isGenerated(language, bytes) || !prefilter(bytes)) return { parsed: false, internalError: false };
  const decoded = decode(bytes);
  if ("error" in decoded) return { result: summarize(path, [fatalMessage("", 0, decoded.error)]), parsed: false, internalError: false };
  const { text, encoding } = decoded;
  const leftAlone = fixing?.leaveAlone?.(path);
  // A file left alone is linted, not fixed: its findings are what the user needs to see, and a
  // dry run then shows what `fix` would do, which is nothing here.
  const outcome = await checkText(path, language, text, context, leftAlone ? undefined : fixing);
  let messages = outcome.messages;
  const changed = outcome.output !== undefined && outcome.output !== text;
  let written = true;
  if (changed && fixing && !fixing.dryRun) {
    // Interrupted while this file was being checked: it is left as it was, like the files not reached.
    if (fixing.stopped?.()) return { parsed: true, internalError: false };
    try {
      await mayWrite?.();
      stallPoint("write", path);
      await writeAtomic(path, encode(outcome.output!, encoding), bytes);
      await context.linker?.forget(path);
    } catch (error) {
      written = false;
      // The findings as they stand in the file, not as they would after the fixes that were not written.
      const standing = await checkText(path, language, text, context, undefined);
      messages = [fatalMessage(text, 0, `fixes not written: ${(error as Error).message}`), ...standing.messages];
    }
  }
  const shown = changed && written;
  const extra = shown ? { fixedCount: outcome.applied, output: outcome.output!, source: text } : { source: text };
  const result = messages.length > 0 || shown ? summarize(path, messages, extra) : undefined;
  const wouldFix = leftAlone !== undefined && messages.some((message) => message.fix || (message.suggestions && fixing!.allowed.has("unsafe")));
  const crossFile = outcome.crossFile;
  return {
    ...(result ? { result } : {}),
    parsed: true,
    internalError: outcome.internalError,
    ...(outcome.parserLost ? { parserLost: true as const } : {}),
    ...(crossFile?.modelUses ? { uses: crossFile.modelUses } : {}),
    ...(crossFile?.deps ? { deps: crossFile.deps } : {}),
    ...(crossFile?.absent ? { absent: crossFile.absent } : {}),
    ...(wouldFix ? { leftAlone } : {}),
  };
}
