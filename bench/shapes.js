// Generated source files of a given shape and length, for the scaling benchmark (bench/run.js
// --scaling) and for profiling one shape by hand:
//   node bench/shapes.js <shape> <python|typescript> <lines> > file
// Every file opens with a Cerebras client and ends with a request on a retired model, so it passes
// the prefilter, is parsed whole, and has something to report and fix.

const HEADER = {
  python: ["from cerebras.cloud.sdk import Cerebras", "client = Cerebras()"],
  typescript: ['import Cerebras from "@cerebras/cerebras_cloud_sdk";', "const client = new Cerebras();"],
};
const FOOTER = {
  python: ['r = client.chat.completions.create(model="zai-glm-4.6", messages=[])'],
  typescript: ['const r = await client.chat.completions.create({ model: "zai-glm-4.6", messages: [] });'],
};

/** Each shape: a function from (language, line number) to the lines of one repeated unit. */
const SHAPES = {
  /** One name assigned over and over. */
  rebound: (language) => (language === "python" ? ["x = 1"] : ["x = 1;"]),
  /** A new name on every line. */
  distinct: (language, i) => (language === "python" ? [`x${i} = ${i}`] : [`const x${i} = ${i};`]),
  /** Calls on every line; every tenth is a request with two findings to report and fix. */
  calls: (language, i) => {
    if (i % 10 !== 0) return [language === "python" ? `f${i % 7}(x${i % 13}, ${i}, key=${i % 5})` : `f${i % 7}(x${i % 13}, ${i}, { key: ${i % 5} });`];
    return language === "python"
      ? [`r${i} = client.chat.completions.create(model="zai-glm-4.6", messages=[], max_tokens=${i})`]
      : [`const r${i} = client.chat.completions.create({ model: "zai-glm-4.6", messages: [], max_tokens: ${i} });`];
  },
  /** Small functions and classes. */
  functions: (language, i) =>
    language === "python"
      ? [`def f${i}(a):`, `    return a + ${i}`, `class C${i}:`, `    x = ${i}`]
      : [`function f${i}(a) {`, `  return a + ${i};`, `}`, `class C${i} {`, `  x = ${i};`, `}`],
  /** Imports of modules that do not exist in the tree. */
  imports: (language, i) => (language === "python" ? [`from pkg${i}.mod import name${i}`] : [`import { name${i} } from "./pkg${i}/mod";`]),
  /** Long string literals: ten-line strings, and a 400-character one-line string. */
  strings: (language, i) => {
    const text = Array.from({ length: 8 }, (_, line) => `lorem ipsum dolor sit amet ${i} ${line}`);
    return language === "python"
      ? [`s${i} = """`, ...text, `"""`, `t${i} = "${"lorem ipsum ".repeat(33)}${i}"`]
      : [`const s${i} = \``, ...text, "`;", `const t${i} = "${"lorem ipsum ".repeat(33)}${i}";`];
  },
  /** Blocks nested 40 deep, one after another. */
  nesting: (language, i) => {
    const depth = 40;
    const lines = [];
    for (let level = 0; level < depth; level++) {
      lines.push(language === "python" ? `${"    ".repeat(level)}if x${i} > ${level}:` : `${"  ".repeat(level)}if (x > ${level}) {`);
    }
    lines.push(language === "python" ? `${"    ".repeat(depth)}y = ${i}` : `${"  ".repeat(depth)}y = ${i};`);
    if (language !== "python") for (let level = depth - 1; level >= 0; level--) lines.push(`${"  ".repeat(level)}}`);
    return lines;
  },
  /** A suppression comment on every other line, of each kind. */
  suppressions: (language, i) => {
    const mark = language === "python" ? "#" : "//";
    const end = language === "python" ? "" : ";";
    return [`${mark} glm-migrate-ignore-next-line[model-id] -- pinned`, `model${i} = "zai-glm-4.6"${end}  ${mark} glm-migrate-ignore[low-temperature]`];
  },
  /**
   * Every fiftieth line is 5,000 characters long (a list of numbers); the others are short, so the
   * average stays under the generated-file skip's 1,000 characters a line and the file is read.
   */
  longlines: (language, i) => {
    const end = language === "python" ? "" : ";";
    const decl = language === "python" ? "" : "const ";
    if (i % 50 !== 0) return [`${decl}v${i} = ${i}${end}`];
    const items = [];
    for (let length = 0, n = 0; length < 5000; n++) {
      const item = `${(i + n) % 1000}, `;
      items.push(item);
      length += item.length;
    }
    return [`${decl}v${i} = [${items.join("")}0]${end}`];
  },
};

/** One dict/object literal that holds every line. */
function literal(language, lines) {
  const out = [language === "python" ? "D = {" : "const D = {"];
  for (let i = 0; out.length < lines - 1; i++) out.push(language === "python" ? `    "k${i}": ${i},` : `  k${i}: ${i},`);
  out.push(language === "python" ? "}" : "};");
  return out;
}

export const SHAPE_NAMES = [...Object.keys(SHAPES), "literal"];

/** The text of a file of about `lines` lines of the shape. */
export function generate(shape, language, lines) {
  const header = HEADER[language];
  const footer = FOOTER[language];
  const body = lines - header.length - footer.length;
  const out = [...header];
  if (language === "typescript" && shape !== "literal") out.push(...(shape === "rebound" || shape === "nesting" ? ["let x = 0;", "let y = 0;"] : []));
  if (shape === "literal") for (const line of literal(language, body)) out.push(line);
  else {
    const unit = SHAPES[shape];
    if (!unit) throw new Error(`unknown shape ${shape}; one of ${SHAPE_NAMES.join(", ")}`);
    for (let i = 0; out.length < body + header.length; i++) out.push(...unit(language, i));
  }
  out.push(...footer);
  return `${out.join("\n")}\n`;
}

/**
 * A project of `files` modules for the cross-file phases (module links, the second pass), in the
 * shape of a package like numpy's: its `__init__` (index) gathers one setting from each of
 * `files / 10` submodules, and every submodule imports back into the package's core, whose
 * modules import each other (cycles). Every module imports the client and the model from the
 * package and a helper from the module before it (a chain longer than the link depth); every
 * tenth sends a request. Returns relative path → text.
 */
export function generateProject(language, files) {
  const out = new Map();
  const settings = Math.max(1, Math.floor(files / 10));
  const python = language === "python";
  const ext = python ? "py" : "ts";
  const init = [];
  for (let k = 0; k < settings; k++) {
    init.push(python ? `from .models${k} import MODEL${k}` : `import { MODEL${k} } from "./models${k}";`);
    init.push(python ? `USED${k} = MODEL${k}` : `export const USED${k} = MODEL${k};`);
    out.set(`pkg/models${k}.${ext}`, python ? `from .core import MODEL\n\nMODEL${k} = MODEL\n` : `import { MODEL } from "./core";\n\nexport const MODEL${k} = MODEL;\n`);
  }
  if (python) {
    out.set("pkg/__init__.py", `from .core import MODEL, client\n${init.join("\n")}\n`);
    out.set("pkg/core.py", 'from .helpers import make_client\n\nMODEL = "zai-glm-4.6"\nclient = make_client()\n');
    out.set("pkg/helpers.py", "from cerebras.cloud.sdk import Cerebras\n\nfrom .core import MODEL\n\n\ndef make_client():\n    return Cerebras()\n\n\nDEFAULT = MODEL\n");
    out.set("app/__init__.py", "");
  } else {
    out.set("pkg/index.ts", `export { MODEL, client } from "./core";\n${init.join("\n")}\n`);
    out.set("pkg/core.ts", 'import { makeClient } from "./helpers";\n\nexport const MODEL = "zai-glm-4.6";\nexport const client = makeClient();\n');
    out.set("pkg/helpers.ts", 'import Cerebras from "@cerebras/cerebras_cloud_sdk";\nimport { MODEL } from "./core";\n\nexport function makeClient() {\n  return new Cerebras();\n}\n\nexport const DEFAULT = MODEL;\n');
  }
  for (let i = 0; i < files; i++) {
    const request = i % 10 === 0;
    const lines = [];
    if (python) {
      lines.push("from pkg import MODEL, client");
      if (i > 0) lines.push(`from app.m${i - 1} import ask${i - 1}`);
      lines.push("", "", `def ask${i}(question):`);
      lines.push(request ? '    return client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": question}], temperature=0.1)' : `    return ${i > 0 ? `ask${i - 1}(question)` : "question"}`);
    } else {
      lines.push('import { MODEL, client } from "../pkg";');
      if (i > 0) lines.push(`import { ask${i - 1} } from "./m${i - 1}";`);
      lines.push("", `export async function ask${i}(question: string) {`);
      lines.push(request ? '  return client.chat.completions.create({ model: MODEL, messages: [{ role: "user", content: question }], temperature: 0.1 });' : `  return ${i > 0 ? `ask${i - 1}(question)` : "question"};`);
      lines.push("}");
    }
    out.set(`app/m${i}.${ext}`, `${lines.join("\n")}\n`);
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [shape, language, lines] = process.argv.slice(2);
  process.stdout.write(generate(shape, language ?? "python", Number(lines ?? 10000)));
}
