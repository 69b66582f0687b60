import { isContainer, languageForPath } from "../languages/index.js";
import { cellLocator, cellOffsetInFile, MASK, markdownBlocks, notebookProgram, renderBlock, renderSource, splitCells, unmask, type Block } from "../languages/containers.js";
import type { Diagnostic, FixSafety } from "../model/rule.js";
import type { Budget } from "../model/budget.js";
import { LineIndex } from "../model/line-index.js";
import type { Message } from "../model/results.js";
import type { Language } from "../model/types.js";
import { applyEdits } from "./edit-set.js";
import { fixText, lintText, type Decide, type TextLintContext } from "./lint-text.js";
import { fatalMessage, toMessages } from "./results.js";

export interface ContainerOutcome {
  messages: Message[];
  output?: string;
  applied: number;
}

/** A block's finding moved to where the block sits in the file (edits re-indented with it). */
function placed(diagnostic: Diagnostic, move: (offset: number) => number, indent: string): Diagnostic {
  const text = (edit: string): string => (indent ? edit.replace(/\n/g, `\n${indent}`) : edit);
  return {
    ...diagnostic,
    range: { start: move(diagnostic.range.start), end: move(diagnostic.range.end) },
    ...(diagnostic.fix
      ? { fix: { ...diagnostic.fix, edits: diagnostic.fix.edits.map((edit) => ({ ...edit, start: move(edit.start), end: move(edit.end), text: text(edit.text) })) } }
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
  if (!language || isContainer(language)) return undefined;
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
  // The file with each block as it now reads, and the findings placed in it.
  let output = "";
  let cursor = 0;
  const diagnostics: Diagnostic[] = [];
  for (const { block, diagnostics: found, code } of checked) {
    output += text.slice(cursor, block.start!);
    const rendered = renderBlock(block, code);
    const base = output.length;
    for (const diagnostic of found) diagnostics.push(placed(diagnostic, (offset) => base + rendered.offset(offset), rendered.indent));
    output += rendered.text;
    cursor = block.start! + (block.raw ?? block.text).length;
  }
  output += text.slice(cursor);
  return { messages: toMessages(diagnostics, output), ...(fixing ? { output } : {}), applied };
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
  // Positions are reported in the file as it is after this run (fixed cells moved what follows).
  const written = output === text ? program : notebookProgram(path, output);
  const cells = written && !("error" in written) ? written : program;
  const lines = new LineIndex(output);
  // Cells located by a search and found by number, not by a pass over every cell per finding.
  const cellOf = cellLocator(cells, outcome.code);
  const byNumber = new Map(cells.cells.map((cell) => [cell.cell, cell]));
  const messages = toMessages(outcome.diagnostics, outcome.code).map((message) => {
    // Fix ranges inside the joined cells mean nothing in the notebook's JSON: keep that it is fixable.
    const { fix, suggestions, ...rest } = message;
    const start = cellOf(message.line);
    const end = cellOf(message.endLine);
    const block = byNumber.get(start.cell)!;
    const from = lines.position(cellOffsetInFile(output, block, start.line, message.column));
    const to = end.cell === start.cell ? lines.position(cellOffsetInFile(output, block, end.line, message.endColumn)) : from;
    return {
      ...rest,
      line: from.line,
      column: from.column,
      endLine: to.line,
      endColumn: to.column,
      cell: start.cell,
      cellLine: start.line,
      cellColumn: message.column - (block.masked?.has(start.line - 1) ? MASK.length : 0),
      ...(fix ? { fixedWith: "safe" as const } : suggestions ? { fixedWith: "unsafe" as const } : {}),
    };
  });
  return { messages, ...(fixing ? { output } : {}), applied: outcome.applied };
}
