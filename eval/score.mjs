#!/usr/bin/env node
// Scores glm-migrate against the real-world corpus described by eval/manifest/*.json
// (issue 14, "How to know it works"). Plain Node: it only uses Node's standard library
// and, when present, parsers this repository already depends on (typescript, yaml,
// toml-eslint-parser) to tell whether a fixed file still parses.
//
//   node eval/score.mjs --corpus /work/eval-corpus [--bin bin/glm-migrate.js] [--set python] [--json] [--keep]
//
// See eval/README.md for what each number means and how the corpus folder is rebuilt.

import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, extname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, "..");
const require = createRequire(import.meta.url);

function parseArgs(argv) {
  const args = { corpus: null, bin: join(repoRoot, "bin", "glm-migrate.js"), json: false, sets: [], keep: false, manifests: join(here, "manifest") };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) fail(`${a} needs a value`);
      return argv[++i];
    };
    if (a === "--corpus") args.corpus = value();
    else if (a === "--bin") args.bin = value();
    else if (a === "--set") args.sets.push(value());
    else if (a === "--manifests") args.manifests = value();
    else if (a === "--json") args.json = true;
    else if (a === "--keep") args.keep = true;
    else if (a === "-h" || a === "--help") {
      process.stdout.write("usage: node eval/score.mjs --corpus <folder> [--bin <glm-migrate.js>] [--set <name>]... [--manifests <dir>] [--json] [--keep]\n");
      process.exit(0);
    } else fail(`unknown argument ${a}`);
  }
  if (!args.corpus) fail("--corpus <folder> is required (see eval/README.md)");
  if (!existsSync(args.corpus)) fail(`corpus folder ${args.corpus} does not exist`);
  if (!existsSync(args.bin)) fail(`glm-migrate binary ${args.bin} does not exist (run npm ci, or pass --bin)`);
  args.corpus = realpathSync(args.corpus);
  args.bin = resolve(args.bin);
  return args;
}

function fail(message) {
  process.stderr.write(`score: ${message}\n`);
  process.exit(2);
}

// ---------- manifest ----------

function loadManifests(dir, onlySets) {
  const sets = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".json")).sort()) {
    const data = JSON.parse(readFileSync(join(dir, name), "utf8"));
    if (onlySets.length && !onlySets.includes(data.set)) continue;
    sets.push(data);
  }
  if (!sets.length) fail(`no manifest found in ${dir}`);
  return sets;
}

/** The corpus-relative path of a manifest entry: `<owner>__<name>/<path>`. */
function localPath(entry) {
  const [owner, ...rest] = entry.repo.split("/");
  return `${owner}__${rest.join("/")}/${entry.path}`;
}

// ---------- running the tool ----------

function run(bin, args, cwd) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", maxBuffer: 1 << 30 });
  if (r.error) fail(`could not run ${bin}: ${r.error.message}`);
  return r;
}

function lintJson(bin, folder) {
  const r = run(bin, ["lint", "--format", "json", "--no-gitignore", "--no-config", "--exit-zero", folder], folder);
  if (r.status === 2 && !r.stdout.trim().startsWith("[")) fail(`lint failed (exit 2):\n${r.stderr}`);
  let results;
  try {
    results = JSON.parse(r.stdout);
  } catch {
    fail(`lint did not print JSON:\n${r.stdout.slice(0, 2000)}\n${r.stderr.slice(0, 2000)}`);
  }
  const byFile = new Map();
  for (const result of results) {
    const rel = relative(folder, realpathOr(result.filePath)).split(sep).join("/");
    const messages = result.messages ?? [];
    byFile.set(rel, rel.endsWith(".ipynb") ? notebookLines(join(folder, rel), messages) : messages);
  }
  return { byFile, stderr: r.stderr };
}

/**
 * The tool reports a notebook finding by cell (1-based, every cell counted) and line within
 * the cell; the manifest uses the line in the .ipynb JSON file. With nbformat's usual layout
 * (one source line per JSON string, each on its own line), that is the line of the cell's
 * `"source": [` key plus the line within the cell. Builds that give `cellLine` already report
 * `line` in the JSON file (mapped through the cell's source strings): those are kept as they are,
 * since mapping them again would count the cell's offset twice.
 */
function notebookLines(path, messages) {
  let text;
  try {
    text = readFileSync(path, "utf8").split(/\r?\n/);
  } catch {
    return messages;
  }
  const indentOf = (l) => l.length - l.trimStart().length;
  const cellIndent = text.find((l) => l.trimStart().startsWith('"cell_type"'));
  if (cellIndent === undefined) return messages;
  const level = indentOf(cellIndent);
  const sourceKeys = [];
  text.forEach((l, i) => {
    if (indentOf(l) === level && l.trimStart().startsWith('"source"')) sourceKeys.push({ line: i + 1, list: /\[\s*$/.test(l) });
  });
  return messages.map((m) => {
    if (!m.cell || !m.line || m.cellLine !== undefined) return m;
    const key = sourceKeys[m.cell - 1];
    if (!key) return m;
    const line = key.list ? key.line + m.line : key.line;
    return { ...m, cellLine: m.line, line, endLine: line + ((m.endLine ?? m.line) - m.line) };
  });
}

function realpathOr(p) {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

function fixFolder(bin, folder, unsafe) {
  const args = ["fix", "--no-gitignore", "--no-config", "--exit-zero", "--format", "json"];
  if (unsafe) args.push("--unsafe-fixes");
  args.push(folder);
  const r = run(bin, args, folder);
  return { status: r.status, stderr: r.stderr };
}

// The kind of fix a report offers: "safe" (a fix `fix` applies), "unsafe" (only a
// suggestion applied with --unsafe-fixes) or "none".
function fixKind(message) {
  if (message.fixedWith === "safe" || message.fixedWith === "unsafe") return message.fixedWith;
  if (message.fix) return "safe";
  if ((message.suggestions ?? []).some((s) => /unsafe/i.test(s.desc ?? "") || s.fix)) return "unsafe";
  return "none";
}

// ---------- statement spans (Python), for the documented neighbouring-line tolerance ----------

const SPAN_SCRIPT = String.raw`
import ast, json, sys
req = json.loads(sys.stdin.read())
out = {}
for path, lines in req.items():
    try:
        tree = ast.parse(open(path, encoding="utf-8", errors="replace").read())
    except Exception:
        continue
    spans = {}
    for line in lines:
        best = None
        for node in ast.walk(tree):
            if not isinstance(node, ast.stmt) or not hasattr(node, "end_lineno"):
                continue
            start, end = node.lineno, node.end_lineno
            body = getattr(node, "body", None)
            if isinstance(body, list) and body and isinstance(body[0], ast.stmt):
                # a compound statement: only its header (def line, parameters, if test...)
                end = max(start, body[0].lineno - 1)
            if start <= line <= end and (best is None or end - start < best[1] - best[0]):
                best = (start, end)
        if best:
            spans[str(line)] = best
    out[path] = spans
print(json.dumps(out))
`;

function statementSpans(corpus, files) {
  const req = {};
  for (const f of files) if (f.local.endsWith(".py")) req[join(corpus, f.local)] = [...new Set(f.expected.map((e) => e.line))];
  if (!Object.keys(req).length) return new Map();
  const r = spawnSync("python3", ["-c", SPAN_SCRIPT], { input: JSON.stringify(req), encoding: "utf8", maxBuffer: 1 << 28 });
  const spans = new Map();
  if (r.status !== 0) return spans;
  const out = JSON.parse(r.stdout);
  for (const f of files) {
    const s = out[join(corpus, f.local)];
    if (s) spans.set(f.local, s);
  }
  return spans;
}

// ---------- matching ----------

/**
 * Matches reports to expected findings of one file: first exact (rule, line) pairs,
 * then, for Python, a report on another line of the same statement (a multi-line
 * call or a def header), when no other expected finding of that rule claimed it. Certain
 * expectations claim reports before uncertain ones: one report on a line with both (a retired ID
 * as a mapping's key and as its value) answers the certain one.
 */
function matchFile(expected, reports, spans) {
  const exp = expected.map((e, i) => ({ ...e, index: i, match: null }));
  const rep = reports.map((m, i) => ({ m, index: i, taken: false }));
  const claiming = [...exp.filter((e) => !e.uncertain), ...exp.filter((e) => e.uncertain)];
  for (const e of claiming) {
    const r = rep.find((x) => !x.taken && x.m.ruleId === e.rule && x.m.line === e.line);
    if (r) {
      r.taken = true;
      e.match = r;
      e.how = "exact";
    }
  }
  for (const e of claiming) {
    if (e.match) continue;
    const span = spans?.[String(e.line)];
    if (!span) continue;
    const r = rep.find((x) => !x.taken && x.m.ruleId === e.rule && x.m.line >= span[0] && x.m.line <= span[1]);
    if (r) {
      r.taken = true;
      e.match = r;
      e.how = "same statement";
    }
  }
  return { exp, unmatched: rep.filter((x) => !x.taken).map((x) => x.m) };
}

// ---------- line mapping across a fix (for `after`) ----------

/** Maps 1-based line numbers of `a` to lines of `b` through their longest common subsequence. */
function lineMap(a, b) {
  const n = a.length;
  const m = b.length;
  // A plain LCS table is fine for the corpus' file sizes (a few thousand lines at most).
  const width = m + 1;
  const table = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      table[i * width + j] = a[i] === b[j] ? table[(i + 1) * width + j + 1] + 1 : Math.max(table[(i + 1) * width + j], table[i * width + j + 1]);
  const anchors = new Int32Array(n).fill(-1);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      anchors[i] = j;
      i++;
      j++;
    } else if (table[(i + 1) * width + j] >= table[i * width + j + 1]) i++;
    else j++;
  }
  return (line) => {
    const idx = line - 1;
    if (anchors[idx] >= 0) return anchors[idx] + 1;
    // a changed line: count from the nearest unchanged line above it
    let k = idx - 1;
    while (k >= 0 && anchors[k] < 0) k--;
    const base = k >= 0 ? anchors[k] + 1 : 0;
    return base + (idx - k);
  };
}

// ---------- does it still parse ----------

const PY_PARSE = String.raw`
import ast, json, sys
out = {}
for path in json.loads(sys.stdin.read()):
    try:
        ast.parse(open(path, encoding="utf-8").read())
        out[path] = True
    except Exception as e:
        out[path] = False
print(json.dumps(out))
`;

const NB_PARSE = String.raw`
import ast, json, sys
out = {}
for path in json.loads(sys.stdin.read()):
    try:
        nb = json.load(open(path, encoding="utf-8"))
        bad = 0
        for cell in nb.get("cells", []):
            if cell.get("cell_type") != "code":
                continue
            src = "".join(cell.get("source", [])) if isinstance(cell.get("source"), list) else cell.get("source", "")
            src = "\n".join(l for l in src.split("\n") if not l.lstrip().startswith(("%", "!")))
            try:
                ast.parse(src)
            except Exception:
                bad += 1
        out[path] = bad
    except Exception:
        out[path] = -1
print(json.dumps(out))
`;

function pythonBatch(script, paths) {
  if (!paths.length) return {};
  const r = spawnSync("python3", ["-c", script], { input: JSON.stringify(paths), encoding: "utf8", maxBuffer: 1 << 28 });
  if (r.status !== 0) return Object.fromEntries(paths.map((p) => [p, null]));
  return JSON.parse(r.stdout);
}

let ts = null;
let yaml = null;
let toml = null;
try { ts = require(require.resolve("typescript", { paths: [repoRoot] })); } catch { /* optional */ }
try { yaml = require(require.resolve("yaml", { paths: [repoRoot] })); } catch { /* optional */ }
try { toml = require(require.resolve("toml-eslint-parser", { paths: [repoRoot] })); } catch { /* optional */ }

/** Returns a comparable parse verdict for non-Python files: true, false, a count, or null (not checked). */
function parseVerdict(path, text) {
  const ext = extname(path).toLowerCase();
  try {
    if ([".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts"].includes(ext)) {
      if (!ts) return null;
      const kind = ext.endsWith("x") ? ts.ScriptKind.TSX : ext.includes("ts") ? ts.ScriptKind.TS : ts.ScriptKind.JS;
      const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, kind);
      return (sf.parseDiagnostics ?? []).length;
    }
    if (ext === ".json") return (JSON.parse(text), true);
    if (ext === ".yaml" || ext === ".yml") {
      if (!yaml) return null;
      return yaml.parseAllDocuments(text).every((d) => !d.errors.length);
    }
    if (ext === ".toml") {
      if (!toml) return null;
      return (toml.parseTOML(text), true);
    }
  } catch {
    return false;
  }
  return null;
}

function damaged(files, originalRoot, fixedRoot) {
  const out = [];
  const changed = files.filter((f) => {
    const a = join(originalRoot, f.local);
    const b = join(fixedRoot, f.local);
    return existsSync(a) && existsSync(b) && readFileSync(a, "utf8") !== readFileSync(b, "utf8");
  });
  const py = changed.filter((f) => f.local.endsWith(".py"));
  const nb = changed.filter((f) => f.local.endsWith(".ipynb"));
  const pyBefore = pythonBatch(PY_PARSE, py.map((f) => join(originalRoot, f.local)));
  const pyAfter = pythonBatch(PY_PARSE, py.map((f) => join(fixedRoot, f.local)));
  for (const f of py) if (pyBefore[join(originalRoot, f.local)] === true && pyAfter[join(fixedRoot, f.local)] === false) out.push({ file: f.local, why: "python3 ast.parse fails after fix" });
  const nbBefore = pythonBatch(NB_PARSE, nb.map((f) => join(originalRoot, f.local)));
  const nbAfter = pythonBatch(NB_PARSE, nb.map((f) => join(fixedRoot, f.local)));
  for (const f of nb) {
    const before = nbBefore[join(originalRoot, f.local)];
    const after = nbAfter[join(fixedRoot, f.local)];
    if (before >= 0 && (after === -1 || after > before)) out.push({ file: f.local, why: after === -1 ? "notebook JSON no longer parses" : "a code cell no longer parses" });
  }
  for (const f of changed) {
    if (f.local.endsWith(".py") || f.local.endsWith(".ipynb")) continue;
    const before = parseVerdict(f.local, readFileSync(join(originalRoot, f.local), "utf8"));
    const after = parseVerdict(f.local, readFileSync(join(fixedRoot, f.local), "utf8"));
    if (before === null || after === null) continue;
    const worse = typeof before === "number" ? after > before : before === true && after === false;
    if (worse) out.push({ file: f.local, why: "no longer parses after fix" });
  }
  return { changed: changed.length, damaged: out };
}

// ---------- scoring ----------

function ratio(a, b) {
  return b === 0 ? null : a / b;
}

function fmt(x) {
  return x === null ? "-" : x.toFixed(3);
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const sets = loadManifests(args.manifests, args.sets);
  const allFiles = [];
  for (const set of sets)
    for (const entry of set.files) allFiles.push({ set: set.set, entry, local: localPath(entry), expected: entry.expected ?? [] });

  const missing = allFiles.filter((f) => !existsSync(join(args.corpus, f.local)));
  const files = allFiles.filter((f) => existsSync(join(args.corpus, f.local)));

  const lint = lintJson(args.bin, args.corpus);
  const spans = statementSpans(args.corpus, files);

  // fixes: one copy fixed with safe fixes, one with unsafe fixes too; each fixed twice
  const work = mkdtempSync(join(tmpdir(), "glm-eval-"));
  const safeRoot = join(work, "safe");
  const unsafeRoot = join(work, "unsafe");
  cpSync(args.corpus, safeRoot, { recursive: true });
  cpSync(args.corpus, unsafeRoot, { recursive: true });
  fixFolder(args.bin, safeRoot, false);
  fixFolder(args.bin, unsafeRoot, true);
  const snapshot = (root) => new Map(files.map((f) => [f.local, existsSync(join(root, f.local)) ? readFileSync(join(root, f.local), "utf8") : null]));
  const safeOnce = snapshot(safeRoot);
  const unsafeOnce = snapshot(unsafeRoot);
  fixFolder(args.bin, safeRoot, false);
  fixFolder(args.bin, unsafeRoot, true);
  const secondChanged = [];
  for (const [root, once, label] of [[safeRoot, safeOnce, "fix"], [unsafeRoot, unsafeOnce, "fix --unsafe-fixes"]]) {
    const twice = snapshot(root);
    for (const f of files) if (once.get(f.local) !== twice.get(f.local)) secondChanged.push({ file: f.local, run: label });
  }
  // restore the once-fixed state for the `after` and damage checks
  for (const [root, once] of [[safeRoot, safeOnce], [unsafeRoot, unsafeOnce]])
    for (const f of files) if (once.get(f.local) !== null) writeFileSync(join(root, f.local), once.get(f.local));

  const dmgSafe = damaged(files, args.corpus, safeRoot);
  const dmgUnsafe = damaged(files, args.corpus, unsafeRoot);

  const perSet = new Map();
  const missed = [];
  const unexpected = [];
  const uncertainOutcomes = [];
  const wrongAfter = [];
  const kindMismatch = [];
  const toolErrors = [];
  const mapCache = new Map();
  const stat = (name) => {
    if (!perSet.has(name))
      perSet.set(name, { files: 0, repos: new Set(), expected: 0, uncertain: 0, reports: 0, tp: 0, uncertainHit: 0, fp: 0, fn: 0, sameStatement: 0, kindAgree: 0, afters: 0, aftersRight: 0, damaged: 0, secondFix: 0 });
    return perSet.get(name);
  };

  for (const f of files) {
    const s = stat(f.set);
    s.files++;
    s.repos.add(f.entry.repo);
    const messages = lint.byFile.get(f.local) ?? [];
    const reports = messages.filter((m) => m.ruleId);
    for (const m of messages) if (!m.ruleId) toolErrors.push({ file: f.local, line: m.line, message: m.message });
    const { exp, unmatched } = matchFile(f.expected, reports, spans.get(f.local));
    s.reports += reports.length;
    for (const e of exp) {
      if (e.uncertain) {
        s.uncertain++;
        if (e.match) s.uncertainHit++;
        uncertainOutcomes.push({ file: f.local, line: e.line, rule: e.rule, hit: !!e.match, reason: e.reason });
        continue;
      }
      s.expected++;
      if (e.match) {
        s.tp++;
        if (e.how === "same statement") s.sameStatement++;
        const kind = fixKind(e.match.m);
        if (kind === e.fix) s.kindAgree++;
        else kindMismatch.push({ file: f.local, line: e.line, rule: e.rule, expectedFix: e.fix, toolFix: kind });
      } else {
        s.fn++;
        missed.push({ set: f.set, file: f.local, line: e.line, rule: e.rule, reason: e.reason });
      }
      if (e.after !== undefined) {
        s.afters++;
        const root = e.fix === "unsafe" ? unsafeRoot : safeRoot;
        const fixedText = (e.fix === "unsafe" ? unsafeOnce : safeOnce).get(f.local) ?? "";
        const original = readFileSync(join(args.corpus, f.local), "utf8").split(/\r?\n/);
        const fixed = fixedText.split(/\r?\n/);
        const key = `${root}:${f.local}`;
        if (!mapCache.has(key)) mapCache.set(key, lineMap(original, fixed));
        const got = fixed[mapCache.get(key)(e.line) - 1];
        if (got === e.after) s.aftersRight++;
        else wrongAfter.push({ file: f.local, line: e.line, rule: e.rule, want: e.after, got: got ?? "(no such line)" });
      }
    }
    s.fp += unmatched.length;
    for (const m of unmatched) unexpected.push({ set: f.set, file: f.local, line: m.line, rule: m.ruleId, message: m.message });
  }
  for (const d of [...dmgSafe.damaged, ...dmgUnsafe.damaged]) stat(files.find((f) => f.local === d.file).set).damaged++;
  for (const d of secondChanged) stat(files.find((f) => f.local === d.file).set).secondFix++;

  const total = { files: 0, repos: new Set(), expected: 0, uncertain: 0, reports: 0, tp: 0, uncertainHit: 0, fp: 0, fn: 0, sameStatement: 0, kindAgree: 0, afters: 0, aftersRight: 0, damaged: 0, secondFix: 0 };
  for (const s of perSet.values())
    for (const k of Object.keys(total)) {
      if (k === "repos") for (const r of s.repos) total.repos.add(r);
      else total[k] += s[k];
    }
  const summarize = (name, s) => ({
    set: name,
    files: s.files,
    repos: s.repos.size,
    expected: s.expected,
    uncertain: s.uncertain,
    reports: s.reports,
    truePositives: s.tp,
    matchedOnSameStatement: s.sameStatement,
    falsePositives: s.fp,
    missed: s.fn,
    // a report matching an uncertain expectation is neither right nor wrong for precision
    precision: ratio(s.tp, s.tp + s.fp),
    recall: ratio(s.tp, s.expected),
    uncertainReported: ratio(s.uncertainHit, s.uncertain),
    fixKindAgrees: ratio(s.kindAgree, s.tp),
    fixesRight: `${s.aftersRight}/${s.afters}`,
    filesDamaged: s.damaged,
    secondFixChanged: s.secondFix,
  });
  const summary = [...perSet.entries()].map(([n, s]) => summarize(n, s));
  summary.push(summarize("overall", total));

  const report = {
    tool: args.bin,
    corpus: args.corpus,
    missingFiles: missing.map((f) => f.local),
    summary,
    missed,
    unexpected,
    uncertain: uncertainOutcomes,
    fixKindMismatches: kindMismatch,
    wrongAfter,
    damaged: [...dmgSafe.damaged.map((d) => ({ ...d, run: "fix" })), ...dmgUnsafe.damaged.map((d) => ({ ...d, run: "fix --unsafe-fixes" }))],
    secondFixChanged: secondChanged,
    filesChangedByFix: { fix: dmgSafe.changed, "fix --unsafe-fixes": dmgUnsafe.changed },
    toolErrors,
  };

  if (!args.keep) rmSync(work, { recursive: true, force: true });
  else report.workDir = work;

  if (args.json) {
    process.stdout.write(JSON.stringify(report, null, 2) + "\n");
    return;
  }
  const cols = ["set", "files", "repos", "expected", "uncertain", "reports", "truePositives", "falsePositives", "missed", "precision", "recall", "uncertainReported", "fixKindAgrees", "fixesRight", "filesDamaged", "secondFixChanged"];
  const head = ["set", "files", "repos", "expected", "uncert.", "reports", "TP", "FP", "FN", "precision", "recall", "uncert.hit", "fix kind ok", "fixes right", "damaged", "2nd fix"];
  const rows = summary.map((s) => cols.map((c) => (typeof s[c] === "number" && !Number.isInteger(s[c]) ? fmt(s[c]) : s[c] === null ? "-" : String(s[c]))));
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join("  ");
  const out = [];
  out.push(line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line));
  out.push("", `manifest files changed by fix: ${dmgSafe.changed}; by fix --unsafe-fixes: ${dmgUnsafe.changed}`);
  if (missing.length) out.push("", `missing from the corpus folder (${missing.length}):`, ...missing.map((f) => `  ${f.local}`));
  out.push("", `missed expected findings (${missed.length}):`, ...missed.map((m) => `  ${m.file}:${m.line} ${m.rule} -- ${m.reason}`));
  out.push("", `unexpected reports (${unexpected.length}):`, ...unexpected.map((u) => `  ${u.file}:${u.line} ${u.rule} ${u.message}`));
  out.push("", `uncertain expectations (${uncertainOutcomes.length}, ${uncertainOutcomes.filter((u) => u.hit).length} reported):`, ...uncertainOutcomes.map((u) => `  ${u.hit ? "reported" : "silent  "} ${u.file}:${u.line} ${u.rule}`));
  if (kindMismatch.length) out.push("", `fix kind differs from the expectation (${kindMismatch.length}):`, ...kindMismatch.map((k) => `  ${k.file}:${k.line} ${k.rule} expected ${k.expectedFix}, tool offers ${k.toolFix}`));
  if (wrongAfter.length) out.push("", `fixed line differs from \`after\` (${wrongAfter.length}):`, ...wrongAfter.map((w) => `  ${w.file}:${w.line} ${w.rule}\n      want: ${w.want}\n      got:  ${w.got}`));
  if (report.damaged.length) out.push("", `damaged files (${report.damaged.length}):`, ...report.damaged.map((d) => `  ${d.file} (${d.run}): ${d.why}`));
  if (secondChanged.length) out.push("", `second fix changed (${secondChanged.length}):`, ...secondChanged.map((d) => `  ${d.file} (${d.run})`));
  if (toolErrors.length) out.push("", `files the tool reported errors for (${toolErrors.length}):`, ...toolErrors.map((t) => `  ${t.file}:${t.line ?? ""} ${t.message}`));
  process.stdout.write(out.join("\n") + "\n");
}

main();
