// Copies the Python and Bash grammars into dist/wasm so the published package needs no native install step.
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const target = new URL("../dist/wasm/", import.meta.url);
mkdirSync(target, { recursive: true });
for (const grammar of ["python", "bash"]) {
  copyFileSync(require.resolve(`tree-sitter-${grammar}/tree-sitter-${grammar}.wasm`), new URL(`tree-sitter-${grammar}.wasm`, target));
}
