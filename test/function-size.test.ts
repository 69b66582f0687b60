import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const LIMIT = 150;

/** Functions (declarations, methods, arrows) with their length in lines. */
function functionLengths(file: string, text: string): { name: string; lines: number }[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: { name: string; lines: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.end).line;
      const name = node.name && ts.isIdentifier(node.name) ? node.name.text : "(anonymous)";
      found.push({ name: `${file}:${first + 1} ${name}`, lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.c?ts$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

describe("the lowerers", () => {
  const lengths = sources(join(ROOT, "src", "languages")).flatMap((path) => functionLengths(relative(ROOT, path), readFileSync(path, "utf8")));

  it("are read whole", () => {
    expect(lengths.map((entry) => entry.name)).toEqual(expect.arrayContaining([expect.stringMatching(/python\/lower\.ts:\d+ lowerPython$/), expect.stringMatching(/javascript\/lower\.ts:\d+ lowerJavaScript$/)]));
  });

  it(`have no function longer than ${LIMIT} lines`, () => {
    expect(lengths.filter((entry) => entry.lines > LIMIT)).toEqual([]);
  });

  it("measures a function's length in lines", () => {
    expect(functionLengths("x.ts", "function f() {\n  return 1;\n}\nconst g = () =>\n  2;\n")).toEqual([
      { name: "x.ts:1 f", lines: 3 },
      { name: "x.ts:4 (anonymous)", lines: 2 },
    ]);
  });
});
