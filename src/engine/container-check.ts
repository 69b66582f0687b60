import { languageForPath } from "../languages/index.js";
import { cellLocator, markdownBlocks, notebookProgram, renderSource, splitCells, unmask, type Block } from "../languages/containers.js";
import type { Diagnostic, FixSafety } from "../model/rule.js";
import type { Language } from "../model/types.js";
import type { Budget } from "./budget.js";
import { applyEdits } from "./edit-set.js";
import { fixText, lintText, type Decide, type TextLintContext } from "./lint-text.js";
import { fatalMessage, toMessages, type Message } from "./results.js";

export interface ContainerOutcome {
  messages: Message[];
  output?: string;
  applied: number;
}

function shifted(diagnostic: Diagnostic, by: number): Diagnostic {
  const move = (offset: number): number => offset + by;
  return {
    ...diagnostic,
    range: { start: move(diagnostic.range.start), end: move(diagnostic.range.end) },
    ...(diagnostic.fix
      ? { fix: { ...diagnostic.fix, edits: diagnostic.fix.edits.map((edit) => ({ ...edit, start: move(edit.start), end: move(edit.end) })) } }
      : {}),
  };
}

/**
 * Markdown and notebooks: every code block is linted (or fixed) as a file of its own language.
 * A block that does not parse is a snippet (docs often elide code) and is passed over quietly.
 * Markdown findings point into the file itself; notebook cells are checked together, as the
 * program they make, and findings say which cell, and the line within it.
 */
export async function checkContainer(
  path: string,
  language: Language,
  text: string,
  context: TextLintContext,
  fixing: { allowed: ReadonlySet<FixSafety>; decide?: Decide } | undefined,
  budget: Budget,
): Promise<ContainerOutcome> {
  return language === "markdown" ? checkMarkdown(path, text, context, fixing, budget) : checkNotebook(path, text, context, fixing, budget);
}

type Fixing = { allowed: ReadonlySet<FixSafety>; decide?: Decide } | undefined;

/** Lints or fixes one block; undefined when it does not parse (a snippet). */
async function checkBlock(block: Block, context: TextLintContext, fixing: Fixing, budget: Budget): Promise<{ diagnostics: Diagnostic[]; code: string; applied: number } | undefined> {
  const language = languageForPath(block.virtualPath);
  if (!language) return undefined;
  if (!fixing) {
    const outcome = await lintText(block.virtualPath, language, block.text, context, budget);
    return "diagnostics" in outcome ? { diagnostics: outcome.diagnostics, code: block.text, applied: 0 } : undefined;
  }
  const outcome = await fixText(block.virtualPath, language, block.text, context, fixing.allowed, fixing.decide, budget);
  return "diagnostics" in outcome.remaining ? { diagnostics: outcome.remaining.diagnostics, code: outcome.text, applied: outcome.applied } : undefined;
}

async function checkMarkdown(path: string, text: string, context: TextLintContext, fixing: Fixing, budget: Budget): Promise<ContainerOutcome> {
  const checked: { block: Block; diagnostics: Diagnostic[]; code: string }[] = [];
  let applied = 0;
  for (const block of markdownBlocks(path, text)) {
    const outcome = await checkBlock(block, context, fixing, budget);
    if (!outcome) continue;
    applied += outcome.applied;
    checked.push({ block, diagnostics: outcome.diagnostics, code: outcome.code });
  }
  // Changed blocks written back in one sweep, and the findings placed with one line index: per
  // block, each would cost the whole file again.
  const output = applyEdits(
    text,
    checked.filter(({ block, code }) => code !== block.text).map(({ block, code }) => ({ start: block.start!, end: block.start! + block.text.length, text: code })),
  );
  const placed: Diagnostic[] = [];
  let growth = 0;
  for (const { block, diagnostics, code } of checked) {
    // Where the block now starts: after the blocks before it have changed length.
    for (const diagnostic of diagnostics) placed.push(shifted(diagnostic, block.start! + growth));
    growth += code.length - block.text.length;
  }
  const messages: Message[] = toMessages(placed, output);
  return { messages, ...(fixing ? { output } : {}), applied };
}

async function checkNotebook(path: string, text: string, context: TextLintContext, fixing: Fixing, budget: Budget): Promise<ContainerOutcome> {
  const program = notebookProgram(path, text);
  if (program && "error" in program) return { messages: [fatalMessage(text, 0, program.error)], applied: 0 };
  if (!program) return { messages: [], ...(fixing ? { output: text } : {}), applied: 0 };
  let outcome = await checkBlock(program.block, context, fixing, budget);
  if (!outcome) return { messages: [], ...(fixing ? { output: text } : {}), applied: 0 };
  let output = text;
  if (fixing && outcome.code !== program.block.text) {
    const parts = splitCells(program, outcome.code);
    const restored = parts?.map((part, index) => unmask(program.cells[index]!, part));
    if (!restored || restored.some((part) => part === undefined)) {
      // A fix reached a boundary or a hidden magic line: report, write nothing.
      outcome = await checkBlock(program.block, context, undefined, budget);
      if (!outcome) return { messages: [], output: text, applied: 0 };
    } else {
      // Rewrite the changed cells' sources, in one sweep.
      const changed = program.cells.map((cell, index) => ({ cell, code: restored[index]! })).filter(({ cell, code }) => unmask(cell, cell.text) !== code);
      output = applyEdits(
        text,
        changed.map(({ cell, code }) => ({ start: cell.source!.offset, end: cell.source!.offset + cell.source!.length, text: renderSource(text, cell.source!, code) })),
      );
    }
  }
  const cellOf = cellLocator(program, outcome.code);
  const messages = toMessages(outcome.diagnostics, outcome.code).map((message) => {
    // Fix ranges inside the joined cells mean nothing in the notebook's JSON: keep that it is fixable.
    const { fix, suggestions, ...rest } = message;
    const start = cellOf(message.line);
    const end = cellOf(message.endLine);
    return {
      ...rest,
      cell: start.cell,
      line: start.line,
      endLine: end.cell === start.cell ? end.line : start.line,
      ...(fix ? { fixedWith: "safe" as const } : suggestions ? { fixedWith: "unsafe" as const } : {}),
    };
  });
  return { messages, ...(fixing ? { output } : {}), applied: outcome.applied };
}
