// Bundles the CLI and its worker thread into a few files in dist/src/bundle/ (esbuild): Node's ES
// module loader pays for each file it opens, and a one-file run otherwise loads about two hundred
// modules across its two threads. Code that only some runs need stays in chunks loaded on demand
// (esbuild's splitting at each dynamic import). The tsc output beside it serves the Node API and
// the types. Run after tsc: the CommonJS files that hand TypeScript's compiler over are copied,
// not bundled, so the compiler stays one file that Node requires (and V8 caches) on its own.
import { copyFileSync } from "node:fs";
import { build } from "esbuild";

const OUT = "dist/src/bundle";
const SHIMS = ["typescript.cjs", "compile-cache.cjs"];

await build({
  entryPoints: { main: "src/cli/main.ts", worker: "src/engine/worker.ts" },
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // Loaded when a file or a flag needs them (ts-morph for --type-aware): left to Node, in their own files.
  external: ["ts-morph", "@ts-morph/common", "@babel/parser", "toml-eslint-parser", "ajv", "web-tree-sitter"],
  // ES module builds where a package has one (jsonc-parser): no CommonJS wrapper to run.
  mainFields: ["module", "main"],
  plugins: [
    {
      name: "typescript-shim",
      setup(build) {
        build.onResolve({ filter: /^\.\/typescript\.cjs$/ }, () => ({ path: "./typescript.cjs", external: true }));
      },
    },
  ],
  // Bundled CommonJS dependencies call require; an ES module has none of its own.
  banner: { js: 'import { createRequire as __glmRequire } from "node:module"; const require = __glmRequire(import.meta.url);' },
  logLevel: "warning",
});
for (const shim of SHIMS) copyFileSync(`dist/src/languages/javascript/${shim}`, `${OUT}/${shim}`);
