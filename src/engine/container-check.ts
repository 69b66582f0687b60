import { isContainer, languageForPath } from "../languages/index.js";
import { CELL_BOUNDARY, cellLocator, cellOffsetInFile, MASK, markdownBlocks, notebookProgram, renderBlock, renderSource, splitCells, unmask, type Block, type NotebookProgram } from "../languages/containers.js";
import type { Diagnostic, FixSafety } from "../model/rule.js";
import type { Budget } from "../model/budget.js";
import { LineIndex } from "../model/line-index.js";
import type { Message } from "../model/results.js";
import type { Language, ParseError } from "../model/types.js";
import { applyEdits } from "./edit-set.js";
import { fixText, lintText, type Decide, type TextLint, type TextLintContext } from "./lint-text.js";
import { makeTextFilter } from "./prefilter.js";
import { fatalMessage, noticeMessage, toMessages } from "./results.js";
import { triggersOf } from "./rules.js";

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
 * A block or cell that does not parse is checked where the parser recovered and never fixed; it
 * gets a warning with its syntax error (not an error: docs often elide code on purpose) when it
 * names something a rule looks for, since only then may the error hide a finding.
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

interface BlockOutcome {
  diagnostics: Diagnostic[];
  code: string;
  applied: number;
  /** The block does not parse: its findings are what the parser recovered, and it was not fixed. */
  parseError?: ParseError;
}

/** Lints or fixes one block; undefined when its language is not one glm-migrate reads. */
async function checkBlock(block: Block, context: TextLintContext, fixing: Fixing, budget: Budget): Promise<BlockOutcome | undefined> {
  const language = languageForPath(block.virtualPath);
  if (!language || isContainer(language)) return undefined;
  if (!fixing) return fromLint(await lintText(block.virtualPath, language, block.text, context, budget), block.text, 0);
  const outcome = await fixText(block.virtualPath, language, block.text, context, fixing.allowed, fixing.decide, budget);
  return fromLint(outcome.remaining, outcome.text, outcome.applied);
}

function fromLint(lint: TextLint, code: string, applied: number): BlockOutcome {
  if ("diagnostics" in lint) return { diagnostics: lint.diagnostics, code, applied };
  return { diagnostics: lint.recovered ?? [], code, applied: 0, parseError: lint.parseError };
}

const filters = new WeakMap<TextLintContext, (text: string) => boolean>();

/**
 * Whether code names any of the active rules' trigger words (the prefilter's test): a block of
 * pseudo-code about something else cannot hold a finding, and a warning that it does not parse
 * would be noise in every doc-heavy repository.
 */
function mayHoldFindings(context: TextLintContext, code: string): boolean {
  let filter = filters.get(context);
  if (!filter) filters.set(context, (filter = makeTextFilter(triggersOf(context.rules, context.target))));
  return filter(code);
}

/** The warning for a block or cell that does not parse, at its syntax error. */
function syntaxWarning(where: string, error: ParseError, position: { line: number; column: number }): Message {
  return {
    ...noticeMessage(`${where} does not parse (${error.message}); checked where the parser recovered, never fixed`),
    line: position.line,
    column: position.column,
    endLine: position.line,
    endColumn: position.column,
  };
}

async function checkMarkdown(path: string, text: string, context: TextLintContext, fixing: Fixing, budget: Budget): Promise<ContainerOutcome> {
  const checked: { block: Block; outcome: BlockOutcome }[] = [];
  let applied = 0;
  for (const block of markdownBlocks(path, text)) {
    const outcome = await checkBlock(block, context, fixing, budget);
    if (!outcome) continue;
    applied += outcome.applied;
    checked.push({ block, outcome });
  }
  // The file with each block as it now reads, and the findings placed in it.
  let output = "";
  let cursor = 0;
  const diagnostics: Diagnostic[] = [];
  const errors: { offset: number; error: ParseError }[] = [];
  for (const { block, outcome } of checked) {
    output += text.slice(cursor, block.start!);
    const rendered = renderBlock(block, outcome.code);
    const base = output.length;
    for (const diagnostic of outcome.diagnostics) diagnostics.push(placed(diagnostic, (offset) => base + rendered.offset(offset), rendered.indent));
    if (outcome.parseError && mayHoldFindings(context, block.text)) errors.push({ offset: base + rendered.offset(outcome.parseError.range.start), error: outcome.parseError });
    output += rendered.text;
    cursor = block.start! + (block.raw ?? block.text).length;
  }
  output += text.slice(cursor);
  const lines = new LineIndex(output);
  const warnings = errors.map(({ offset, error }) => syntaxWarning("this code block", error, lines.position(offset)));
  return { messages: inOrder(warnings, toMessages(diagnostics, output)), ...(fixing ? { output } : {}), applied };
}

async function checkNotebook(path: string, text: string, context: TextLintContext, fixing: Fixing, budget: Budget): Promise<ContainerOutcome> {
  const whole = notebookProgram(path, text);
  if (whole && "error" in whole) return { messages: [fatalMessage(text, 0, whole.error)], applied: 0 };
  if (!whole) return { messages: [], ...(fixing ? { output: text } : {}), applied: 0 };
  let program = whole;
  let outcome = await checkBlock(program.block, context, fixing, budget);
  if (!outcome) return { messages: [], ...(fixing ? { output: text } : {}), applied: 0 };
  // A cell that does not parse spoils the program: it is left out (its lines kept, blank) and checked alone.
  const broken = outcome.parseError ? await brokenCells(whole, context, budget) : [];
  if (broken.length > 0) {
    const rest = withoutCells(whole, new Set(broken.map(({ cell }) => cell)));
    const again = await checkBlock(rest.block, context, fixing, budget);
    if (again && !again.parseError) [program, outcome] = [rest, again];
  }
  let output = text;
  if (fixing && !outcome.parseError && outcome.code !== program.block.text) {
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
  const written = output === text ? whole : notebookProgram(path, output);
  const cells = written && !("error" in written) ? written : whole;
  const place = cellPlacer(output, cells);
  // Cells located by a search, not by a pass over every cell per finding.
  const cellOf = cellLocator(cells, outcome.code);
  const messages = toMessages(outcome.diagnostics, outcome.code).map((message) => place(message, cellOf(message.line), cellOf(message.endLine)));
  const warnings: Message[] = [];
  if (program !== whole) {
    for (const { cell, outcome: alone } of broken) {
      const inCell = (line: number) => ({ cell, line });
      const position = new LineIndex(alone.code).position(alone.parseError!.range.start);
      if (mayHoldFindings(context, alone.code)) warnings.push(place(syntaxWarning("this cell", alone.parseError!, position), inCell(position.line), inCell(position.line)));
      for (const message of toMessages(alone.diagnostics, alone.code)) messages.push(place(message, inCell(message.line), inCell(message.endLine)));
    }
  } else if (outcome.parseError) {
    // No one cell is to blame (each parses alone): the program's own error, in the cell it falls in.
    const position = new LineIndex(outcome.code).position(outcome.parseError.range.start);
    const at = cellOf(position.line);
    warnings.push(place(syntaxWarning("this cell", outcome.parseError, position), at, at));
  }
  return { messages: inOrder(warnings, messages), ...(fixing ? { output } : {}), applied: outcome.applied };
}

/** The code cells that do not parse on their own, each with what its parser recovered. */
async function brokenCells(program: NotebookProgram, context: TextLintContext, budget: Budget): Promise<{ cell: number; outcome: BlockOutcome }[]> {
  const broken: { cell: number; outcome: BlockOutcome }[] = [];
  for (const cell of program.cells) {
    const outcome = await checkBlock(cell, context, undefined, budget);
    if (outcome?.parseError) broken.push({ cell: cell.cell!, outcome });
  }
  return broken;
}

/** The program with these cells blanked: each keeps its lines, so every other cell keeps its place. */
function withoutCells(program: NotebookProgram, left: ReadonlySet<number>): NotebookProgram {
  const cells = program.cells.map((cell) => (left.has(cell.cell!) ? { ...cell, text: cell.text.replace(/[^\n]/g, ""), masked: new Map<number, string>() } : cell));
  return { block: { ...program.block, text: cells.map((cell) => cell.text).join(`\n${CELL_BOUNDARY}\n`) }, cells };
}

/**
 * Moves a finding from a cell's code to the notebook's JSON file: the file's line and column of
 * the character the cell's source decodes to there, plus the cell and the line within it.
 */
function cellPlacer(output: string, cells: NotebookProgram): (message: Message, start: { cell: number; line: number }, end: { cell: number; line: number }) => Message {
  const lines = new LineIndex(output);
  const byNumber = new Map(cells.cells.map((cell) => [cell.cell, cell]));
  return (message, start, end) => {
    // Fix ranges inside the joined cells mean nothing in the notebook's JSON: keep that it is fixable.
    const { fix, suggestions, ...rest } = message;
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
  };
}

/** The syntax warnings among the findings, by place in the file. */
function inOrder(warnings: Message[], messages: Message[]): Message[] {
  if (warnings.length === 0) return messages;
  return [...warnings, ...messages].sort((a, b) => a.line - b.line || a.column - b.column);
}
