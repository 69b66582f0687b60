import { parseTree, type Node } from "jsonc-parser";
import { indentOf } from "../model/edits.js";

/**
 * Files that hold code of other languages: Markdown's fenced code blocks and Jupyter notebooks'
 * code cells. Each block is checked as a file of its own language and written back in place, so
 * prose, outputs and notebook JSON outside the edited cells stay byte for byte as they were.
 */
export interface Block {
  /** The block's code. */
  text: string;
  /** A path that names the block and carries its language's extension: `README.md#L12.py`. */
  virtualPath: string;
  /** Markdown: where the code starts in the file. */
  start?: number;
  /** Markdown, indented fences: the block's lines as in the file, and what each line lost. */
  raw?: string;
  indent?: number;
  removed?: number[];
  /** Notebooks: the cell's number (1-based, counting every cell). */
  cell?: number;
  /** Notebooks: the source node, to write a changed cell back. */
  source?: Node;
  /** Lines hidden from the parser (IPython magics), by line number, with their text. */
  masked?: Map<number, string>;
}

const FENCE_LANGUAGES: Record<string, string> = {
  python: "py",
  py: "py",
  python3: "py",
  ipython: "py",
  ts: "ts",
  typescript: "ts",
  tsx: "tsx",
  js: "js",
  javascript: "js",
  mjs: "mjs",
  cjs: "cjs",
  jsx: "jsx",
  json: "json",
  jsonc: "json",
  yaml: "yaml",
  yml: "yaml",
  toml: "toml",
  env: "env",
  dotenv: "env",
  bash: "sh",
  sh: "sh",
  shell: "sh",
  zsh: "sh",
  console: "sh",
};

const LIST_ITEM = /^( *)([-*+]|\d{1,9}[.)])( +)(?=\S)/;

/**
 * Fenced code blocks (``` or ~~~, CommonMark's rules for closing), at the margin or indented
 * inside list items, as docs number their steps. An indented fence's code is its lines less the
 * fence's indentation (CommonMark removes up to that many spaces from each), so it is not one
 * slice of the file: `removed` says how much each line lost, and `renderBlock` puts it back.
 */
export function markdownBlocks(path: string, text: string): Block[] {
  const blocks: Block[] = [];
  const lines = text.split("\n");
  let offset = 0;
  let open: { fence: string; language: string; start: number; line: number; indent: number; code: string[]; removed: number[] } | undefined;
  /** Content columns of the list items the current line may belong to, innermost last. */
  const lists: number[] = [];
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!;
    const line = raw.replace(/\r$/, "");
    const lineStart = offset;
    offset += raw.length + 1;
    const indent = /^ */.exec(line)![0].length;
    if (!open) {
      const item = LIST_ITEM.exec(line);
      if (item) {
        while (lists.length && lists.at(-1)! > indent) lists.pop();
        lists.push(item[0].length);
      } else if (line.trim() !== "") {
        while (lists.length && lists.at(-1)! > indent) lists.pop();
      }
      // A fence opens at the margin (up to 3 spaces) or at a list item's content column (up to 3 more).
      const match = item ? null : /^ *(`{3,}|~{3,})\s*([\w+-]*)/.exec(line);
      const container = lists.filter((column) => column <= indent).at(-1) ?? 0;
      if (match && indent - container <= 3 && !(match[1]!.startsWith("`") && line.slice(indent + match[1]!.length).includes("`"))) {
        open = { fence: match[1]!, language: match[2]!.toLowerCase(), start: offset, line: index + 2, indent, code: [], removed: [] };
      }
      continue;
    }
    const close = new RegExp(`^ *${open.fence[0] === "`" ? "`" : "~"}{${open.fence.length},}\\s*$`);
    if (!close.test(line) || indent > open.indent + 3) {
      const removed = Math.min(indent, open.indent);
      open.code.push(raw.slice(removed));
      open.removed.push(removed);
      continue;
    }
    const extension = FENCE_LANGUAGES[open.language];
    if (extension) {
      const end = Math.max(open.start, lineStart);
      const slice = text.slice(open.start, end);
      const indented = open.removed.some((count) => count > 0);
      blocks.push({
        text: indented ? open.code.map((line) => `${line}\n`).join("") : slice,
        virtualPath: `${path}#L${open.line}.${extension}`,
        start: open.start,
        ...(indented ? { raw: slice, indent: open.indent, removed: open.removed } : {}),
      });
    }
    open = undefined;
  }
  return blocks;
}

/**
 * A Markdown block's code as it sits in the file, and where an offset of the code lands in that
 * text: the original slice for unchanged code, the fixed code re-indented otherwise.
 */
export function renderBlock(block: Block, code: string): { text: string; offset: (position: number) => number; indent: string } {
  const raw = block.raw ?? block.text;
  if (!block.removed) return { text: code, offset: (position) => position, indent: "" };
  const original = block.text.split("\n");
  const lines = code.split("\n");
  const sameShape = lines.length === original.length;
  const indent = " ".repeat(block.indent!);
  const removed = lines.map((line, index) =>
    sameShape && line === original[index] ? block.removed![index] ?? 0 : line.trim() === "" ? 0 : block.indent!,
  );
  const text = code === block.text ? raw : lines.map((line, index) => " ".repeat(removed[index]!) + line).join("\n");
  const starts: number[] = [];
  let at = 0;
  for (const line of lines) {
    starts.push(at);
    at += line.length + 1;
  }
  return {
    text,
    indent,
    offset: (position) => {
      let line = starts.length - 1;
      while (line > 0 && starts[line]! > position) line--;
      return position + removed.slice(0, line + 1).reduce((sum, count) => sum + count, 0);
    },
  };
}

/** IPython magics and shell escapes are not Python: hidden behind a comment while parsing. */
const MAGIC = /^\s*[%!]/;
/** Hides a magic line from the parser (columns on such a line are shifted by its length). */
export const MASK = "#glm-migrate-masked:";

/** Between cells in the joined program: a comment no fix touches, to split the cells apart again. */
export const CELL_BOUNDARY = "# glm-migrate: next cell";

/**
 * A notebook's code cells run in one namespace, one after another: they are checked as one
 * program (the client made in cell 2 is known in cell 5), joined by boundary comments.
 */
export interface NotebookProgram {
  block: Block;
  cells: Block[];
}

export function notebookProgram(path: string, text: string): NotebookProgram | undefined | { error: string } {
  const cells = notebookBlocks(path, text);
  if ("error" in cells) return cells;
  if (cells.length === 0) return undefined;
  const extension = cells[0]!.virtualPath.slice(cells[0]!.virtualPath.lastIndexOf(".") + 1);
  const joined = cells.map((cell) => cell.text).join(`\n${CELL_BOUNDARY}\n`);
  return { block: { text: joined, virtualPath: `${path}#cells.${extension}` }, cells };
}

/** The cells' code from the joined program, or undefined if the boundaries did not survive. */
export function splitCells(program: NotebookProgram, joined: string): string[] | undefined {
  const parts = joined.split(`\n${CELL_BOUNDARY}\n`);
  return parts.length === program.cells.length ? parts : undefined;
}

/**
 * Which cell a line of the joined program is in, and the line within that cell (1-based). The
 * cells' first lines are counted once, so placing every finding costs a search, not a pass.
 */
export function cellLocator(program: NotebookProgram, joined: string): (line: number) => { cell: number; line: number } {
  const parts = splitCells(program, joined) ?? program.cells.map((cell) => cell.text);
  const firsts: number[] = [];
  const ends: number[] = [];
  let first = 1;
  for (const part of parts) {
    let count = 1;
    for (let index = part.indexOf("\n"); index !== -1; index = part.indexOf("\n", index + 1)) count++;
    firsts.push(first);
    ends.push(first + count);
    first += count + 1;
  }
  return (line) => {
    // The first cell whose lines end after this one.
    let low = 0;
    let high = parts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (line < ends[middle]!) high = middle;
      else low = middle + 1;
    }
    if (low === parts.length) return { cell: program.cells.at(-1)!.cell!, line };
    return { cell: program.cells[low]!.cell!, line: line - firsts[low]! + 1 };
  };
}

/**
 * Where a position in a cell's code (1-based line and column of the block's text, hidden magics
 * included) sits in the notebook file: the offset in the JSON of the character that the cell's
 * source string decodes to there, so CI annotations land on the file's own line.
 */
export function cellOffsetInFile(text: string, cell: Block, line: number, column: number): number {
  const source = cell.source!;
  const starts = lineStartsOf(cell);
  let offset = starts[Math.min(line - 1, starts.length - 1)]!;
  offset += Math.max(0, column - 1 - (cell.masked?.has(line - 1) ? MASK.length : 0));
  const parts = source.type === "array" ? (source.children ?? []).filter((part) => part.type === "string") : [source];
  if (parts.length === 0 || parts[0]!.type !== "string") return source.offset;
  for (const [index, part] of parts.entries()) {
    const length = String(part.value).length;
    if (offset < length || index === parts.length - 1) return rawOffset(text, part, Math.min(offset, length));
    offset -= length;
  }
  return source.offset;
}

/**
 * Where each line of a cell's code starts in its source, hidden magics' masks left out (one entry
 * past the last line): counted once per cell, since every finding in it asks.
 */
const lineStarts = new WeakMap<Block, number[]>();
function lineStartsOf(cell: Block): number[] {
  let starts = lineStarts.get(cell);
  if (starts) return starts;
  const lines = cell.text.split("\n");
  starts = [0];
  for (let index = 0; index < lines.length; index++) starts.push(starts[index]! + lines[index]!.length + 1 - (cell.masked?.has(index) ? MASK.length : 0));
  lineStarts.set(cell, starts);
  return starts;
}

/** The file offset of the `count`-th decoded UTF-16 unit of a JSON string literal. */
function rawOffset(text: string, literal: Node, count: number): number {
  let at = literal.offset + 1;
  const end = literal.offset + literal.length - 1;
  for (let decoded = 0; decoded < count && at < end; decoded++) {
    if (text[at] !== "\\") at++;
    else at += text[at + 1] === "u" ? 6 : 2;
  }
  return at;
}

function notebookBlocks(path: string, text: string): Block[] | { error: string } {
  const root = parseTree(text);
  if (!root || root.type !== "object") return { error: "not a valid notebook (JSON)" };
  const child = (node: Node | undefined, key: string): Node | undefined =>
    node?.children?.find((property) => property.children?.[0]?.value === key)?.children?.[1];
  const metadata = child(root, "metadata");
  const language = String(child(child(metadata, "kernelspec"), "language")?.value ?? child(child(metadata, "language_info"), "name")?.value ?? "python");
  const extension = FENCE_LANGUAGES[language.toLowerCase()];
  const cells = child(root, "cells");
  if (!extension || !cells?.children) return [];
  const blocks: Block[] = [];
  cells.children.forEach((cell, index) => {
    if (child(cell, "cell_type")?.value !== "code") return;
    const source = child(cell, "source");
    if (!source) return;
    const code = source.type === "array" ? (source.children ?? []).map((part) => String(part.value ?? "")).join("") : String(source.value ?? "");
    // A cell magic (%%bash, %%writefile) makes the whole cell another language.
    if (/^\s*%%/.test(code)) return;
    const masked = new Map<number, string>();
    const lines = code.split("\n").map((line, number) => {
      if (!MAGIC.test(line)) return line;
      masked.set(number, line);
      return `${MASK}${line}`;
    });
    blocks.push({ text: lines.join("\n"), virtualPath: `${path}#cell${index + 1}.${extension}`, cell: index + 1, source, masked });
  });
  return blocks;
}

/** The cell's code after fixing, with its magics back, or undefined if a fix touched them. */
export function unmask(block: Block, fixed: string): string | undefined {
  const lines = fixed.split("\n");
  const restored = lines.map((line) => (line.startsWith(MASK) ? line.slice(MASK.length) : line));
  const magics = restored.filter((_, number) => lines[number]!.startsWith(MASK));
  const expected = [...(block.masked?.values() ?? [])];
  if (magics.length !== expected.length || magics.some((line, index) => line !== expected[index])) return undefined;
  return restored.join("\n");
}

/**
 * A cell's source written back in the notebook's own shape: an array of lines (each keeping its
 * newline) at the indentation the file uses, or a single string.
 */
export function renderSource(text: string, source: Node, code: string): string {
  if (source.type !== "array") return JSON.stringify(code);
  const parts = code.split(/(?<=\n)/).filter((part) => part.length > 0);
  if (parts.length === 0) return "[]";
  const first = source.children?.[0];
  if (!first || !text.slice(source.offset, first.offset).includes("\n")) {
    return `[${parts.map((part) => JSON.stringify(part)).join(", ")}]`;
  }
  const indent = indentOf(text, first.offset);
  const closing = indentOf(text, source.offset + source.length - 1);
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  return `[${eol}${parts.map((part) => `${indent}${JSON.stringify(part)}`).join(`,${eol}`)}${eol}${closing}]`;
}
