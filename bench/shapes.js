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

if (import.meta.url === `file://${process.argv[1]}`) {
  const [shape, language, lines] = process.argv.slice(2);
  process.stdout.write(generate(shape, language ?? "python", Number(lines ?? 10000)));
}
