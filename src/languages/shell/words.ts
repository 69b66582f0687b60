/**
 * Just enough of the POSIX shell grammar to read a `curl` command as its author wrote it: words
 * (quotes may span lines; a backslash-newline continues the line), commands split by `;`, `&`,
 * `|` and parentheses, comments, and here-documents, whose bodies follow the line that opens
 * them. Nothing is expanded: a word keeps where each of its quoted parts sits in the script.
 */

export interface Segment {
  /** Offsets of the segment's text in the script, quotes excluded. */
  start: number;
  end: number;
  quote: "'" | '"' | "";
}

export interface Word {
  /** The word with quotes removed and escapes resolved (no expansion). */
  value: string;
  start: number;
  end: number;
  segments: Segment[];
}

export interface HereDocument {
  /** The body's offsets: from the line after the command to the delimiter line. */
  start: number;
  end: number;
}

/** A simple command: its words, and the here-documents of the line it is on. */
export interface ShellCommand {
  words: Word[];
  hereDocuments: HereDocument[];
}

const SEPARATORS = new Set([";", "&", "|", "(", ")", "`"]);

export function shellCommands(text: string): ShellCommand[] {
  const commands: ShellCommand[] = [];
  /** Commands of the current line, waiting for the here-documents the line opens. */
  let line: ShellCommand[] = [];
  let command: ShellCommand = { words: [], hereDocuments: [] };
  let word: Word | undefined;
  const pending: { delimiter: string; stripTabs: boolean }[] = [];
  let expectDelimiter: { stripTabs: boolean } | undefined;

  const segment = (start: number, end: number, value: string, quote: Segment["quote"], from: number): void => {
    word ??= { value: "", start: from, end: from, segments: [] };
    word.value += value;
    word.end = quote ? end + 1 : end;
    const last = word.segments.at(-1);
    if (last && last.quote === "" && quote === "" && last.end === start) last.end = end;
    else word.segments.push({ start, end, quote });
  };
  const endWord = (): void => {
    if (!word) return;
    if (expectDelimiter) {
      pending.push({ delimiter: word.value, ...expectDelimiter });
      expectDelimiter = undefined;
    } else {
      command.words.push(word);
    }
    word = undefined;
  };
  const endCommand = (): void => {
    endWord();
    if (command.words.length > 0) line.push(command);
    command = { words: [], hereDocuments: [] };
  };

  let at = 0;
  while (at < text.length) {
    const char = text[at]!;
    if (char === "\\") {
      if (text[at + 1] === "\n") at += 2;
      else if (text[at + 1] === "\r" && text[at + 2] === "\n") at += 3;
      else {
        segment(at + 1, Math.min(at + 2, text.length), text[at + 1] ?? "", "", at);
        at += 2;
      }
    } else if (char === "'") {
      const close = text.indexOf("'", at + 1);
      const end = close === -1 ? text.length : close;
      segment(at + 1, end, text.slice(at + 1, end), "'", at);
      at = end + 1;
    } else if (char === '"') {
      let end = at + 1;
      let value = "";
      while (end < text.length && text[end] !== '"') {
        if (text[end] === "\\" && end + 1 < text.length && '"\\$`\n'.includes(text[end + 1]!)) {
          if (text[end + 1] !== "\n") value += text[end + 1];
          end += 2;
        } else {
          value += text[end];
          end++;
        }
      }
      segment(at + 1, end, value, '"', at);
      at = end + 1;
    } else if (char === "#" && !word) {
      while (at < text.length && text[at] !== "\n") at++;
    } else if (char === "\n") {
      endCommand();
      at++;
      for (const { delimiter, stripTabs } of pending.splice(0)) {
        const start = at;
        let end = text.length;
        while (at < text.length) {
          const next = text.indexOf("\n", at);
          const lineEnd = next === -1 ? text.length : next;
          const content = text.slice(at, lineEnd).replace(/\r$/, "");
          if ((stripTabs ? content.replace(/^\t+/, "") : content) === delimiter) {
            end = at;
            at = next === -1 ? text.length : next + 1;
            break;
          }
          at = next === -1 ? text.length : next + 1;
        }
        for (const done of line) done.hereDocuments.push({ start, end });
      }
      commands.push(...line);
      line = [];
    } else if (char === " " || char === "\t" || char === "\r") {
      endWord();
      at++;
    } else if (text.startsWith("<<<", at)) {
      // A here-string: its word is an argument like any other.
      endWord();
      at += 3;
    } else if (char === "<" && text[at + 1] === "<") {
      endWord();
      const stripTabs = text[at + 2] === "-";
      at += stripTabs ? 3 : 2;
      expectDelimiter = { stripTabs };
    } else if (char === "<" || char === ">") {
      // A redirection: its target is read as a word like any other; only here-documents matter.
      endWord();
      at++;
    } else if (SEPARATORS.has(char)) {
      endCommand();
      at++;
    } else {
      segment(at, at + 1, char, "", at);
      at++;
    }
  }
  endCommand();
  commands.push(...line);
  return commands;
}
